/**
 * The tiny embedding network: a size×size image (flattened, standardised) → dense ReLU layers → a D-dim
 * feature (D = 2 by default, the lab's `dim`), plus the class centres W (D×K) and, for softmax, a bias b. Plain tf.variable + matMul, no
 * tfjs-layers. Initial weights come from the faces' seeded PRNG, so equal seeds give equal weights on every
 * backend, and weights can be exported to JS arrays and rebuilt (backend change, restore).
 */

import * as tf from '@tensorflow/tfjs';
import { hashSeed, N_IDENTITIES, Rng } from '$lib/faces';
import type { OptimizerName } from './types';

/** The default feature dimension: the circle every 2-D figure draws. */
export const FEATURE_DIM = 2;

/**
 * Hidden widths (ReLU), for every input size. 400→64→32→2 at 20×20, batch 128, softmax + ArcFace: ≈ 18 steps/s
 * on tfjs CPU in Node, ≈ 80 on WASM in a Chromium worker here. ReLU rather than tanh: tanh saturates, so every
 * softmax feature ends at nearly the same norm (norm CV ≈ 0.01 measured) and the paper's radial fans never
 * appear; with ReLU the norms vary (CV ≈ 0.22) as in paper Fig. 3.
 */
export const HIDDEN: readonly number[] = [64, 32];

export interface NetShape {
	inputSize: number;
	hidden: readonly number[];
	featureDim: number;
	classes: number;
}

/** The net for size × size images, `classes` identities (K) and `featureDim` (D) features. */
export function netShape(size: number, classes = N_IDENTITIES, featureDim = FEATURE_DIM): NetShape {
	return { inputSize: size * size, hidden: HIDDEN, featureDim, classes };
}

/** All weights as plain arrays, in the order of `Model.variables`: (kernel, bias) per layer, then W, then b. */
export type Weights = Float32Array[];

/** Shapes of the weights, in the order of `Weights`. */
export function weightShapes(shape: NetShape): number[][] {
	const sizes = [shape.inputSize, ...shape.hidden, shape.featureDim];
	const out: number[][] = [];
	for (let i = 0; i + 1 < sizes.length; i++) out.push([sizes[i], sizes[i + 1]], [sizes[i + 1]]);
	out.push([shape.featureDim, shape.classes], [shape.classes]);
	return out;
}

/**
 * Seeded initial weights: Glorot-normal kernels (sd √(2/(fan_in + fan_out))) and zero biases. The class
 * centres W start as unit vectors evenly spaced round the circle (45° apart for 8 classes, at a random
 * rotation). Measured: with random centre directions two centres can start a few degrees apart, and a 2-D
 * ArcFace (s = 64, m = 0.5) then often settles with two identities sharing one sector (75–93 % held-out
 * after 400–600 steps for 3 of 5 seeds); evenly spaced, it passes 99 % within 50 steps on the same seeds.
 * In D > 2 the Glorot draw of W stands (random directions in D dimensions are already nearly orthogonal).
 */
export function initWeights(shape: NetShape, seed: number): Weights {
	const rng = new Rng(hashSeed(seed, 0x1417));
	const shapes = weightShapes(shape);
	const weights = shapes.map((s) => {
		const out = new Float32Array(s.reduce((a, v) => a * v, 1));
		if (s.length === 2) {
			const sd = Math.sqrt(2 / (s[0] + s[1]));
			for (let i = 0; i < out.length; i++) out[i] = sd * rng.gaussian();
		}
		return out;
	});
	if (shape.featureDim === 2) {
		const W = weights[shapes.length - 2];
		const n = shape.classes;
		const r0 = rng.uniform(0, 2 * Math.PI);
		for (let j = 0; j < n; j++) {
			W[j] = Math.cos(r0 + (2 * Math.PI * j) / n);
			W[n + j] = Math.sin(r0 + (2 * Math.PI * j) / n);
		}
	}
	return weights;
}

export class Model {
	readonly shape: NetShape;
	/** (kernel, bias) per layer, then W (d×n), then b (n) */
	readonly variables: tf.Variable[];

	constructor(shape: NetShape, weights: Weights) {
		this.shape = shape;
		const shapes = weightShapes(shape);
		if (weights.length !== shapes.length) throw new Error('Model: wrong number of weight arrays');
		this.variables = shapes.map((s, i) => tf.tidy(() => tf.variable(tf.tensor(weights[i], s), true)));
	}

	get W(): tf.Variable<tf.Rank.R2> {
		return this.variables[this.variables.length - 2] as tf.Variable<tf.Rank.R2>;
	}

	get b(): tf.Variable<tf.Rank.R1> {
		return this.variables[this.variables.length - 1] as tf.Variable<tf.Rank.R1>;
	}

	/** Trainable variables for a loss: the net always; W unless the loss has none; b for softmax only. */
	trainable(opts: { W: boolean; b: boolean }): tf.Variable[] {
		const net = this.variables.slice(0, -2);
		return [...net, ...(opts.W ? [this.W] : []), ...(opts.b ? [this.b] : [])];
	}

	/** N×(size²) standardised images → N×2 features (ReLU hidden layers, linear feature layer). */
	embed(x: tf.Tensor2D): tf.Tensor2D {
		return tf.tidy(() => {
			let h = x;
			const layers = (this.variables.length - 2) / 2;
			for (let i = 0; i < layers; i++) {
				const z = tf.add(tf.matMul(h, this.variables[2 * i]), this.variables[2 * i + 1]) as tf.Tensor2D;
				h = i + 1 < layers ? tf.relu(z) : z;
			}
			return h;
		});
	}

	/** Overwrite all weights (same shapes) from tensors or arrays. */
	assign(weights: tf.Tensor[] | Weights): void {
		const shapes = weightShapes(this.shape);
		tf.tidy(() => {
			this.variables.forEach((v, i) => {
				const w = weights[i];
				v.assign(w instanceof Float32Array ? tf.tensor(w, shapes[i]) : w);
			});
		});
	}

	/** Copies of the current weights as tensors (the caller disposes them). */
	cloneWeights(): tf.Tensor[] {
		return this.variables.map((v) => tf.clone(v));
	}

	/** The weights read back as arrays. */
	async readWeights(): Promise<Weights> {
		return Promise.all(this.variables.map(async (v) => Float32Array.from(await v.data())));
	}

	readWeightsSync(): Weights {
		return this.variables.map((v) => Float32Array.from(v.dataSync()));
	}

	dispose(): void {
		tf.dispose(this.variables);
	}
}

/**
 * Frees an optimizer's tensors. tfjs 4.22's MomentumOptimizer.dispose() skips its parent's, leaking the
 * learning-rate scalar of SGDOptimizer: free that too.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
	opt.dispose();
	// (not `instanceof`: tfjs optimizers answer instanceof for any optimizer)
	if (opt.getClassName() === tf.MomentumOptimizer.className) tf.SGDOptimizer.prototype.dispose.call(opt);
}

/** SGD (with momentum when > 0) or Adam. */
export function makeOptimizer(name: OptimizerName, lr: number, momentum: number): tf.Optimizer {
	if (name === 'adam') return tf.train.adam(lr);
	return momentum > 0 ? tf.train.momentum(lr, momentum) : tf.train.sgd(lr);
}
