import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataset, zeroNuisance } from '$lib/faces';
import { configureWasm, trySetBackend } from '$lib/train/backend';
import { Engine } from '$lib/train/engine';
import type { BackendName } from '$lib/train/types';
import { validateSettings } from '$lib/train/settings';

const tiny = makeDataset({ seed: 4, perIdentity: 50, size: 12, nuisance: zeroNuisance });
const wasmDir = fileURLToPath(
	new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)
);

/**
 * Live tensor counts while training `steps` steps: after the first 10, at the end (an evaluation and a restore
 * on the way), and after dispose. `leak` keeps one extra tensor per step, as a step that forgets one would.
 */
async function tensorCounts(backend: BackendName, optimizer: 'adam' | 'sgd', steps: number, leak = false) {
	expect(await trySetBackend(backend)).toBe(true);
	const engine = new Engine(
		tiny,
		validateSettings({ size: 12, perIdentity: 50, batchSize: 16, nuisance: zeroNuisance, optimizer })
	);
	const kept: tf.Tensor[] = [];
	const step = (n: number) => {
		for (let i = 0; i < (leak ? n : 1); i++) {
			engine.step(leak ? 1 : n);
			if (leak) kept.push(tf.scalar(engine.steps));
		}
	};
	step(10);
	const after10 = tf.memory().numTensors;
	while (engine.steps < steps - 10) step(Math.min(50, steps - 10 - engine.steps));
	engine.evaluate();
	engine.restore(0);
	step(10);
	expect(engine.steps).toBe(steps);
	const end = tf.memory().numTensors;
	console.log(
		`${backend}, ${optimizer}${leak ? ' (leaking)' : ''}: numTensors ${after10} after 10 steps, ${end} after ${steps}`
	);
	engine.dispose();
	tf.dispose(kept);
	return { after10, end, disposed: tf.memory().numTensors };
}

/** What the counts are without a leak: as many live tensors at the end as after 10 steps, none once disposed. */
const clean = ({ after10 }: { after10: number }) => ({ after10, end: after10, disposed: 0 });

// A limit against a hang, not a timing.
describe('engine memory', () => {
	afterAll(() => expect(tf.memory().numTensors).toBe(0));

	// The backend most browsers get (BENCHMARKS.md: the engine picks WASM). 100 steps cross several epochs of
	// the tiny set (20 batches each) and every code path a step takes; a leak of one tensor per step shows
	// after one (the leaking variant below proves the check sees it), so thousands of steps added nothing.
	it('numTensors after 100 Adam steps on WASM equals its value after 10', async () => {
		configureWasm(wasmDir);
		const counts = await tensorCounts('wasm', 'adam', 100);
		expect(counts).toEqual(clean(counts));
	}, 120_000);

	it('the same check flags a step that keeps one tensor', async () => {
		configureWasm(wasmDir);
		const counts = await tensorCounts('wasm', 'adam', 100, true);
		expect(counts.end - counts.after10).toBe(90);
		expect(counts).not.toEqual(clean(counts));
	}, 120_000);

	it('numTensors after 100 steps of SGD with momentum on the CPU backend equals its value after 10', async () => {
		const counts = await tensorCounts('cpu', 'sgd', 100);
		expect(counts).toEqual(clean(counts));
	}, 120_000);
});
