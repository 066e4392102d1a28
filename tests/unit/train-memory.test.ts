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
 * Train `steps` steps and check that the live tensor count is where it was after the first 10, across an
 * evaluation and a restore on the way.
 */
async function leakCheck(backend: BackendName, optimizer: 'adam' | 'sgd', steps: number) {
	expect(await trySetBackend(backend)).toBe(true);
	const engine = new Engine(
		tiny,
		validateSettings({ size: 12, perIdentity: 50, batchSize: 16, nuisance: zeroNuisance, optimizer })
	);
	engine.step(10);
	const after10 = tf.memory().numTensors;
	while (engine.steps < steps - 10) engine.step(Math.min(50, steps - 10 - engine.steps));
	engine.evaluate();
	engine.restore(0);
	engine.step(10);
	expect(engine.steps).toBe(steps);
	console.log(
		`${backend}, ${optimizer}: numTensors ${after10} after 10 steps, ${tf.memory().numTensors} after ${steps}`
	);
	expect(tf.memory().numTensors).toBe(after10);
	engine.dispose();
	expect(tf.memory().numTensors).toBe(0);
}

describe('engine memory', () => {
	afterAll(() => expect(tf.memory().numTensors).toBe(0));

	// The backend most browsers get (BENCHMARKS.md: the engine picks WASM), at about twice the CPU backend's
	// speed in Node. A limit against a hang, not a timing: ≈ 30–50 s on this 2-core machine.
	it('numTensors after 5,000 Adam steps on WASM equals its value after 10', async () => {
		configureWasm(wasmDir);
		await leakCheck('wasm', 'adam', 5000);
	}, 400_000);

	it('numTensors after 300 steps of SGD with momentum on the CPU backend equals its value after 10', async () => {
		await leakCheck('cpu', 'sgd', 300);
	}, 120_000);
});
