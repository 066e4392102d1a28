/**
 * Drives a TrainingSession in Node (tfjs CPU backend): messages are collected, ticks wait in a manual
 * scheduler until `drain` runs them, the clock can be moved forward, and the backends are stand-ins.
 */
import * as tf from '@tensorflow/tfjs';
import { zeroNuisance } from '$lib/faces';
import type { FromWorker, ToWorker } from '$lib/train/protocol';
import { TrainingSession } from '$lib/train/session';
import type { BackendOps } from '$lib/train/session-deps';
import { validateSettings, type TrainSettings } from '$lib/train/settings';
import type { BackendName } from '$lib/train/types';
import { DataCache } from '$lib/train/worker-parts';

export type Message<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** Small runs: 8 identities × 50 faces of 12 × 12 pixels. */
export function tinySettings(extra: Record<string, unknown> = {}): TrainSettings {
	return validateSettings({ size: 12, perIdentity: 50, batchSize: 16, nuisance: zeroNuisance, ...extra });
}

/**
 * Backends for a test: every one runs on tfjs's CPU backend under the name asked for. `available` names the
 * ones that start when the session switches (default: all but WebGL).
 */
export function fakeBackends(available: BackendName[] = ['wasm', 'cpu']): BackendOps & { tried: string[] } {
	const tried: string[] = [];
	return {
		tried,
		async select() {
			await tf.setBackend('cpu');
			return { chosen: 'cpu', speeds: [{ backend: 'cpu', stepsPerSec: 100, warmupMs: 1 }] };
		},
		async trySet(name) {
			tried.push(name);
			return available.includes(name) && (await tf.setBackend('cpu'));
		},
		loseContext: () => false,
		configureWasm: () => {}
	};
}

/** One cache for every session of a test file: the faces are made once per data setting. */
const shared = new DataCache();

export function harness(backends: BackendOps = fakeBackends(), data = shared) {
	const messages: FromWorker[] = [];
	/** the delay asked for with each scheduled tick, ms */
	const delays: number[] = [];
	let job: (() => void) | null = null;
	let offset = 0;
	let frozen: number | null = null;
	const session = new TrainingSession({
		post: (m) => void messages.push(m),
		schedule: (j, delayMs) => {
			job = j;
			delays.push(delayMs);
		},
		now: () => (frozen ?? performance.now()) + offset,
		backends,
		data
	});

	/** Handle one message and wait until it is done (no ticks run). */
	const send = (m: ToWorker) => session.handle(m);

	/** Run waiting ticks (each may schedule the next) until none is left, or `most` have run. */
	async function drain(most = 10_000): Promise<number> {
		await session.idle();
		let ran = 0;
		for (; ran < most && job; ran++) {
			const j = job;
			job = null;
			j();
			await session.idle();
		}
		return ran;
	}

	const all = <T extends FromWorker['type']>(type: T) =>
		messages.filter((m): m is Message<T> => m.type === type);
	const last = <T extends FromWorker['type']>(type: T): Message<T> => {
		const found = all(type).at(-1);
		if (!found) throw new Error(`no ${type} message`);
		return found;
	};

	return {
		session,
		messages,
		delays,
		send,
		drain,
		all,
		last,
		/** whether a tick is waiting */
		pending: () => job !== null,
		/** stop the session's clock (only `skip` moves it then) */
		freeze: () => void (frozen = performance.now()),
		/** move the session's clock forward */
		skip: (ms: number) => void (offset += ms),
		/** forget the messages so far */
		clear: () => void messages.splice(0)
	};
}
