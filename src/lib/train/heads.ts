/**
 * Loss heads on tfjs tensors, one per loss of `$lib/margins` (which they must match: tests/unit/train-heads).
 * Shapes follow the paper: features x are N×d (d = 2 here), class centres W are d×n (column j is class j),
 * labels are N int32 class indices.
 *
 * Numerics:
 * - cos θ is clamped to [−1 + EPS, 1 − EPS] before every acos, so d acos / d cos = −1/√(1 − cos²) stays finite
 *   (float32: 1 − 1e-7 rounds to 1 − 1.19e-7, √(1 − c²) ≈ 4.9e-4). At cos = ±1 exactly the clamp passes no
 *   gradient through θ, which is also what a central difference of the (kinked) maths gives.
 * - Row/column norms are √max(Σv², 1e-24), so a zero vector has a finite gradient (and cos 0, as the maths).
 */

import * as tf from '@tensorflow/tfjs';
import { wrapAngle } from '$lib/margins';
import { lossInfo } from '$lib/margins/catalogue';
import type { HeadConfig } from './types';

export type { HeadConfig, LossName } from './types';

export const ACOS_EPS = 1e-7;

const TINY = 1e-24;

/** Rows of x (N×d) as unit vectors. */
export function normaliseRows(x: tf.Tensor2D): tf.Tensor2D {
	return tf.div(x, tf.sqrt(tf.maximum(tf.sum(tf.square(x), 1, true), TINY)));
}

/** Columns of W (d×n) as unit vectors. */
export function normaliseCols(W: tf.Tensor2D): tf.Tensor2D {
	return tf.div(W, tf.sqrt(tf.maximum(tf.sum(tf.square(W), 0, true), TINY)));
}

/** acos with its input clamped to [−1 + EPS, 1 − EPS]. */
export function safeAcos<T extends tf.Tensor>(c: T): T {
	return tf.acos(tf.clipByValue(c, -1 + ACOS_EPS, 1 - ACOS_EPS));
}

/** N×n cos θ_ij between normalised features and class centres, clamped to [−1, 1] like `cosMatrix`. */
export function cosLogits(x: tf.Tensor2D, W: tf.Tensor2D): tf.Tensor2D {
	return tf.clipByValue(tf.matMul(normaliseRows(x), normaliseCols(W)), -1, 1);
}

/** One-hot float rows (N×depth) of integer indices. */
function oneHotF(indices: tf.Tensor1D, depth: number): tf.Tensor2D {
	return tf.cast(tf.oneHot(tf.cast(indices, 'int32'), depth), 'float32') as tf.Tensor2D;
}

/** Row-wise pick of M (N×n) at the one-hot mask: the N target entries. */
function pickTarget(M: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D {
	return tf.sum(tf.mul(M, oneHot), 1);
}

/** Mean cross-entropy of logits (N×n) against one-hot labels: mean(logSumExp(row) − row[y]). */
function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
	return tf.mean(tf.sub(tf.logSumExp(logits, 1), pickTarget(logits, oneHot)));
}

/**
 * The target logit without s, cos(m1·θ + m2) − m3, on the cos θ_y of each sample, with the fallback of
 * `targetLogitDetail`: 'easy' keeps plain cos θ where cos θ ≤ 0; 'insightface' switches to
 * cos θ − m3 − m2·sin(π − m2) where cos θ ≤ cos(wrapAngle). tf.where routes the gradient to the branch taken.
 */
export function targetLogitTensor(cosY: tf.Tensor1D, cfg: HeadConfig): tf.Tensor1D {
	const { m1, m2, m3 } = cfg;
	const theta = safeAcos(cosY);
	const angle: tf.Tensor1D = m1 === 1 ? theta : tf.mul(theta, m1);
	const margin: tf.Tensor1D = tf.sub(tf.cos(m2 === 0 ? angle : tf.add(angle, m2)), m3);
	// conditions as `c ≥ cos θ` (not `cos θ > c`): tfjs has a (zero) gradient for GreaterEqual, none for Greater
	if (cfg.fallback === 'easy') return tf.where(tf.greaterEqual(0, cosY), cosY, margin) as tf.Tensor1D;
	if (cfg.fallback === 'insightface') {
		const wrap = wrapAngle(cfg);
		if (wrap === null) return margin;
		const fallback: tf.Tensor1D = tf.sub(cosY, m3 + Math.sin(Math.PI - m2) * m2);
		return tf.where(tf.greaterEqual(Math.cos(wrap), cosY), fallback, margin) as tf.Tensor1D;
	}
	return margin;
}

