/**
 * Fixed-width histograms for angle distributions (Fig. 4a: θ_y; Fig. 6: positive and negative pair angles).
 *
 * Bins are half-open, [e_i, e_{i+1}), except the last, which is closed, [e_{bins−1}, max], so a value equal to
 * `max` (e.g. an angle of exactly π with max = π) lands in the last bin. Values outside [min, max] go to the end
 * bins by default (`outside: 'clamp'`, so the counts sum to the number of values) or are left out
 * (`outside: 'drop'`, counted in `dropped`). NaN is always left out and counted in `dropped`.
 */

import type { Numbers } from './input';

export interface HistogramOptions {
	min: number;
	max: number;
	/** number of equal-width bins, an integer ≥ 1 */
	bins: number;
	/** where values outside [min, max] go: the end bins ('clamp', the default) or nowhere ('drop') */
	outside?: 'clamp' | 'drop';
}

export interface Histogram {
	/** bins + 1 edges, edges[0] = min, edges[bins] = max */
	edges: Float64Array;
	/** values per bin */
	counts: Uint32Array;
	/** counts / (counted × bin width): integrates to 1 over [min, max]; all zeros when nothing was counted */
	density: Float64Array;
	/** counts / counted: sums to 1; all zeros when nothing was counted */
	fraction: Float64Array;
	/** values placed in a bin (the sum of `counts`) */
	counted: number;
	/** values below min / above max (placed in the end bins with 'clamp', left out with 'drop') */
	below: number;
	above: number;
	/** values left out: NaN, plus the out-of-range ones with 'drop' */
	dropped: number;
}

/** Counts `values` into `bins` equal bins over [min, max]; see the module note for edges and outliers. */
export function histogram(
	values: Numbers,
	{ min, max, bins, outside = 'clamp' }: HistogramOptions
): Histogram {
	if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
		throw new Error(`histogram: need finite min < max, got [${min}, ${max}]`);
	}
	if (!Number.isInteger(bins) || bins < 1)
		throw new Error(`histogram: bins must be an integer ≥ 1, got ${bins}`);
	if (outside !== 'clamp' && outside !== 'drop')
		throw new Error(`histogram: unknown outside mode ${outside}`);
	const width = (max - min) / bins;
	const edges = new Float64Array(bins + 1);
	// (max − min)·i / bins rather than i·width: 0.3 stays 0.3 for [0, 1] in 10 bins, not 0.30000000000000004
	for (let i = 0; i <= bins; i++) edges[i] = i === bins ? max : min + ((max - min) * i) / bins;
	const counts = new Uint32Array(bins);
	let below = 0;
	let above = 0;
	let dropped = 0;
	const keep = outside === 'clamp';
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== v) {
			dropped++;
		} else if (v < min) {
			below++;
			if (keep) counts[0]++;
			else dropped++;
		} else if (v > max) {
			above++;
			if (keep) counts[bins - 1]++;
			else dropped++;
		} else {
			let b = Math.floor((v - min) / width);
			// rounding can put a value a hair off its edge: settle it against the stored edges
			if (b >= bins) b = bins - 1;
			if (b > 0 && v < edges[b]) b--;
			else if (b < bins - 1 && v >= edges[b + 1]) b++;
			counts[b]++;
		}
	}
	const counted = values.length - dropped;
	const density = new Float64Array(bins);
	const fraction = new Float64Array(bins);
	if (counted > 0) {
		for (let b = 0; b < bins; b++) {
			fraction[b] = counts[b] / counted;
			density[b] = fraction[b] / width;
		}
	}
	return { edges, counts, density, fraction, counted, below, above, dropped };
}
