/**
 * One model under training: its weights, head, optimizer and the bookkeeping that lets a diverged model be
 * paused and restored. Used by the engine; only the engine calls into it.
 *
 * Divergence without a read-back every step: the engine runs a chunk of steps, keeping each step's loss as a
 * scalar tensor, and reads the chunk's losses once at its end (`settle`), with a few health scalars of its
 * last step (health.ts). `pending` holds the weights from the chunk's start; they are known good once the
 * chunk's first loss (computed from them) passes the divergence test and the chunk shows no sign of a dead or
 * collapsed model (or one whose margin is too wide to satisfy), and are then promoted to `good`. A diverged loss (see DIVERGE_LOSS) or a dead model pauses
 * the model; `restore` puts `good` back.
 */

import * as tf from '@tensorflow/tfjs';
import { lossInfo } from '$lib/margins/catalogue';
import { HEALTH_ACC, HEALTH_SIZE, FLAT_WINDOW, judgeHealth, probeHealth, type HealthReason } from './health';
import { headLoss } from './heads';
import { disposeOptimizer, makeOptimizer, Model, type NetShape, type Weights } from './model';
import { DIVERGE_LOSS, wideMargin, type ModelSettings } from './settings';
import type { OptimizerName } from './types';

export interface OptimizerSettings {
	optimizer: OptimizerName;
	lr: number;
	momentum: number;
}

/** What went wrong in a chunk: a diverged loss, or a dead or collapsed model. */
export type Fault = 'loss' | HealthReason | 'margin-too-large';

/** Steps a model with too wide a margin gets before its batch accuracy is judged. */
export const MARGIN_STEPS = 48;

/** A loss the divergence check accepts: finite and at most DIVERGE_LOSS. */
export const lossOk = (v: number): boolean => Number.isFinite(v) && Math.abs(v) <= DIVERGE_LOSS;

export class Runner {
	readonly model: Model;
	cfg: ModelSettings;
	paused = false;
	/** true from a non-finite loss until `restore` */
	diverged = false;
	/** last finite loss read back */
	lastLoss = Number.NaN;
	private opt: OptimizerSettings;
	private optimizer: tf.Optimizer;
	private vars: tf.Variable[];
	private good: tf.Tensor[];
	private pending: tf.Tensor[] | null = null;
	private costs: tf.Scalar[] = [];
	/** the health scalars of the chunk's last step, until `takeCosts` */
	private health: tf.Tensor1D | null = null;
	/** steps trained since the start or the last restore */
	private trained = 0;
	/** whether the tensor `takeCosts` gave last ends with health scalars */
	private probed = false;
	/** the latest accepted losses (at most FLAT_WINDOW), for `judgeHealth` */
	private recent: number[] = [];

	constructor(shape: NetShape, weights: Weights, cfg: ModelSettings, opt: OptimizerSettings) {
		this.model = new Model(shape, weights);
		this.cfg = cfg;
		this.opt = opt;
		this.optimizer = makeOptimizer(opt.optimizer, opt.lr, opt.momentum);
		this.vars = this.trainableVars();
		this.good = this.model.cloneWeights();
	}

	private trainableVars(): tf.Variable[] {
		const info = lossInfo(this.cfg.loss);
		return this.model.trainable({ W: info.centres === 'W', b: info.bias });
	}

	/** A new head or optimizer setting, keeping the weights (the optimizer's state restarts if it changes). */
	update(cfg: ModelSettings, opt: OptimizerSettings): void {
		const sameOpt =
			opt.optimizer === this.opt.optimizer && opt.lr === this.opt.lr && opt.momentum === this.opt.momentum;
		this.cfg = cfg;
		this.vars = this.trainableVars();
		if (sameOpt) return;
		this.opt = opt;
		this.resetOptimizer();
	}

	private resetOptimizer(): void {
		disposeOptimizer(this.optimizer);
		this.optimizer = makeOptimizer(this.opt.optimizer, this.opt.lr, this.opt.momentum);
	}

	/** Before a chunk: remember the weights it starts from. */
	begin(): void {
		if (this.paused || this.pending) return;
		this.pending = this.model.cloneWeights();
	}

