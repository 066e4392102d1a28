/**
 * The slow-motion step, as numbers (pure TS): one held-out sample's walk through one model's loss, stage by
 * stage, from the worker's inspection. Geometry (norms, angles, the margin's branch) is recomputed here with
 * `$lib/margins`; the logits, probabilities, loss and gradients are the worker's (tfjs, the real model).
 */
import {
	clampCos,
	hasLogits,
	hasMargin,
	interLoss,
	intraLoss,
	lossInfo,
	marginSoftmaxLoss,
	normalise,
	normSoftmaxLoss,
	softmaxLoss,
	targetLogitDetail,
	wrapAngle,
	type MarginSpec
} from '$lib/margins';
import { angle, dimOf, row, rows as matrixRows } from '$lib/margins/matrix';
import type { Inspection, LossName } from '$lib/train/protocol';

export const stageKeys = [
	'feature',
	'normalise',
	'cosines',
	'angle',
	'margin',
	'logits',
	'softmax',
	'loss',
	'gradient'
] as const;
export type StageKey = (typeof stageKeys)[number];

/** A 2-D vector: the walk-through draws on the unit circle, so it is 2-D only. */
export type Vec = [number, number];

/** The stages of a loss's walk-through: no margin stage without a margin; none without logits (triplet). */
export function stagesFor(loss: LossName): StageKey[] {
	if (!hasLogits(loss)) return [];
	return stageKeys.filter((k) => k !== 'margin' || hasMargin(loss));
}

export interface MarginStep {
	/** m1·θ_y + m2, radians */
	angle: number;
	/** the target logit without s: cos(m1·θ_y + m2) − m3, or its fallback */
	value: number;
	branch: 'margin' | 'fallback';
	/** θ_y where m1·θ + m2 reaches π (null if never) */
	wrap: number | null;
}

export interface Walk {
	kind: LossName;
	label: number;
	n: number;
	x: Vec;
	xNorm: number;
	xHat: Vec;
	centres: Vec[];
	centreNorms: number[];
	centreHats: Vec[];
	cos: number[];
	/** θ_j, radians */
	theta: number[];
	thetaY: number;
	margin: MarginStep | null;
	logits: number[];
	probs: number[];
	pY: number;
	crossEntropy: number;
	loss: number;
	/** loss − cross-entropy: the intra/inter regulariser of this sample (0 for the others) */
	extra: number;
	predicted: number;
	correct: boolean;
	gradX: Vec;
	gradWy: Vec;
}

export const hypot = (v: Vec): number => Math.hypot(v[0], v[1]);
/** v as a unit vector; a zero vector stays zero. */
export const unit = (v: Vec): Vec => normalise(v) as Vec;
/** Angle between two vectors, radians in [0, π] (`angle` of `$lib/margins/matrix`: π/2 for a zero vector). */
export const angleBetween = (a: Vec, b: Vec): number => angle(a, b);

/** The rows of an n × 2 row-major array as vectors. */
const rows = (a: Float32Array): Vec[] => matrixRows(a, 2) as Vec[];

export function walkthrough(ins: Inspection): Walk {
	const y = ins.label;
	const centres = rows(ins.centres);
	const cos = Array.from(ins.cos);
	const theta = cos.map((c) => Math.acos(clampCos(c)));
	const spec = ins.head as MarginSpec;
	const margin = hasMargin(ins.head.loss)
		? {
				angle: spec.m1 * theta[y] + spec.m2,
				...targetLogitDetail(theta[y], spec),
				wrap: wrapAngle(spec)
			}
		: null;
	const probs = Array.from(ins.probs);
	// −log p_y in double precision from the logits; the float32 loss of tfjs is only kept where it adds a term
	const regularised = lossInfo(ins.head.loss).regulariser !== null;
	return {
		kind: ins.head.loss,
		label: y,
		n: centres.length,
		x: ins.x,
		xNorm: hypot(ins.x),
		xHat: unit(ins.x),
		centres,
		centreNorms: centres.map(hypot),
		centreHats: centres.map(unit),
		cos,
		theta,
		thetaY: theta[y],
		margin,
		logits: Array.from(ins.logits),
		probs,
		pY: probs[y],
		crossEntropy: ins.crossEntropy,
		loss: regularised ? ins.loss : ins.crossEntropy,
		extra: regularised ? ins.loss - ins.crossEntropy : 0,
		predicted: ins.predicted,
		correct: ins.predicted === y,
		gradX: ins.gradX,
		gradWy: row(ins.gradCentres, y, 2) as Vec
	};
}

