import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	IDLE_BEFORE_MEASURE_MS,
	SWITCH_FACTOR,
	runTimeMs,
	startOrder,
	switchTarget
} from '$lib/train/idle-bench';
import type { BackendSpeed } from '$lib/train/protocol';
import type { BackendOps } from '$lib/train/session-deps';
import type { BackendName } from '$lib/train/types';
import { fakeBackends, harness, tinySettings } from '../support/train-session';

vi.setConfig({ testTimeout: 30_000 });

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const speed = (backend: BackendName, stepsPerSec: number): BackendSpeed => ({
	backend,
	stepsPerSec,
	warmupMs: 0
});

/**
 * Backends that time themselves as `sps` says (all run on tfjs's CPU backend). `hold`: the measurement of that
 * backend waits for `release()` and then asks `stop()`, as a real one does between chunks.
 */
function measuringBackends(sps: Record<BackendName, number>, hold?: BackendName) {
	const base = fakeBackends(['webgl', 'wasm', 'cpu']);
	const measured: BackendName[] = [];
	let release = () => {};
	const ops: BackendOps = {
		...base,
		async measure(_s, backend, stop) {
			measured.push(backend);
			await tf.setBackend('cpu');
			if (backend === hold) {
				await new Promise<void>((r) => (release = r));
				hold = undefined;
				if (stop()) return null;
			}
			return speed(backend, sps[backend]);
		}
	};
	return { ops, measured, tried: base.tried, release: () => release() };
}

