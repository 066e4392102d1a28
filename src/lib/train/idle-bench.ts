/**
 * Backend choice without a wait (issue 17): a run starts at once on the backend that is fastest for this model
 * on most devices (WASM: BENCHMARKS.md, DESIGN §7), and the session measures every backend later, while it is
 * idle (not training), one backend per idle slot, the one in use both first and last (the machine's load can
 * change in between: its better measurement counts). Training moves only to a backend clearly faster over a
 * typical run, warm-up included (the choice is remembered: later visits pay the warm-up again). Pure
 * TypeScript: the session passes in the measuring function.
 */

import type { BackendChoice, BackendSpeed } from './protocol';
import { backendNames, type BackendName } from './types';

/** Order to try backends in when nothing is known about the device (each is tried until one starts). */
export const FIRST_CHOICE: readonly BackendName[] = ['wasm', 'cpu', 'webgl'];

/**
 * "Clearly faster": a typical run (`runTimeMs`) on the backend in use takes at least this many times as long as
 * on the other, both measured the same way in the same idle run. Below it the gain does not pay for a rebuilt
 * model, and repeat measurements of one backend on a busy machine differ by 10–20 %.
 */
export const SWITCH_FACTOR = 1.25;

/** A typical run, for scoring: warm-up + this many steps at the measured speed. */
export const TYPICAL_RUN_STEPS = 2000;

/** Estimated time of a typical run on a backend, ms (Infinity if it failed). */
export function runTimeMs(s: BackendSpeed): number {
	return s.stepsPerSec > 0 && Number.isFinite(s.stepsPerSec)
		? s.warmupMs + (TYPICAL_RUN_STEPS / s.stepsPerSec) * 1000
		: Infinity;
}

/** One measurement per backend, in first-measured order: the better (shorter typical run) of repeats. */
export function bestPerBackend(speeds: readonly BackendSpeed[]): BackendSpeed[] {
	const best = new Map<BackendName, BackendSpeed>();
	for (const s of speeds) {
		const had = best.get(s.backend);
		if (!had || runTimeMs(s) < runTimeMs(had)) best.set(s.backend, s);
	}
	return [...best.values()];
}

/** How long the session must have been idle before it measures (a Train press soon after loading wins). */
export const IDLE_BEFORE_MEASURE_MS = 1500;

/** The backends to try at the start, in order: a named one first, then the usual order. */
export function startOrder(choice: BackendChoice): BackendName[] {
	return choice === 'auto' ? [...FIRST_CHOICE] : [choice, ...FIRST_CHOICE.filter((b) => b !== choice)];
}

/**
 * The backend to move to after measuring, or null to stay: the one with the shortest typical run, if the
 * current one's takes at least SWITCH_FACTOR × as long. A current backend whose measurement failed is kept (it
 * trains; the failure says nothing about its speed).
 */
export function switchTarget(current: BackendName, speeds: readonly BackendSpeed[]): BackendName | null {
	const all = bestPerBackend(speeds);
	const here = all.find((s) => s.backend === current);
	if (!here || !Number.isFinite(runTimeMs(here))) return null;
	let best: BackendSpeed | null = null;
	for (const s of all) if (s.backend !== current && (!best || runTimeMs(s) < runTimeMs(best))) best = s;
	return best && runTimeMs(here) >= SWITCH_FACTOR * runTimeMs(best) ? best.backend : null;
}

/** Measures one backend, leaving it active; null if `stop()` turned true before it finished. */
export type MeasureOne = (backend: BackendName, stop: () => boolean) => Promise<BackendSpeed | null>;

/** The queue of backends still to measure in idle time, and what was measured so far. */
export class IdleBench {
	/** the measurements so far (the backend in use first), failures included */
	speeds: BackendSpeed[] = [];
	private queue: BackendName[] = [];
	private stopped = false;

	/** Plan a measurement of every backend, the one in use first and again last (like for like). */
	begin(current: BackendName): void {
		this.queue = [current, ...backendNames.filter((b) => b !== current), current];
		this.speeds = [];
	}

	/** Forget the plan (a forced or remembered backend is not measured). */
	cancel(): void {
		this.queue = [];
	}

	/** true while some backend is left to measure */
	get pending(): boolean {
		return this.queue.length > 0;
	}

	/** Ask a measurement under way to give up at its next chunk (the user wants the worker). */
	interrupt(): void {
		this.stopped = true;
	}

	/** Measures the next backend; false if it was interrupted (it stays first in the queue). */
	async next(measure: MeasureOne): Promise<boolean> {
		const backend = this.queue[0];
		if (!backend) return true;
		this.stopped = false;
		const speed = await measure(backend, () => this.stopped);
		if (!speed) return false;
		this.queue.shift();
		this.speeds.push(speed);
		return true;
	}
}
