import { describe, expect, it } from 'vitest';
import { LabRun } from '$lib/state/run.svelte';
import { RunPool } from '$lib/state/run-pool';
import { decodeLab } from '$lib/state/lab-settings';
import { defaultSettings, type FromWorker, type ToWorker } from '$lib/train/protocol';

/** A stand-in Worker that records what the run sends and lets the test answer; counts how many were made. */
function fakeWorkers() {
	const sent: ToWorker[] = [];
	let made = 0;
	let onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
	const create = () => {
		made++;
		const fake = {
			set onmessage(f: ((e: MessageEvent<FromWorker>) => void) | null) {
				onmessage = f;
			},
			onerror: null,
			postMessage: (m: ToWorker) => void sent.push(m),
			terminate: () => undefined
		};
		return fake as unknown as Worker;
	};
	const reply = (m: FromWorker) => onmessage?.({ data: m } as MessageEvent<FromWorker>);
	return { sent, reply, create, made: () => made };
}

const ready: FromWorker = { type: 'ready', backend: 'cpu', speeds: [], nTrain: 2560, nTest: 640 };

describe('lazy runs (lessons, embeds)', () => {
	it('make no worker until Train, then build the run and start once it is ready', () => {
		const w = fakeWorkers();
		const run = new LabRun(
			{ ...defaultSettings },
			{ createWorker: w.create, wasmPath: 'http://x/', rememberBackend: false }
		);
		run.lazy = true;
		run.reset();
		run.pause();
		run.update();
		run.setPace(5);
		expect(w.made()).toBe(0);
		expect(run.configured).toBe(false);

		run.start();
		expect(w.made()).toBe(1);
		expect(run.configured).toBe(true);
		// the pace chosen before the run existed goes with the configure; the start waits for `ready`
		expect(w.sent.map((m) => m.type)).toEqual(['configure', 'pace']);
		run.start(); // pressed again while building: still one configure, one start
		w.reply(ready);
		expect(w.sent.map((m) => m.type)).toEqual(['configure', 'pace', 'start']);
	});

	it('Step builds the run too and then takes that many steps', () => {
		const w = fakeWorkers();
		const run = new LabRun(
			{ ...defaultSettings },
			{ createWorker: w.create, wasmPath: 'http://x/', rememberBackend: false }
		);
		run.stepBy(1);
		w.reply(ready);
		expect(w.sent.filter((m) => m.type !== 'pace')).toMatchObject([
			{ type: 'configure' },
			{ type: 'step', n: 1 }
		]);
		// a later rebuild (new settings) does not replay the step
		run.configure();
		w.reply(ready);
		expect(w.sent.filter((m) => m.type === 'step')).toHaveLength(1);
	});

	it('pause before the run is ready cancels the queued start', () => {
		const w = fakeWorkers();
		const run = new LabRun(
			{ ...defaultSettings },
			{ createWorker: w.create, wasmPath: 'http://x/', rememberBackend: false }
		);
		run.start();
		run.pause();
		w.reply(ready);
		expect(w.sent.map((m) => m.type)).not.toContain('start');
	});
});

describe('LabRun as the one front end', () => {
	it('commands wait for a built run, then go to the worker; its getters read the worker’s answers', () => {
		const w = fakeWorkers();
		const run = new LabRun(
			{ ...defaultSettings },
			{ createWorker: w.create, wasmPath: 'http://x/', rememberBackend: false }
		);
		run.inspect(1, 3);
		run.evaluateInverted();
		run.restore(0);
		run.simulateBackendLoss();
		expect(w.made()).toBe(0);
		expect([run.ready, run.running, run.step, run.stats, run.snapshot]).toEqual([
			false,
			false,
			0,
			null,
			null
		]);

		run.configure();
		w.reply(ready);
		expect([run.ready, run.nTest]).toEqual([true, 640]);
		w.sent.length = 0;
		run.toggle();
		w.reply({ type: 'state', running: true, step: 4 });
		expect([run.running, run.step]).toEqual([true, 4]);
		run.toggle();
		run.inspect(1, 3);
		run.evaluateInverted();
		run.restore(0);
		run.simulateBackendLoss();
		expect(w.sent).toEqual([
			{ type: 'start' },
			{ type: 'pause' },
			{ type: 'inspect', model: 1, index: 3 },
			{ type: 'evaluate-inverted' },
			{ type: 'restore', model: 0 },
			{ type: 'simulate-backend-loss' }
		]);
		w.reply({ type: 'inspection', model: 1, index: 3, step: 4, inspection: null });
		expect(run.inspection).toBeNull();
		const inverted = { step: 4, size: 20, labels: new Int32Array(0), samples: [] };
		w.reply({ type: 'inverted-evaluation', ...inverted } as unknown as FromWorker);
		expect(run.inverted).toMatchObject({ step: 4, size: 20 });
	});
});

describe('RunPool', () => {
	it('hands out lazy runs, shares them by key and lists the live ones', () => {
		const pool = new RunPool();
		const state = decodeLab('');
		const a = pool.acquire('k', state);
		const b = pool.acquire('k', state);
		const c = pool.acquire('other', state);
		expect(a).toBe(b);
		expect([a.lazy, a.configured]).toEqual([true, false]);
		expect(pool.runs()).toEqual([a, c]);
		pool.release('k');
		expect(pool.runs()).toEqual([a, c]);
		pool.release('k');
		pool.release('other');
		expect(pool.runs()).toEqual([]);
	});
});
