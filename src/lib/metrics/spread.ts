/**
 * How tightly each identity clusters (paper Fig. 3: softmax gives radial fans with varying norms, ArcFace
 * tight arcs). Direction statistics use unit vectors and skip zero-length features, which have no direction;
 * norm statistics use every feature.
 */

import { clampCos, normalise } from '$lib/margins';
import { dotRows } from '$lib/margins/matrix';
import {
	checkLabels,
	groupByClass,
	rowCount,
	rowNorms,
	unitRows,
	type ClassGroups,
	type DimOptions,
	type Numbers
} from './input';

export interface SpreadOptions extends DimOptions {
	/** number of classes (default: largest label + 1); classes with no rows come back with count 0 */
	classes?: number;
}

export interface IdentitySpread {
	label: number;
	/** features with this label */
	count: number;
	/** of those, how many have non-zero length (the ones the direction statistics use) */
	directed: number;
	/**
	 * circular mean direction: the normalised sum of the unit features. A zero vector when it is undefined
	 * (no directed features, or unit vectors that cancel exactly)
	 */
	direction: Float64Array;
	/** mean resultant length R̄ = ‖Σ unit features‖ / directed, in [0, 1]: 1 = all one direction (0 if none) */
	resultant: number;
	/**
	 * the spread: mean angle in radians between each directed feature and `direction` (π/2 each when the
	 * direction is undefined); 0 with no directed features
	 */
	spread: number;
	/** the largest of those angles: the half-width of the smallest cone around `direction` holding them all */
	maxDeviation: number;
	/** mean ‖x‖ over all `count` features (0 if none) */
	meanNorm: number;
	/** coefficient of variation of ‖x‖: population standard deviation / mean (0 if the mean is 0) */
	normCv: number;
}

/** Per class: circular mean direction (normalised sum of unit rows), R̄ and the number of non-zero rows. */
export function meanDirections(
	units: Float64Array,
	dim: number,
	{ order, starts }: ClassGroups
): { direction: Float64Array; resultant: number; directed: number }[] {
	const out = [];
	for (let c = 0; c + 1 < starts.length; c++) {
		const sum: number[] = new Array<number>(dim).fill(0);
		let directed = 0;
		for (let p = starts[c]; p < starts[c + 1]; p++) {
			let zero = true;
			for (let j = 0; j < dim; j++) {
				const u = units[order[p] * dim + j];
				sum[j] += u;
				if (u !== 0) zero = false;
			}
			if (!zero) directed++;
		}
		const direction = Float64Array.from(normalise(sum));
		let length = 0;
		for (let j = 0; j < dim; j++) length += sum[j] * direction[j];
		out.push({ direction, resultant: directed > 0 ? Math.min(1, length / directed) : 0, directed });
	}
	return out;
}

/** Spread, direction and norm statistics for every class 0 … k − 1. */
export function identitySpread(
	features: Numbers,
	labels: Numbers,
	{ dim = 2, classes }: SpreadOptions = {}
): IdentitySpread[] {
	const n = rowCount(features, dim);
	const k = checkLabels(labels, n, classes);
	const groups = groupByClass(labels, k);
	const units = unitRows(features, dim);
	const norms = rowNorms(features, dim);
	const { order, starts } = groups;
	return meanDirections(units, dim, groups).map(({ direction, resultant, directed }, c) => {
		let angleSum = 0;
		let maxDeviation = 0;
		let normSum = 0;
		const count = starts[c + 1] - starts[c];
		for (let p = starts[c]; p < starts[c + 1]; p++) {
			const i = order[p];
			normSum += norms[i];
			if (norms[i] === 0) continue;
			const angle = Math.acos(clampCos(dotRows(units, i, direction, 0, dim)));
			angleSum += angle;
			maxDeviation = Math.max(maxDeviation, angle);
		}
		const meanNorm = count > 0 ? normSum / count : 0;
		let squares = 0;
		for (let p = starts[c]; p < starts[c + 1]; p++) squares += (norms[order[p]] - meanNorm) ** 2;
		return {
			label: c,
			count,
			directed,
			direction,
			resultant,
			spread: directed > 0 ? angleSum / directed : 0,
			maxDeviation,
			meanNorm,
			normCv: meanNorm > 0 ? Math.sqrt(squares / count) / meanNorm : 0
		};
	});
}

/**
 * Averages for figure text: the spread over classes with directed features, norms over classes with any
 * features (0 when there are none).
 */
export function summariseSpread(spreads: readonly IdentitySpread[]): {
	meanSpread: number;
	meanNorm: number;
	meanNormCv: number;
} {
	const avg = (pick: (s: IdentitySpread) => number, use: (s: IdentitySpread) => boolean) => {
		const used = spreads.filter(use);
		return used.length > 0 ? used.reduce((sum, s) => sum + pick(s), 0) / used.length : 0;
	};
	const directed = (s: IdentitySpread) => s.directed > 0;
	const filled = (s: IdentitySpread) => s.count > 0;
	return {
		meanSpread: avg((s) => s.spread, directed),
		meanNorm: avg((s) => s.meanNorm, filled),
		meanNormCv: avg((s) => s.normCv, filled)
	};
}
