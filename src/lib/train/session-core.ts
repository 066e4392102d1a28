/**
 * The state and plumbing of a training session (session.ts): the injected outputs, clock and scheduler, the
 * one-at-a-time message chain, building the engine, publishing stats and snapshots (and keeping a copy of the
 * weights), and answering read-only jobs. TrainingSession adds the messages, the training ticks and the
 * backends on top.
 */

import type { FaceDataset } from '$lib/faces';
import { Engine, type Pair } from './engine';
import { IdleBench } from './idle-bench';
import { runStaged, UnseenCache, type StagedAnswer } from './open-set';
import type { Weights } from './model';
import { Pacer } from './pace';
import { type BackendSpeed, type FromWorker, type ToWorker } from './protocol';
import { keepFinite, reportMessages } from './report';
import {
	channelScheduler,
	reasonOf,
	realBackends,
	type BackendOps,
	type Scheduler,
	type SessionOptions
} from './session-deps';
import { type TrainSettings } from './settings';
import { type BackendName } from './types';
import { BackendWatch, DataCache } from './worker-parts';

export const WEIGHTS_EVERY_MS = 1000;

export abstract class SessionCore {
	/** the settings of the current run (validated), null before the first configure */
	settings: TrainSettings | null = null;
	readonly data: DataCache;
	/** the unseen identities' faces for `evaluate-open-set`, rendered once per data settings */
	readonly unseen = new UnseenCache();
	engine: Engine | null = null;
	/** the backend in use, null before the first configure */
	backend: BackendName | null = null;
	/** true while training (ticks are scheduled) */
	running = false;
	/** the training pace (`pace` messages) and the measured steps per second */
	readonly pacer = new Pacer();
	/** the last finite weights read back (and their step), for moving to another backend */
	saved: { step: number; weights: Pair<Weights> } | null = null;

	protected readonly post: (m: FromWorker, transfer?: Transferable[]) => void;
	protected readonly schedule: Scheduler;
	protected readonly now: () => number;
	protected readonly backends: BackendOps;
	protected readonly watch = new BackendWatch();
	protected readonly failed = new Set<BackendName>();
	protected speeds: BackendSpeed[] = [];
	protected stopAt: number | null = null;
	protected msPerStep = 10;
	protected lastUpdate = -Infinity;
	protected lastWeightsAt = -Infinity;
	protected chain: Promise<void> = Promise.resolve();
	protected tickPending = false;
	/** the backends still to measure in idle time (a first visit) */
	readonly bench = new IdleBench();

	constructor(options: SessionOptions) {
		this.post = (m, transfer = []) => options.post(m, transfer);
		this.schedule = options.schedule ?? channelScheduler();
		this.now = options.now ?? (() => performance.now());
		this.backends = options.backends ?? realBackends;
		this.data = options.data ?? new DataCache();
	}

	/** Queues a message; the promise settles once it is handled (errors are posted, never thrown). */
	handle(msg: ToWorker): Promise<void> {
		// the user wants the worker now: a measurement under way gives up at its next chunk
		if (
			msg.type === 'start' ||
			msg.type === 'step' ||
			msg.type === 'inspect' ||
			msg.type === 'evaluate-inverted'
		)
			this.bench.interrupt();
		return this.enqueue(() => this.run(msg));
	}

	/** Settles once every message and tick queued so far is done. */
	idle(): Promise<void> {
		return this.chain;
	}

	protected enqueue(job: () => Promise<void> | void): Promise<void> {
		this.chain = this.chain.then(job).catch((e: unknown) => {
			this.running = false;
			this.post({ type: 'error', message: reasonOf(e) });
		});
		return this.chain;
	}

	/**
	 * At most one tick waiting: now (through the scheduler), or after `delayMs` (a paced wait). `replace`: this
	 * one instead of a waiting one (a start does not wait for an idle measurement's delay).
	 */
	protected scheduleTick(delayMs = 0, replace = false): void {
		if (this.tickPending && !replace) return;
		this.tickPending = true;
		this.schedule(
			() =>
				void this.enqueue(() => {
					this.tickPending = false;
					return this.tick();
				}),
			delayMs
		);
	}

	protected build(weights?: Pair<Weights>, step = 0): void {
		if (!this.data.current || !this.settings) return;
		const old = this.engine;
		this.engine = null;
		try {
			old?.dispose();
		} catch {
			// tensors of a lost backend cannot always be freed
		}
		this.engine = new Engine(this.data.current, this.settings, { weights, step });
		this.lastWeightsAt = -Infinity;
	}

	protected postState(): void {
		this.post({ type: 'state', running: this.running, step: this.engine?.steps ?? 0 });
	}

	/** Evaluates, posts stats and a snapshot, and now and then keeps a copy of the weights. */
	protected async publish(): Promise<void> {
		try {
			await this.publishNow();
		} catch (e) {
			await this.switchBackend(reasonOf(e));
			await this.publishNow();
		}
	}

	protected async publishNow(): Promise<void> {
		const e = this.engine;
		if (!e) return;
		const evals = await this.watch.guard(e.evaluateAsync());
		const testY = this.data.current?.testY ?? [];
		const dim = e.shape.featureDim;
		const [stats, snapshot, transfer] = reportMessages(
			evals,
			e.runners,
			e.steps,
			this.pacer.rate,
			testY,
			dim
		);
		this.post(stats);
		this.post(snapshot, transfer);
		this.lastUpdate = this.now();
		if (this.now() - this.lastWeightsAt > WEIGHTS_EVERY_MS) {
			this.lastWeightsAt = this.now();
			const weights = keepFinite(await this.watch.guard(e.readWeights()), this.saved?.weights ?? null);
			if (weights) this.saved = { step: e.steps, weights };
		}
	}

	/** Posts the answer of a read-only job; on a backend failure moves to the next backend and tries again. */
	protected async answer(
		job: (e: Engine, d: FaceDataset) => Promise<[FromWorker, ArrayBuffer[]] | StagedAnswer>
	): Promise<void> {
		const once = async () => {
			if (!this.engine || !this.data.current) return;
			const got = await this.watch.guard(job(this.engine, this.data.current));
			if (Array.isArray(got)) this.post(...got);
			else runStaged(got, (stage) => void this.enqueue(stage), this.post);
		};
		try {
			await once();
		} catch (e) {
			await this.switchBackend(reasonOf(e));
			await once();
		}
	}

	/** Rebuilds the engine on the backend now set, from `weights` at `step`, keeping each model's flags. */
	protected rebuildKeeping(weights: Pair<Weights> | undefined, step: number): void {
		const flags = this.engine?.runners.map((r) => ({ paused: r.paused, diverged: r.diverged }));
		this.build(weights, step);
		this.engine?.runners.forEach((r, i) => Object.assign(r, flags?.[i]));
	}

	protected abstract run(msg: ToWorker): Promise<void>;
	protected abstract tick(): Promise<void>;
	protected abstract switchBackend(reason: string): Promise<void>;
}
