import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { Engine } from '$lib/train/engine';
import { validateSettings, type TrainSettings } from '$lib/train/settings';

let tiny: FaceDataset;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tiny = makeDataset({ seed: 4, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

function settings(extra: Record<string, unknown> = {}): TrainSettings {
	return validateSettings({ size: 12, perIdentity: 50, batchSize: 16, nuisance: zeroNuisance, ...extra });
}

const allFinite = (e: Engine, m: 0 | 1) =>
	e.runners[m].model.readWeightsSync().every((w) => w.every(Number.isFinite));

describe('divergence', () => {
	it('s = 1e6 pauses ArcFace with s-too-large; softmax keeps training; restore gives finite weights', () => {
		const engine = new Engine(tiny, settings({ b: { loss: 'arcface', s: 1e6 } }));
		const first = engine.step(5);
		expect(first.diverged).toEqual([{ model: 1, reason: 's-too-large' }]);
		expect(engine.runners[1].paused).toBe(true);
		const next = engine.step(5);
		expect(next.losses[0]).toHaveLength(5);
		expect(next.losses[1]).toHaveLength(0);
		expect(engine.steps).toBe(10);
		engine.restore(1);
		expect(engine.runners[1].paused).toBe(false);
		expect(allFinite(engine, 1)).toBe(true);
		engine.dispose();
	});

	it('lr = 1e6 pauses softmax with lr-too-high while ArcFace trains on', () => {
		const engine = new Engine(tiny, settings({ a: { loss: 'softmax', lr: 1e6 } }));
		let diverged: { model: 0 | 1; reason: string }[] = [];
		for (let i = 0; i < 20 && diverged.length === 0; i++) diverged = engine.step(5).diverged;
		expect(diverged).toEqual([{ model: 0, reason: 'lr-too-high' }]);
		const before = engine.runners[1].lastLoss;
		const r = engine.step(20);
		expect(r.losses[1].every(Number.isFinite)).toBe(true);
		expect(engine.runners[1].lastLoss).not.toBe(before);
		engine.restore(0);
		expect(allFinite(engine, 0)).toBe(true);
		engine.dispose();
	});

	it('a NaN weight is caught at the next step and restore brings back the last good weights', () => {
		const engine = new Engine(tiny, settings());
		engine.step(10);
		const good = engine.runners[1].model.readWeightsSync();
		engine.step(1); // promotes the weights after step 10 to last good
		const broken = engine.runners[1].model.readWeightsSync();
		broken[0][3] = Number.NaN;
		engine.runners[1].model.assign(broken);
		const r = engine.step(3);
		expect(r.diverged).toEqual([{ model: 1, reason: 'unknown' }]);
		expect(r.losses[1].every((v) => Number.isNaN(v))).toBe(true);
		engine.restore(1);
		const restored = engine.runners[1].model.readWeightsSync();
		expect(restored.every((w) => w.every(Number.isFinite))).toBe(true);
		// the last good weights are from step 10 or 11, never the broken ones
		expect(restored[0][3]).not.toBeNaN();
		expect(good[0].length).toBe(restored[0].length);
		expect(engine.step(5).losses[1].every(Number.isFinite)).toBe(true);
		engine.dispose();
	});
});

describe('determinism', () => {
	it('two engines with one seed give identical losses; another seed differs', () => {
		const run = (seed: number) => {
			const e = new Engine(tiny, settings({ seed, b: { loss: 'cosface' } }));
			const out = [e.step(15).losses, e.step(15).losses];
			e.dispose();
			return out;
		};
		const a = run(11);
		expect(run(11)).toEqual(a);
		expect(run(12)).not.toEqual(a);
	});

	it('both models start from the same weights and see the same batches', () => {
		const e = new Engine(tiny, settings({ a: { loss: 'arcface' }, b: { loss: 'arcface' } }));
		expect(e.runners[0].model.readWeightsSync()).toEqual(e.runners[1].model.readWeightsSync());
		const r = e.step(5);
		expect(r.losses[0]).toEqual(r.losses[1]);
		e.dispose();
	});

	it('resuming at step t from exported weights continues exactly', () => {
		const s = settings({ optimizer: 'sgd', momentum: 0 });
		const e = new Engine(tiny, s);
		e.step(7);
		const weights: [Float32Array[], Float32Array[]] = [
			e.runners[0].model.readWeightsSync(),
			e.runners[1].model.readWeightsSync()
		];
		const cont = e.step(5).losses;
		const resumed = new Engine(tiny, s, { weights, step: 7 });
		expect(resumed.step(5).losses).toEqual(cont);
		e.dispose();
		resumed.dispose();
	});
});

describe('settings changes and evaluation', () => {
	it('update keeps the weights and switches the head; a data change needs a new engine', () => {
		const e = new Engine(tiny, settings());
		e.step(5);
		const w = e.runners[1].model.readWeightsSync();
		expect(e.update(settings({ lr: 0.001, b: { loss: 'cosface' } }))).toBe(true);
		expect(e.runners[1].model.readWeightsSync()).toEqual(w);
		expect(e.runners[1].cfg.loss).toBe('cosface');
		expect(e.step(3).losses[1]).toHaveLength(3);
		expect(e.update(settings({ seed: 99 }))).toBe(false);
		e.dispose();
	});

	it('evaluates every loss, triplet included (its centres are class means of training features)', () => {
		for (const [a, b] of [
			['triplet', 'intra'],
			['inter', 'cm2']
		]) {
			const e = new Engine(tiny, settings({ a: { loss: a }, b: { loss: b } }));
			const r = e.step(20);
			expect(r.diverged).toEqual([]);
			for (const ev of e.evaluate()) {
				expect(ev.features).toHaveLength(tiny.nTest * 2);
				expect(ev.centres).toHaveLength(16);
				expect([ev.trainAcc, ev.testAcc, ev.testThetaY, ...ev.centres].every(Number.isFinite)).toBe(true);
				expect(ev.testAcc).toBeGreaterThan(1 / 8);
			}
			e.dispose();
		}
	});
});
