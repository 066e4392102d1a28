/**
 * What a TrainingSession (session.ts) gets from its surroundings, with the worker's defaults: the clock, the
 * tick scheduler, and the backend operations. Tests pass their own to drive a session in Node.
 */

import { configureWasm, loseWebGLContext, measureBackend, selectBackend, trySetBackend } from './backend';
import type { BackendChoice, BackendSpeed, FromWorker } from './protocol';
import type { TrainSettings } from './settings';
import type { BackendName } from './types';
import type { DataCache } from './worker-parts';

/** Runs `job` after `delayMs` (0: as soon as pending messages are handled). */
export type Scheduler = (job: () => void, delayMs: number) => void;

/** The tfjs backend calls a session makes (backend.ts); a test may fake a failing or extra backend. */
export interface BackendOps {
	/** measure and choose a backend (see `selectBackend`), leaving it active */
	select(
		settings: TrainSettings,
		choice: BackendChoice
	): Promise<{ chosen: BackendName | null; speeds: BackendSpeed[] }>;
	/**
	 * measure one backend on the real model, leaving it active; null if `stop()` turned true between chunks.
	 * Without it a session measures up front with `select` (the older way, kept for tests).
	 */
	measure?(settings: TrainSettings, backend: BackendName, stop: () => boolean): Promise<BackendSpeed | null>;
	/** switch to a backend; false (never a throw) if it cannot start */
	trySet(name: BackendName): Promise<boolean>;
	/** lose the WebGL context for real; false when not on WebGL */
	loseContext(): boolean;
	/** where the wasm binaries are (before the first backend is chosen) */
	configureWasm(wasmPath: string | undefined): void;
}

export interface SessionOptions {
	/** sends a message to the page (the worker's postMessage) */
	post(message: FromWorker, transfer: Transferable[]): void;
	/** default: `channelScheduler()` */
	schedule?: Scheduler;
	/** milliseconds, default `performance.now()` */
	now?: () => number;
	/** default: the real backends of backend.ts */
	backends?: BackendOps;
	/** the faces, default a new cache (tests share one between sessions) */
	data?: DataCache;
}

export const realBackends: BackendOps = {
	select: selectBackend,
	measure: measureBackend,
	trySet: trySetBackend,
	loseContext: loseWebGLContext,
	configureWasm
};

/**
 * The worker's scheduler: a job due now goes through a MessageChannel (a macrotask, so messages that
 * arrived meanwhile are handled first, unlike a microtask; unlike setTimeout(0), not clamped to 4 ms);
 * a later one waits in setTimeout first. Holds one job at a time (the session keeps at most one tick); a new
 * job replaces a waiting one.
 */
export function channelScheduler(): Scheduler {
	const channel = new MessageChannel();
	let next: (() => void) | null = null;
	let latest = 0;
	// a job replaced before it ran leaves its message or timer behind: only the latest job's one runs it
	channel.port1.onmessage = (e: MessageEvent<number>) => {
		if (e.data !== latest) return;
		const job = next;
		next = null;
		job?.();
	};
	return (job, delayMs) => {
		next = job;
		const id = ++latest;
		if (delayMs > 0) setTimeout(() => channel.port2.postMessage(id), delayMs);
		else channel.port2.postMessage(id);
	};
}

/** The message of a thrown error (or whatever was thrown). */
export const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
