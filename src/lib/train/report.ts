/**
 * Turning engine read-backs into protocol messages (worker side, no tensors here).
 */

import { memory } from '@tensorflow/tfjs';
import type { ModelEval, Pair } from './engine';
import type { Weights } from './model';
import type { FromWorker, ModelSnapshot, ModelStats } from './protocol';

export function modelStats(
	ev: ModelEval,
	r: { lastLoss: number; paused: boolean; diverged: boolean }
): ModelStats {
	return {
		loss: r.lastLoss,
		trainAcc: ev.trainAcc,
		testAcc: ev.testAcc,
		meanThetaDeg: (ev.testThetaY * 180) / Math.PI,
		paused: r.paused,
		diverged: r.diverged
	};
}

/** Length of each row of an n × dim row-major array. */
export function rowNorms(v: Float32Array, dim = 2): Float32Array {
	const out = new Float32Array(Math.floor(v.length / dim));
	for (let i = 0; i < out.length; i++) {
		let s = 0;
		for (let j = 0; j < dim; j++) s += v[i * dim + j] ** 2;
		out[i] = Math.sqrt(s);
	}
	return out;
}

export function modelSnapshot(ev: ModelEval, dim = 2): ModelSnapshot {
	return {
		features: ev.features,
		featureNorms: rowNorms(ev.features, dim),
		centres: ev.centres,
		centreNorms: rowNorms(ev.centres, dim)
	};
}

/** The buffers a snapshot message can transfer instead of copying. */
export function snapshotTransfer(labels: Int32Array, models: ModelSnapshot[]): ArrayBuffer[] {
	const buffers = [labels, ...models.flatMap((m) => [m.features, m.featureNorms, m.centres, m.centreNorms])];
	return [...new Set(buffers.map((b) => b.buffer as ArrayBuffer))];
}

/**
 * The weights to keep for rebuilding on another backend: each model's new weights if all finite, else what
 * was kept before for that model (a diverged model must not carry NaN to the next backend).
 */
export function keepFinite(next: Pair<Weights>, before: Pair<Weights> | null): Pair<Weights> | null {
	const ok = (w: Weights) => w.every((a) => a.every(Number.isFinite));
	const pick = (i: 0 | 1): Weights | null => (ok(next[i]) ? next[i] : (before?.[i] ?? null));
	const a = pick(0);
	const b = pick(1);
	return a && b ? [a, b] : null;
}

type RunnerFlags = { lastLoss: number; paused: boolean; diverged: boolean };

/** The `stats` and `snapshot` messages of one evaluation of both models, and the snapshot's buffers. */
export function reportMessages(
	evals: Pair<ModelEval>,
	runners: Pair<RunnerFlags>,
	step: number,
	stepsPerSec: number,
	testY: ArrayLike<number>,
	dim = 2
): [stats: FromWorker, snapshot: FromWorker, transfer: ArrayBuffer[]] {
	const models: Pair<ModelStats> = [modelStats(evals[0], runners[0]), modelStats(evals[1], runners[1])];
	const snaps: Pair<ModelSnapshot> = [modelSnapshot(evals[0], dim), modelSnapshot(evals[1], dim)];
	const labels = Int32Array.from(testY);
	return [
		{ type: 'stats', step, stepsPerSec, models, numTensors: memory().numTensors },
		{ type: 'snapshot', step, dim, labels, models: snaps },
		snapshotTransfer(labels, snaps)
	];
}