describe('the choice rule', () => {
	it('starts on WASM, then the CPU, then WebGL; a named backend first', () => {
		expect(startOrder('auto')).toEqual(['wasm', 'cpu', 'webgl']);
		expect(startOrder('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
		expect(startOrder('cpu')).toEqual(['cpu', 'wasm', 'webgl']);
	});

	it(`moves only to a backend at least ${SWITCH_FACTOR} × as fast over a typical run, warm-up included`, () => {
		const here = 100;
		expect(switchTarget('wasm', [speed('wasm', here), speed('webgl', here * SWITCH_FACTOR)])).toBe('webgl');
		expect(switchTarget('wasm', [speed('wasm', here), speed('webgl', here * SWITCH_FACTOR - 1)])).toBeNull();
		// the fastest of several, failures (0) never chosen
		expect(
			switchTarget('wasm', [speed('wasm', 100), speed('cpu', 150), speed('webgl', 300), speed('cpu', 0)])
		).toBe('webgl');
		expect(switchTarget('wasm', [speed('wasm', 100), speed('webgl', 0), speed('cpu', 0)])).toBeNull();
		// a failed measurement of the backend in use says nothing: stay
		expect(switchTarget('wasm', [speed('wasm', 0), speed('webgl', 500)])).toBeNull();
		expect(switchTarget('wasm', [speed('wasm', NaN), speed('webgl', Infinity)])).toBeNull();
		expect(switchTarget('wasm', [])).toBeNull();
		// a long warm-up (shader compilation) eats a faster steady speed
		const webgl = { backend: 'webgl' as const, stepsPerSec: 130, warmupMs: 5000 };
		expect(runTimeMs(webgl)).toBeGreaterThan(runTimeMs(speed('wasm', 100)));
		expect(switchTarget('wasm', [speed('wasm', 100), webgl])).toBeNull();
		// the better of two measurements of the backend in use counts (the load changed between them)
		expect(switchTarget('wasm', [speed('wasm', 50), speed('webgl', 100), speed('wasm', 90)])).toBeNull();
	});
});

describe('TrainingSession: a first visit starts at once and measures while idle', () => {
	it('ready on WASM with a step-0 snapshot before any measurement; timed later, kept when none is clearly faster', async () => {
		const b = measuringBackends({ wasm: 200, cpu: 90, webgl: 230 });
		const h = harness(b.ops);
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		expect(b.measured).toEqual([]);
		expect(h.last('ready')).toMatchObject({ backend: 'wasm', speeds: [], measuring: true });
		expect(h.last('snapshot').step).toBe(0);
		expect(h.last('stats').models[1].meanThetaDeg).toBeGreaterThan(0);
		// the measurement waits for the session to be idle a while
		expect(h.delays.at(-1)).toBe(IDLE_BEFORE_MEASURE_MS);
		await h.drain();
		expect(b.measured).toEqual(['wasm', 'webgl', 'cpu', 'wasm']);
		expect(h.last('backends-measured')).toMatchObject({ from: 'wasm', backend: 'wasm' });
		expect(h.last('backends-measured').speeds.map((s) => s.stepsPerSec)).toEqual([200, 230, 90]);
		expect(h.session.backend).toBe('wasm');
		expect(h.pending()).toBe(false);
		// measured once: a pause later measures nothing more
		await h.send({ type: 'step', n: 3 });
		await h.drain();
		expect(b.measured).toHaveLength(4);
	});

	it('moves the run to a clearly faster backend with its weights and step, and it trains on', async () => {
		const b = measuringBackends({ wasm: 100, cpu: 40, webgl: 300 });
		const h = harness(b.ops);
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		await h.send({ type: 'step', n: 6 });
		await h.drain(1);
		while (h.session.running) await h.drain(1);
		const before = await h.session.engine!.readWeights();
		await h.drain();
		expect(h.last('backends-measured')).toMatchObject({ from: 'wasm', backend: 'webgl' });
		expect(h.session.backend).toBe('webgl');
		expect(h.session.engine!.steps).toBe(6);
		expect(await h.session.engine!.readWeights()).toEqual(before);
		expect(h.last('snapshot').step).toBe(6);
		await h.send({ type: 'step', n: 4 });
		await h.drain();
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: 10 });
	});

	it('a Train press during a measurement stops it at its next chunk; it is measured again after a pause', async () => {
		const b = measuringBackends({ wasm: 100, cpu: 40, webgl: 110 }, 'webgl');
		const h = harness(b.ops);
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		await h.drain(1); // wasm timed
		const measuring = h.drain(1); // webgl: held
		await vi.waitFor(() => expect(b.measured).toEqual(['wasm', 'webgl']));
		void h.send({ type: 'start' });
		b.release();
		await measuring;
		await h.drain(3);
		expect(h.session.running).toBe(true);
		expect(h.session.engine!.steps).toBeGreaterThan(0);
		expect(h.all('backends-measured')).toHaveLength(0);
		await h.send({ type: 'pause' });
		await h.drain();
		expect(b.measured).toEqual(['wasm', 'webgl', 'webgl', 'cpu', 'wasm']);
		expect(h.last('backends-measured').backend).toBe('wasm');
	});

	it('a remembered or asked-for backend starts at once and is not measured; one that cannot start is', async () => {
		const asked = measuringBackends({ wasm: 100, cpu: 40, webgl: 300 });
		const h = harness(asked.ops);
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'cpu' });
		expect(h.last('ready')).toMatchObject({ backend: 'cpu', measuring: false });
		await h.drain();
		expect(asked.measured).toEqual([]);

		const noWasm = measuringBackends({ wasm: 0, cpu: 40, webgl: 45 });
		const ops = { ...noWasm.ops, trySet: async (n: BackendName) => n !== 'wasm' && noWasm.ops.trySet(n) };
		const g = harness(ops);
		await g.send({ type: 'configure', settings: tinySettings(), backend: 'wasm' });
		expect(g.last('ready')).toMatchObject({ backend: 'cpu', measuring: true });
		await g.drain();
		expect(g.last('backends-measured').backend).toBe('cpu');
	});
});

describe('TrainingSession: pause (issue 17, bug 4)', () => {
	it('a pause posts stats and a snapshot of the step it paused at, so the next Step is one step on', async () => {
		const h = harness(fakeBackends());
		await h.send({ type: 'configure', settings: tinySettings(), backend: 'auto' });
		await h.send({ type: 'start' });
		await h.drain(4);
		h.clear();
		await h.send({ type: 'pause' });
		const at = h.session.engine!.steps;
		expect(h.last('state')).toEqual({ type: 'state', running: false, step: at });
		expect(h.last('stats').step).toBe(at);
		expect(h.last('snapshot').step).toBe(at);
		await h.send({ type: 'step', n: 1 });
		await h.drain();
		expect(h.last('snapshot').step).toBe(at + 1);
	});
});
