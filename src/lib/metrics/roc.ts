/**
 * ROC curve, AUC, TAR at a target FAR and the best threshold, from positive and negative pair angles (accept
 * when angle < t; see `rates.ts` for the rate conventions).
 */

import type { Numbers } from './input';
import { ascending, countBelow, rate as rateOf, Sweep, type OperatingPoint } from './rates';

// Taken once so the per-point loops below call it directly (see the note in pairs.ts).
const rate = rateOf;

export interface RocCurve {
	/** ascending thresholds; the first accepts nothing (the smallest angle), the last is Infinity (all) */
	thresholds: Float64Array;
	/** FAR and TAR at each threshold: both non-decreasing, from (0, 0) to (1, 1) */
	far: Float64Array;
	tar: Float64Array;
	/** area under the full curve (before any thinning), by trapezoids */
	auc: number;
}

/**
 * The ROC curve: one point per distinct angle (ties between a positive and a negative make a diagonal step,
 * so the trapezoid AUC equals P(positive angle < negative angle) + ½ P(equal)). `maxPoints` (≥ 3, default all)
 * thins the points for drawing: the ends are kept, and an inner point only once the curve has moved at least
 * 2 / (maxPoints − 2) in FAR + TAR since the last kept one. That even spacing is for linear axes; for a
 * log-FAR axis ask `ratesAt` for thresholds of your choosing instead.
 */
export function rocCurve(positive: Numbers, negative: Numbers, { maxPoints = Infinity } = {}): RocCurve {
	if (!(maxPoints >= 3)) throw new Error(`maxPoints must be ≥ 3, got ${maxPoints}`);
	const pos = ascending(positive, 'positive');
	const neg = ascending(negative, 'negative');
	const P = pos.length;
	const N = neg.length;
	const { area, count } = sweptArea(pos, neg);
	const thresholds = new Float64Array(count);
	const far = new Float64Array(count);
	const tar = new Float64Array(count);
	const step = Number.isFinite(maxPoints) ? 2 / (maxPoints - 2) : 0;
	let kept = 0;
	const sweep = new Sweep(pos, neg);
	for (let seen = 1; sweep.next(); seen++) {
		const f = rate(sweep.fp, N);
		const r = rate(sweep.tp, P);
		if (kept === 0 || seen === count || f - far[kept - 1] + (r - tar[kept - 1]) >= step) {
			thresholds[kept] = sweep.threshold;
			far[kept] = f;
			tar[kept] = r;
			kept++;
		}
	}
	if (kept === count) return { thresholds, far, tar, auc: area };
	return {
		thresholds: thresholds.slice(0, kept),
		far: far.slice(0, kept),
		tar: tar.slice(0, kept),
		auc: area
	};
}

/** Trapezoid area under the curve of two ascending arrays, and the number of curve points. */
function sweptArea(pos: Float64Array, neg: Float64Array): { area: number; count: number } {
	let count = 0;
	let area = 0;
	let lastFar = 0;
	let lastTar = 0;
	const sweep = new Sweep(pos, neg);
	while (sweep.next()) {
		const f = rate(sweep.fp, neg.length);
		const r = rate(sweep.tp, pos.length);
		area += ((f - lastFar) * (r + lastTar)) / 2;
		lastFar = f;
		lastTar = r;
		count++;
	}
	return { area, count };
}

/** Area under the ROC curve (trapezoids; 0 when either set is empty, as the curve then has no area). */
export function auc(positive: Numbers, negative: Numbers): number {
	return sweptArea(ascending(positive, 'positive'), ascending(negative, 'negative')).area;
}

/**
 * TAR at a target FAR, as face-verification benchmarks report it (IJB-B/C, MegaFace): the threshold is the
 * largest one whose FAR ≤ `targetFar`, i.e. at most ⌊targetFar · N⌋ of the N negative pairs are accepted. With
 * strict acceptance that threshold is the (⌊targetFar · N⌋ + 1)-th smallest negative angle (Infinity when
 * that exceeds N, or when there are no negatives). The returned `far` is the one achieved, which may be below
 * the target (ties, or a target finer than 1/N: with 100 negatives, FAR = 1e-3 means no false accept at all).
 */
export function tarAtFar(positive: Numbers, negative: Numbers, targetFar: number): OperatingPoint {
	if (!(targetFar >= 0 && targetFar <= 1)) throw new Error(`targetFar must be in [0, 1], got ${targetFar}`);
	const pos = ascending(positive, 'positive');
	const neg = ascending(negative, 'negative');
	const N = neg.length;
	let k = Math.floor(targetFar * N);
	// settle rounding (0.29 · 100 = 28.999…) in the terms FAR is reported in: count / N
	while (k < N && (k + 1) / N <= targetFar) k++;
	while (k > 0 && k / N > targetFar) k--;
	const threshold = k < N ? neg[k] : Infinity;
	return {
		threshold,
		tar: rate(countBelow(pos, threshold), pos.length),
		far: rate(countBelow(neg, threshold), N)
	};
}

export interface BestThreshold extends OperatingPoint {
	/** the score that was maximised, in [0, 1] */
	accuracy: number;
}

/**
 * The threshold with the best verification accuracy. `criterion`:
 * - 'balanced' (default): (TAR + (1 − FAR)) / 2, each kind weighted equally, as in LFW's protocol of 3,000
 *   positive and 3,000 negative pairs (all pairs of 8 identities are about 7 negatives to 1 positive, which
 *   would otherwise pull the threshold towards rejecting);
 * - 'accuracy': (accepted positives + rejected negatives) / all pairs, weighted by pair counts.
 * The threshold is the midpoint between the largest accepted and the smallest rejected angle (the smallest
 * angle if accepting nothing is best, Infinity if accepting everything is); ties go to the smaller threshold.
 * No pairs at all gives zeros.
 */
export function bestThreshold(
	positive: Numbers,
	negative: Numbers,
	{ criterion = 'balanced' }: { criterion?: 'balanced' | 'accuracy' } = {}
): BestThreshold {
	if (criterion !== 'balanced' && criterion !== 'accuracy') throw new Error(`unknown criterion ${criterion}`);
	const pos = ascending(positive, 'positive');
	const neg = ascending(negative, 'negative');
	const P = pos.length;
	const N = neg.length;
	if (P + N === 0) return { threshold: 0, tar: 0, far: 0, accuracy: 0 };
	let best: BestThreshold = { threshold: 0, tar: 0, far: 0, accuracy: -1 };
	let previous = -Infinity;
	const sweep = new Sweep(pos, neg);
	while (sweep.next()) {
		const { threshold: t, tp, fp } = sweep;
		const tar = rate(tp, P);
		const far = rate(fp, N);
		const accuracy = criterion === 'balanced' ? (tar + 1 - far) / 2 : (tp + N - fp) / (P + N);
		if (accuracy > best.accuracy) {
			const threshold = previous === -Infinity ? t : t === Infinity ? Infinity : (previous + t) / 2;
			best = { threshold, tar, far, accuracy };
		}
		previous = t;
	}
	return best;
}
