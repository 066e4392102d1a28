import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { DataCache } from '$lib/train/worker-parts';
import { MAX_UPDATES_PER_SEC } from '$lib/train/protocol';
import { fakeBackends, harness, tinySettings } from '../support/train-session';

// fast alone (about 5 s for the file), but the machine may be shared
vi.setConfig({ testTimeout: 30_000 });

let tiny: FaceDataset;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tiny = makeDataset({ seed: 1, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

async function configured(extra: Record<string, unknown> = {}, backends = fakeBackends()) {
	const h = harness(backends);
	await h.send({ type: 'configure', settings: tinySettings(extra), backend: 'auto' });
	return h;
}

const finite = (v: ArrayLike<number>) => Array.from(v).every(Number.isFinite);

describe('TrainingSession: a run', () => {
	it('configure reports progress, then ready with the data sizes, state at step 0, stats and a snapshot', async () => {
		const h = harness(fakeBackends(), new DataCache());
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		const types = h.messages.map((m) => m.type);
		expect(types[0]).toBe('progress');
		expect(types.filter((t) => t !== 'progress')).toEqual(['ready', 'state', 'stats', 'snapshot']);
		expect(h.last('ready')).toMatchObject({ backend: 'cpu', nTrain: tiny.nTrain, nTest: tiny.nTest });
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: 0 });
		const snap = h.last('snapshot');
		expect(snap.step).toBe(0);
		expect(Array.from(snap.labels)).toEqual(Array.from(tiny.testY));
		expect(snap.models[1].features).toHaveLength(2 * tiny.nTest);
		expect(h.pending()).toBe(false);
	});

	it('step n trains exactly n steps, then pauses with stats and a snapshot of step n', async () => {
		const h = await configured();
		await h.send({ type: 'step', n: 7 });
		expect(h.last('state')).toEqual({ type: 'state', running: true, step: 0 });
		expect(h.pending()).toBe(true);
		await h.drain();
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: 7 });
		const stats = h.last('stats');
		expect(stats.step).toBe(7);
		expect(stats.stepsPerSec).toBeGreaterThan(0);
		for (const m of stats.models) {
			expect(Number.isFinite(m.loss)).toBe(true);
			expect(m.paused).toBe(false);
		}
		expect(h.last('snapshot').step).toBe(7);
		expect(finite(h.last('snapshot').models[0].features)).toBe(true);
		expect(h.pending()).toBe(false);
	});

	it('start trains tick after tick until pause; nothing more runs after it', async () => {
		const h = await configured();
		await h.send({ type: 'start' });
		expect(await h.drain(3)).toBe(3);
		expect(h.session.running).toBe(true);
		const during = h.session.engine!.steps;
		expect(during).toBeGreaterThan(0);
		await h.send({ type: 'pause' });
		await h.drain();
		const stopped = h.last('state');
		expect(stopped.running).toBe(false);
		expect(stopped.step).toBe(during);
		await h.send({ type: 'start' });
		await h.send({ type: 'pause' });
		await h.drain();
		expect(h.session.engine!.steps).toBeLessThanOrEqual(during + 64);
		expect(h.last('state').running).toBe(false);
	});

	it('a pace makes each tick wait for the next step; unpaced, stats go out at most 10 times a second', async () => {
		const paced = await configured();
		paced.freeze();
		await paced.send({ type: 'pace', stepsPerSec: 5 });
		await paced.send({ type: 'start' });
		await paced.drain(3);
		// one step in hand at the start, then none until 200 ms have passed
		expect(paced.session.engine!.steps).toBe(1);
		expect(paced.delays.slice(-2)).toEqual([200, 200]);
		paced.skip(1000); // a long stall earns at most 0.25 s of steps (1.25): one step
		await paced.drain(1);
		expect(paced.session.engine!.steps).toBe(2);
		await paced.send({ type: 'pause' });

		const h = await configured();
		h.clear();
		const t0 = performance.now();
		await h.send({ type: 'start' });
		await h.drain(12);
		await h.send({ type: 'pause' });
		const seconds = (performance.now() - t0) / 1000;
		expect(h.delays.every((d) => d === 0)).toBe(true);
		// one at the pause, the others no more often than MAX_UPDATES_PER_SEC
		expect(h.all('stats').length).toBeLessThanOrEqual(2 + seconds * MAX_UPDATES_PER_SEC);
		expect(h.session.engine!.steps).toBeGreaterThanOrEqual(12);
	});

	it('reset goes back to step 0 with the seeded starting weights', async () => {
		const h = await configured();
		const start = h.last('snapshot').models[1].features.slice();
		await h.send({ type: 'step', n: 12 });
		await h.drain();
		expect(Array.from(h.last('snapshot').models[1].features)).not.toEqual(Array.from(start));
		await h.send({ type: 'reset' });
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: 0 });
		expect(h.last('stats').step).toBe(0);
		expect(Array.from(h.last('snapshot').models[1].features)).toEqual(Array.from(start));
	});

	it('update keeps the weights for new hyper-parameters and rebuilds for new data', async () => {
		const h = await configured();
		await h.send({ type: 'step', n: 5 });
		await h.drain();
		const weights = await h.session.engine!.readWeights();
		h.clear();
		await h.send({ type: 'update', settings: tinySettings({ lr: 0.01 }) });
		expect(h.all('ready')).toHaveLength(0);
		expect(h.last('stats').step).toBe(5);
		expect(h.session.settings?.lr).toBe(0.01);
		expect(await h.session.engine!.readWeights()).toEqual(weights);

		await h.send({ type: 'update', settings: tinySettings({ seed: 2 }) });
		expect(h.all('ready')).toHaveLength(1);
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: 0 });
		expect(h.session.settings?.seed).toBe(2);
	});
});

