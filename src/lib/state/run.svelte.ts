/**
 * One training run as the page sees it: the settings, the worker client, and what the figures need beyond
 * the latest numbers — the history of stats (training curves) and recorded snapshots (replay, θ over time).
 * Created in the browser only. It is the figures' and pages' one front end to the worker: they read its
 * getters and call its commands, never the TrainerClient's.
 */
import { getContext, setContext } from 'svelte';
import { TrainerClient, type Snapshot, type TrainerOptions } from '$lib/train/client.svelte';
import type {
	FromWorker,
	BackendChoice,
	DatasetInfo,
	Inspection,
	InvertedEvaluation,
	ModelIndex,
	ModelStats,
	OpenSetEvaluation,
	OpenSetRequest
} from '$lib/train/protocol';
import type { TrainSettings } from '$lib/train/settings';

export type HistoryPoint = { step: number; models: [ModelStats, ModelStats] };

/** Most points kept; past it, every other point is dropped so the whole run stays visible. */
export const MAX_HISTORY = 1200;
export const MAX_RECORDED = 240;

/** Keep at most `max` items by thinning evenly, always keeping the first and the newest. */
export function thin<T>(items: T[], max: number): T[] {
	if (items.length <= max) return items;
	const out = items.filter((_, i) => i % 2 === 0);
	if (out.at(-1) !== items.at(-1)) out.push(items.at(-1)!);
	return out;
}

export class LabRun {
	settings = $state<TrainSettings>() as TrainSettings;
	/** training pace in steps per second; 0 = as fast as the device can */
	pace = $state(0);
	history = $state.raw<HistoryPoint[]>([]);
	recorded = $state.raw<Snapshot[]>([]);
	/** index into `recorded` while replaying; null follows the live run */
	replayAt = $state<number | null>(null);
	/** replaced (never mutated) when a forced backend is chosen before the first run */
	trainer = $state.raw<TrainerClient>() as TrainerClient;
	/**
	 * True once the worker was asked to build the run. Runs outside the lab stay unconfigured (no worker,
	 * no tfjs download) until the student presses Train or Step: see `start` and `stepBy`.
	 */
	configured = $state(false);
	/** A lazy run (lessons, embeds) waits for Train to be built; the lab's run is built on load. */
	lazy = false;
	private options: TrainerOptions;
	/** what to do once the run being built is ready: 'start', or a number of steps */
	private pending: 'start' | number | null = null;

	/** The snapshot figures should draw: the replayed one, or the newest. */
	shown = $derived.by((): Snapshot | null => {
		if (this.replayAt !== null && this.recorded.length) {
			return this.recorded[Math.min(this.replayAt, this.recorded.length - 1)];
		}
		return this.trainer.snapshot;
	});

	constructor(settings: TrainSettings, options: TrainerOptions = {}) {
		this.settings = settings;
		this.options = options;
		this.trainer = this.client();
	}

	private client(): TrainerClient {
		return new TrainerClient({ ...this.options, onmessage: (m) => this.record(m) });
	}

	/** Force a backend ('auto' measures them); takes effect on the next `configure`. */
	useBackend(choice: BackendChoice) {
		if ((this.options.backend ?? 'auto') === choice) return;
		this.trainer.dispose();
		this.options = { ...this.options, backend: choice === 'auto' ? undefined : choice };
		this.trainer = this.client();
		this.configured = false;
	}

	setPace(stepsPerSec: number) {
		this.pace = stepsPerSec;
		// an unbuilt run gets its pace when it is configured (sending now would start the worker)
		if (this.configured) this.trainer.setPace(stepsPerSec > 0 ? stepsPerSec : null);
	}

	private record(msg: FromWorker) {
		if (msg.type === 'ready') {
			this.history = [];
			this.recorded = [];
			this.replayAt = null;
			const pending = this.pending;
			this.pending = null;
			if (pending === 'start') this.trainer.start();
			else if (pending !== null) this.trainer.stepBy(pending);
		} else if (msg.type === 'stats') {
			const last = this.history.at(-1);
			if (last && msg.step < last.step) this.history = [];
			if (last?.step === msg.step) return;
			this.history = thin([...this.history, { step: msg.step, models: msg.models }], MAX_HISTORY);
		} else if (msg.type === 'snapshot') {
			const snap: Snapshot = { step: msg.step, dim: msg.dim, labels: msg.labels, models: msg.models };
			const last = this.recorded.at(-1);
			if (last && msg.step < last.step) this.recorded = [];
			// Thinning shifts indices: keep a replay on the step it shows.
			const replayed = this.replayAt !== null ? this.recorded[this.replayAt]?.step : undefined;
			if (last?.step === msg.step) this.recorded = [...this.recorded.slice(0, -1), snap];
			else this.recorded = thin([...this.recorded, snap], MAX_RECORDED);
			if (replayed !== undefined) {
				const i = this.recorded.findLastIndex((r) => r.step <= replayed);
				this.replayAt = Math.max(0, i);
			}
		}
	}

