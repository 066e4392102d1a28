/**
 * The experiments' data as runes for pages: the stored rows and participant code, kept in step with
 * localStorage through `data.ts`. One instance per page (create it in a component, pass it down); every
 * write goes to storage first, so two tabs see each other's rows on their next load.
 */
import {
	appendRows,
	deleteData,
	loadRows,
	progressOf,
	randomCode,
	resultsCsv,
	resultsFileName,
	resultsJson,
	setParticipant,
	storedParticipant,
	toResultsFile,
	type ExperimentProgress
} from './data';
import type { ExperimentId, TrialRow } from './types';

export class ExperimentData {
	rows = $state.raw<TrialRow[]>([]);
	participant = $state<string | null>(null);
	/** False once a write failed (storage blocked or full): the page says the rows live only in this tab. */
	saved = $state(true);

	constructor() {
		this.reload();
	}

	reload(): void {
		this.rows = loadRows();
		this.participant = storedParticipant();
	}

	/** The stored code, or a new random one (stored) when there is none yet. */
	ensureParticipant(): string {
		if (this.participant) return this.participant;
		return this.choose(randomCode());
	}

	/** Stores a typed code; returns it normalised ('' when nothing usable was typed, nothing changes). */
	choose(typed: string): string {
		const code = setParticipant(typed);
		if (code) this.participant = code;
		return code;
	}

	add(rows: readonly TrialRow[]): void {
		const r = appendRows(rows);
		// Storage blocked: keep the rows in memory for this tab.
		this.rows = r.saved ? r.rows : [...this.rows, ...rows];
		this.saved = r.saved;
	}

	progress(experiment: ExperimentId): ExperimentProgress | null {
		return this.participant ? progressOf(this.rows, this.participant, experiment) : null;
	}

	/** Deletes this device's rows (one experiment, or all and the code). */
	delete(experiment?: ExperimentId): void {
		deleteData(experiment);
		this.reload();
		if (experiment) this.rows = this.rows.filter((r) => r.experiment !== experiment);
		else {
			this.rows = [];
			this.participant = null;
		}
	}

	/** The export of this participant's rows: name and text of the JSON or CSV file. */
	exportFile(
		ext: 'json' | 'csv',
		experiment?: ExperimentId,
		at?: Date
	): { name: string; text: string; type: string } {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, never observed
		const now = at ?? new Date();
		const code = this.participant ?? 'participant';
		const file = toResultsFile(code, this.rows, now, experiment);
		return {
			name: resultsFileName(code, ext, now, experiment),
			text: ext === 'json' ? resultsJson(file) : resultsCsv(file.rows),
			type: ext === 'json' ? 'application/json' : 'text/csv'
		};
	}
}
