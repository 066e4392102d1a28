/**
 * θ_y: the angle between each feature and its own class centre (paper Fig. 4a shows its distribution at the
 * start, middle and end of training: about 90° at random initialisation, about 30° once trained).
 */

import { clampCos } from '$lib/margins';
import { checkLabels, rowCount, unitRows, type Numbers } from './input';

export interface DimOptions {
	/** feature length d; the lab's features are 2-D */
	dim?: number;
}

/**
 * θ_{y_i} in radians, one per feature row: arccos of the cosine between feature i and centre `labels[i]`.
 * `centres` is k × dim row-major and every label must be in [0, k). A zero feature or zero centre gives π/2.
 */
export function thetaY(
	features: Numbers,
	labels: Numbers,
	centres: Numbers,
	{ dim = 2 }: DimOptions = {}
): Float32Array {
	const n = rowCount(features, dim);
	const k = rowCount(centres, dim, 'centres');
	checkLabels(labels, n, k);
	const x = unitRows(features, dim);
	const w = unitRows(centres, dim);
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		let c = 0;
		const ix = i * dim;
		const iw = labels[i] * dim;
		for (let j = 0; j < dim; j++) c += x[ix + j] * w[iw + j];
		out[i] = Math.acos(clampCos(c));
	}
	return out;
}

/** Mean θ_y in radians (0 when there are no features). */
export function meanThetaY(
	features: Numbers,
	labels: Numbers,
	centres: Numbers,
	options: DimOptions = {}
): number {
	return mean(thetaY(features, labels, centres, options));
}

/** Arithmetic mean; 0 for an empty array (so a summary never shows NaN). */
export function mean(values: Numbers): number {
	if (values.length === 0) return 0;
	let s = 0;
	for (let i = 0; i < values.length; i++) s += values[i];
	return s / values.length;
}
