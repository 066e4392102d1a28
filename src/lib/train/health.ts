/**
 * Signs of a model that died or collapsed while its loss stayed finite and small, as normalised losses do: at
 * lr = 1e6 the features grow to ~1e24, their squares overflow float32, every normalised feature and cosine
 * becomes 0 and the gradient with them (ArcFace then sits at loss ≈ 32.6, chance accuracy, θ_y 90°); at
 * lr 1–100 ArcFace pulls every feature and centre onto one point (θ_y ≈ 0.5°, chance accuracy).
 *
 * Cheap: a few scalars on the last step of each chunk (its batch's features and the gradients the step
 * computes anyway), read back with the chunk's losses; `judgeHealth` turns them into a reason or null.
 */

import * as tf from '@tensorflow/tfjs';
import { lossInfo } from '$lib/margins/catalogue';
import { classCentres, headMetrics, normaliseRows } from './heads';
import type { Model } from './model';
import type { DivergeReason, HeadConfig } from './types';

/** Scalars per probe: [largest feature length, length of the mean unit feature, |gradient|², batch accuracy] */
export const HEALTH_SIZE = 4;
/** Where the batch accuracy sits among them. */
export const HEALTH_ACC = 3;

/** Features longer than this are about to overflow float32 when squared (the limit is ≈ 1.8e19). */
export const FEATURE_NORM_MAX = 1e15;
/** The mean unit feature longer than this: every feature points the same way. */
export const COLLAPSE_RESULTANT = 0.999;
/** Losses kept to tell a flat loss, and how flat (relative) it must be. */
export const FLAT_WINDOW = 24;
export const FLAT_TOLERANCE = 1e-6;

/** The reasons `judgeHealth` gives (a subset of DivergeReason). */
export type HealthReason = Extract<
	DivergeReason,
	'features-overflow' | 'no-gradient' | 'collapsed' | 'stuck'
>;

/** The health scalars of one step: `features` of the batch (before the step), its gradients and labels. */
export function probeHealth(
	cfg: HeadConfig,
	model: Model,
	features: tf.Tensor2D,
	grads: tf.NamedTensorMap,
	labels: tf.Tensor1D
): tf.Tensor1D {
	return tf.tidy(() => {
		const norms = tf.sqrt(tf.sum(tf.square(features), 1));
		const resultant = tf.norm(tf.mean(normaliseRows(features), 0));
		const g = Object.values(grads).map((t) => tf.sum(tf.square(t)));
		const gradSq = g.length ? tf.addN(g) : tf.scalar(0);
		const b = lossInfo(cfg.loss).bias ? model.b : null;
		const centres = classCentres(cfg, features, model.W, labels);
		const { accuracy } = headMetrics(cfg, features, centres, b, labels);
		return tf.stack([tf.max(norms), resultant, gradSq, accuracy]) as tf.Tensor1D;
	});
}

/**
 * A dead or collapsed model from its last probe and its recent losses (newest last; `classes` identities):
 * - 'features-overflow': a feature length non-finite or above FEATURE_NORM_MAX;
 * - 'collapsed': every feature of the batch in one direction, at chance accuracy;
 * - 'no-gradient': a gradient of exactly zero while the loss is not;
 * - 'stuck': the loss flat over FLAT_WINDOW steps at chance accuracy.
 */
export function judgeHealth(
	h: ArrayLike<number>,
	losses: readonly number[],
	classes: number
): HealthReason | null {
	const [maxNorm, resultant, gradSq, acc] = Array.from(h);
	if (!Number.isFinite(maxNorm) || maxNorm > FEATURE_NORM_MAX) return 'features-overflow';
	const chance = acc <= 1.5 / classes;
	if (resultant > COLLAPSE_RESULTANT && chance) return 'collapsed';
	const loss = losses.at(-1) ?? 0;
	if (gradSq === 0 && Math.abs(loss) > 1e-3) return 'no-gradient';
	if (chance && losses.length >= FLAT_WINDOW) {
		const recent = losses.slice(-FLAT_WINDOW);
		const spread = Math.max(...recent) - Math.min(...recent);
		if (spread <= FLAT_TOLERANCE * Math.max(1, Math.abs(loss))) return 'stuck';
	}
	return null;
}
