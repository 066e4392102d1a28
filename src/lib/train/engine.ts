/**
 * The training loop: two models (default softmax vs ArcFace) with the same initial weights, trained on the same
 * batches in the same order. A plain class: the worker drives it with `stepAsync`, Node tests with `step`.
 * Everything tfjs-side is tidied; `dispose()` frees every tensor the engine made.
 */

import * as tf from '@tensorflow/tfjs';
import { N_IDENTITIES } from '$lib/faces';
import { lossInfo } from '$lib/margins/catalogue';
import { classCentres, headMetrics } from './heads';
import { Batches } from './batches';
import { initWeights, netShape, type NetShape, type Weights } from './model';
import { Runner, type OptimizerSettings } from './runner';
import { guessDivergeReason, modelLr, type TrainSettings } from './settings';
import type { DivergeReason } from './types';

/** The parts of a `FaceDataset` the engine uses. */
export interface EngineData {
	size: number;
	/** training identities K (labels 0 … K − 1); default 8 */
	classes?: number;
	nTrain: number;
	nTest: number;
	trainX: Float32Array;
	trainY: Int32Array;
	testX: Float32Array;
	testY: Int32Array;
	pixelMean: number;
	pixelStd: number;
}

export interface EngineInit {
	/** start from these weights (both models) instead of the seeded ones */
	weights?: [Weights, Weights];
	/** the step count to resume at (batches are a function of the step) */
	step?: number;
}

export type Pair<T> = [T, T];

export interface StepReport {
	step: number;
	/** each model's losses of this call (empty for a paused model) */
	losses: Pair<number[]>;
	diverged: { model: 0 | 1; reason: DivergeReason }[];
}

export interface ModelEval {
	trainAcc: number;
	testAcc: number;
	/** mean θ_y (radians) on the held-out set and on the training subset */
	testThetaY: number;
	trainThetaY: number;
	/** held-out features, nTest × D row-major */
	features: Float32Array;
	/** class centres, K × D row-major (row j = column j of W, or the triplet's class means) */
	centres: Float32Array;
}

/** Training samples used for train accuracy and for the triplet loss's class centres. */
export const TRAIN_EVAL_MAX = 1024;

type EvalTensors = { scalars: tf.Tensor1D; features: tf.Tensor2D; centres: tf.Tensor2D }[];

const read = (t: tf.Tensor | null): ArrayLike<number> => (t ? t.dataSync() : []);
const readAsync = async (t: tf.Tensor | null): Promise<ArrayLike<number>> => (t ? t.data() : []);

function optimizerOf(settings: TrainSettings, which: 0 | 1): OptimizerSettings {
	return { optimizer: settings.optimizer, lr: modelLr(settings, which), momentum: settings.momentum };
}

export class Engine {
	readonly shape: NetShape;
	readonly runners: Pair<Runner>;
	settings: TrainSettings;
	private stepCount: number;
	private readonly batches: Batches;
	private readonly trainX: tf.Tensor2D;
	private readonly trainY: tf.Tensor1D;
	/** image side in pixels */
	readonly size: number;
	/** held-out images (standardised, nTest × size²) and labels; the training subset used for evaluation */
	readonly testX: tf.Tensor2D;
	readonly testY: tf.Tensor1D;
	readonly evalX: tf.Tensor2D;
	readonly evalY: tf.Tensor1D;

	constructor(data: EngineData, settings: TrainSettings, init: EngineInit = {}) {
		const pixels = data.size * data.size;
		if (data.trainX.length !== data.nTrain * pixels || data.testX.length !== data.nTest * pixels) {
			throw new Error('Engine: image arrays do not match nTrain/nTest × size²');
		}
		this.settings = settings;
		this.size = data.size;
		this.shape = netShape(data.size, data.classes ?? N_IDENTITIES, settings.dim);
		this.stepCount = init.step ?? 0;
		this.batches = new Batches(data.nTrain, settings.seed);
		const { pixelMean: mean, pixelStd: std } = data;
		const images = (x: Float32Array, n: number) =>
			tf.tidy(() => tf.div(tf.sub(tf.tensor2d(x, [n, pixels]), mean), std) as tf.Tensor2D);
		this.trainX = images(data.trainX, data.nTrain);
		this.trainY = tf.tensor1d(data.trainY, 'int32');
		this.testX = images(data.testX, data.nTest);
		this.testY = tf.tensor1d(data.testY, 'int32');
		const nEval = Math.min(data.nTrain, TRAIN_EVAL_MAX);
		this.evalX = tf.slice(this.trainX, [0, 0], [nEval, pixels]);
		this.evalY = tf.slice(this.trainY, [0], [nEval]);
		const start = initWeights(this.shape, settings.seed);
		const w = init.weights ?? [start, start];
		this.runners = [
			new Runner(this.shape, w[0], settings.a, optimizerOf(settings, 0)),
			new Runner(this.shape, w[1], settings.b, optimizerOf(settings, 1))
		];
	}

	/** Steps taken so far. */
	get steps(): number {
		return this.stepCount;
	}

	get running(): boolean {
		return this.runners.some((r) => !r.paused);
	}

