/**
 * The training worker: owns tfjs, the data and the engine. Messages (protocol.ts) are handled one at a time
 * through a promise chain; training runs in ticks of ~TICK_MS of steps, each tick re-scheduled through a
 * MessageChannel so incoming messages are handled between ticks. Stats and snapshots go out at most
 * MAX_UPDATES_PER_SEC times a second, read back with async data(), never dataSync().
 */

import * as tf from '@tensorflow/tfjs';
import type { FaceDataset } from '$lib/faces';
import { configureWasm, loseWebGLContext, rankBackends, selectBackend, trySetBackend } from './backend';
import { Engine, type Pair } from './engine';
import { inspectionMessage, invertedMessage } from './inspect';
import { Pacer } from './pace';
import type { Weights } from './model';
import { keepFinite, modelSnapshot, modelStats, snapshotTransfer } from './report';
import {
	MAX_UPDATES_PER_SEC,
	parseToWorker,
	type BackendChoice,
	type BackendSpeed,
	type FromWorker,
	type ModelSnapshot,
	type ModelStats,
	type ToWorker
} from './protocol';
import { validateSettings, type TrainSettings } from './settings';
import { BackendWatch, DataCache } from './worker-parts';
import { backendNames, type BackendName } from './types';

const TICK_MS = 20;
const WEIGHTS_EVERY_MS = 1000;

const port = self as unknown as {
	postMessage(message: FromWorker, transfer?: Transferable[]): void;
	onmessage: ((e: MessageEvent) => void) | null;
};

const post = (m: FromWorker, transfer: Transferable[] = []) => port.postMessage(m, transfer);

let settings: TrainSettings | null = null;
const data = new DataCache();
let engine: Engine | null = null;
let backend: BackendName | null = null;
let speeds: BackendSpeed[] = [];
const failed = new Set<BackendName>();
const watch = new BackendWatch();
let running = false;
let stopAt: number | null = null;
let msPerStep = 10;
let lastUpdate = 0;
let lastWeightsAt = -Infinity;
let saved: { step: number; weights: Pair<Weights> } | null = null;
/** the training pace (`pace` messages) and the measured steps per second */
const pacer = new Pacer();

let chain: Promise<void> = Promise.resolve();
function enqueue(job: () => Promise<void> | void): void {
	chain = chain.then(job).catch((e: unknown) => {
		running = false;
		post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
	});
}

const ticker = new MessageChannel();
let tickPending = false;
ticker.port1.onmessage = () =>
	enqueue(() => {
		tickPending = false;
		return tick();
	});
/** At most one tick waiting: now (through the message channel), or after `delayMs` (a paced wait). */
function scheduleTick(delayMs = 0): void {
	if (tickPending) return;
	tickPending = true;
	if (delayMs > 0) setTimeout(() => ticker.port2.postMessage(null), delayMs);
	else ticker.port2.postMessage(null);
}

async function pickBackend(s: TrainSettings, choice: BackendChoice): Promise<void> {
	if (backend) return;
	const result = await selectBackend(s, choice);
	speeds = result.speeds;
	backend = result.chosen;
	if (!backend) throw new Error('no tfjs backend could start');
	watch.watch();
}

function build(weights?: Pair<Weights>, step = 0): void {
	if (!data.current || !settings) return;
	const old = engine;
	engine = null;
	try {
		old?.dispose();
	} catch {
		// tensors of a lost backend cannot always be freed
	}
	engine = new Engine(data.current, settings, { weights, step });
	lastWeightsAt = -Infinity;
}

function postState(): void {
	post({ type: 'state', running, step: engine?.steps ?? 0 });
}

/** Evaluates, posts stats and a snapshot, and now and then keeps a copy of the weights (backend recovery). */
async function publish(): Promise<void> {
	try {
		await publishNow();
	} catch (e) {
		await switchBackend(e instanceof Error ? e.message : String(e));
		await publishNow();
	}
}

async function publishNow(): Promise<void> {
	if (!engine) return;
	const e = engine;
	const evals = await watch.guard(e.evaluateAsync());
	const models: [ModelStats, ModelStats] = [
		modelStats(evals[0], e.runners[0]),
		modelStats(evals[1], e.runners[1])
	];
	post({ type: 'stats', step: e.steps, stepsPerSec: pacer.rate, models });
	const snaps: [ModelSnapshot, ModelSnapshot] = [modelSnapshot(evals[0]), modelSnapshot(evals[1])];
	const labels = Int32Array.from(data.current?.testY ?? []);
	post({ type: 'snapshot', step: e.steps, labels, models: snaps }, snapshotTransfer(labels, snaps));
	lastUpdate = performance.now();
	if (performance.now() - lastWeightsAt > WEIGHTS_EVERY_MS) {
		lastWeightsAt = performance.now();
		const weights = keepFinite(await watch.guard(e.readWeights()), saved?.weights ?? null);
		if (weights) saved = { step: e.steps, weights };
	}
}

