/**
 * One training session: the worker's state and message handling, with its outputs (`post`), clock and tick
 * scheduling passed in (session-deps.ts), so Node tests can drive it. Messages (protocol.ts) are handled one
 * at a time through a promise chain; training runs in ticks of ~TICK_MS of steps, each tick scheduled anew so
 * incoming messages are handled between ticks. Stats and snapshots go out at most MAX_UPDATES_PER_SEC times a
 * second, read back with async data(), never dataSync(). Every WEIGHTS_EVERY_MS a copy of the weights is kept:
 * after a backend failure the run moves to the next backend from that copy.
 */

import type { FaceDataset } from '$lib/faces';
import { rankBackends } from './backend';
import { Engine, type Pair } from './engine';
import { inspectionMessage, invertedMessage } from './inspect';
import { openSetPlan, readyMessage, runStaged, UnseenCache, type StagedAnswer } from './open-set';
import type { Weights } from './model';
import { Pacer } from './pace';
import {
	MAX_UPDATES_PER_SEC,
	type BackendChoice,
	type BackendSpeed,
	type FromWorker,
	type ToWorker
} from './protocol';
import { keepFinite, reportMessages } from './report';
import {
	channelScheduler,
	reasonOf,
	realBackends,
	type BackendOps,
	type Scheduler,
	type SessionOptions
} from './session-deps';
import { validateSettings, type TrainSettings } from './settings';
import { backendNames, type BackendName } from './types';
import { BackendWatch, DataCache } from './worker-parts';

export const TICK_MS = 20;
export const WEIGHTS_EVERY_MS = 1000;

export class TrainingSession {
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

	private readonly post: (m: FromWorker, transfer?: Transferable[]) => void;
	private readonly schedule: Scheduler;
	private readonly now: () => number;
	private readonly backends: BackendOps;
	private readonly watch = new BackendWatch();
	private readonly failed = new Set<BackendName>();
	private speeds: BackendSpeed[] = [];
	private stopAt: number | null = null;
	private msPerStep = 10;
	private lastUpdate = -Infinity;
	private lastWeightsAt = -Infinity;
	private chain: Promise<void> = Promise.resolve();
	private tickPending = false;

	constructor(options: SessionOptions) {
		this.post = (m, transfer = []) => options.post(m, transfer);
		this.schedule = options.schedule ?? channelScheduler();
		this.now = options.now ?? (() => performance.now());
		this.backends = options.backends ?? realBackends;
		this.data = options.data ?? new DataCache();
	}

	/** Queues a message; the promise settles once it is handled (errors are posted, never thrown). */
	handle(msg: ToWorker): Promise<void> {
		return this.enqueue(() => this.run(msg));
	}

	/** Settles once every message and tick queued so far is done. */
	idle(): Promise<void> {
		return this.chain;
	}

	private enqueue(job: () => Promise<void> | void): Promise<void> {
		this.chain = this.chain.then(job).catch((e: unknown) => {
			this.running = false;
			this.post({ type: 'error', message: reasonOf(e) });
		});
		return this.chain;
	}

