/**
 * The networks' side of the experiments: the lab's two models (softmax and ArcFace, the lab's default settings
 * and seed), trained in the worker on this page for TRAIN_STEPS steps, then asked about exactly the pictures of
 * the measured trials (rendered at the networks' input size). Nothing is typed in: every number a results
 * figure or the class view shows for a network comes from these answers.
 *   - `NetworkPair`: the training and the asking, shared by an experiment page and the class view on /teach/;
 *   - `NetworkSide`: one experiment page's networks (one pair, that experiment's trials);
 *   - `ClassNetworks`: the class view's networks (one pair, the fixed measured trials of every experiment).
 */
import { LabRun } from '$lib/state/run.svelte';
import { defaultSettings } from '$lib/train/settings';
import type { NuisanceLevels } from '$lib/faces';
import { batchPixels, networkAnswers, networkBatch, type NetworkResult } from '../network';
import { calibrationPairs, classPlans, experimentNuisance, type PlannedTrial } from '../plan';
import type { ExperimentId } from '../types';

/** Steps both models train before they answer: both pass 95 % held-out accuracy well before (lab default). */
export const TRAIN_STEPS = 400;

export type NetworkPhase = 'idle' | 'data' | 'training' | 'answering' | 'done' | 'error';

/** What a status line reads (NetworkStatus.svelte). */
export interface NetworkProgress {
	readonly run: LabRun;
	readonly phase: NetworkPhase;
	readonly error: string | null;
}

/** The two default models of one page: trained once, then asked about any experiment's trials. */
export class NetworkPair {
	readonly run: LabRun;
	started = $state(false);

	constructor() {
		this.run = new LabRun(structuredClone(defaultSettings) as typeof defaultSettings);
		this.run.lazy = true;
	}

	/** Train the two models (builds the worker and the faces first). */
	start(): void {
		if (this.started) return;
		this.started = true;
		this.run.stepBy(TRAIN_STEPS);
	}

	/** Built, trained for TRAIN_STEPS and idle: ready to answer. */
	get trained(): boolean {
		const { run } = this;
		return this.started && run.ready && !run.running && run.step >= TRAIN_STEPS;
	}

	/** Where the training is ('trained' once `trained`; the caller adds answering and done). */
	get trainPhase(): 'idle' | 'data' | 'training' | 'trained' | 'error' {
		if (this.run.trainer.error) return 'error';
		if (!this.started) return 'idle';
		if (!this.run.ready) return 'data';
		return this.trained ? 'trained' : 'training';
	}

	/** Both models' answers to one experiment's measured trials (needs `trained`). */
	async answer(
		experiment: ExperimentId,
		trials: PlannedTrial[],
		levels: NuisanceLevels
	): Promise<[NetworkResult, NetworkResult]> {
		const size = this.run.settings.size;
		const cal = experiment === 'inversion' ? calibrationPairs() : [];
		const batch = networkBatch(experiment, trials, cal);
		const pixels = batchPixels(batch, size, levels);
		const answer = await this.run.embed(size, batch.stimuli.length, pixels);
		return answer.models.map((m) => networkAnswers(experiment, trials, batch, m, answer.classes)) as [
			NetworkResult,
			NetworkResult
		];
	}

	/** The two models' loss names, in order (the figures' labels). */
	get losses(): [string, string] {
		return [this.run.settings.a.loss, this.run.settings.b.loss];
	}

	dispose(): void {
		this.run.dispose();
	}
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A pair of networks that trains once, then answers something about it (`compute`): the progress, the
 * result and the error every user of a pair shows.
 */
abstract class AskedNetworks<R> implements NetworkProgress {
	readonly pair = new NetworkPair();
	results = $state.raw<R | null>(null);
	error = $state<string | null>(null);
	private asking = $state(false);

	get run(): LabRun {
		return this.pair.run;
	}

	start(): void {
		this.pair.start();
	}

	get phase(): NetworkPhase {
		if (this.error) return 'error';
		if (this.results) return 'done';
		if (this.asking) return 'answering';
		const p = this.pair.trainPhase;
		return p === 'trained' ? 'answering' : p;
	}

	/** Call from an effect: asks the networks once training has stopped at TRAIN_STEPS. */
	check(): void {
		if (this.results || this.asking || this.error || !this.pair.trained) return;
		void this.ask();
	}

	protected abstract compute(): Promise<R>;

	private async ask(): Promise<void> {
		this.asking = true;
		try {
			this.results = await this.compute();
		} catch (e) {
			this.error = message(e);
		} finally {
			this.asking = false;
		}
	}

	dispose(): void {
		this.pair.dispose();
	}
}

/** The networks of one experiment page: they answer that page's measured trials. */
export class NetworkSide extends AskedNetworks<[NetworkResult, NetworkResult]> {
	constructor(
		private readonly experiment: ExperimentId,
		private readonly trials: PlannedTrial[],
		private readonly levels: NuisanceLevels
	) {
		super();
	}

	protected compute() {
		return this.pair.answer(this.experiment, this.trials, this.levels);
	}
}

/**
 * The class view's networks: one pair, trained once when the instructor asks, answering the fixed measured
 * trials of every experiment (`classPlans`: the pictures of every full-length block, order aside).
 */
export class ClassNetworks extends AskedNetworks<
	Partial<Record<ExperimentId, [NetworkResult, NetworkResult]>>
> {
	private readonly levels = experimentNuisance(defaultSettings.nuisance);

	protected async compute() {
		const out: Partial<Record<ExperimentId, [NetworkResult, NetworkResult]>> = {};
		for (const [experiment, trials] of classPlans())
			out[experiment] = await this.pair.answer(experiment, trials, this.levels);
		return out;
	}
}
