/**
 * The page's handle on the training worker: typed commands out, reactive state in (Svelte 5 runes). The UI
 * imports this and protocol.ts only, never tfjs. Create it in the browser (onMount or an $effect), pass it
 * down by context, and call `dispose()` when the page goes.
 *
 *   const trainer = new TrainerClient();
 *   trainer.configure(settings);       // data, backend choice, models → `ready`
 *   trainer.start();                   // stats and snapshots arrive ≤ 10 times a second
 */

import { asset } from '$app/paths';
import type {
	BackendChoice,
	BackendName,
	BackendSpeed,
	DatasetInfo,
	DivergeReason,
	FromWorker,
	Inspection,
	InvertedEvaluation,
	ModelIndex,
	ModelSnapshot,
	ModelStats,
	OpenSetEvaluation,
	OpenSetRequest,
	ToWorker,
	TrainSettings
} from './protocol';
import { readStored, writeStored } from '$lib/state/storage';
import { clampPace } from './pace';
import { createTrainWorker } from './spawn';
import { wasmUrl } from './wasm-path';

export interface TrainerOptions {
	/**
	 * force a backend; default: the one measured fastest on an earlier visit (localStorage), else 'auto' (start
	 * on WASM at once, time the backends while idle, and remember the result: idle-bench.ts)
	 */
	backend?: BackendChoice;
	/** remember the measured backend in localStorage so later visits skip the measurement (default true) */
	rememberBackend?: boolean;
	/** called with every worker message after the client's own state is updated (run history, replay) */
	onmessage?: (msg: FromWorker) => void;
	/** absolute URL of the folder with the tfjs .wasm files; default `<site>/tfjs/` */
	wasmPath?: string;
	/** for tests: make the worker some other way */
	createWorker?: () => Worker;
}

export interface Snapshot {
	step: number;
	/** feature dimension D: each model's features are labels.length × dim, its centres K × dim */
	dim: number;
	labels: Int32Array;
	models: [ModelSnapshot, ModelSnapshot];
}

/** Why the run is on its backend: timed on an earlier visit, asked for, or the default of a first visit. */
export type BackendSource = 'remembered' | 'asked' | 'auto';

/** The idle-time measurement of a first visit: under way, or done (and whether the run moved). */
export type BackendMeasurement =
	{ kind: 'measuring' } | { kind: 'done'; from: BackendName; to: BackendName; speeds: BackendSpeed[] };

export type BackendNotice =
	| { kind: 'changed'; from: BackendName; to: BackendName; reason: string }
	| { kind: 'lost'; backend: BackendName; reason: string };

const STORAGE_KEY = 'margin-lab:train-backend';

function remembered(): BackendName | null {
	const v = readStored(STORAGE_KEY);
	return v === 'webgl' || v === 'wasm' || v === 'cpu' ? v : null;
}

function remember(backend: BackendName): void {
	writeStored(STORAGE_KEY, backend);
}

export class TrainerClient {
	/** data generation progress, null when idle */
	progress = $state<{ done: number; total: number } | null>(null);
	/** true once the worker has built a run and can start */
	ready = $state(false);
	running = $state(false);
	step = $state(0);
	backend = $state<BackendName | null>(null);
	speeds = $state.raw<BackendSpeed[]>([]);
	/** where the backend choice came from (set by `configure`) */
	backendSource = $state<BackendSource>('auto');
	/** the first visit's idle-time measurement, null when none is made (a remembered or asked-for backend) */
	measurement = $state.raw<BackendMeasurement | null>(null);
	stepsPerSec = $state(0);
	/** the worker's tensor count at its last stats (for the debug hook) */
	numTensors = 0;
	nTrain = $state(0);
	nTest = $state(0);
	stats = $state.raw<[ModelStats, ModelStats] | null>(null);
	snapshot = $state.raw<Snapshot | null>(null);
	/** why each model diverged, null while it trains normally */
	diverged = $state.raw<[DivergeReason | null, DivergeReason | null]>([null, null]);
	/** a restore was sent and the worker has not yet reported the model healthy (plain: not drawn) */
	private restoring: [boolean, boolean] = [false, false];
	backendNotice = $state.raw<BackendNotice | null>(null);
	error = $state<string | null>(null);
	/** the pace asked for with `setPace`, steps per second; null = as fast as possible */
	pace = $state<number | null>(null);
	/** the latest answer to `inspect` (null before the first, or when the loss has no class centres) */
	inspection = $state.raw<Inspection | null>(null);
	/** the latest answer to `evaluateInverted` */
	inverted = $state.raw<InvertedEvaluation | null>(null);
	/** why the latest `inspect` answer is null: a loss without centres, or features that are not 2-D */
	inspectionUnavailable = $state<'no-centres' | 'dimension' | null>(null);
	/** the latest answer to `evaluateOpenSet` (null before the first and after a new run is built) */
	openSet = $state.raw<OpenSetEvaluation | null>(null);
	/** true from `evaluateOpenSet` until its answer (or an error) arrives */
	openSetPending = $state(false);
	/** the data and net shape of the current run (from `ready`) */
	dataset = $state.raw<DatasetInfo | null>(null);

