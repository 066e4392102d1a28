/**
 * The networks' side of an experiment: the lab's two models (softmax and ArcFace, the lab's default settings
 * and seed), trained in the worker on this page for TRAIN_STEPS steps, then asked about exactly the pictures of
 * the student's measured trials (rendered at the networks' input size). Nothing is typed in: every number
 * the results figure shows for a network comes from these answers.
 */
import { LabRun } from '$lib/state/run.svelte';
import { defaultSettings } from '$lib/train/settings';
import type { NuisanceLevels } from '$lib/faces';
import { batchPixels, networkAnswers, networkBatch, type NetworkResult } from '../network';
import { calibrationPairs, type PlannedTrial } from '../plan';
import type { ExperimentId } from '../types';

/** Steps both models train before they answer: both pass 95 % held-out accuracy well before (lab default). */
export const TRAIN_STEPS = 400;

export type NetworkPhase = 'idle' | 'data' | 'training' | 'answering' | 'done' | 'error';

export class NetworkSide {
	readonly run: LabRun;
	results = $state.raw<[NetworkResult, NetworkResult] | null>(null);
	error = $state<string | null>(null);
	private asking = $state(false);
	private started = false;

	constructor(
		private readonly experiment: ExperimentId,
		private readonly trials: PlannedTrial[],
		private readonly levels: NuisanceLevels
	) {
		this.run = new LabRun(structuredClone(defaultSettings) as typeof defaultSettings);
		this.run.lazy = true;
	}

	/** Train the two models (builds the worker and the faces first). */
	start(): void {
		if (this.started) return;
		this.started = true;
		this.run.stepBy(TRAIN_STEPS);
	}

	get phase(): NetworkPhase {
		if (this.error || this.run.trainer.error) return 'error';
		if (this.results) return 'done';
		if (this.asking) return 'answering';
		if (!this.started) return 'idle';
		if (!this.run.ready) return 'data';
		return 'training';
	}

	/** Call from an effect: asks the networks once training has stopped at TRAIN_STEPS. */
	check(): void {
		const { run } = this;
		if (this.results || this.asking || this.error || !run.ready || run.running) return;
		if (run.step < TRAIN_STEPS) return;
		void this.answer();
	}

	private async answer(): Promise<void> {
		this.asking = true;
		try {
			const size = this.run.settings.size;
			const cal = this.experiment === 'inversion' ? calibrationPairs() : [];
			const batch = networkBatch(this.experiment, this.trials, cal);
			const pixels = batchPixels(batch, size, this.levels);
			const answer = await this.run.embed(size, batch.stimuli.length, pixels);
			this.results = answer.models.map((m) =>
				networkAnswers(this.experiment, this.trials, batch, m, answer.classes)
			) as [NetworkResult, NetworkResult];
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.asking = false;
		}
	}

	dispose(): void {
		this.run.dispose();
	}
}
