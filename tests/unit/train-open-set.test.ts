import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hashSeed, N_UNSEEN, Rng } from '$lib/faces';
import { Engine, type EngineData } from '$lib/train/engine';
import { IMPOSTOR_IDENTITIES, runStaged, seenRows, unseenPerIdentity } from '$lib/train/open-set';
import { parseToWorker, type FromWorker } from '$lib/train/protocol';
import { trainSchema } from '$lib/train/schema';
import { validateSettings } from '$lib/train/settings';
import { harness, tinySettings } from '../support/train-session';

vi.setConfig({ testTimeout: 60_000 });

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** Random 8 × 8 images, `per` training and one held-out image per identity (training needs no real faces). */
function noiseData(classes: number, per = 2): EngineData {
	const size = 8;
	const rng = new Rng(hashSeed(classes, 9));
	const images = (n: number) => Float32Array.from({ length: n * size * size }, () => rng.next());
	const labels = (n: number, each: number) => Int32Array.from({ length: n }, (_, i) => Math.floor(i / each));
	return {
		size,
		classes,
		nTrain: classes * per,
		nTest: classes,
		trainX: images(classes * per),
		trainY: labels(classes * per, per),
		testX: images(classes),
		testY: labels(classes, 1),
		pixelMean: 0.5,
		pixelStd: 0.29
	};
}

const finite = (v: ArrayLike<number>) => Array.from(v).every(Number.isFinite);

/** Waits until the session has posted `n` open-set answers (its report stages run as later jobs). */
async function answers(h: ReturnType<typeof harness>, n: number) {
	await vi.waitFor(
		async () => {
			await h.session.idle();
			expect(h.all('open-set-evaluation')).toHaveLength(n);
		},
		{ timeout: 30_000, interval: 20 }
	);
}

describe('every K × D the lab offers', () => {
	it('trains both default models a few steps without NaN, with K classes and D-dim features', () => {
		const before = tf.memory().numTensors;
		for (const K of trainSchema.identities.choices) {
			const data = noiseData(K);
			for (const dim of trainSchema.dim.choices) {
				const s = validateSettings({ identities: K, dim, size: 8, batchSize: 16 });
				expect([s.identities, s.dim]).toEqual([K, dim]);
				const e = new Engine(data, s);
				expect(e.shape).toMatchObject({ classes: K, featureDim: dim });
				const report = e.step(3);
				expect(report.diverged, `K ${K} D ${dim}`).toEqual([]);
				for (const losses of report.losses) expect(finite(losses) && losses.length === 3).toBe(true);
				for (const ev of e.evaluate()) {
					expect(ev.features).toHaveLength(K * dim);
					expect(ev.centres).toHaveLength(K * dim);
					expect(finite(ev.features) && finite(ev.centres)).toBe(true);
				}
				e.dispose();
			}
		}
		expect(tf.memory().numTensors).toBe(before);
	});

	it('a change of K or D is not a live update', () => {
		const e = new Engine(noiseData(8), validateSettings({ size: 8 }));
		expect(e.update(validateSettings({ size: 8, dim: 3 }))).toBe(false);
		expect(e.update(validateSettings({ size: 8, identities: 16 }))).toBe(false);
		expect(e.update(validateSettings({ size: 8, lr: 0.01 }))).toBe(true);
		e.dispose();
	});
});

