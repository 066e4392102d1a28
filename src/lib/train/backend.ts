/**
 * Backend measurement for the worker: WebGL, WASM (single-threaded SIMD) and CPU timed on the real model, warm-up
 * (shader compilation, wasm start-up) included. A first visit no longer waits for it: the run starts on WASM and
 * the others are measured while the lab is idle (idle-bench.ts); `chooseBackend` measures all up front.
 * Also: noticing a lost WebGL context, so the worker can move the run to the next backend.
 */

import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { Rng } from '$lib/faces';
import { Engine, type EngineData } from './engine';
import { runTimeMs } from './idle-bench';
import type { BackendChoice, BackendSpeed } from './protocol';
import type { TrainSettings } from './settings';
import { backendNames, type BackendName } from './types';

export interface BenchOptions {
	/** longest time spent on steady steps per backend after its warm-up, ms */
	budgetMs?: number;
	/** most steady steps per backend */
	maxSteps?: number;
	candidates?: readonly BackendName[];
}

/** Point the WASM backend at its binaries and turn off its threaded build (see DESIGN §7). */
export function configureWasm(wasmPath: string | undefined): void {
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	if (wasmPath) setWasmPaths(wasmPath.endsWith('/') ? wasmPath : `${wasmPath}/`);
}

export { runTimeMs, TYPICAL_RUN_STEPS } from './idle-bench';

/** Switch backend; false (never a throw) if it cannot start. */
export async function trySetBackend(name: BackendName): Promise<boolean> {
	try {
		return await tf.setBackend(name);
	} catch {
		return false;
	}
}

/** Small random stand-in data of the run's image size, so a measurement needs no real data. */
function benchData(size: number): EngineData {
	const rng = new Rng(99);
	const n = 256;
	const px = size * size;
	const images = (count: number) => Float32Array.from({ length: count * px }, () => rng.next());
	const labels = (count: number) => Int32Array.from({ length: count }, (_, i) => i % 8);
	return {
		size,
		nTrain: n,
		nTest: 64,
		trainX: images(n),
		trainY: labels(n),
		testX: images(64),
		testY: labels(64),
		pixelMean: 0.5,
		pixelStd: 0.29
	};
}

/**
 * Measures one backend (which must be the current one): warm-up, then steady steps within the budget. With
 * `stop`, asked between chunks, it gives up early and returns null (the warm-up itself cannot be cut short).
 */
async function measureCurrent(
	settings: TrainSettings,
	opts: Required<BenchOptions>,
	stop?: () => boolean
): Promise<BackendSpeed | null> {
	const backend = tf.getBackend() as BackendName;
	const engine = new Engine(benchData(settings.size), settings);
	try {
		const t0 = performance.now();
		await engine.stepAsync(2);
		const warmupMs = performance.now() - t0;
		let steps = 0;
		const t1 = performance.now();
		let chunk = 1;
		while (steps < opts.maxSteps && performance.now() - t1 < opts.budgetMs) {
			if (stop?.()) return null;
			await engine.stepAsync(chunk);
			steps += chunk;
			chunk = Math.min(chunk * 2, 16);
		}
		const seconds = (performance.now() - t1) / 1000;
		return { backend, warmupMs, stepsPerSec: seconds > 0 ? steps / seconds : 0 };
	} finally {
		engine.dispose();
	}
}

/** Backends from best to worst by `runTimeMs`, failed ones left out. */
export function rankBackends(speeds: readonly BackendSpeed[]): BackendName[] {
	return speeds
		.filter((s) => s.stepsPerSec > 0)
		.sort((a, b) => runTimeMs(a) - runTimeMs(b))
		.map((s) => s.backend);
}

/**
 * Measures each candidate in turn and leaves the fastest active. Returns every measurement (failures
 * included, with their error) and the chosen backend (null if none works).
 */
export async function chooseBackend(
	settings: TrainSettings,
	options: BenchOptions = {}
): Promise<{ chosen: BackendName | null; speeds: BackendSpeed[] }> {
	const opts: Required<BenchOptions> = {
		budgetMs: options.budgetMs ?? 400,
		maxSteps: options.maxSteps ?? 40,
		candidates: options.candidates ?? backendNames
	};
	const speeds: BackendSpeed[] = [];
	for (const backend of opts.candidates) {
		if (!(await trySetBackend(backend))) {
			speeds.push({ backend, stepsPerSec: 0, warmupMs: 0, error: 'unavailable' });
			continue;
		}
		try {
			const speed = await measureCurrent(settings, opts);
			if (speed) speeds.push(speed);
		} catch (e) {
			speeds.push({
				backend,
				stepsPerSec: 0,
				warmupMs: 0,
				error: e instanceof Error ? e.message : String(e)
			});
		}
	}
	const chosen = rankBackends(speeds)[0] ?? null;
	if (chosen && !(await trySetBackend(chosen))) return { chosen: null, speeds };
	return { chosen, speeds };
}

/**
 * Measures one backend on the real model (in the background of a run: see idle-bench.ts), leaving it active;
 * null if `stop` said so between chunks. A backend that cannot start or fails is a speed of 0 with its error.
 */
export async function measureBackend(
	settings: TrainSettings,
	backend: BackendName,
	stop: () => boolean
): Promise<BackendSpeed | null> {
	if (!(await trySetBackend(backend))) return { backend, stepsPerSec: 0, warmupMs: 0, error: 'unavailable' };
	try {
		return await measureCurrent(settings, { budgetMs: 400, maxSteps: 40, candidates: [backend] }, stop);
	} catch (e) {
		return { backend, stepsPerSec: 0, warmupMs: 0, error: e instanceof Error ? e.message : String(e) };
	}
}

/** 'auto' measures every backend; a named one is used if it starts, else the others are measured. */
export async function selectBackend(
	settings: TrainSettings,
	choice: BackendChoice
): Promise<{ chosen: BackendName | null; speeds: BackendSpeed[] }> {
	if (choice === 'auto') return chooseBackend(settings);
	const forced = await chooseBackend(settings, { candidates: [choice] });
	if (forced.chosen) return forced;
	const rest = await chooseBackend(settings, { candidates: backendNames.filter((b) => b !== choice) });
	return { chosen: rest.chosen, speeds: [...forced.speeds, ...rest.speeds] };
}

type GlHolder = {
	gpgpu?: { gl?: { canvas?: unknown; getExtension?(name: string): { loseContext?(): void } | null } };
};

/** Loses the WebGL context for real (WEBGL_lose_context), for tests; false if not on WebGL. */
export function loseWebGLContext(): boolean {
	if (tf.getBackend() !== 'webgl') return false;
	const ext = (tf.backend() as unknown as GlHolder).gpgpu?.gl?.getExtension?.('WEBGL_lose_context');
	if (!ext?.loseContext) return false;
	ext.loseContext();
	return true;
}

/**
 * Calls `onLost` once if the current backend is WebGL and its context is lost. Returns a function that stops
 * listening. (Errors thrown by a lost backend are caught by the worker's loop as well.)
 */
export function watchContextLoss(onLost: () => void): () => void {
	if (tf.getBackend() !== 'webgl') return () => {};
	const canvas = (tf.backend() as unknown as GlHolder).gpgpu?.gl?.canvas;
	if (!canvas || typeof (canvas as EventTarget).addEventListener !== 'function') return () => {};
	const target = canvas as EventTarget;
	const handler = () => onLost();
	target.addEventListener('webglcontextlost', handler, { once: true });
	return () => target.removeEventListener('webglcontextlost', handler);
}
