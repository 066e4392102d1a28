/**
 * The typed message protocol between the page (client.svelte.ts) and the training worker (worker.ts).
 * Pure TypeScript, no tfjs: the UI imports this and the client, never the tensor code.
 *
 * Models are addressed as 0 ('a', default softmax) and 1 ('b', default ArcFace).
 */

import type { TrainSettings } from './settings';
import type { BackendName, DivergeReason } from './types';

export type { BackendName, DivergeReason, HeadConfig, LossName, OptimizerName } from './types';
export type { ModelSettings, TrainSettings } from './settings';
export { defaultSettings, lossDefaults, validateSettings } from './settings';

export type ModelIndex = 0 | 1;

/** Which backend to train on: 'auto' measures every available one and keeps the fastest. */
export type BackendChoice = BackendName | 'auto';

// ---------------------------------------------------------------- UI → worker

export type ToWorker =
	/**
	 * A new run: (re)generates the data if its settings changed, builds both models from the seed. The first
	 * configure also picks the backend. `wasmPath` is the absolute URL of the folder holding the tfjs .wasm
	 * files (see wasm-path.ts). Answered by `progress`…, then `ready`.
	 */
	| { type: 'configure'; settings: TrainSettings; backend?: BackendChoice; wasmPath?: string }
	/** New hyper-parameters that keep the weights (loss heads, lr, optimizer, momentum, batch size). */
	| { type: 'update'; settings: TrainSettings }
	| { type: 'start' }
	| { type: 'pause' }
	/** n steps, then pause (the slow-motion / single-step button) */
	| { type: 'step'; n: number }
	/** back to step 0 with the seeded initial weights (same data) */
	| { type: 'reset' }
	/** ask for a `snapshot` now */
	| { type: 'snapshot' }
	/** put a diverged model back on its last good weights */
	| { type: 'restore'; model: ModelIndex }
	/** tests and demos: lose the WebGL context (or fail the current backend) to exercise the fallback */
	| { type: 'simulate-backend-loss' };

// ---------------------------------------------------------------- worker → UI

export interface BackendSpeed {
	backend: BackendName;
	/** steady training steps per second (both models), 0 if it failed */
	stepsPerSec: number;
	/** time of the first step(s): shader compilation, wasm start-up */
	warmupMs: number;
	error?: string;
}

export interface ModelStats {
	/** last finite training loss */
	loss: number;
	/** accuracy on (up to 1,024) training images, and on the held-out set, in [0, 1] */
	trainAcc: number;
	testAcc: number;
	/** mean angle between each held-out feature and its class centre, degrees */
	meanThetaDeg: number;
	paused: boolean;
	diverged: boolean;
}

export interface ModelSnapshot {
	/** held-out 2-D features, nTest × 2 row-major (transferred) */
	features: Float32Array;
	/** ‖x‖ of each held-out feature */
	featureNorms: Float32Array;
	/** class centres (columns of W, or the triplet loss's class means), n × 2 row-major */
	centres: Float32Array;
	/** ‖W_j‖ of each centre */
	centreNorms: Float32Array;
}

export type FromWorker =
	| { type: 'progress'; done: number; total: number }
	/** the run is built and waiting for `start`; `speeds` are the measurements from backend selection */
	| { type: 'ready'; backend: BackendName; speeds: BackendSpeed[]; nTrain: number; nTest: number }
	| { type: 'state'; running: boolean; step: number }
	| { type: 'stats'; step: number; stepsPerSec: number; models: [ModelStats, ModelStats] }
	/** held-out labels (0..7), one per feature row */
	| { type: 'snapshot'; step: number; labels: Int32Array; models: [ModelSnapshot, ModelSnapshot] }
	| { type: 'diverged'; model: ModelIndex; reason: DivergeReason; step: number }
	/** training moved to another backend (context lost, or an error from the backend); it carries on */
	| { type: 'backend-changed'; from: BackendName; to: BackendName; reason: string }
	/** no backend left to train on */
	| { type: 'backend-lost'; backend: BackendName; reason: string }
	| { type: 'error'; message: string };

/** Most stats and snapshot messages a second while training. */
export const MAX_UPDATES_PER_SEC = 10;

/** A message from the UI, or null if it is not one (never throws). */
export function parseToWorker(data: unknown): ToWorker | null {
	if (typeof data !== 'object' || data === null) return null;
	const msg = data as { type?: unknown; n?: unknown; model?: unknown };
	switch (msg.type) {
		case 'configure':
		case 'update':
		case 'start':
		case 'pause':
		case 'reset':
		case 'snapshot':
		case 'simulate-backend-loss':
			return data as ToWorker;
		case 'step':
			return typeof msg.n === 'number' && Number.isFinite(msg.n) ? (data as ToWorker) : null;
		case 'restore':
			return msg.model === 0 || msg.model === 1 ? (data as ToWorker) : null;
		default:
			return null;
	}
}