/** L2–L4: logits s·cos θ_j, the target replaced by s·targetLogit(θ_y). */
function marginLogits(cos: tf.Tensor2D, oneHot: tf.Tensor2D, cfg: HeadConfig): tf.Tensor2D {
	const target = targetLogitTensor(pickTarget(cos, oneHot), cfg);
	const mixed = tf.add(tf.mul(cos, tf.sub(1, oneHot)), tf.mul(oneHot, tf.expandDims(target, 1)));
	return tf.mul(mixed, cfg.s);
}

/** Σ_{j≠y_i} arccos(Ŵ_{y_i}ᵀŴ_j) for each sample (the diagonal is masked out, not acos'd). */
function centreAngleSums(W: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Tensor1D {
	const Wn = normaliseCols(W);
	const n = W.shape[1];
	const offDiag = tf.sub(1, tf.eye(n));
	const angles = tf.mul(safeAcos(tf.matMul(Wn, Wn, true, false)), offDiag);
	return tf.squeeze(tf.matMul(oneHot, tf.sum(angles, 1, true)), [1]);
}

export interface TripletMining {
	/** index of the hardest positive (same label, largest angle, not the anchor itself) */
	pos: tf.Tensor1D;
	/** index of the semi-hard negative (see mineTriplets) */
	neg: tf.Tensor1D;
	/** 1 where the anchor has both a positive and a negative in the batch, else 0 */
	valid: tf.Tensor1D;
}

/**
 * Triplets from a batch, on angles; every sample is an anchor. Its positive is the hardest one: the same-label
 * sample at the largest angle θ_p (Hermans et al. 2017, "In defense of the triplet loss"). Its negative is
 * semi-hard (Schroff et al. 2015, FaceNet): the other-label sample at the smallest angle that is still larger
 * than θ_p; if every negative is closer than θ_p, the closest negative. Measured here: hardest negatives from
 * the first step collapse every feature onto one direction (loss stuck at m, 12.5 % accuracy), semi-hard ones
 * do not. The choice (argMax/argMin) passes no gradient; the picked angles flow back to all three features.
 * Only ops with a registered gradient appear here (step, greaterEqual; not greater), as the choice is made on
 * the taped angles.
 */
export function mineTriplets(theta: tf.Tensor2D, labels: tf.Tensor1D): TripletMining {
	return tf.tidy(() => {
		const N = theta.shape[0];
		const same = tf.cast(tf.equal(tf.expandDims(labels, 1), tf.expandDims(labels, 0)), 'float32');
		const posMask = tf.sub(same, tf.eye(N));
		const negMask = tf.sub(1, same);
		// masked-out entries are pushed below every real angle (≥ 0) for a max, above π for a min
		const below = (mask: tf.Tensor) => tf.sub(tf.mul(theta, mask), tf.mul(tf.sub(1, mask), 10));
		const above = (mask: tf.Tensor) => tf.add(tf.mul(theta, mask), tf.mul(tf.sub(1, mask), 10));
		const posScore = below(posMask);
		const pos = tf.argMax(posScore, 1) as tf.Tensor1D;
		const farther = tf.mul(negMask, tf.step(tf.sub(theta, tf.max(posScore, 1, true))));
		const hasSemi = tf.cast(tf.greaterEqual(tf.max(farther, 1), 1), 'bool');
		const neg = tf.where(hasSemi, tf.argMin(above(farther), 1), tf.argMin(above(negMask), 1)) as tf.Tensor1D;
		const valid = tf.mul(tf.cast(tf.greater(tf.max(posMask, 1), 0), 'float32'), tf.max(negMask, 1));
		return { pos, neg, valid: valid as tf.Tensor1D };
	});
}

/** Angular triplet loss, mean over anchors that have a positive and a negative (0 if none has). */
function tripletLoss(x: tf.Tensor2D, labels: tf.Tensor1D, m: number): tf.Scalar {
	const xn = normaliseRows(x);
	const gram: tf.Tensor2D = tf.matMul(xn, xn, false, true);
	const theta = safeAcos(gram);
	const { pos, neg, valid } = mineTriplets(theta, labels);
	const N = x.shape[0];
	const thetaPos = pickTarget(theta, oneHotF(pos, N));
	const thetaNeg = pickTarget(theta, oneHotF(neg, N));
	const hinge = tf.relu(tf.add(tf.sub(thetaPos, thetaNeg), m));
	return tf.div(tf.sum(tf.mul(hinge, valid)), tf.maximum(tf.sum(valid), 1));
}

/**
 * The logits the cross-entropy of `cfg.loss` sees (N×n): xW + b for softmax, s·cos θ_j for normface, intra and
 * inter, and the margin logits for L3/L4. Not defined for 'triplet' (it has no logits): throws.
 */
export function headLogits(
	cfg: HeadConfig,
	x: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D | null,
	labels: tf.Tensor1D
): tf.Tensor2D {
	const kind = lossInfo(cfg.loss).logits;
	if (kind === 'none') throw new Error(`headLogits: the ${cfg.loss} loss has no logits`);
	return tf.tidy(() => {
		if (kind === 'affine') {
			const logits: tf.Tensor2D = tf.matMul(x, W);
			return b ? tf.add<tf.Tensor2D>(logits, b) : logits;
		}
		const cos = cosLogits(x, W);
		if (kind === 'cosine') return tf.mul(cos, cfg.s);
		return marginLogits(cos, oneHotF(labels, W.shape[1]), cfg);
	});
}

/**
 * The training loss of `cfg.loss` for a batch. W is d×n; b (n) is used by softmax only. For 'triplet' W plays
 * no part. Call inside tf.tidy or optimizer.minimize.
 */
export function headLoss(
	cfg: HeadConfig,
	x: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D | null,
	labels: tf.Tensor1D
): tf.Scalar {
	const { logits: kind, regulariser } = lossInfo(cfg.loss);
	if (kind === 'none') return tripletLoss(x, labels, cfg.m2);
	const n = W.shape[1];
	const oneHot = oneHotF(labels, n);
	if (kind === 'affine') {
		const logits: tf.Tensor2D = tf.matMul(x, W);
		return crossEntropy(b ? tf.add<tf.Tensor2D>(logits, b) : logits, oneHot);
	}
	const cos = cosLogits(x, W);
	if (kind === 'cosine') {
		const l2 = crossEntropy(tf.mul(cos, cfg.s), oneHot);
		if (regulariser === 'intra')
			return tf.add(l2, tf.div(tf.mean(safeAcos(pickTarget(cos, oneHot))), Math.PI));
		if (regulariser === 'inter')
			return tf.sub(l2, tf.div(tf.mean(centreAngleSums(W, oneHot)), Math.PI * (n - 1)));
		return l2;
	}
	return crossEntropy(marginLogits(cos, oneHot, cfg), oneHot);
}

/**
 * Class centres (d×n) the features are compared with: W itself, or for 'triplet' (which has no W) the
 * normalised mean direction of each class among `x` (a class absent from x gets a zero centre: cos 0).
 */
export function classCentres(
	cfg: HeadConfig,
	x: tf.Tensor2D,
	W: tf.Tensor2D,
	labels: tf.Tensor1D
): tf.Tensor2D {
	if (lossInfo(cfg.loss).centres === 'W') return W;
	return tf.tidy(() => {
		const oneHot = oneHotF(labels, W.shape[1]);
		return tf.matMul(normaliseRows(x), oneHot, true, false) as tf.Tensor2D;
	});
}

export interface HeadMetrics {
	/** share of samples classified correctly */
	accuracy: tf.Scalar;
	/** mean angle (radians) between each feature and its class centre */
	meanThetaY: tf.Scalar;
	/** predicted class per sample */
	predicted: tf.Tensor1D;
}

/**
 * Accuracy (argmax of xW + b for softmax; nearest class centre by cosine, i.e. argmax of plain cos θ_j, for
 * every normalised loss) and mean θ_y. `centres` is W, or `classCentres` for triplet.
 */
export function headMetrics(
	cfg: HeadConfig,
	x: tf.Tensor2D,
	centres: tf.Tensor2D,
	b: tf.Tensor1D | null,
	labels: tf.Tensor1D
): HeadMetrics {
	return tf.tidy(() => {
		const cos = cosLogits(x, centres);
		const scores = lossInfo(cfg.loss).bias && b ? tf.add(tf.matMul(x, centres), b) : cos;
		const predicted = tf.argMax(scores, 1) as tf.Tensor1D;
		const y = tf.cast(labels, 'int32');
		const accuracy = tf.mean(tf.cast(tf.equal(predicted, y), 'float32')) as tf.Scalar;
		const oneHot = oneHotF(y, centres.shape[1]);
		const meanThetaY = tf.mean(safeAcos(pickTarget(cos, oneHot))) as tf.Scalar;
		return { accuracy, meanThetaY, predicted };
	});
}

/** Loss plus metrics in one call (for tests and one-off evaluation; training uses `headLoss` alone). */
export function runHead(
	cfg: HeadConfig,
	x: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D | null,
	labels: tf.Tensor1D
): HeadMetrics & { loss: tf.Scalar } {
	return tf.tidy(() => {
		const loss = headLoss(cfg, x, W, b, labels);
		const centres = classCentres(cfg, x, W, labels);
		return { loss, ...headMetrics(cfg, x, centres, b, labels) };
	});
}