	/** At most one tick waiting: now (through the scheduler), or after `delayMs` (a paced wait). */
	private scheduleTick(delayMs = 0): void {
		if (this.tickPending) return;
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

	private async pickBackend(s: TrainSettings, choice: BackendChoice): Promise<void> {
		if (this.backend) return;
		const result = await this.backends.select(s, choice);
		this.speeds = result.speeds;
		this.backend = result.chosen;
		if (!this.backend) throw new Error('no tfjs backend could start');
		this.watch.watch();
	}

	private build(weights?: Pair<Weights>, step = 0): void {
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

	private postState(): void {
		this.post({ type: 'state', running: this.running, step: this.engine?.steps ?? 0 });
	}

	/** Evaluates, posts stats and a snapshot, and now and then keeps a copy of the weights. */
	private async publish(): Promise<void> {
		try {
			await this.publishNow();
		} catch (e) {
			await this.switchBackend(reasonOf(e));
			await this.publishNow();
		}
	}

	private async publishNow(): Promise<void> {
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
	private async answer(
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

	/** Moves the run to the next backend after a failure, from the last weights read back. */
	private async switchBackend(reason: string): Promise<void> {
		const from = this.backend ?? 'cpu';
		this.failed.add(from);
		const ranked = [...rankBackends(this.speeds), ...backendNames].filter((b) => !this.failed.has(b));
		for (const next of new Set(ranked)) {
			if (!(await this.backends.trySet(next))) {
				this.failed.add(next);
				continue;
			}
			this.backend = next;
			this.watch.watch();
			const flags = this.engine?.runners.map((r) => ({ paused: r.paused, diverged: r.diverged }));
			this.build(this.saved?.weights, this.saved?.step ?? 0);
			this.engine?.runners.forEach((r, i) => Object.assign(r, flags?.[i]));
			this.post({ type: 'backend-changed', from, to: next, reason });
			return;
		}
		this.running = false;
		this.post({ type: 'backend-lost', backend: from, reason });
		this.postState();
	}

	private async tick(): Promise<void> {
		const engine = this.engine;
		if (!this.running || !engine) return;
		const t0 = this.now();
		let done = 0;
		try {
			while (this.running && this.now() - t0 < TICK_MS) {
				if (this.watch.lost) throw new Error(`${this.backend ?? 'backend'} lost`);
				const left = TICK_MS - (this.now() - t0);
				let n = Math.max(1, Math.min(64, Math.floor(left / this.msPerStep)));
				if (this.stopAt !== null) n = Math.min(n, this.stopAt - engine.steps);
				n = this.pacer.take(n, this.now());
				if (n === 0) break;
				const t = this.now();
				const report = await this.watch.guard(engine.stepAsync(n));
				this.msPerStep = 0.8 * this.msPerStep + (0.2 * (this.now() - t)) / n;
				done += n;
				for (const d of report.diverged) this.post({ type: 'diverged', ...d, step: report.step });
				if (!engine.running || (this.stopAt !== null && engine.steps >= this.stopAt)) this.running = false;
			}
		} catch (e) {
			await this.switchBackend(reasonOf(e));
		}
		this.pacer.measure(done, t0, this.now());
		const due = this.now() - this.lastUpdate >= 1000 / MAX_UPDATES_PER_SEC;
		if (!this.running || (done > 0 && due)) await this.publish();
		if (!this.running) this.postState();
		else this.scheduleTick(this.pacer.delay(this.now()));
	}

	private async run(msg: ToWorker): Promise<void> {
		switch (msg.type) {
			case 'configure':
				return this.configure(validateSettings(msg.settings), msg.backend ?? 'auto', msg.wasmPath);
			case 'update': {
				const next = validateSettings(msg.settings);
				if (!this.engine?.update(next)) return this.configure(next, 'auto');
				this.settings = next;
				return this.publish();
			}
			case 'start':
			case 'step': {
				const engine = this.engine;
				if (!engine) return;
				this.stopAt = msg.type === 'step' ? engine.steps + Math.max(1, Math.round(msg.n)) : null;
				const wasRunning = this.running;
				this.running = engine.running;
				this.postState();
				if (this.running && !wasRunning) {
					this.pacer.restart(this.now());
					this.scheduleTick();
				}
				return;
			}
			case 'pause':
				this.running = false;
				this.postState();
				return;
			case 'reset':
				this.running = false;
				this.saved = null;
				this.build();
				this.postState();
				return this.publish();
			case 'snapshot':
				return this.publish();
			case 'restore':
				this.engine?.restore(msg.model);
				return this.publish();
			case 'pace':
				this.pacer.set(msg.stepsPerSec, this.now());
				return;
			case 'inspect':
				return this.answer((e, d) => inspectionMessage(e, d, msg.model, msg.index));
			case 'evaluate-inverted':
				return this.answer(invertedMessage);
			case 'evaluate-open-set':
				return this.answer((e, d) => openSetPlan(e, d, this.unseen, msg.request));
			case 'simulate-backend-loss':
				// a real context loss on WebGL (the event arrives asynchronously); elsewhere the next tick fails
				if (!this.backends.loseContext()) this.watch.lost = true;
				return;
		}
	}

	private async configure(s: TrainSettings, choice: BackendChoice, wasmPath?: string): Promise<void> {
		this.running = false;
		this.settings = s;
		if (!this.backend) this.backends.configureWasm(wasmPath);
		await this.data.get(s, (p) => this.post({ type: 'progress', ...p }));
		await this.pickBackend(s, choice);
		this.saved = null;
		this.build();
		this.post(readyMessage(this.backend ?? 'cpu', this.speeds, this.data.current, this.engine));
		this.postState();
		await this.publish();
	}
}
