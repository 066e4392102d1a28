/**
 * Runs shared by the figures of one page: a lesson that places the feature circle, the training curves and
 * the replay with the same settings trains one pair of models, not three. Reference-counted; the last figure
 * to leave disposes its run (and so its worker).
 *
 * Runs from the pool are lazy: acquiring one creates no worker (and downloads no tfjs); the run is built
 * when a figure first trains (`LabRun.start` / `stepBy`). So acquiring is cheap enough to do while the
 * page is server-rendered, which lets the prerendered figure show its controls.
 */
import { getContext, setContext } from 'svelte';
import { LabRun } from './run.svelte';
import type { LabUrlState } from './lab-settings';

type Entry = { run: LabRun; users: number };

export class RunPool {
	private entries = new Map<string, Entry>();

	acquire(key: string, state: LabUrlState): LabRun {
		let e = this.entries.get(key);
		if (!e) {
			const run = new LabRun(state.settings);
			run.useBackend(state.backend);
			run.pace = state.pace;
			run.lazy = true;
			e = { run, users: 0 };
			this.entries.set(key, e);
		}
		e.users++;
		return e.run;
	}

	/** The runs alive on this page (an embed's play, pause and reset act on all of them). */
	runs(): LabRun[] {
		return [...this.entries.values()].map((e) => e.run);
	}

	release(key: string): void {
		const e = this.entries.get(key);
		if (!e) return;
		e.users--;
		if (e.users <= 0) {
			e.run.dispose();
			this.entries.delete(key);
		}
	}
}

const KEY = Symbol('run-pool');

export function provideRunPool(pool: RunPool): RunPool {
	return setContext(KEY, pool);
}

export function useRunPool(): RunPool {
	return getContext<RunPool>(KEY);
}
