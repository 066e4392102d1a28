/**
 * The paper's losses L1–L6 and the angular triplet loss, on plain arrays. Natural log, mean over the N samples;
 * `perSample` holds each sample's term so that `mean` is exactly their average.
 */

import { assertFeaturesAndWeights, centreAngles, cosMatrix, normaliseRows, thetaY } from './geometry';
import { targetLogit } from './logits';
import { validateSpec, type MarginSpec } from './spec';
import { clampCos, dot, logSumExp } from './vec';
import { assertFinite, assertLabels, assertMatrix, assertVector, type Matrix } from './validate';

export type LossResult = { mean: number; perSample: number[] };

/** A softmax-type loss with the logits it used (scaled, after any margin). */
export type LogitLossResult = LossResult & { logits: number[][] };

/** L5/L6: `mean` = `l2` + `term`, with `term` the signed regulariser (≥ 0 for L5, ≤ 0 for L6). */
export type RegularisedLossResult = LogitLossResult & { l2: number; term: number };

function average(values: readonly number[]): number {
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/** Cross-entropy of each row of logits against its label: logSumExp(row) − row[y]. */
export function crossEntropy(logits: Matrix, labels: readonly number[]): LossResult {
	const { rows, cols } = assertMatrix(logits, 'logits');
	assertLabels(labels, rows, cols);
	const perSample = logits.map((row, i) => logSumExp(row) - row[labels[i]]);
	return { mean: average(perSample), perSample };
}

/**
 * L1, softmax with bias: logits = xW + b, no normalisation. Throws if a logit overflows to ±Infinity.
 * b has one entry per class.
 */
export function softmaxLoss(
	x: Matrix,
	W: Matrix,
	b: readonly number[],
	labels: readonly number[]
): LogitLossResult {
	const { N, d, n } = assertFeaturesAndWeights(x, W);
	assertVector(b, 'b', n);
	assertLabels(labels, N, n);
	const logits = x.map((xi) => {
		const row: number[] = [];
		for (let j = 0; j < n; j++) {
			let z = b[j];
			for (let k = 0; k < d; k++) z += xi[k] * W[k][j];
			if (!Number.isFinite(z)) throw new Error('softmaxLoss: a logit overflowed; scale the inputs down');
			row.push(z);
		}
		return row;
	});
	return { ...crossEntropy(logits, labels), logits };
}

/**
 * L2–L4, margin softmax: rows of x and columns of W normalised, cos clamped to [−1, 1], target logit
 * s·targetLogit(θ_y, spec), other logits s·cos θ_j. With (1, 0, 0) this is the normalised softmax L2.
 */
export function marginSoftmaxLoss(
	x: Matrix,
	W: Matrix,
	labels: readonly number[],
	spec: MarginSpec
): LogitLossResult {
	validateSpec(spec);
	const { N, n } = assertFeaturesAndWeights(x, W);
	assertLabels(labels, N, n);
	const logits = cosMatrix(x, W).map((row, i) =>
		row.map((c, j) => spec.s * (j === labels[i] ? targetLogit(Math.acos(c), spec) : c))
	);
	return { ...crossEntropy(logits, labels), logits };
}

/** L2, normalised softmax with scale s and no margin. */
export function normSoftmaxLoss(x: Matrix, W: Matrix, labels: readonly number[], s: number): LogitLossResult {
	return marginSoftmaxLoss(x, W, labels, { m1: 1, m2: 0, m3: 0, s });
}

/** L5, Intra-loss: L2 + (1/(πN)) Σ θ_{y_i}; per sample L2_i + θ_{y_i}/π. */
export function intraLoss(x: Matrix, W: Matrix, labels: readonly number[], s: number): RegularisedLossResult {
	const l2 = normSoftmaxLoss(x, W, labels, s);
	const extra = thetaY(x, W, labels).map((t) => t / Math.PI);
	const perSample = l2.perSample.map((v, i) => v + extra[i]);
	return { mean: average(perSample), perSample, logits: l2.logits, l2: l2.mean, term: average(extra) };
}

/**
 * L6, Inter-loss: L2 − (1/(πN(n−1))) Σ_i Σ_{j≠y_i} arccos(Ŵ_{y_i}ᵀŴ_j), W columns normalised;
 * per sample L2_i − (1/(π(n−1))) Σ_{j≠y_i} arccos(…). Needs n ≥ 2 classes.
 */
export function interLoss(x: Matrix, W: Matrix, labels: readonly number[], s: number): RegularisedLossResult {
	const l2 = normSoftmaxLoss(x, W, labels, s);
	const angles = centreAngles(W);
	const n = angles.length;
	if (n < 2) throw new Error('interLoss needs at least 2 classes');
	// angles[y][y] is 0, so summing the whole row is the sum over j ≠ y
	const extra = labels.map((y) => -angles[y].reduce((a, v) => a + v, 0) / (Math.PI * (n - 1)));
	const perSample = l2.perSample.map((v, i) => v + extra[i]);
	return { mean: average(perSample), perSample, logits: l2.logits, l2: l2.mean, term: average(extra) };
}

/** Triplet result with the two angles per sample (radians). */
export type TripletLossResult = LossResult & { thetaPos: number[]; thetaNeg: number[] };

/**
 * Angular triplet loss: per sample max(0, arccos(x̂_posᵀx̂) + m − arccos(x̂_negᵀx̂)), m in radians.
 * anchor, positive and negative are N×d and normalised here. Zero when the margin is met.
 */
export function angularTripletLoss(
	anchor: Matrix,
	positive: Matrix,
	negative: Matrix,
	m: number
): TripletLossResult {
	assertFinite(m, 'm');
	const { rows, cols } = assertMatrix(anchor, 'anchor');
	assertMatrix(positive, 'positive', rows, cols);
	assertMatrix(negative, 'negative', rows, cols);
	const a = normaliseRows(anchor);
	const p = normaliseRows(positive);
	const q = normaliseRows(negative);
	const thetaPos = a.map((ai, i) => Math.acos(clampCos(dot(p[i], ai))));
	const thetaNeg = a.map((ai, i) => Math.acos(clampCos(dot(q[i], ai))));
	const perSample = thetaPos.map((tp, i) => Math.max(0, tp + m - thetaNeg[i]));
	return { mean: average(perSample), perSample, thetaPos, thetaNeg };
}