describe('TrainingSession: answers', () => {
	it('evaluate-inverted answers for the current step, with one face per identity', async () => {
		const h = await configured();
		await h.send({ type: 'step', n: 5 });
		await h.drain();
		await h.send({ type: 'evaluate-inverted' });
		const ev = h.last('inverted-evaluation');
		expect([ev.step, ev.size, ev.labels.length]).toEqual([5, 12, tiny.nTest]);
		expect(ev.samples.map((s) => s.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		const stats = h.last('stats');
		for (const m of [0, 1] as const) {
			expect(ev.models[m].uprightAcc).toBeCloseTo(stats.models[m].testAcc, 5);
			expect(finite(ev.models[m].invertedFeatures)).toBe(true);
		}
	});

	it('inspect answers for one held-out face (index wrapped) on the current weights', async () => {
		const h = await configured();
		await h.send({ type: 'step', n: 3 });
		await h.drain();
		await h.send({ type: 'inspect', model: 1, index: 3 });
		const a = h.last('inspection');
		expect([a.model, a.index, a.step]).toEqual([1, 3, 3]);
		expect(a.inspection?.label).toBe(tiny.testY[3]);
		expect(Array.from(a.inspection!.pixels)).toEqual(Array.from(tiny.testX.slice(3 * 144, 4 * 144)));
		expect(Number.isFinite(a.inspection!.loss)).toBe(true);
		await h.send({ type: 'inspect', model: 0, index: -1 });
		expect(h.last('inspection')).toMatchObject({ model: 0, index: tiny.nTest - 1 });
	});
});

describe('TrainingSession: failures', () => {
	it('a lost backend moves the run to the next one, from the weights saved last, and training goes on', async () => {
		const backends = fakeBackends(['wasm']);
		const h = await configured({}, backends);
		await h.send({ type: 'step', n: 10 });
		await h.drain();
		h.skip(2000); // the weights are saved at most once a second, with a snapshot
		await h.send({ type: 'snapshot' });
		expect(h.session.saved?.step).toBe(10);
		const at10 = await h.session.engine!.readWeights();
		await h.send({ type: 'simulate-backend-loss' });
		await h.send({ type: 'step', n: 5 });
		await h.drain(1); // the tick that finds the backend lost
		expect(h.last('backend-changed')).toEqual({
			type: 'backend-changed',
			from: 'cpu',
			to: 'wasm',
			reason: 'cpu lost'
		});
		expect(backends.tried).toEqual(['webgl', 'wasm']);
		expect(h.session.backend).toBe('wasm');
		expect(h.session.engine!.steps).toBe(10);
		expect(await h.session.engine!.readWeights()).toEqual(at10);
		await h.drain();
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: 15 });
		expect(h.last('stats').models.every((m) => Number.isFinite(m.loss))).toBe(true);
	});

	it('with no backend left the run stops with backend-lost', async () => {
		const h = await configured({}, fakeBackends([]));
		await h.send({ type: 'simulate-backend-loss' });
		await h.send({ type: 'start' });
		await h.drain();
		expect(h.last('backend-lost')).toEqual({ type: 'backend-lost', backend: 'cpu', reason: 'cpu lost' });
		expect(h.last('state').running).toBe(false);
		expect(h.pending()).toBe(false);
	});

	it('lr = 1e6 diverges: a diverged message, the model paused, the other trains on; restore unpauses it', async () => {
		const h = await configured({ a: { loss: 'softmax', lr: 1e6 } });
		await h.send({ type: 'step', n: 30 });
		await h.drain();
		expect(h.all('diverged')).toEqual([
			expect.objectContaining({ type: 'diverged', model: 0, reason: 'lr-too-high' })
		]);
		const stats = h.last('stats');
		expect(stats.step).toBe(30);
		expect([stats.models[0].paused, stats.models[0].diverged]).toEqual([true, true]);
		expect([stats.models[1].paused, stats.models[1].diverged]).toEqual([false, false]);

		await h.send({ type: 'restore', model: 0 });
		const restored = h.last('stats').models[0];
		expect([restored.paused, restored.diverged]).toEqual([false, false]);
		expect((await h.session.engine!.readWeights())[0].every(finite)).toBe(true);
		await h.send({ type: 'step', n: 10 });
		await h.drain();
		expect(h.last('state').step).toBe(40);
		expect(h.last('stats').models[1].loss).not.toBe(stats.models[1].loss);
	});

	it('an error in a message is posted, and the next message is still handled', async () => {
		const h = harness({ ...fakeBackends(), select: async () => ({ chosen: null, speeds: [] }) });
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		expect(h.last('error').message).toBe('no tfjs backend could start');
		await h.send({ type: 'pause' });
		expect(h.messages.at(-1)).toEqual({ type: 'state', running: false, step: 0 });
	});
});
