/**
 * No false alarms: every loss trains at its defaults without the divergence and health checks pausing it.
 * On tfjs's WASM backend (the one browsers get here; about twice as fast in Node as the CPU one), in a file of
 * its own so it runs beside the other fault tests.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { configureWasm, trySetBackend } from '$lib/train/backend';
import { Engine } from '$lib/train/engine';
import { lossNames } from '$lib/train/types';
import { tinySettings } from '../support/train-session';

vi.setConfig({ testTimeout: 120_000 });

let tiny: FaceDataset;

beforeAll(async () => {
	configureWasm(
		fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url))
	);
	expect(await trySetBackend('wasm')).toBe(true);
	tiny = makeDataset({ seed: 1, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

describe('health checks on healthy runs', () => {
	it('every loss trains 100 steps at its defaults (default batch and lr) with no alarm', () => {
		for (let i = 0; i < lossNames.length; i += 2) {
			const a = lossNames[i];
			const b = lossNames[i + 1] ?? 'softmax';
			const e = new Engine(tiny, tinySettings({ batchSize: 128, a: { loss: a }, b: { loss: b } }));
			const diverged = [0, 1, 2, 3, 4].flatMap(() => e.step(20).diverged);
			expect({ a, b, diverged }).toEqual({ a, b, diverged: [] });
			e.dispose();
		}
	});
});
