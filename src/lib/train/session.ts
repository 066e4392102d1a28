/**
 * One training session: the worker's state and message handling, with its outputs (`post`), clock and tick
 * scheduling passed in (session-deps.ts), so Node tests can drive it. Messages (protocol.ts) are handled one
 * at a time through a promise chain; training runs in ticks of ~TICK_MS of steps, each tick scheduled anew so
 * incoming messages are handled between ticks. Stats and snapshots go out at most MAX_UPDATES_PER_SEC times a
 * second, read back with async data(), never dataSync(). Every WEIGHTS_EVERY_MS a copy of the weights is kept:
 * after a backend failure the run moves to the next backend from that copy. The backend is not measured before
 * the first step: the run starts on WASM and the backends are timed while the session is idle (idle-bench.ts).
 */

import { rankBackends } from './backend';
import { embeddingsMessage } from './embed';
import { IDLE_BEFORE_MEASURE_MS, bestPerBackend, startOrder, switchTarget } from './idle-bench';
import { inspectionMessage, invertedMessage } from './inspect';
import { openSetPlan, readyMessage } from './open-set';
import { MAX_UPDATES_PER_SEC, type BackendChoice, type ToWorker } from './protocol';
import { keepFinite } from './report';
import { reasonOf } from './session-deps';
import { validateSettings, type TrainSettings } from './settings';
import { backendNames, type BackendName } from './types';

export const TICK_MS = 20;
export { WEIGHTS_EVERY_MS } from './session-core';
import { SessionCore } from './session-core';

export class TrainingSession extends SessionCore {
	private async pickBackend(s: TrainSettings, choice: BackendChoice): Promise<void> {
		if (this.backend) return;
		if (this.backends.measure) {
			// start at once on the first backend that starts; measure later unless this one was asked for
			for (const b of startOrder(choice)) {
				if (!(await this.backends.trySet(b))) {
					this.failed.add(b);
					continue;
				}
				this.backend = b;
				if (choice === 'auto' || b !== choice) this.bench.begin(b);
				this.watch.watch();
				return;
			}
			throw new Error('no tfjs backend could start');
		}
		const result = await this.backends.select(s, choice);
		this.speeds = result.speeds;
		this.backend = result.chosen;
		if (!this.backend) throw new Error('no tfjs backend could start');
		this.watch.watch();
	}

	/** Moves the run to the next backend after a failure, from the last weights read back. */
	protected async switchBackend(reason: string): Promise<void> {
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
			this.rebuildKeeping(this.saved?.weights, this.saved?.step ?? 0);
			this.post({ type: 'backend-changed', from, to: next, reason });
			return;
		}
		this.running = false;
		this.post({ type: 'backend-lost', backend: from, reason });
		this.postState();
	}

	protected async tick(): Promise<void> {
		const engine = this.engine;
		if (!this.running && engine && this.bench.pending) return this.measureIdle();
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
		if (!this.running) {
			this.postState();
			this.idleLater();
		} else this.scheduleTick(this.pacer.delay(this.now()));
	}

	/** Measure the backends once the session has been idle a while (nothing happens if all are measured). */
	protected idleLater(): void {
		if (this.bench.pending && !this.running && this.backends.measure)
			this.scheduleTick(IDLE_BEFORE_MEASURE_MS, true);
	}

	/** One backend measured in idle time; after the last, the run moves to a clearly faster one, if any. */
	protected async measureIdle(): Promise<void> {
		const s = this.settings;
		const current = this.backend;
		const measure = this.backends.measure;
		if (!s || !current || !measure) return;
		const done = await this.bench.next((b, stop) => measure(s, b, stop));
		if (!(await this.backends.trySet(current))) await this.switchBackend(`${current} lost`);
		if (!done || this.bench.pending) return this.idleLater();
		this.speeds = bestPerBackend(this.bench.speeds);
		const target = this.backend === current ? switchTarget(current, this.speeds) : null;
		if (target) await this.moveTo(target);
		this.post({
			type: 'backends-measured',
			speeds: this.speeds,
			from: current,
			backend: this.backend ?? current
		});
	}

	/** Moves the run to a faster backend with its current weights (not a failure: nothing is lost). */
	protected async moveTo(next: BackendName): Promise<void> {
		const e = this.engine;
		if (!e) return;
		const weights = keepFinite(await this.watch.guard(e.readWeights()), this.saved?.weights ?? null);
		const from = this.backend;
		if (!weights || !(await this.backends.trySet(next))) {
			if (from) await this.backends.trySet(from);
			return;
		}
		this.backend = next;
		this.watch.watch();
		this.saved = { step: e.steps, weights };
		this.rebuildKeeping(weights, e.steps);
		await this.publish();
	}

	protected async run(msg: ToWorker): Promise<void> {
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
					this.scheduleTick(0, true);
				}
				return;
			}
			case 'pause': {
				const was = this.running;
				this.running = false;
				this.postState();
				// the steps trained since the last update are shown now, so a Step after it is one step on
				if (was) await this.publish();
				this.idleLater();
				return;
			}
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
			case 'embed-images':
				return this.answer((e, d) => embeddingsMessage(e, d, msg));
			case 'simulate-backend-loss':
				// a real context loss on WebGL (the event arrives asynchronously); elsewhere the next tick fails
				if (!this.backends.loseContext()) this.watch.lost = true;
				return;
		}
	}

	protected async configure(s: TrainSettings, choice: BackendChoice, wasmPath?: string): Promise<void> {
		this.running = false;
		this.settings = s;
		if (!this.backend) this.backends.configureWasm(wasmPath);
		await this.data.get(s, (p) => this.post({ type: 'progress', ...p }));
		await this.pickBackend(s, choice);
		this.saved = null;
		this.build();
		this.post(
			readyMessage(this.backend ?? 'cpu', this.speeds, this.data.current, this.engine, this.bench.pending)
		);
		this.postState();
		await this.publish();
		this.idleLater();
	}
}
