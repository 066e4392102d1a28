/**
 * Looking inside the trained models without training them (worker side, tfjs): one held-out sample forward
 * and backward through one model (the slow-motion figure), and the held-out set upside down (the inversion
 * figure). Everything runs in tf.tidy and is read back with async data(); no tensor outlives a call.
 */

import * as tf from '@tensorflow/tfjs';
import type { Engine } from './engine';
import { hasLogits, lossInfo } from '$lib/margins/catalogue';
import { classCentres, cosLogits, headLogits, headLoss, headMetrics } from './heads';
import type { FaceSample, FromWorker, Inspection, InvertedModelEval, ModelIndex } from './protocol';
import { modelLr } from './settings';

/** What the engine alone can tell about a sample (the worker adds the raw pixels). */
export type SampleProbe = Omit<Inspection, 'pixels' | 'size'>;

/** An index wrapped into 0..n−1 (so "previous" from the first sample is the last). */
export function wrapIndex(index: number, n: number): number {
	if (n < 1) return 0;
	const i = Math.round(Number.isFinite(index) ? index : 0);
	return ((i % n) + n) % n;
}

/** Images (N × size², row-major) upside down: each image turned by 180° (rows and columns reversed). */
export function flipImagesTensor(x: tf.Tensor2D, size: number): tf.Tensor2D {
	return tf.tidy(() => tf.reshape(tf.reverse(tf.reshape(x, [-1, size, size]), [1, 2]), [-1, size * size]));
}

