import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { Engine } from '$lib/train/engine';
import { embedImages, embeddingsMessage, embedRequestError } from '$lib/train/embed';
import { parseToWorker } from '$lib/train/protocol';
import { validateSettings } from '$lib/train/settings';
import { EmbedRequests } from '$lib/state/embed-requests';

let tiny: FaceDataset;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tiny = makeDataset({ seed: 4, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

afterAll(() => expect(tf.memory().numTensors).toBe(0));

describe('embed-images: raw pictures through both trained models', () => {
	it('gives the same features as the engine’s own evaluation of the held-out faces, and leaks nothing', async () => {
		const s = validateSettings({ size: 12, perIdentity: 50, batchSize: 32, nuisance: zeroNuisance });
		const engine = new Engine(tiny, s);
		engine.step(60);
		const before = tf.memory().numTensors;
		const got = await embedImages(engine, tiny, tiny.testX, tiny.nTest);
		expect(tf.memory().numTensors).toBe(before);
		const ev = engine.evaluate();
		for (const m of [0, 1] as const) {
			expect(got[m].features).toHaveLength(tiny.nTest * 2);
			Array.from(got[m].features).forEach((v, i) => expect(v).toBeCloseTo(ev[m].features[i], 4));
			expect(got[m].cos).toHaveLength(tiny.nTest * 8);
			// the argmax of the scores is the model's own prediction: its accuracy is the held-out accuracy
			let right = 0;
			for (let i = 0; i < tiny.nTest; i++) {
				const row = Array.from(got[m].scores.slice(i * 8, i * 8 + 8));
				if (row.indexOf(Math.max(...row)) === tiny.testY[i]) right++;
			}
			expect(right / tiny.nTest).toBeCloseTo(ev[m].testAcc, 5);
		}
		// ArcFace's scores are s·cos θ without the margin
		const sB = s.b.s;
		Array.from(got[1].scores.slice(0, 8)).forEach((v, j) => expect(v).toBeCloseTo(sB * got[1].cos[j], 3));
		engine.dispose();
	});

	it('answers a malformed request with an error instead of throwing (a throw would move the backend)', async () => {
		const s = validateSettings({ size: 12, perIdentity: 50, nuisance: zeroNuisance });
		const engine = new Engine(tiny, s);
		expect(embedRequestError(12, { size: 20, count: 1, pixels: new Float32Array(400) })).toMatch(/20 px/);
		expect(embedRequestError(12, { size: 12, count: 2, pixels: new Float32Array(144) })).toMatch(/pixels/);
		expect(embedRequestError(12, { size: 12, count: 0, pixels: new Float32Array(0) })).toMatch(/count/);
		expect(embedRequestError(12, { size: 12, count: 1, pixels: new Float32Array(144) })).toBeNull();
		const [msg, transfer] = await embeddingsMessage(engine, tiny, {
			id: 7,
			size: 12,
			count: 3,
			pixels: new Float32Array(10)
		});
		expect(msg).toMatchObject({ type: 'embeddings', id: 7, models: null });
		expect(transfer).toEqual([]);
		engine.dispose();
	});

	it('the protocol accepts a well-formed request only', () => {
		const ok = { type: 'embed-images', id: 1, size: 20, count: 1, pixels: new Float32Array(400) };
		expect(parseToWorker(ok)).toBe(ok);
		expect(parseToWorker({ ...ok, pixels: [1, 2] })).toBeNull();
		expect(parseToWorker({ ...ok, id: 'x' })).toBeNull();
		expect(parseToWorker({ ...ok, count: NaN })).toBeNull();
	});

	it('requests settle by id; a rebuilt run rejects what is still waiting', async () => {
		const sent: number[] = [];
		const req = new EmbedRequests((id) => sent.push(id));
		const a = req.request(12, 1, new Float32Array(144));
		const b = req.request(12, 1, new Float32Array(144));
		expect(sent).toEqual([1, 2]);
		const models = [0, 1].map(() => ({
			features: new Float32Array(2),
			cos: new Float32Array(8),
			scores: new Float32Array(8)
		})) as never;
		req.receive({ id: 2, step: 5, count: 1, classes: 8, models });
		await expect(b).resolves.toMatchObject({ id: 2, step: 5 });
		req.receive({ id: 99, step: 5, count: 1, classes: 8, models }); // unknown id: ignored
		expect(req.pending).toBe(1);
		req.cancelAll('gone');
		await expect(a).rejects.toThrow('gone');
		const c = req.request(12, 1, new Float32Array(144));
		req.receive({ id: 3, step: 0, count: 1, classes: 0, models: null, error: 'bad' });
		await expect(c).rejects.toThrow('bad');
	});
});
