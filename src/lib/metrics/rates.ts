/**
 * Face verification from pair angles (paper Fig. 6 and the LFW/YTF tables): a pair is accepted as "same
 * person" when its angle is strictly below the threshold t.
 *
 * - TAR(t) = (positive pairs with angle < t) / (positive pairs); FAR(t) = (negative pairs with angle < t) /
 *   (negative pairs). A rate over zero pairs is 0, never NaN.
 * - Every function sorts copies of its inputs once (O(n log n)) unless they are already ascending, which is
 *   checked in O(n): pass `sortAngles(x)` results to skip the sort when asking many questions of one set.
 * - Angles must be finite numbers (radians in practice); NaN or ±Infinity throws.
 */

import type { Numbers } from './input';
import { sortedCopy } from './sort';

/** One threshold and its rates. */
export interface OperatingPoint {
	threshold: number;
	tar: number;
	far: number;
}

/** Throws unless `values[i]` is finite. */
function checkAngle(values: Numbers, i: number, name: string): void {
	if (!Number.isFinite(values[i])) throw new Error(`${name}[${i}] must be a finite angle, got ${values[i]}`);
}

/**
 * The values ascending as a Float64Array: the input itself if it already is one and ascending, else a copy
 * (sorted if need be; see `sort.ts`). Throws unless every value is finite.
 */
export function ascending(values: Numbers, name: string): Float64Array {
	let sorted = true;
	for (let i = 0; i < values.length; i++) {
		checkAngle(values, i, name);
		if (i > 0 && values[i - 1] > values[i]) sorted = false;
	}
	if (!sorted) return sortedCopy(values);
	return values instanceof Float64Array ? values : new Float64Array(values);
}

/** A sorted copy of `values` (ascending), for reuse across verification calls. */
export function sortAngles(values: Numbers): Float64Array {
	const sorted = ascending(values, 'values');
	return sorted === values ? sorted.slice() : sorted;
}

/** How many of the ascending `sorted` values are strictly below `t` (binary search). */
export function countBelow(sorted: Numbers, t: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid] < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** count / total, or 0 for an empty set. */
export function rate(count: number, total: number): number {
	return total > 0 ? count / total : 0;
}

/** TAR and FAR at one threshold (a linear count; no sorting needed). */
export function verificationRates(positive: Numbers, negative: Numbers, threshold: number): OperatingPoint {
	if (Number.isNaN(threshold)) throw new Error('threshold is NaN');
	const below = (values: Numbers, name: string) => {
		let c = 0;
		for (let i = 0; i < values.length; i++) {
			checkAngle(values, i, name);
			if (values[i] < threshold) c++;
		}
		return c;
	};
	return {
		threshold,
		tar: rate(below(positive, 'positive'), positive.length),
		far: rate(below(negative, 'negative'), negative.length)
	};
}

/** TAR and FAR at many thresholds (any order), e.g. a 0°–180° grid for a threshold slider. */
export function ratesAt(
	positive: Numbers,
	negative: Numbers,
	thresholds: Numbers
): { tar: Float64Array; far: Float64Array } {
	const pos = ascending(positive, 'positive');
	const neg = ascending(negative, 'negative');
	const tar = new Float64Array(thresholds.length);
	const far = new Float64Array(thresholds.length);
	for (let i = 0; i < thresholds.length; i++) {
		if (Number.isNaN(thresholds[i])) throw new Error(`thresholds[${i}] is NaN`);
		tar[i] = rate(countBelow(pos, thresholds[i]), pos.length);
		far[i] = rate(countBelow(neg, thresholds[i]), neg.length);
	}
	return { tar, far };
}

/**
 * Walks the corners of the ROC curve of two ascending arrays: each `next()` moves to the next distinct angle t
 * (accepting everything below it), then finally to t = Infinity (accepting everything); `tp` and `fp` are the
 * counts accepted there. A cursor rather than a callback, so the caller's loop keeps its state in locals.
 */
export class Sweep {
	threshold = 0;
	tp = 0;
	fp = 0;
	private i = 0;
	private j = 0;
	private finished = false;

	constructor(
		private readonly pos: Float64Array,
		private readonly neg: Float64Array
	) {}

	next(): boolean {
		if (this.finished) return false;
		const { pos, neg } = this;
		let i = this.i;
		let j = this.j;
		if (i >= pos.length && j >= neg.length) {
			this.finished = true;
			this.threshold = Infinity;
			this.tp = i;
			this.fp = j;
			return true;
		}
		const v = j >= neg.length || (i < pos.length && pos[i] < neg[j]) ? pos[i] : neg[j];
		this.threshold = v;
		this.tp = i;
		this.fp = j;
		while (i < pos.length && pos[i] <= v) i++;
		while (j < neg.length && neg[j] <= v) j++;
		this.i = i;
		this.j = j;
		return true;
	}
}