	/**
	 * New hyper-parameters that keep the weights: loss heads, learning rates, optimizer, momentum, batch size.
	 * Returns false (and changes nothing) if the data, the seed or the feature dimension differ: that needs a
	 * new engine.
	 */
	update(settings: TrainSettings): boolean {
		const s = this.settings;
		const sameData =
			settings.seed === s.seed &&
			settings.size === s.size &&
			settings.perIdentity === s.perIdentity &&
			settings.identities === s.identities &&
			settings.dim === s.dim &&
			JSON.stringify(settings.nuisance) === JSON.stringify(s.nuisance);
		if (!sameData) return false;
		this.settings = settings;
		this.runners[0].update(settings.a, optimizerOf(settings, 0));
		this.runners[1].update(settings.b, optimizerOf(settings, 1));
		return true;
	}

	/** Runs n steps, leaving each model's losses stacked on the device. */
	private run(n: number): Pair<tf.Tensor1D | null> {
		for (const r of this.runners) r.begin();
		for (let i = 0; i < n && this.running; i++) {
			const idx = this.batches.at(this.stepCount, this.settings.batchSize);
			const [x, y] = tf.tidy(() => {
				const t = tf.tensor1d(idx, 'int32');
				return [tf.gather(this.trainX, t), tf.gather(this.trainY, t)] as [tf.Tensor2D, tf.Tensor1D];
			});
			for (const r of this.runners) r.step(x, y, i === n - 1);
			tf.dispose([x, y]);
			this.stepCount++;
		}
		return [this.runners[0].takeCosts(), this.runners[1].takeCosts()];
	}

	private settle(values: Pair<ArrayLike<number>>): StepReport {
		const report: StepReport = { step: this.stepCount, losses: [[], []], diverged: [] };
		([0, 1] as const).forEach((m) => {
			const { losses, fault } = this.runners[m].settle(values[m]);
			report.losses[m] = losses;
			if (fault) {
				const reason = fault === 'loss' ? guessDivergeReason(this.settings, m) : fault;
				report.diverged.push({ model: m, reason });
			}
		});
		return report;
	}

	/** n training steps, read back synchronously (fine in Node and on CPU/WASM). */
	step(n: number): StepReport {
		const costs = this.run(n);
		const values: Pair<ArrayLike<number>> = [read(costs[0]), read(costs[1])];
		tf.dispose(costs.filter((c) => c !== null));
		return this.settle(values);
	}

	/** n training steps with one asynchronous read-back of their losses at the end (no GPU stall). */
	async stepAsync(n: number): Promise<StepReport> {
		const costs = this.run(n);
		const values: Pair<ArrayLike<number>> = await Promise.all([readAsync(costs[0]), readAsync(costs[1])]);
		tf.dispose(costs.filter((c) => c !== null));
		return this.settle(values);
	}

	private evalTensors(): EvalTensors {
		return this.runners.map((r) =>
			tf.tidy(() => {
				const { cfg, model } = r;
				const b = lossInfo(cfg.loss).bias ? model.b : null;
				const trainF = model.embed(this.evalX);
				const testF = model.embed(this.testX);
				const centres = classCentres(cfg, trainF, model.W, this.evalY);
				const tr = headMetrics(cfg, trainF, centres, b, this.evalY);
				const te = headMetrics(cfg, testF, centres, b, this.testY);
				const scalars = tf.stack([tr.accuracy, te.accuracy, te.meanThetaY, tr.meanThetaY]) as tf.Tensor1D;
				return { scalars, features: testF, centres: tf.transpose(centres) as tf.Tensor2D };
			})
		);
	}

	private static toEval(s: ArrayLike<number>, features: Float32Array, centres: Float32Array): ModelEval {
		return { trainAcc: s[0], testAcc: s[1], testThetaY: s[2], trainThetaY: s[3], features, centres };
	}

	/** Held-out features, accuracies and mean θ_y of both models (synchronous read-back). */
	evaluate(): Pair<ModelEval> {
		const t = this.evalTensors();
		const out = t.map((e) =>
			Engine.toEval(
				e.scalars.dataSync(),
				e.features.dataSync() as Float32Array,
				e.centres.dataSync() as Float32Array
			)
		);
		tf.dispose(t.flatMap((e) => [e.scalars, e.features, e.centres]));
		return out as Pair<ModelEval>;
	}

	async evaluateAsync(): Promise<Pair<ModelEval>> {
		const t = this.evalTensors();
		const out = await Promise.all(
			t.map(async (e) => {
				const [s, f, c] = await Promise.all([e.scalars.data(), e.features.data(), e.centres.data()]);
				return Engine.toEval(s, f as Float32Array, c as Float32Array);
			})
		);
		tf.dispose(t.flatMap((e) => [e.scalars, e.features, e.centres]));
		return out as Pair<ModelEval>;
	}

	/** Put a diverged (or any) model back on its last good weights; it resumes training. */
	restore(which: 0 | 1): void {
		this.runners[which].restore();
	}

	/** Both models' weights as arrays (to rebuild on another backend). */
	async readWeights(): Promise<Pair<Weights>> {
		return Promise.all(this.runners.map((r) => r.model.readWeights())) as Promise<Pair<Weights>>;
	}

	dispose(): void {
		for (const r of this.runners) r.dispose();
		tf.dispose([this.trainX, this.trainY, this.testX, this.testY, this.evalX, this.evalY]);
	}
}
