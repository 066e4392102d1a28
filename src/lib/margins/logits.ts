/**
 * Target logits and binary decision boundaries of the combined margin, without the scale s.
 *
 * What the reference code does (deepinsight/insightface, read for this file):
 * - recognition/arcface_torch/losses.py (commit 5ef98047), `CombinedMarginLoss` and `ArcFace`: the input is the
 *   cosine, already clamped to [−1, 1] by recognition/arcface_torch/partial_fc_v2.py. For m1 = 1 and m3 = 0 it
 *   builds cos(θ + m) as cos θ·cos m − sin θ·sin m with sin θ = √(1 − cos²θ), and keeps it only where
 *   cos θ > cos(π − m); elsewhere it uses cos θ − sin(π − m)·m (= cos θ − m·sin m). With `easy_margin` (off by
 *   default) it keeps cos(θ + m) where cos θ > 0 and plain cos θ elsewhere. The switch is a jump, not a kink:
 *   just before θ = π − m the value is cos π = −1, from there on −cos m − m·sin m (≈ −1.117 for m = 0.5).
 * - The same class never uses m1: if m3 > 0 it only subtracts m3 (m1 and m2 are ignored, so CM1 (1, 0.3, 0.2)
 *   would train as CosFace 0.2 there), and m1 ≠ 1 with m3 = 0 (SphereFace) reaches a bare `raise` (an error).
 * - The older recognition/arcface_mxnet/train.py does apply all three: θ = arccos(cos), θ·m1, + m2, cos, − m3,
 *   with no fallback at all. That formula, without fallback, is `fallback: 'none'` here.
 */

import { assertMargins, type MarginSpec } from './spec';
import { clampCos, linspace } from './vec';
import { assertFinite } from './validate';

const EPS = 1e-12;

/**
 * The θ in [0, π) where the combined angle m1·θ + m2 reaches π, i.e. (π − m2)/m1. Past it cos(m1·θ + m2)
 * turns back up (ArcFace at π − m, SphereFace 1.35 at π/1.35 ≈ 133.3°). Null when that happens at or beyond π.
 */
export function wrapAngle(spec: MarginSpec): number | null {
	assertMargins(spec);
	const t = (Math.PI - spec.m2) / spec.m1;
	return t < Math.PI ? Math.max(0, t) : null;
}

export type TargetLogitDetail = {
	/** cos-scale target logit (multiply by s for the network's logit) */
	value: number;
	/** 'margin': cos(m1·θ + m2) − m3; 'fallback': the insightface or easy replacement */
	branch: 'margin' | 'fallback';
};

/**
 * The target logit with the branch it came from. Fallbacks, generalised from the reference's pure-ArcFace case:
 * - 'insightface': margin branch while cos θ > cos(wrapAngle) (for m1 = 1 exactly the reference's
 *   cos θ > cos(π − m2)); past it cos θ − m3 − sin(π − m2)·m2, so the reference's ArcFace penalty m2·sin m2
 *   plus any CosFace m3 (m1 plays no part there). With no wrap inside [0, π) it never switches.
 * - 'easy': margin branch while cos θ > 0, plain cos θ (no margin of any kind) elsewhere, as the reference.
 */
export function targetLogitDetail(theta: number, spec: MarginSpec): TargetLogitDetail {
	assertFinite(theta, 'theta');
	assertMargins(spec);
	const { m1, m2, m3 } = spec;
	const cos = Math.cos(theta);
	const margin = Math.cos(m1 * theta + m2) - m3;
	if (spec.fallback === 'easy') {
		return cos > 0 ? { value: margin, branch: 'margin' } : { value: cos, branch: 'fallback' };
	}
	if (spec.fallback === 'insightface') {
		const wrap = wrapAngle(spec);
		if (wrap === null || cos > Math.cos(wrap)) return { value: margin, branch: 'margin' };
		return { value: cos - m3 - Math.sin(Math.PI - m2) * m2, branch: 'fallback' };
	}
	return { value: margin, branch: 'margin' };
}

/** cos(m1·θ + m2) − m3 (θ in radians, without s), or its fallback when `spec.fallback` asks for one. */
export function targetLogit(theta: number, spec: MarginSpec): number {
	return targetLogitDetail(theta, spec).value;
}

/**
 * Class-1 decision boundary in the binary case: the θ2 in [0, π] with targetLogit(θ1) = cos θ2 (class 2 gets its
 * plain logit cos θ2). Class 1 wins exactly when θ2 is larger than the returned value.
 * softmax θ2 = θ1; SphereFace θ2 = m1·θ1; ArcFace θ2 = θ1 + m2; CosFace cos θ2 = cos θ1 − m3;
 * combined θ2 = acos(cos(m1·θ1 + m2) − m3).
 *
 * Null when no such θ2 exists, consistently:
 * - the target logit leaves [−1, 1] (CosFace once cos θ1 − m3 < −1: class 1 can never win there);
 * - on the margin branch, the combined angle m1·θ1 + m2 leaves [0, π]: past the wrap the curve turns back up,
 *   so the paper's boundary (θ2 = θ1 + m, θ2 = m·θ1, …) has left the square. Figures draw the wrap itself
 *   from `targetLogit`. (ArcFace without fallback is therefore null for θ1 > π − m.)
 * Fallback branches use their own value: 'easy' gives θ2 = θ1 beyond 90°; 'insightface' for ArcFace is null
 * beyond π − m (its value is below −1 there).
 * Throws if θ1 is outside [0, π].
 */
export function decisionBoundary(theta1: number, spec: MarginSpec): number | null {
	assertFinite(theta1, 'theta1');
	if (theta1 < -EPS || theta1 > Math.PI + EPS) throw new Error(`theta1 must be in [0, π], got ${theta1}`);
	const { value, branch } = targetLogitDetail(theta1, spec);
	if (branch === 'margin') {
		const phi = spec.m1 * theta1 + spec.m2;
		if (phi < -EPS || phi > Math.PI + EPS) return null;
		// exact when there is no cosine margin: θ2 is the combined angle itself
		if (spec.m3 === 0) return Math.min(Math.max(phi, 0), Math.PI);
	}
	if (value < -1 - EPS || value > 1 + EPS) return null;
	return Math.acos(clampCos(value));
}

/**
 * Angular width of the margin at θ1: decisionBoundary(θ1) − θ1 (radians), null where the boundary is.
 * Constant m for ArcFace; for CosFace it changes with θ1.
 */
export function angularMargin(theta1: number, spec: MarginSpec): number | null {
	const theta2 = decisionBoundary(theta1, spec);
	return theta2 === null ? null : theta2 - theta1;
}

/** `steps` samples of the target-logit curve from `from` to `to` radians (Fig. 4b uses 20°–100°). */
export function targetLogitCurve(
	spec: MarginSpec,
	from: number,
	to: number,
	steps: number
): { theta: number; value: number }[] {
	return linspace(from, to, steps).map((theta) => ({ theta, value: targetLogit(theta, spec) }));
}
