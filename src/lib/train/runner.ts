/**
 * One model under training: its weights, head, optimizer and the bookkeeping that lets a diverged model be
 * paused and restored. Used by the engine; only the engine calls into it.
 *
 * Divergence without a read-back every step: the engine runs a chunk of steps, keeping each step's loss as a
 * scalar tensor, and reads the chunk's losses once at its end (`settle`). `pending` holds the weights from the
 * chunk's start; they are known good once the chunk's first loss (computed from them) is finite, and are then
 * promoted to `good`. A diverged loss (see DIVERGE_LOSS) pauses the model; `restore` puts `good` back.
 */

import * as tf from '@tensorflow/tfjs';
import { lossInfo } from '$lib/margins/catalogue';
import { headLoss } from './heads';
import { disposeOptimizer, makeOptimizer, Model, type NetShape, type Weights } from './model';
import { DIVERGE_LOSS, type ModelSettings } from './settings';
import type { OptimizerName } from './types';

export interface OptimizerSettings {
	optimizer: OptimizerName;
	lr: number;
	momentum: number;
}

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

	/** One optimiser step on a batch; the loss stays on the device until `settle`. */
	step(x: tf.Tensor2D, labels: tf.Tensor1D): void {
		if (this.paused) return;
		const { model, cfg } = this;
		const b = lossInfo(cfg.loss).bias ? model.b : null;
		const cost = this.optimizer.minimize(
			() => headLoss(cfg, model.embed(x), model.W, b, labels),
			true,
			this.vars
		);
		if (cost) this.costs.push(cost);
	}

	/** The chunk's losses stacked in one tensor (or null), to be read back by the caller. Clears the list. */
	takeCosts(): tf.Tensor1D | null {
		if (this.costs.length === 0) return null;
		const stacked = tf.stack(this.costs) as tf.Tensor1D;
		tf.dispose(this.costs);
		this.costs = [];
		return stacked;
	}

	/**
	 * After a chunk, with its losses read back: promote the start weights if the first loss is finite, and
	 * pause on any diverged loss (non-finite, or above DIVERGE_LOSS). Returns true when this chunk made the
	 * model diverge.
	 */
	settle(losses: ArrayLike<number>): boolean {
		if (losses.length === 0) return false;
		if (this.pending && Number.isFinite(losses[0])) {
			tf.dispose(this.good);
			this.good = this.pending;
			this.pending = null;
		}
		let bad = false;
		for (let i = 0; i < losses.length; i++) {
			if (Number.isFinite(losses[i]) && Math.abs(losses[i]) <= DIVERGE_LOSS) this.lastLoss = losses[i];
			else bad = true;
		}
		if (this.pending) {
			tf.dispose(this.pending);
			this.pending = null;
		}
		if (bad) {
			this.paused = true;
			this.diverged = true;
		}
		return bad;
	}

	/** Back to the last weights known to give a finite loss, with a fresh optimizer; resumes training. */
	restore(): void {
		this.model.assign(this.good);
		this.resetOptimizer();
		this.paused = false;
		this.diverged = false;
	}

	dispose(): void {
		tf.dispose(this.costs);
		this.costs = [];
		if (this.pending) tf.dispose(this.pending);
		this.pending = null;
		tf.dispose(this.good);
		disposeOptimizer(this.optimizer);
		this.model.dispose();
	}
}
