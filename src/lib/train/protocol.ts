/**
 * The typed message protocol between the page (client.svelte.ts) and the training worker (worker.ts).
 * Pure TypeScript, no tfjs: the UI imports this and the client, never the tensor code.
 *
 * Models are addressed as 0 ('a', default softmax) and 1 ('b', default ArcFace).
 */

import type { OpenSetReport } from '$lib/metrics/open-set';
import type { TrainSettings } from './settings';
import type { BackendName, DivergeReason, HeadConfig, OptimizerName } from './types';

export type { BackendName, DivergeReason, HeadConfig, LossName, OptimizerName } from './types';
export type { ModelSettings, TrainSettings } from './settings';
export type {
	Identification,
	OpenSetReport,
	RateCurve,
	TargetPoint,
	Verification
} from '$lib/metrics/open-set';
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
	| { type: 'simulate-backend-loss' }
	/** steps per second to train at (at least MIN_PACE = 1); null = as fast as possible (the default) */
	| { type: 'pace'; stepsPerSec: number | null }
	/** one held-out sample through one model on the current weights, with gradients: answered by `inspection` */
	| { type: 'inspect'; model: ModelIndex; index: number }
	/** both models on the held-out faces upright and upside down: answered by `inverted-evaluation` */
	| { type: 'evaluate-inverted' }
	/**
	 * both models, on the current weights, on the unseen identities (rendered once per data settings) and on
	 * held-out faces of the training identities: answered by `open-set-evaluation`
	 */
	| { type: 'evaluate-open-set'; request?: OpenSetRequest };

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
	/** held-out features, nTest × dim row-major (transferred); the snapshot message carries `dim` */
	features: Float32Array;
	/** ‖x‖ of each held-out feature */
	featureNorms: Float32Array;
	/** class centres (columns of W, or the triplet loss's class means), K × dim row-major */
	centres: Float32Array;
	/** ‖W_j‖ of each centre */
	centreNorms: Float32Array;
}

/**
 * One held-out sample through one model, forward and backward, on the weights of `step`. Vectors are plain
 * arrays; n × 2 arrays are row-major (row j = class j). L is the model's training loss on this sample alone.
 */
export interface Inspection {
	step: number;
	model: ModelIndex;
	/** index into the held-out set, and its identity (0..7) */
	index: number;
	label: number;
	/** the face as the network gets it before standardising: size × size values in [0, 1] */
	size: number;
	pixels: Float32Array;
	head: HeadConfig;
	/** the model's learning rate and optimizer (the figure's SGD preview starts from this rate) */
	lr: number;
	optimizer: OptimizerName;
	/** the 2-D feature x */
	x: [number, number];
	/** class centres W_j as rows, n × 2 (not normalised) */
	centres: Float32Array;
	/** softmax's bias b_j, null for the other losses */
	bias: Float32Array | null;
	/** cos θ_j between x and each W_j, clamped to [−1, 1] */
	cos: Float32Array;
	/** the logits the cross-entropy sees (after margin and scale) */
	logits: Float32Array;
	/** softmax of the logits */
	probs: Float32Array;
	/** −log p_y */
	crossEntropy: number;
	/** the training loss: −log p_y, plus the intra/inter term for L5/L6 */
	loss: number;
	/** the class the model predicts for this face (as the accuracy counts it) */
	predicted: number;
	/** ∂L/∂x */
	gradX: [number, number];
	/** ∂L/∂W_j as rows, n × 2 */
	gradCentres: Float32Array;
}

/** The data and net shape a run was built with. */
export interface DatasetInfo {
	/** training identities K */
	classes: number;
	/** feature dimension D */
	dim: number;
	/** faces per identity used (train + held-out) and asked for; they differ past the image budget */
	perIdentity: number;
	requestedPerIdentity: number;
}

/** Options of an open-set evaluation (all optional; defaults in `src/lib/train/open-set.ts`). */
export interface OpenSetRequest {
	/** images per unseen identity, 2..100 (default 20: 64 × 20 = 1,280 probe images) */
	perIdentity?: number;
}

/** One model's open-set results: the seen identities' report beside the unseen ones'. */
export interface OpenSetModelEval {
	/** held-out faces of (up to 64 of) the training identities; non-mated searches from unseen people */
	seen: OpenSetReport;
	/** the unseen identities: pairs among all of them; gallery and impostors from disjoint halves */
	unseen: OpenSetReport;
	/** the unseen images' features, unseen.images × dim row-major, in `OpenSetEvaluation.unseenLabels` order */
	unseenFeatures: Float32Array;
}

export interface OpenSetEvaluation {
	step: number;
	/** feature dimension D and training identities K of the run */
	dim: number;
	trainIdentities: number;
	/** the seen set: identities 0 … seenIdentities − 1, up to seenPerIdentity held-out images each */
	seenIdentities: number;
	seenPerIdentity: number;
	/** unseen identities, images per identity, and the label (0 … unseen − 1) of each unseen image */
	unseenIdentities: number;
	unseenPerIdentity: number;
	unseenLabels: Int32Array;
	/**
	 * identification: the first `gallerySize` identities of each set are enrolled (same size for seen and
	 * unseen); every image of the last `impostorIdentities` unseen identities is a non-mated search for both
	 */
	gallerySize: number;
	impostorIdentities: number;
	/** images enrolled per identity, one identification result each */
	enrolK: number[];
	/** worker time: rendering the unseen faces (0 when cached), embedding, the metrics */
	renderMs: number;
	embedMs: number;
	analysisMs: number;
	models: [OpenSetModelEval, OpenSetModelEval];
	/** image side, and the first image of each of the first 8 unseen identities */
	size: number;
	samples: FaceSample[];
}