	private worker: Worker | null = null;
	private readonly options: TrainerOptions;

	constructor(options: TrainerOptions = {}) {
		this.options = options;
	}

	private connect(): Worker {
		if (this.worker) return this.worker;
		const w = (this.options.createWorker ?? createTrainWorker)();
		w.onmessage = (e: MessageEvent<FromWorker>) => {
			this.receive(e.data);
			this.options.onmessage?.(e.data);
		};
		w.onerror = (e) => (this.error = e.message || 'worker failed to start');
		this.worker = w;
		return w;
	}

	private send(msg: ToWorker): void {
		this.connect().postMessage(msg);
	}

	private receive(msg: FromWorker): void {
		switch (msg.type) {
			case 'progress':
				this.progress = { done: msg.done, total: msg.total };
				break;
			case 'ready':
				this.progress = null;
				this.ready = true;
				this.backend = msg.backend;
				this.speeds = msg.speeds;
				// a rebuilt run (new data) keeps what the idle-time measurement found
				this.measurement = msg.measuring
					? { kind: 'measuring' }
					: this.measurement?.kind === 'done'
						? this.measurement
						: null;
				// a first visit's starting backend is a default, not a result: remember only what was timed
				if (this.options.rememberBackend !== false && !msg.measuring && msg.speeds.length)
					remember(msg.backend);
				this.nTrain = msg.nTrain;
				this.nTest = msg.nTest;
				this.diverged = [null, null];
				this.restoring = [false, false];
				this.inspection = null;
				this.inverted = null;
				this.openSet = null;
				this.openSetPending = false;
				this.dataset = msg.dataset ?? null;
				break;
			case 'state':
				this.running = msg.running;
				this.step = msg.step;
				break;
			case 'stats':
				this.step = msg.step;
				this.stepsPerSec = msg.stepsPerSec;
				this.numTensors = msg.numTensors ?? 0;
				this.stats = msg.models;
				this.diverged = [0, 1].map((i) => {
					const m = i as ModelIndex;
					// stats sent before the worker handled a restore still say "diverged": not news
					if (this.restoring[m]) {
						if (!msg.models[m].diverged) this.restoring[m] = false;
						return null;
					}
					return msg.models[m].diverged ? (this.diverged[m] ?? 'unknown') : null;
				}) as [DivergeReason | null, DivergeReason | null];
				break;
			case 'snapshot':
				this.snapshot = { step: msg.step, dim: msg.dim, labels: msg.labels, models: msg.models };
				break;
			case 'diverged': {
				const next: [DivergeReason | null, DivergeReason | null] = [...this.diverged];
				next[msg.model] = msg.reason;
				this.restoring[msg.model] = false;
				this.diverged = next;
				break;
			}
			case 'backends-measured':
				this.backend = msg.backend;
				this.speeds = msg.speeds;
				this.measurement = { kind: 'done', from: msg.from, to: msg.backend, speeds: msg.speeds };
				if (this.options.rememberBackend !== false) remember(msg.backend);
				break;
			case 'backend-changed':
				this.backend = msg.to;
				if (this.options.rememberBackend !== false) remember(msg.to);
				this.backendNotice = { kind: 'changed', from: msg.from, to: msg.to, reason: msg.reason };
				break;
			case 'backend-lost':
				this.running = false;
				this.backendNotice = { kind: 'lost', backend: msg.backend, reason: msg.reason };
				break;
			case 'error':
				this.error = msg.message;
				this.openSetPending = false;
				break;
			case 'inspection':
				this.inspection = msg.inspection;
				this.inspectionUnavailable = msg.inspection ? null : (msg.unavailable ?? 'no-centres');
				break;
			case 'open-set-evaluation': {
				const { type: _, ...evaluation } = msg;
				this.openSet = evaluation;
				this.openSetPending = false;
				break;
			}
			case 'inverted-evaluation': {
				const { type: _, ...evaluation } = msg;
				this.inverted = evaluation;
				break;
			}
		}
	}

