/**
 * What each experiment's results figure shows, for the student (their measured trials) and for each
 * network (its answers to the same trials). Pure TypeScript on top of stats.ts.
 */
import { accuracy, dPrime, median, medianCorrectRt, sameDifferentCounts } from './stats';
import type { NetworkTrial } from './network';
import type { TrialRow } from './types';

type Answer = { condition: string; level: number | null; response: string; correct: boolean | null };

export interface ConditionScore {
	condition: string;
	n: number;
	accuracy: number;
	/** inversion only: d′ with "different" as the signal (NaN elsewhere) */
	dPrime: number;
	/** median RT of the correct trials, ms (NaN for a network) */
	rtMs: number;
}

/** Accuracy, d′ and median correct RT per condition, in the order given. */
export function byCondition(
	rows: readonly (Answer & { rtMs?: number })[],
	conditions: readonly string[],
	sameDifferent: boolean
): ConditionScore[] {
	return conditions.map((condition) => {
		const these = rows.filter((r) => r.condition === condition);
		const withRt = these.map((r) => ({ correct: r.correct, rtMs: r.rtMs ?? NaN }));
		return {
			condition,
			n: these.length,
			accuracy: accuracy(these),
			dPrime: sameDifferent ? dPrime(sameDifferentCounts(these)).dPrime : NaN,
			rtMs: medianCorrectRt(withRt)
		};
	});
}

export interface MorphCurve {
	/** the continuum's positions, ascending */
	levels: number[];
	/** proportion of "A" answers (student) or mean P(A) (network) at each position */
	pA: number[];
	n: number[];
}

/** Share of A per morph position (or, with `value`, the mean of a network's P(A) there). */
export function morphCurve(rows: readonly Answer[], value?: (i: number) => number): MorphCurve {
	const byLevel = new Map<number, number[]>();
	rows.forEach((r, i) => {
		if (r.level === null || !Number.isFinite(r.level)) return;
		const v = value ? value(i) : r.response === 'A' ? 1 : 0;
		byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), v]);
	});
	const levels = [...byLevel.keys()].sort((a, b) => a - b);
	const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
	return {
		levels,
		pA: levels.map((l) => mean(byLevel.get(l)!)),
		n: levels.map((l) => byLevel.get(l)!.length)
	};
}

/** The student's measured (test-block) rows of one experiment. */
export const measured = (rows: readonly TrialRow[]): TrialRow[] => rows.filter((r) => r.block === 'test');

/** Mean of a network measure over the trials of one condition. */
export function meanOf(
	trials: readonly NetworkTrial[],
	condition: string,
	pick: (t: NetworkTrial) => number | null
): number {
	const v = trials
		.filter((t) => t.condition === condition)
		.map(pick)
		.filter((x): x is number => x !== null && Number.isFinite(x));
	return v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN;
}

export { median };
