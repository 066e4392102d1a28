import { describe, expect, it } from 'vitest';
import { TrainerClient } from '$lib/train/client.svelte';
import { defaultSettings, type FromWorker, type ToWorker } from '$lib/train/protocol';
import { wasmUrl } from '$lib/train/wasm-path';

/** A stand-in Worker that records what the client sends and lets the test answer. */
function fakeWorker() {
	const sent: ToWorker[] = [];
	const fake = {
		onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
		onerror: null as ((e: ErrorEvent) => void) | null,
		terminated: false,
		postMessage(m: ToWorker) {
			sent.push(m);
		},
		terminate() {
			fake.terminated = true;
		}
	};
	const reply = (m: FromWorker) => fake.onmessage?.({ data: m } as MessageEvent<FromWorker>);
	return { fake, sent, reply, create: () => fake as unknown as Worker };
}

const stats = (diverged: boolean) => ({
	loss: 0.5,
	trainAcc: 0.9,
	testAcc: 0.8,
	meanThetaDeg: 30,
	paused: diverged,
	diverged
});

describe('TrainerClient', () => {
	it('sends typed commands and folds worker messages into its state', () => {
		const w = fakeWorker();
		const c = new TrainerClient({
			createWorker: w.create,
			wasmPath: 'http://x/tfjs/',
			rememberBackend: false
		});
		c.configure({ ...defaultSettings });
		c.start();
		c.stepBy(5);
		c.restore(1);
		expect(w.sent.map((m) => m.type)).toEqual(['configure', 'start', 'step', 'restore']);
		expect(w.sent[0]).toMatchObject({ backend: 'auto', wasmPath: 'http://x/tfjs/' });

		w.reply({ type: 'progress', done: 500, total: 1600 });
		expect(c.progress).toEqual({ done: 500, total: 1600 });
		w.reply({ type: 'ready', backend: 'wasm', speeds: [], nTrain: 1280, nTest: 320 });
		expect([c.ready, c.backend, c.progress, c.nTest]).toEqual([true, 'wasm', null, 320]);
		w.reply({ type: 'state', running: true, step: 3 });
		expect([c.running, c.step]).toEqual([true, 3]);
		w.reply({ type: 'diverged', model: 1, reason: 's-too-large', step: 4 });
		w.reply({ type: 'stats', step: 5, stepsPerSec: 90, models: [stats(false), stats(true)] });
		expect(c.diverged).toEqual([null, 's-too-large']);
		expect(c.stats?.[1].diverged).toBe(true);
		w.reply({ type: 'backend-changed', from: 'webgl', to: 'wasm', reason: 'WebGL context lost' });
		expect(c.backendNotice).toMatchObject({ kind: 'changed', to: 'wasm' });
		w.reply({ type: 'error', message: 'boom' });
		expect(c.error).toBe('boom');
		c.dispose();
		expect(w.fake.terminated).toBe(true);
	});

	it('keeps a restored model restored when stats sent before the restore arrive after it', () => {
		const w = fakeWorker();
		const c = new TrainerClient({
			createWorker: w.create,
			wasmPath: 'http://x/tfjs/',
			rememberBackend: false
		});
		c.configure({ ...defaultSettings });
		w.reply({ type: 'ready', backend: 'wasm', speeds: [], nTrain: 1280, nTest: 320 });
		w.reply({ type: 'diverged', model: 0, reason: 'lr-too-high', step: 4 });
		const at = (step: number, a: boolean) =>
			w.reply({ type: 'stats', step, stepsPerSec: 0, models: [stats(a), stats(false)] });
		at(5, true);
		c.restore(0);
		at(5, true); // published at the pause, before the worker handled the restore
		expect(c.diverged).toEqual([null, null]);
		at(5, false); // the worker's answer to the restore
		at(9, true); // diverging again later is news again
		expect(c.diverged[0]).not.toBeNull();
	});
});

describe('wasmUrl', () => {
	it('resolves the wasm folder against the site base, not the page', () => {
		expect(wasmUrl('/', 'https://a.org/lessons/arcface')).toBe('https://a.org/tfjs/');
		expect(wasmUrl('/margin-lab', 'https://a.org/margin-lab/lab')).toBe('https://a.org/margin-lab/tfjs/');
	});
});