/**
 * The loss of `$lib/margins` for this inspection's head at feature x, centres (rows) and bias, picked by the
 * catalogue's logits and regulariser; NaN if it fails (or the loss has no logits).
 */
export function pureLoss(ins: Inspection, x: Vec, centres: Vec[], bias: number[] | null): number {
	const W = [centres.map((c) => c[0]), centres.map((c) => c[1])];
	const { s } = ins.head;
	const { logits, regulariser } = lossInfo(ins.head.loss);
	const y = [ins.label];
	try {
		if (logits === 'affine') return softmaxLoss([x], W, bias ?? centres.map(() => 0), y).mean;
		if (regulariser === 'intra') return intraLoss([x], W, y, s).mean;
		if (regulariser === 'inter') return interLoss([x], W, y, s).mean;
		if (logits === 'cosine') return normSoftmaxLoss([x], W, y, s).mean;
		if (logits === 'margin') return marginSoftmaxLoss([x], W, y, ins.head as MarginSpec).mean;
		return Number.NaN;
	} catch {
		return Number.NaN;
	}
}

export interface Update {
	eta: number;
	/** x and W_y after the step */
	x: Vec;
	wy: Vec;
	thetaBefore: number;
	thetaAfter: number;
	/** the loss before and after, both from `$lib/margins` in double precision */
	lossBefore: number;
	lossAfter: number;
}

/**
 * One plain SGD step of size η on this sample alone, as if x and W were free parameters: x − η·∂L/∂x and
 * W_j − η·∂L/∂W_j for every class (b_j − η·(p_j − [j = y]) for softmax). The new θ_y and the loss there come
 * from `$lib/margins`.
 */
export function sgdUpdate(ins: Inspection, eta: number): Update {
	const y = ins.label;
	const step = (v: Vec, g: Vec): Vec => [v[0] - eta * g[0], v[1] - eta * g[1]];
	const x = step(ins.x, ins.gradX);
	const before = rows(ins.centres);
	const grads = rows(ins.gradCentres);
	const centres = before.map((c, j) => step(c, grads[j]));
	const bias = ins.bias ? Array.from(ins.bias, (b, j) => b - eta * (ins.probs[j] - (j === y ? 1 : 0))) : null;
	return {
		eta,
		x,
		wy: centres[y],
		thetaBefore: angleBetween(ins.x, before[y]),
		thetaAfter: angleBetween(x, centres[y]),
		lossBefore: pureLoss(ins, ins.x, before, ins.bias ? Array.from(ins.bias) : null),
		lossAfter: pureLoss(ins, x, centres, bias)
	};
}

/** The learning rate the figure starts from: the model's own, kept inside the slider's range. */
export const ETA_RANGE: [number, number] = [1e-4, 10];
export function startEta(lr: number): number {
	return Math.min(ETA_RANGE[1], Math.max(ETA_RANGE[0], Number.isFinite(lr) ? lr : 0.01));
}

/** An index wrapped into 0..n−1 ("previous" from the first face is the last), as the worker wraps it. */
export function wrap(index: number, n: number): number {
	if (n < 1) return 0;
	const i = Math.round(Number.isFinite(index) ? index : 0);
	return ((i % n) + n) % n;
}

/**
 * The held-out face farthest from its own class centre (largest θ_y) in a snapshot: the one with the most to
 * learn. Features and centres are n × d row-major (any d); -1 when there is none. Unlike `thetaY` this
 * tolerates a diverged model's non-finite rows: they are skipped.
 */
export function hardestIndex(features: Float32Array, centres: Float32Array, labels: Int32Array): number {
	let best = -1;
	let worst = -1;
	const d = dimOf(features, labels.length);
	for (let i = 0; i < labels.length; i++) {
		const theta = angle(row(features, i, d), row(centres, labels[i], d));
		if (Number.isFinite(theta) && theta > worst) {
			worst = theta;
			best = i;
		}
	}
	return best;
}
