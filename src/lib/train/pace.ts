/**
 * Pacing the training loop (pure TypeScript, no tfjs): a token bucket that earns `pace` steps per second of
 * wall time. Each worker tick may take as many whole steps as it has earned; when it has earned none, the
 * worker sleeps until the next one is due. Earnings are capped at BURST_SEC worth of steps, so a stall (a
 * slow read-back, a paused tab) is not made up later in a rush: the long-run rate is the pace, never above it.
 */

/** Slowest pace, steps per second. */
export const MIN_PACE = 1;

/** Most steps a tick may have in hand, in seconds of pace (at least one step). */
export const BURST_SEC = 0.25;

export interface PaceBudget {
	/** steps earned and not yet taken (may hold a fraction) */
	credit: number;
	/** when the credit was last brought up to date, ms */
	at: number;
}

/** A pace as the worker uses it: null (as fast as possible) for null, NaN, ±Infinity or ≤ 0; else ≥ 1. */
export function clampPace(stepsPerSec: number | null | undefined): number | null {
	if (typeof stepsPerSec !== 'number' || !Number.isFinite(stepsPerSec) || stepsPerSec <= 0) return null;
	return Math.max(MIN_PACE, stepsPerSec);
}

/** Most credit a budget can hold at this pace. */
export function burstCap(pace: number): number {
	return Math.max(1, pace * BURST_SEC);
}

/** A fresh budget at `now`: one step in hand, so a start or a new pace shows a step at once. */
export function startBudget(now: number): PaceBudget {
	return { credit: 1, at: now };
}

/** The budget at `now`: credit earned since `at` at `pace` steps/s, capped by `burstCap`. */
export function refill(budget: PaceBudget, pace: number, now: number): PaceBudget {
	const elapsed = Math.max(0, now - budget.at);
	return { credit: Math.min(burstCap(pace), budget.credit + (pace * elapsed) / 1000), at: now };
}

/** Whole steps the budget allows now, at most `most`. */
export function allowedSteps(budget: PaceBudget, most: number): number {
	return Math.max(0, Math.min(most, Math.floor(budget.credit + 1e-9)));
}

/** The budget after taking n steps. */
export function spend(budget: PaceBudget, n: number): PaceBudget {
	return { credit: budget.credit - n, at: budget.at };
}

/** Milliseconds until the budget holds one whole step at `pace` (0 if it already does). */
export function waitMs(budget: PaceBudget, pace: number): number {
	const missing = 1 - budget.credit;
	return missing <= 1e-9 ? 0 : (missing * 1000) / pace;
}

/**
 * A paced training loop as the worker runs it, on a simulated clock: ticks of up to `tickMs` of steps that
 * each take `msPerStep`, `overheadMs` between ticks (read-backs, messages), a wait of `delay` when no step is
 * allowed. Returns the steps taken in `durationMs`. For tests.
 */
export function simulatePace(
	pace: number | null,
	durationMs: number,
	msPerStep: number,
	{ tickMs = 20, overheadMs = 1 } = {}
): number {
	const pacer = new Pacer();
	pacer.set(pace, 0);
	let now = 0;
	let steps = 0;
	while (now < durationMs) {
		const t0 = now;
		while (now - t0 < tickMs) {
			const most = Math.max(1, Math.floor((tickMs - (now - t0)) / msPerStep));
			const n = pacer.take(most, now);
			if (n === 0) break;
			steps += n;
			now += n * msPerStep;
		}
		now += overheadMs + pacer.delay(now);
	}
	return steps;
}

/**
 * The worker's pacing state, with the clock passed in (so tests can drive it): the pace, the budget, and the
 * measured rate. Unpaced, the rate is the compute speed within ticks; paced, it is measured over wall time.
 */
export class Pacer {
	pace: number | null = null;
	/** measured steps per second */
	rate = 0;
	private budget: PaceBudget = startBudget(0);
	private window = { steps: 0, since: 0 };

	/** A new pace (clamped by `clampPace`), starting now. */
	set(stepsPerSec: number | null, now: number): void {
		this.pace = clampPace(stepsPerSec);
		this.restart(now);
	}

	/** Start afresh (on `start`): one step in hand, no credit saved up from before. */
	restart(now: number): void {
		this.budget = startBudget(now);
		this.window = { steps: 0, since: now };
	}

	/** How many of up to `most` steps to take now; they are counted as taken. */
	take(most: number, now: number): number {
		if (this.pace === null) return most;
		this.budget = refill(this.budget, this.pace, now);
		const n = allowedSteps(this.budget, most);
		this.budget = spend(this.budget, n);
		return n;
	}

	/** How long to wait before the next tick, ms (0 unpaced). */
	delay(now: number): number {
		return this.pace === null ? 0 : waitMs(refill(this.budget, this.pace, now), this.pace);
	}

	/** Counts a tick's `done` steps that started at t0; updates `rate`. */
	measure(done: number, t0: number, now: number): void {
		if (this.pace === null) {
			const seconds = (now - t0) / 1000;
			if (done > 0 && seconds > 0)
				this.rate = this.rate === 0 ? done / seconds : 0.9 * this.rate + 0.1 * (done / seconds);
			return;
		}
		this.window.steps += done;
		const seconds = (now - this.window.since) / 1000;
		if (seconds >= 1) {
			this.rate = this.window.steps / seconds;
			this.window = { steps: 0, since: now };
		}
	}
}