	/** A new run with these settings (validated and clamped by the worker). */
	configure(settings: TrainSettings): void {
		this.ready = false;
		this.error = null;
		const wasmPath = this.options.wasmPath ?? wasmUrl(asset('/'), location.href);
		const stored = this.options.rememberBackend !== false ? remembered() : null;
		const backend = this.options.backend ?? stored ?? 'auto';
		this.backendSource = this.options.backend ? 'asked' : stored ? 'remembered' : 'auto';
		this.send({
			type: 'configure',
			settings: $state.snapshot(settings),
			backend,
			wasmPath
		});
		// a new worker (after dispose) starts unpaced: keep the pace asked for
		if (this.pace !== null) this.send({ type: 'pace', stepsPerSec: this.pace });
	}

	/** Change hyper-parameters without losing the weights (a data change starts a new run). */
	update(settings: TrainSettings): void {
		this.send({ type: 'update', settings: $state.snapshot(settings) });
	}

	start(): void {
		this.send({ type: 'start' });
	}

	pause(): void {
		// paused at once for the page: a Step pressed before the worker's answer is not ignored (it follows
		// the pause in the worker's queue)
		this.running = false;
		this.send({ type: 'pause' });
	}

	/** Train n steps, then pause. */
	stepBy(n: number): void {
		this.send({ type: 'step', n });
	}

	reset(): void {
		this.send({ type: 'reset' });
	}

	requestSnapshot(): void {
		this.send({ type: 'snapshot' });
	}

	/** Put a diverged model back on its last good weights. */
	restore(model: ModelIndex): void {
		const next: [DivergeReason | null, DivergeReason | null] = [...this.diverged];
		next[model] = null;
		this.diverged = next;
		this.restoring[model] = true;
		this.send({ type: 'restore', model });
	}

	/** Train at about this many steps per second (at least 1); null = as fast as possible. */
	setPace(stepsPerSec: number | null): void {
		this.pace = clampPace(stepsPerSec);
		this.send({ type: 'pace', stepsPerSec: this.pace });
	}

	/** Walk held-out sample `index` through model `model` on the current weights (answer in `inspection`). */
	inspect(model: ModelIndex, index: number): void {
		this.send({ type: 'inspect', model, index });
	}

	/** Test both models on the held-out faces upright and upside down (answer in `inverted`). */
	evaluateInverted(): void {
		this.send({ type: 'evaluate-inverted' });
	}

	/**
	 * Both models on people they never trained on, and on held-out faces of the training identities, on the
	 * current weights (answer in `openSet`). Training goes on meanwhile (the worker pauses its ticks for the
	 * analysis only).
	 */
	evaluateOpenSet(request?: OpenSetRequest): void {
		this.openSetPending = true;
		this.send({ type: 'evaluate-open-set', ...(request ? { request } : {}) });
	}

	/** Raw images through both models (answer: an `embeddings` message with the same id, via onmessage). */
	embedImages(id: number, size: number, count: number, pixels: Float32Array): void {
		this.connect().postMessage({ type: 'embed-images', id, size, count, pixels } satisfies ToWorker, [
			pixels.buffer
		]);
	}

	/** Lose the WebGL context for real (tests and classroom demos of the backend fallback). */
	simulateBackendLoss(): void {
		this.send({ type: 'simulate-backend-loss' });
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
		this.ready = false;
		this.running = false;
	}
}