export interface InvertedModelEval {
	/** held-out accuracy in [0, 1] and mean θ_y (degrees), upright and upside down */
	uprightAcc: number;
	invertedAcc: number;
	uprightThetaDeg: number;
	invertedThetaDeg: number;
	/** held-out features, nTest × dim row-major, upright and upside down */
	uprightFeatures: Float32Array;
	invertedFeatures: Float32Array;
	/** class centres, K × dim row-major */
	centres: Float32Array;
	/** predicted identity of each held-out face, upright and upside down */
	uprightPredicted: Int32Array;
	invertedPredicted: Int32Array;
}

/** One held-out face (raw pixels in [0, 1], upright) to show beside the numbers. */
export interface FaceSample {
	index: number;
	label: number;
	pixels: Float32Array;
}

export interface InvertedEvaluation {
	step: number;
	/** feature dimension D of the features and centres below */
	dim: number;
	/** image side in pixels */
	size: number;
	/** held-out labels, one per feature row */
	labels: Int32Array;
	models: [InvertedModelEval, InvertedModelEval];
	/** the first held-out face of each identity */
	samples: FaceSample[];
}

export type FromWorker =
	| { type: 'progress'; done: number; total: number }
	/** the run is built and waiting for `start`; `speeds` are the measurements from backend selection */
	| {
			type: 'ready';
			backend: BackendName;
			speeds: BackendSpeed[];
			nTrain: number;
			nTest: number;
			/** what the run uses (the image budget may lower the faces per identity) */
			dataset?: DatasetInfo;
	  }
	| { type: 'state'; running: boolean; step: number }
	/** `numTensors`: the worker's tf.memory().numTensors (the soak benchmark reads it through the debug hook) */
	| {
			type: 'stats';
			step: number;
			stepsPerSec: number;
			models: [ModelStats, ModelStats];
			numTensors?: number;
	  }
	/** held-out labels (0 … K − 1), one per feature row; `dim` is the feature dimension D */
	| {
			type: 'snapshot';
			step: number;
			dim: number;
			labels: Int32Array;
			models: [ModelSnapshot, ModelSnapshot];
	  }
	| { type: 'diverged'; model: ModelIndex; reason: DivergeReason; step: number }
	/** training moved to another backend (context lost, or an error from the backend); it carries on */
	| { type: 'backend-changed'; from: BackendName; to: BackendName; reason: string }
	/** no backend left to train on */
	| { type: 'backend-lost'; backend: BackendName; reason: string }
	| { type: 'error'; message: string }
	/** answer to `inspect`; null when the model's loss has no class centres to walk through (triplet) */
	/**
	 * answer to `inspect`; null when the model's loss has no class centres to walk through (triplet,
	 * `unavailable: 'no-centres'`) or the features are not 2-D (`unavailable: 'dimension'`)
	 */
	| {
			type: 'inspection';
			model: ModelIndex;
			index: number;
			step: number;
			inspection: Inspection | null;
			unavailable?: 'no-centres' | 'dimension';
	  }
	| ({ type: 'inverted-evaluation' } & InvertedEvaluation)
	| ({ type: 'open-set-evaluation' } & OpenSetEvaluation);

/** Most stats and snapshot messages a second while training. */
export const MAX_UPDATES_PER_SEC = 10;

/** A message from the UI, or null if it is not one (never throws). */
export function parseToWorker(data: unknown): ToWorker | null {
	if (typeof data !== 'object' || data === null) return null;
	const msg = data as {
		type?: unknown;
		n?: unknown;
		model?: unknown;
		index?: unknown;
		stepsPerSec?: unknown;
	};
	switch (msg.type) {
		case 'configure':
		case 'update':
		case 'start':
		case 'pause':
		case 'reset':
		case 'snapshot':
		case 'simulate-backend-loss':
		case 'evaluate-inverted':
			return data as ToWorker;
		case 'evaluate-open-set': {
			const r = (data as { request?: unknown }).request;
			if (r === undefined) return { type: 'evaluate-open-set' };
			if (typeof r !== 'object' || r === null) return null;
			const per = (r as { perIdentity?: unknown }).perIdentity;
			if (per === undefined) return { type: 'evaluate-open-set', request: {} };
			return typeof per === 'number' && Number.isFinite(per)
				? { type: 'evaluate-open-set', request: { perIdentity: per } }
				: null;
		}
		case 'pace':
			return msg.stepsPerSec === null || typeof msg.stepsPerSec === 'number' ? (data as ToWorker) : null;
		case 'inspect':
			return (msg.model === 0 || msg.model === 1) &&
				typeof msg.index === 'number' &&
				Number.isFinite(msg.index)
				? (data as ToWorker)
				: null;
		case 'step':
			return typeof msg.n === 'number' && Number.isFinite(msg.n) ? (data as ToWorker) : null;
		case 'restore':
			return msg.model === 0 || msg.model === 1 ? (data as ToWorker) : null;
		default:
			return null;
	}
}