/** Posts the answer of a read-only job; on a backend failure moves to the next backend and tries once more. */
async function answer(
	job: (e: Engine, d: FaceDataset) => Promise<[FromWorker, ArrayBuffer[]]>
): Promise<void> {
	const once = async () => {
		if (!engine || !data.current) return;
		const [msg, transfer] = await watch.guard(job(engine, data.current));
		post(msg, transfer);
	};
	try {
		await once();
	} catch (e) {
		await switchBackend(e instanceof Error ? e.message : String(e));
		await once();
	}
}

/** Moves the run to the next backend after a failure, from the last weights read back. */
async function switchBackend(reason: string): Promise<void> {
	const from = backend ?? 'cpu';
	failed.add(from);
	const ranked = [...rankBackends(speeds), ...backendNames].filter((b) => !failed.has(b));
	for (const next of new Set(ranked)) {
		if (!(await trySetBackend(next))) {
			failed.add(next);
			continue;
		}
		backend = next;
		watch.watch();
		const flags = engine?.runners.map((r) => ({ paused: r.paused, diverged: r.diverged }));
		build(saved?.weights, saved?.step ?? 0);
		engine?.runners.forEach((r, i) => Object.assign(r, flags?.[i]));
		post({ type: 'backend-changed', from, to: next, reason });
		return;
	}
	running = false;
	post({ type: 'backend-lost', backend: from, reason });
	postState();
}

async function tick(): Promise<void> {
	if (!running || !engine) return;
	const t0 = performance.now();
	let done = 0;
	try {
		while (running && performance.now() - t0 < TICK_MS) {
			if (watch.lost) throw new Error(`${backend ?? 'backend'} lost`);
			const left = TICK_MS - (performance.now() - t0);
			let n = Math.max(1, Math.min(64, Math.floor(left / msPerStep)));
			if (stopAt !== null) n = Math.min(n, stopAt - engine.steps);
			n = pacer.take(n, performance.now());
			if (n === 0) break;
			const t = performance.now();
			const report = await watch.guard(engine.stepAsync(n));
			msPerStep = 0.8 * msPerStep + (0.2 * (performance.now() - t)) / n;
			done += n;
			for (const d of report.diverged) post({ type: 'diverged', ...d, step: report.step });
			if (!engine.running || (stopAt !== null && engine.steps >= stopAt)) running = false;
		}
	} catch (e) {
		await switchBackend(e instanceof Error ? e.message : String(e));
	}
	pacer.measure(done, t0, performance.now());
	const due = performance.now() - lastUpdate >= 1000 / MAX_UPDATES_PER_SEC;
	if (!running || (done > 0 && due)) await publish();
	if (!running) postState();
	else scheduleTick(pacer.delay(performance.now()));
}

async function handle(msg: ToWorker): Promise<void> {
	switch (msg.type) {
		case 'configure': {
			running = false;
			settings = validateSettings(msg.settings);
			if (!backend) configureWasm(msg.wasmPath);
			await data.get(settings, (p) => post({ type: 'progress', ...p }));
			await pickBackend(settings, msg.backend ?? 'auto');
			saved = null;
			build();
			post({
				type: 'ready',
				backend: backend ?? 'cpu',
				speeds,
				nTrain: data.current?.nTrain ?? 0,
				nTest: data.current?.nTest ?? 0
			});
			postState();
			await publish();
			return;
		}
		case 'update': {
			const next = validateSettings(msg.settings);
			if (engine && engine.update(next)) settings = next;
			else {
				await handle({ type: 'configure', settings: next });
				return;
			}
			await publish();
			return;
		}
		case 'start':
		case 'step': {
			if (!engine) return;
			stopAt = msg.type === 'step' ? engine.steps + Math.max(1, Math.round(msg.n)) : null;
			const wasRunning = running;
			running = engine.running;
			postState();
			if (running && !wasRunning) {
				pacer.restart(performance.now());
				scheduleTick();
			}
			return;
		}
		case 'pause':
			running = false;
			postState();
			return;
		case 'reset':
			running = false;
			saved = null;
			build();
			postState();
			await publish();
			return;
		case 'snapshot':
			await publish();
			return;
		case 'restore':
			engine?.restore(msg.model);
			await publish();
			return;
		case 'pace':
			pacer.set(msg.stepsPerSec, performance.now());
			return;
		case 'inspect':
			await answer((e, d) => inspectionMessage(e, d, msg.model, msg.index));
			return;
		case 'evaluate-inverted':
			await answer(invertedMessage);
			return;
		case 'simulate-backend-loss':
			// a real context loss on WebGL (the event arrives asynchronously); elsewhere the next tick fails
			if (!loseWebGLContext()) watch.lost = true;
			return;
	}
}

port.onmessage = (e: MessageEvent) => {
	const msg = parseToWorker(e.data);
	if (msg) enqueue(() => handle(msg));
};

void tf.ready;