	/** One optimiser step on a batch; the loss stays on the device until `settle`. `probe`: also its health. */
	step(x: tf.Tensor2D, labels: tf.Tensor1D, probe = false): void {
		if (this.paused) return;
		const { model, cfg } = this;
		const b = lossInfo(cfg.loss).bias ? model.b : null;
		const features = probe ? tf.tidy(() => model.embed(x)) : null;
		const { value, grads } = this.optimizer.computeGradients(
			() => headLoss(cfg, model.embed(x), model.W, b, labels),
			this.vars
		);
		if (features) {
			tf.dispose(this.health ?? []);
			this.health = probeHealth(cfg, model, features, grads, labels);
			features.dispose();
		}
		this.optimizer.applyGradients(grads);
		tf.dispose(grads);
		this.costs.push(value);
	}

	/**
	 * The chunk's losses stacked in one tensor (or null), then the HEALTH_SIZE health scalars if its last step
	 * was probed, to be read back by the caller in one go. Clears the list.
	 */
	takeCosts(): tf.Tensor1D | null {
		if (this.costs.length === 0) return null;
		const parts: tf.Tensor[] = [...this.costs, ...(this.health ? [this.health] : [])];
		const stacked = tf.tidy(() => tf.concat(parts.map((t) => t.reshape([-1]))) as tf.Tensor1D);
		tf.dispose(parts);
		this.probed = this.health !== null;
		this.costs = [];
		this.health = null;
		return stacked;
	}

	/**
	 * After a chunk, with what `takeCosts` gave read back (its losses, perhaps health scalars): pauses on
	 * a diverged loss (non-finite, or above DIVERGE_LOSS) or a dead or collapsed model, else promotes the
	 * chunk's start weights when its first loss passes the same test. Returns the chunk's losses and what went
	 * wrong (null if nothing).
	 */
	settle(values: ArrayLike<number>): { losses: number[]; fault: Fault | null } {
		const all = Array.from(values);
		const probed = this.probed && all.length > HEALTH_SIZE;
		this.probed = false;
		const losses = probed ? all.slice(0, -HEALTH_SIZE) : all;
		const pending = this.pending;
		this.pending = null;
		if (losses.length === 0) {
			tf.dispose(pending ?? []);
			return { losses, fault: null };
		}
		let fault: Fault | null = losses.every(lossOk) ? null : 'loss';
		for (const v of losses) if (lossOk(v)) this.lastLoss = v;
		if (!fault) {
			this.recent = [...this.recent, ...losses].slice(-FLAT_WINDOW);
			this.trained += losses.length;
			if (probed) fault = this.judge(all.slice(-HEALTH_SIZE));
		}
		if (pending && !fault && lossOk(losses[0])) {
			tf.dispose(this.good);
			this.good = pending;
		} else if (pending) tf.dispose(pending);
		if (fault) {
			this.paused = true;
			this.diverged = true;
		}
		return { losses, fault };
	}

	/** judgeHealth, and a margin too wide to satisfy: still misclassifying half the batch after MARGIN_STEPS. */
	private judge(health: number[]): Fault | null {
		const fault = judgeHealth(health, this.recent, this.model.W.shape[1]);
		if (fault) return fault;
		const wide = wideMargin(this.cfg) && this.trained >= MARGIN_STEPS;
		return wide && health[HEALTH_ACC] < 0.5 ? 'margin-too-large' : null;
	}

	/** Back to the last weights known good, with a fresh optimizer; resumes training. */
	restore(): void {
		this.model.assign(this.good);
		this.resetOptimizer();
		this.recent = [];
		this.trained = 0;
		this.paused = false;
		this.diverged = false;
	}

	dispose(): void {
		tf.dispose(this.costs);
		this.costs = [];
		tf.dispose(this.health ?? []);
		this.health = null;
		if (this.pending) tf.dispose(this.pending);
		this.pending = null;
		tf.dispose(this.good);
		disposeOptimizer(this.optimizer);
		this.model.dispose();
	}
}
