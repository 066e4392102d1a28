import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { Engine } from '$lib/train/engine';
import { FLAT_WINDOW, judgeHealth } from '$lib/train/health';
import { DIVERGE_LOSS, LIMITS } from '$lib/train/settings';
import { fakeBackends, harness, tinySettings } from '../support/train-session';

// tfjs CPU on a shared machine
vi.setConfig({ testTimeout: 120_000 });

let tiny: FaceDataset;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tiny = makeDataset({ seed: 1, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

const healthy = (v: number) => Number.isFinite(v) && Math.abs(v) <= DIVERGE_LOSS;

describe('restore after a divergence (issue 19, bug 1)', () => {
	for (const pace of [null, 5]) {
		it(`lr = 1e6 diverges; at the minimum lr the restored weights train again (pace ${pace})`, async () => {
			const h = harness(fakeBackends());
			const settings = tinySettings({ lr: 1e6 });
			await h.send({ type: 'configure', settings, backend: 'auto' });
			await h.send({ type: 'pace', stepsPerSec: pace });
			// → twice, as in the issue
			for (let i = 0; i < 2 && h.all('diverged').length === 0; i++) {
				await h.send({ type: 'step', n: 1 });
				await h.drain();
			}
			expect(h.all('diverged').map((d) => d.model)).toContain(0);
			await h.send({ type: 'update', settings: { ...settings, lr: LIMITS.lr[0] } });
			await h.send({ type: 'restore', model: 0 });
			await h.send({ type: 'restore', model: 1 });
			h.clear();
			for (let i = 0; i < 3; i++) {
				await h.send({ type: 'step', n: 1 });
				await h.drain();
			}
			expect(h.all('diverged')).toEqual([]);
			const stats = h.last('stats');
			for (const m of stats.models) {
				expect(healthy(m.loss)).toBe(true);
				expect([m.paused, m.diverged]).toEqual([false, false]);
			}
		});
	}
});

describe('the tensor count for the soak', () => {
	it("stats carry the worker's tf.memory().numTensors", async () => {
		const h = harness(fakeBackends());
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		await h.send({ type: 'step', n: 3 });
		await h.drain();
		const n = h.last('stats').numTensors;
		expect(n).toBeGreaterThan(0);
		expect(n).toBe(tf.memory().numTensors);
	});
});

/** Steps an engine until both models are paused or `most` steps have run: each model's alarm (step, reason). */
function runAll(e: Engine, most: number, chunk = 16, stopAt: 0 | 1 | null = null) {
	const alarms = new Map<number, { step: number; reason: string }>();
	while (e.steps < most && e.running && !(stopAt !== null && e.runners[stopAt].paused)) {
		const r = e.step(chunk);
		for (const d of r.diverged) alarms.set(d.model, { step: r.step, reason: d.reason });
	}
	return alarms;
}

/** Steps until model `m` pauses or `most` steps have run: its alarm, or null. */
const runUntil = (e: Engine, m: 0 | 1, most: number, chunk = 16) => runAll(e, most, chunk, m).get(m) ?? null;

describe('dead and collapsed models pause (issue 19, bug 2)', () => {
	it('ArcFace at lr = 1e6: the features overflow, it pauses, and the restored weights train at a low lr', () => {
		const s = tinySettings({ lr: 1e6, a: { loss: 'arcface' }, b: { loss: 'triplet' } });
		const e = new Engine(tiny, s);
		const alarms = runAll(e, 64, 4);
		expect(alarms.get(0)).toMatchObject({ reason: 'features-overflow' });
		expect(alarms.get(1)).toMatchObject({ reason: 'features-overflow' });
		e.update({ ...s, lr: LIMITS.lr[0] });
		e.restore(0);
		e.restore(1);
		for (let i = 0; i < 5; i++) {
			const r = e.step(4);
			expect(r.diverged).toEqual([]);
			expect(r.losses.flat().every(healthy)).toBe(true);
		}
		e.dispose();
	});

	it('ArcFace at lr = 1 collapses onto one point and pauses', () => {
		const e = new Engine(tiny, tinySettings({ lr: 1, batchSize: 64, a: { loss: 'arcface' } }));
		expect(runUntil(e, 0, 96)).toMatchObject({ reason: 'collapsed' });
		const ev = e.evaluate()[0];
		expect(ev.testAcc).toBeLessThanOrEqual(0.25);
		e.dispose();
	});

	it('margins too wide to satisfy: still misclassifying after MARGIN_STEPS, the model pauses', () => {
		const wide = { s: 64, m1: 3, m2: 1.5, m3: 1 };
		const e = new Engine(
			tiny,
			tinySettings({ batchSize: 128, a: { loss: 'cm1', ...wide }, b: { loss: 'sphereface', ...wide } })
		);
		const alarms = runAll(e, 96);
		expect(alarms.get(0)).toMatchObject({ reason: 'margin-too-large' });
		expect(alarms.get(1)).toMatchObject({ reason: 'margin-too-large' });
		e.dispose();
	});

	it('judgeHealth: overflowing or non-finite features, a zero gradient, collapse, a flat loss at chance', () => {
		const fine = [12, 0.1, 0.5, 0.9];
		const losses = Array.from({ length: FLAT_WINDOW }, (_, i) => 1 - i * 0.01);
		expect(judgeHealth(fine, losses, 8)).toBeNull();
		expect(judgeHealth([4e24, 0, 0, 0.125], losses, 8)).toBe('features-overflow');
		expect(judgeHealth([Infinity, 0, 0, 0.125], losses, 8)).toBe('features-overflow');
		expect(judgeHealth([Number.NaN, 0, 0, 0.125], losses, 8)).toBe('features-overflow');
		expect(judgeHealth([30, 0.9999, 1, 0.125], losses, 8)).toBe('collapsed');
		// all on one point but still classifying: not collapsed
		expect(judgeHealth([30, 0.9999, 1, 0.9], losses, 8)).toBeNull();
		expect(judgeHealth([30, 0.2, 0, 0.125], [32.629], 8)).toBe('no-gradient');
		// a zero gradient at a zero loss is a model that has nothing left to learn
		expect(judgeHealth([30, 0.2, 0, 1], [0], 8)).toBeNull();
		const flat = Array.from({ length: FLAT_WINDOW }, () => 2.0794);
		expect(judgeHealth([3, 0.2, 1e-9, 0.125], flat, 8)).toBe('stuck');
		expect(judgeHealth([3, 0.2, 1e-9, 0.125], flat.slice(1), 8)).toBeNull();
		expect(judgeHealth([3, 0.2, 1e-9, 0.5], flat, 8)).toBeNull();
	});
});
