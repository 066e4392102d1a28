/**
 * Cosines and angles between features and class centres. Shapes follow the paper: x is N×d (one feature per
 * row), W is d×n (column j is class j's centre, W[k][j]). Both are normalised here; zero vectors give cos 0.
 */

import { clampCos, dot, normalise } from './vec';
import { assertLabels, assertMatrix, type Matrix } from './validate';

/** Rows of x as unit vectors (zero rows stay zero). */
export function normaliseRows(x: Matrix): number[][] {
	assertMatrix(x, 'x');
	return x.map((row) => normalise(row));
}

/** Columns of W (d×n) as unit vectors, returned one per class: n×d. Zero columns stay zero. */
export function classCentres(W: Matrix): number[][] {
	const { rows: d, cols: n } = assertMatrix(W, 'W');
	const out: number[][] = [];
	for (let j = 0; j < n; j++) {
		const col: number[] = [];
		for (let k = 0; k < d; k++) col.push(W[k][j]);
		out.push(normalise(col));
	}
	return out;
}

/** Throws unless x is N×d and W is d×n; returns the sizes. */
export function assertFeaturesAndWeights(x: Matrix, W: Matrix): { N: number; d: number; n: number } {
	const { rows: N, cols: d } = assertMatrix(x, 'x');
	const w = assertMatrix(W, 'W');
	if (w.rows !== d) {
		throw new Error(`W must be d×n with d = ${d} (the feature length of x), got ${w.rows}×${w.cols}`);
	}
	return { N, d, n: w.cols };
}

/** N×n matrix of cos θ_ij between feature i and class centre j, clamped to [−1, 1]. */
export function cosMatrix(x: Matrix, W: Matrix): number[][] {
	assertFeaturesAndWeights(x, W);
	const xs = normaliseRows(x);
	const ws = classCentres(W);
	return xs.map((xi) => ws.map((wj) => clampCos(dot(xi, wj))));
}

/** θ_{y_i}: the angle (radians) between each feature and its own class centre. */
export function thetaY(x: Matrix, W: Matrix, labels: readonly number[]): number[] {
	const { N, n } = assertFeaturesAndWeights(x, W);
	assertLabels(labels, N, n);
	const cos = cosMatrix(x, W);
	return cos.map((row, i) => Math.acos(row[labels[i]]));
}

/** n×n angles (radians) between class centres, arccos(Ŵ_iᵀŴ_j); 0 on the diagonal. */
export function centreAngles(W: Matrix): number[][] {
	const ws = classCentres(W);
	return ws.map((wi, i) => ws.map((wj, j) => (i === j ? 0 : Math.acos(clampCos(dot(wi, wj))))));
}
