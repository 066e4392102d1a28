import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { Engine } from '$lib/train/engine';
import { flipRows, rotate180 } from '$lib/train/flip';
import { evaluateInverted, flipImagesTensor, invertedMessage } from '$lib/train/inspect';
import { validateSettings } from '$lib/train/settings';

let tiny: FaceDataset;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tiny = makeDataset({ seed: 4, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

afterAll(() => expect(tf.memory().numTensors).toBe(0));

describe('upside-down faces', () => {
	it('rotate180 turns each image by 180° (pixel (r, c) → (H−1−r, W−1−c)) and is its own inverse', () => {
		const two = Float32Array.from({ length: 18 }, (_, i) => i);
		expect(Array.from(rotate180(two, 3))).toEqual([
			8, 7, 6, 5, 4, 3, 2, 1, 0, 17, 16, 15, 14, 13, 12, 11, 10, 9
		]);
		const H = 12;
		const turned = rotate180(tiny.testX, H);
		for (const img of [0, 5]) {
			for (let r = 0; r < H; r++) {
				for (let c = 0; c < H; c++) {
					const at = (rr: number, cc: number) => img * H * H + rr * H + cc;
					expect(turned[at(H - 1 - r, H - 1 - c)]).toBe(tiny.testX[at(r, c)]);
				}
			}
		}
		expect(Array.from(rotate180(turned, H))).toEqual(Array.from(tiny.testX));
		expect(flipRows).toBe(rotate180);
		expect(() => rotate180(new Float32Array(10), 3)).toThrow();
	});

	it('the tensor flip equals rotate180', () => {
		const x = tf.tensor2d(tiny.testX, [tiny.nTest, 144]);
		const f = flipImagesTensor(x, 12);
		expect(f.shape).toEqual([tiny.nTest, 144]);
		expect(Array.from(f.dataSync())).toEqual(Array.from(rotate180(tiny.testX, 12)));
		tf.dispose([x, f]);
	});

	it('upright numbers equal the engine’s evaluation; inverted ones are lower after training; no leak', async () => {
		const s = validateSettings({ size: 12, perIdentity: 50, batchSize: 32, nuisance: zeroNuisance });
		const engine = new Engine(tiny, s);
		engine.step(150);
		const before = tf.memory().numTensors;
		const inv = await evaluateInverted(engine);
		expect(tf.memory().numTensors).toBe(before);
		const ev = engine.evaluate();
		for (const m of [0, 1] as const) {
			const r = inv[m];
			expect(r.uprightAcc).toBeCloseTo(ev[m].testAcc, 5);
			expect(r.uprightThetaDeg).toBeCloseTo((ev[m].testThetaY * 180) / Math.PI, 3);
			expect(Array.from(r.uprightFeatures)).toEqual(Array.from(ev[m].features));
			expect(r.invertedFeatures).toHaveLength(tiny.nTest * 2);
			expect(r.invertedFeatures.every(Number.isFinite)).toBe(true);
			expect(r.invertedPredicted).toHaveLength(tiny.nTest);
			const agree = r.uprightPredicted.filter((p, i) => p === tiny.testY[i]).length / tiny.nTest;
			expect(agree).toBeCloseTo(r.uprightAcc, 5);
			const agreeInv = r.invertedPredicted.filter((p, i) => p === tiny.testY[i]).length / tiny.nTest;
			expect(agreeInv).toBeCloseTo(r.invertedAcc, 5);
			console.log(
				`model ${m}: upright ${(r.uprightAcc * 100).toFixed(1)} %, θ ${r.uprightThetaDeg.toFixed(1)}°; ` +
					`inverted ${(r.invertedAcc * 100).toFixed(1)} %, θ ${r.invertedThetaDeg.toFixed(1)}°`
			);
			expect(r.uprightAcc).toBeGreaterThan(0.9);
			expect(r.invertedAcc).toBeLessThan(r.uprightAcc - 0.2);
			expect(r.invertedThetaDeg).toBeGreaterThan(r.uprightThetaDeg);
		}
		engine.dispose();
	}, 60_000);

	it('the inverted-evaluation message has one sample face per identity and transferable buffers', async () => {
		const engine = new Engine(tiny, validateSettings({ size: 12, perIdentity: 50, nuisance: zeroNuisance }));
		const [msg, transfer] = await invertedMessage(engine, tiny);
		if (msg.type !== 'inverted-evaluation') throw new Error('wrong message');
		expect(msg.samples.map((s) => s.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		for (const s of msg.samples) {
			expect(tiny.testY[s.index]).toBe(s.label);
			expect(Array.from(s.pixels)).toEqual(Array.from(tiny.testX.slice(s.index * 144, (s.index + 1) * 144)));
		}
		expect([msg.step, msg.size, msg.labels.length]).toEqual([0, 12, tiny.nTest]);
		expect(new Set(transfer).size).toBe(transfer.length);
		expect(transfer.length).toBe(1 + 8 + 2 * 5);
		engine.dispose();
	});
});