	/** Build a fresh run from the current settings (new data if the data settings changed). */
	configure() {
		this.configured = true;
		this.trainer.configure(this.settings);
		if (this.pace > 0) this.trainer.setPace(this.pace);
	}

	/** Train; builds the run first if it was not built yet (the start waits for `ready`). */
	start() {
		if (this.trainer.ready) this.trainer.start();
		else this.later('start');
	}

	/** Train n steps, then pause; builds the run first if needed. */
	stepBy(n: number) {
		if (this.trainer.ready) this.trainer.stepBy(n);
		else this.later(n);
	}

	pause() {
		this.pending = null;
		if (this.configured) this.trainer.pause();
	}

	private later(action: 'start' | number) {
		this.pending = action;
		if (!this.configured) this.configure();
	}

	/** Apply changed hyper-parameters, keeping the weights where the worker can. */
	update() {
		// an unbuilt run reads its settings when it is configured
		if (this.configured) this.trainer.update(this.settings);
	}

	/** Train unless already training (embed commands and presenter keys: play never toggles). */
	play() {
		if (!this.trainer.running) this.start();
	}

	/** Train, or pause if training (the lab's Space key). */
	toggle() {
		if (this.trainer.running) this.pause();
		else this.start();
	}

	reset() {
		this.replayAt = null;
		if (this.configured) this.trainer.reset();
	}

	/** Put a diverged model back on its last good weights. */
	restore(model: ModelIndex) {
		if (this.configured) this.trainer.restore(model);
	}

	/** Walk held-out face `index` through model `model` on the current weights (answer in `inspection`). */
	inspect(model: ModelIndex, index: number) {
		if (this.configured) this.trainer.inspect(model, index);
	}

	/** Test both models on the held-out faces upright and upside down (answer in `inverted`). */
	evaluateInverted() {
		if (this.configured) this.trainer.evaluateInverted();
	}

	/**
	 * Test both models on unseen people (open-set verification and identification) beside held-out faces of
	 * the training identities, on the current weights (answer in `openSet`; `openSetPending` meanwhile).
	 */
	evaluateOpenSet(request?: OpenSetRequest) {
		if (this.configured) this.trainer.evaluateOpenSet(request);
	}

	/** Lose the backend on purpose (the lab's debug hook: tests and demos of the fallback). */
	simulateBackendLoss() {
		if (this.configured) this.trainer.simulateBackendLoss();
	}

	// What figures read (reactive: each reads the client's state).
	get ready(): boolean {
		return this.trainer.ready;
	}
	get running(): boolean {
		return this.trainer.running;
	}
	get step(): number {
		return this.trainer.step;
	}
	get nTest(): number {
		return this.trainer.nTest;
	}
	get stats(): [ModelStats, ModelStats] | null {
		return this.trainer.stats;
	}
	/** the newest snapshot (`shown` is the one to draw, which may be replayed) */
	get snapshot(): Snapshot | null {
		return this.trainer.snapshot;
	}
	get inspection(): Inspection | null {
		return this.trainer.inspection;
	}
	get inverted(): InvertedEvaluation | null {
		return this.trainer.inverted;
	}
	/** why `inspection` is null after an `inspect`: a loss without centres, or D > 2 */
	get inspectionUnavailable(): 'no-centres' | 'dimension' | null {
		return this.trainer.inspectionUnavailable;
	}
	get openSet(): OpenSetEvaluation | null {
		return this.trainer.openSet;
	}
	get openSetPending(): boolean {
		return this.trainer.openSetPending;
	}
	/** training identities K, feature dimension D and the faces per identity the run uses (after `ready`) */
	get dataset(): DatasetInfo | null {
		return this.trainer.dataset;
	}

	dispose() {
		this.pending = null;
		this.configured = false;
		this.trainer.dispose();
	}
}

const KEY = Symbol('lab-run');

export function provideRun(run: LabRun): LabRun {
	return setContext(KEY, run);
}

export function useRun(): LabRun | undefined {
	return getContext<LabRun | undefined>(KEY);
}
