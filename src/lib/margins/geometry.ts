/**
 * Cosines and angles between features and class centres in the paper's shapes: x is N×d (one feature per
 * row), W is d×n (column j is class j's centre, W[k][j]). This is the one boundary between the paper's W and
 * the shared convention of `matrix.ts` (flat rows, centres k × d): each function checks its input here,
 * converts, and computes with `matrix.ts`. Zero vectors give cos 0.
 */

import { cosines, flatten, rows, thetaY as thetaRows, unitRows } from './matrix';
import { assertLabels, assertMatrix, type Matrix } from './validate';

/** The columns of W (d×n) as flat rows, n × d: the class centres in the shared convention. */
export function centresOf(W: Matrix): Float64Array {
	const { rows: d, cols: n } = assertMatrix(W, 'W');
	const out = new Float64Array(n * d);
	for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) out[j * d + k] = W[k][j];
	return out;
}

/** Rows of x as unit vectors (zero rows stay zero). */
export function normaliseRows(x: Matrix): number[][] {
	const { cols: d } = assertMatrix(x, 'x');
	return rows(unitRows(flatten(x).values, d), d);
}

/** Columns of W (d×n) as unit vectors, returned one per class: n×d. Zero columns stay zero. */
export function classCentres(W: Matrix): number[][] {
	const d = W.length;
	return rows(unitRows(centresOf(W), d), d);
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
	const { d, n } = assertFeaturesAndWeights(x, W);
	return rows(cosines(flatten(x).values, centresOf(W), d), n);
}

/** θ_{y_i}: the angle (radians) between each feature and its own class centre (`thetaY` of `matrix.ts`). */
export function thetaY(x: Matrix, W: Matrix, labels: readonly number[]): number[] {
	const { N, d, n } = assertFeaturesAndWeights(x, W);
	assertLabels(labels, N, n);
	return Array.from(thetaRows(flatten(x).values, centresOf(W), labels, d, new Float64Array(N)));
}

/** n×n angles (radians) between class centres, arccos(Ŵ_iᵀŴ_j); 0 on the diagonal. */
export function centreAngles(W: Matrix): number[][] {
	const { rows: d, cols: n } = assertMatrix(W, 'W');
	const c = centresOf(W);
	const cos = cosines(c, c, d);
	return rows(cos, n).map((r, i) => r.map((v, j) => (i === j ? 0 : Math.acos(v))));
}