describe('the open-set evaluation', () => {
	it('parses its command and clamps its request', () => {
		expect(parseToWorker({ type: 'evaluate-open-set' })).toEqual({ type: 'evaluate-open-set' });
		expect(parseToWorker({ type: 'evaluate-open-set', request: { perIdentity: 7 } })).toEqual({
			type: 'evaluate-open-set',
			request: { perIdentity: 7 }
		});
		expect(parseToWorker({ type: 'evaluate-open-set', request: { perIdentity: 'x' } })).toBeNull();
		expect(parseToWorker({ type: 'evaluate-open-set', request: 3 })).toBeNull();
		expect(unseenPerIdentity({ perIdentity: 1e9 })).toBe(100);
		expect(unseenPerIdentity({ perIdentity: -1 })).toBe(2);
		expect(unseenPerIdentity()).toBe(20);
	});

	it('runs staged answers one job at a time, letting jobs queued meanwhile go between stages', () => {
		const order: string[] = [];
		const waiting: (() => void)[] = [];
		const plan = {
			stages: [() => order.push('stage 1'), () => order.push('stage 2')],
			message: () => [{ type: 'error', message: 'done' }, []] as [FromWorker, ArrayBuffer[]]
		};
		runStaged(
			plan,
			(job) => job(),
			(m) => order.push(m.type),
			(f) => waiting.push(f)
		);
		expect(order).toEqual([]);
		order.push('tick');
		waiting.shift()!();
		order.push('tick');
		waiting.shift()!();
		expect(order).toEqual(['tick', 'stage 1', 'tick', 'stage 2', 'error']);
	});

	it('takes held-out rows of the first identities, at most `cap` each, grouped', () => {
		expect(Array.from(seenRows(Int32Array.from([2, 0, 1, 0, 0, 1, 3]), 2, 2))).toEqual([1, 3, 2, 5]);
	});

	it('answers with seen and unseen reports for both models, D-dim features, and frees its tensors', async () => {
		const h = harness();
		await h.send({ type: 'configure', settings: tinySettings({ dim: 3 }), backend: 'auto' });
		await h.send({ type: 'step', n: 20 });
		await h.drain();
		const before = tf.memory().numTensors;
		await h.send({ type: 'evaluate-open-set', request: { perIdentity: 6 } });
		// the faces are embedded at once; the reports follow as separate jobs
		expect(tf.memory().numTensors).toBe(before);
		await answers(h, 1);
		const m = h.last('open-set-evaluation');
		expect(m).toMatchObject({
			step: 20,
			dim: 3,
			trainIdentities: 8,
			seenIdentities: 8,
			unseenIdentities: N_UNSEEN,
			unseenPerIdentity: 6,
			gallerySize: 8,
			impostorIdentities: IMPOSTOR_IDENTITIES,
			enrolK: [1, 5]
		});
		expect(m.unseenLabels).toHaveLength(N_UNSEEN * 6);
		expect(m.samples).toHaveLength(8);
		expect(m.renderMs).toBeGreaterThan(0);
		for (const model of m.models) {
			expect(model.unseenFeatures).toHaveLength(N_UNSEEN * 6 * 3);
			const { seen, unseen } = model;
			expect(unseen.images).toBe(N_UNSEEN * 6);
			expect(unseen.verification.totalPositive).toBe(N_UNSEEN * 15);
			expect(unseen.verification.totalNegative).toBe((384 * 383) / 2 - N_UNSEEN * 15);
			// 8 × 10 held-out faces of the training identities
			expect(seen.images).toBe(80);
			for (const r of [seen, unseen]) {
				expect(r.identification.map((i) => [i.k, i.gallerySize, i.nonMated])).toEqual([
					[1, 8, IMPOSTOR_IDENTITIES * 6],
					[5, 8, IMPOSTOR_IDENTITIES * 6]
				]);
				for (const i of r.identification) expect(i.rank1).toBeGreaterThanOrEqual(0);
				expect(r.verification.auc).toBeGreaterThan(0.5);
			}
			// 192 non-mated searches: FPIR 1e-1 is allowed (19 false alarms), 1e-2 and 1e-3 are not
			expect(seen.identification[0].dirAtFpir.map((p) => p.rate === null)).toEqual([false, true, true]);
		}
		// the unseen faces are rendered once per data setting
		await h.send({ type: 'evaluate-open-set', request: { perIdentity: 6 } });
		await answers(h, 2);
		expect(h.last('open-set-evaluation').renderMs).toBe(0);
	});

	it('a diverged model gives a report, not an exception', async () => {
		const h = harness();
		await h.send({ type: 'configure', settings: tinySettings({ lr: 1e6 }), backend: 'auto' });
		await h.send({ type: 'step', n: 30 });
		await h.drain();
		await h.send({ type: 'evaluate-open-set', request: { perIdentity: 2 } });
		await answers(h, 1);
		expect(h.all('error').map((e) => e.message)).toEqual([]);
		expect(h.last('open-set-evaluation').models).toHaveLength(2);
	});
});