const argMax = (v: ArrayLike<number>): number => {
	let best = 0;
	for (let j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
	return best;
};

/** −log softmax(z)_y, in double precision from the logits. */
function crossEntropyOf(z: ArrayLike<number>, y: number): number {
	let max = -Infinity;
	for (let j = 0; j < z.length; j++) max = Math.max(max, z[j]);
	let sum = 0;
	for (let j = 0; j < z.length; j++) sum += Math.exp(z[j] - max);
	return max + Math.log(sum) - z[y];
}

/**
 * Held-out sample `index` (wrapped into range) through model `which` on its current weights: feature, cosines,
 * logits, probabilities, loss, and the gradients ∂L/∂x and ∂L/∂W of the model's own training loss on this
 * sample alone. Null for the triplet loss, which has no class centres and no per-sample loss.
 */
export async function inspectSample(
	engine: Engine,
	which: ModelIndex,
	index: number
): Promise<SampleProbe | null> {
	const runner = engine.runners[which];
	const cfg = runner.cfg;
	if (!hasLogits(cfg.loss)) return null;
	const i = wrapIndex(index, engine.testX.shape[0]);
	const t = tf.tidy(() => {
		const { model } = runner;
		const image = tf.slice(engine.testX, [i, 0], [1, -1]);
		const label = tf.slice(engine.testY, [i], [1]);
		const b = lossInfo(cfg.loss).bias ? model.b : null;
		const x = model.embed(image);
		const W = model.W;
		const f = (xx: tf.Tensor, ww: tf.Tensor) => headLoss(cfg, xx as tf.Tensor2D, ww as tf.Tensor2D, b, label);
		const { value, grads } = tf.valueAndGrads(f)([x, W]);
		const logits = headLogits(cfg, x, W, b, label);
		return {
			label,
			x,
			centres: tf.transpose(W),
			cos: cosLogits(x, W),
			logits,
			probs: tf.softmax(logits),
			loss: value,
			gradX: grads[0],
			gradCentres: tf.transpose(grads[1])
		};
	});
	const keys = Object.keys(t) as (keyof typeof t)[];
	const values = await Promise.all(keys.map((k) => t[k].data()));
	tf.dispose(Object.values(t));
	const v = Object.fromEntries(keys.map((k, j) => [k, values[j]])) as Record<keyof typeof t, Float32Array>;
	const hasBias = lossInfo(cfg.loss).bias;
	const bias = hasBias ? Float32Array.from(await runner.model.b.data()) : null;
	const label = Number(v.label[0]);
	const scores = hasBias ? v.logits : v.cos;
	return {
		step: engine.steps,
		model: which,
		index: i,
		label,
		head: { loss: cfg.loss, s: cfg.s, m1: cfg.m1, m2: cfg.m2, m3: cfg.m3, fallback: cfg.fallback },
		lr: modelLr(engine.settings, which),
		optimizer: engine.settings.optimizer,
		x: [v.x[0], v.x[1]],
		centres: Float32Array.from(v.centres),
		bias,
		cos: Float32Array.from(v.cos),
		logits: Float32Array.from(v.logits),
		probs: Float32Array.from(v.probs),
		crossEntropy: crossEntropyOf(v.logits, label),
		loss: v.loss[0],
		predicted: argMax(scores),
		gradX: [v.gradX[0], v.gradX[1]],
		gradCentres: Float32Array.from(v.gradCentres)
	};
}

/**
 * Both models on the held-out faces upright and upside down (same labels, same class centres: the networks
 * were trained on upright faces only). Accuracy counts as in training's evaluation (argmax of the logits for
 * softmax, nearest class centre by angle for the others).
 */
export async function evaluateInverted(engine: Engine): Promise<[InvertedModelEval, InvertedModelEval]> {
	const flipped = flipImagesTensor(engine.testX, engine.size);
	const parts = engine.runners.map((r) =>
		tf.tidy(() => {
			const { cfg, model } = r;
			const b = lossInfo(cfg.loss).bias ? model.b : null;
			const up = model.embed(engine.testX);
			const inv = model.embed(flipped);
			const centres = classCentres(cfg, model.embed(engine.evalX), model.W, engine.evalY);
			const mu = headMetrics(cfg, up, centres, b, engine.testY);
			const mi = headMetrics(cfg, inv, centres, b, engine.testY);
			const scalars = tf.stack([mu.accuracy, mi.accuracy, mu.meanThetaY, mi.meanThetaY]);
			return [scalars, up, inv, tf.transpose(centres), mu.predicted, mi.predicted];
		})
	);
	flipped.dispose();
	const read = await Promise.all(parts.map((p) => Promise.all(p.map((t) => t.data()))));
	tf.dispose(parts.flat());
	const deg = 180 / Math.PI;
	return read.map(([s, up, inv, centres, pu, pi]) => ({
		uprightAcc: s[0],
		invertedAcc: s[1],
		uprightThetaDeg: s[2] * deg,
		invertedThetaDeg: s[3] * deg,
		uprightFeatures: Float32Array.from(up),
		invertedFeatures: Float32Array.from(inv),
		centres: Float32Array.from(centres),
		uprightPredicted: Int32Array.from(pu),
		invertedPredicted: Int32Array.from(pi)
	})) as [InvertedModelEval, InvertedModelEval];
}

/** The held-out images and labels of the run (raw pixels in [0, 1]), as the worker holds them. */
export interface HeldOut {
	size: number;
	nTest: number;
	testX: Float32Array;
	testY: Int32Array;
}

type Outgoing = [FromWorker, ArrayBuffer[]];

export const buffersOf = (arrays: unknown[]): ArrayBuffer[] => [
	...new Set(
		arrays.filter((a): a is Float32Array => ArrayBuffer.isView(a)).map((a) => a.buffer as ArrayBuffer)
	)
];

/** Raw pixels of held-out image i. */
export function pixelsOf(d: HeldOut, i: number): Float32Array {
	const px = d.size * d.size;
	return d.testX.slice(i * px, (i + 1) * px);
}

/** The `inspection` answer to `inspect`, with the buffers to transfer. */
export async function inspectionMessage(
	engine: Engine,
	d: HeldOut,
	model: ModelIndex,
	index: number
): Promise<Outgoing> {
	const i = wrapIndex(index, d.nTest);
	const base = { type: 'inspection', model, index: i, step: engine.steps } as const;
	// the slow-motion view draws the 2-D plane of x and W: it has nothing to show in D > 2
	if (engine.shape.featureDim !== 2) return [{ ...base, inspection: null, unavailable: 'dimension' }, []];
	const probe = await inspectSample(engine, model, index);
	if (!probe) return [{ ...base, inspection: null, unavailable: 'no-centres' }, []];
	const inspection: Inspection = { ...probe, size: d.size, pixels: pixelsOf(d, i) };
	return [{ ...base, inspection }, buffersOf(Object.values(inspection))];
}

/** Identities with a sample face in an answer (the first 8: every identity of the default lab). */
export const SAMPLE_IDENTITIES = 8;

/** The `inverted-evaluation` answer to `evaluate-inverted`, with the buffers to transfer. */
export async function invertedMessage(engine: Engine, d: HeldOut): Promise<Outgoing> {
	const models = await evaluateInverted(engine);
	const samples: FaceSample[] = [];
	for (let id = 0; id < Math.min(engine.shape.classes, SAMPLE_IDENTITIES); id++) {
		const index = d.testY.indexOf(id);
		if (index >= 0) samples.push({ index, label: id, pixels: pixelsOf(d, index) });
	}
	const labels = Int32Array.from(d.testY);
	const msg: FromWorker = {
		type: 'inverted-evaluation',
		step: engine.steps,
		dim: engine.shape.featureDim,
		size: d.size,
		labels,
		models,
		samples
	};
	const arrays = [labels, ...samples.map((s) => s.pixels), ...models.flatMap((m) => Object.values(m))];
	return [msg, buffersOf(arrays)];
}
