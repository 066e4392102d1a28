/**
 * The networks as participants (pure TypeScript): which images of a plan they get, and what their answers
 * are, from what the worker's `embed-images` gives back (features, cosines to the class centres, scores).
 *   - inversion: "same" when the angle between the two faces' features is at most a threshold, the threshold
 *     set on upright calibration pairs (new pictures of the training identities) by balanced accuracy;
 *   - morph: P(A) = softmax over the two end identities' class scores (xW + b for softmax, s·cos θ without
 *     margin for ArcFace): the model's own classifier restricted to the two answers a student has;
 *   - caricature: the learned identity whose class centre is nearest by cosine; also that cosine and ‖x‖.
 */
import { bestThreshold } from '$lib/metrics';
import type { NuisanceLevels } from '$lib/faces';
import { LEARNED, renderStimulus, type PlannedTrial, type Stimulus } from './plan';
import { networkSide, type NetworkSide } from './pool';
import type { ExperimentId } from './types';

/** One model's answer to the images of a request (row i = image i), as in the protocol's EmbeddedModel. */
export interface ModelAnswer {
	features: Float32Array; // count × 2
	cos: Float32Array; // count × classes
	scores: Float32Array; // count × classes
}

/** The angle (radians) between features i and j (2-D rows); π/2 when either is zero. */
export function featureAngle(f: ArrayLike<number>, i: number, j: number): number {
	const ax = f[2 * i];
	const ay = f[2 * i + 1];
	const bx = f[2 * j];
	const by = f[2 * j + 1];
	const n = Math.hypot(ax, ay) * Math.hypot(bx, by);
	if (!(n > 0)) return Math.PI / 2;
	return Math.acos(Math.min(1, Math.max(-1, (ax * bx + ay * by) / n)));
}

export const featureNorm = (f: ArrayLike<number>, i: number): number => Math.hypot(f[2 * i], f[2 * i + 1]);

/** P(A) between classes a and b from one row of scores: 1 / (1 + e^(s_b − s_a)). */
export function twoWayP(scores: ArrayLike<number>, classes: number, i: number, a: number, b: number): number {
	const d = scores[i * classes + b] - scores[i * classes + a];
	return 1 / (1 + Math.exp(Math.min(700, Math.max(-700, d))));
}

/** The images a plan's measured trials need, in order, with each trial's rows into them. */
export interface NetworkBatch {
	stimuli: Stimulus[];
	/** per trial: the row of each stimulus */
	rows: number[][];
	/** inversion only: calibration pairs (rows into `stimuli`) and whether each is a same pair */
	calibration: { a: number; b: number; same: boolean }[];
}

export function networkBatch(
	experiment: ExperimentId,
	trials: PlannedTrial[],
	calibration: { a: Stimulus; b: Stimulus; same: boolean }[] = []
): NetworkBatch {
	const stimuli: Stimulus[] = [];
	const rows = trials.map((t) => t.stimuli.map((s) => stimuli.push(s) - 1));
	const cal =
		experiment === 'inversion'
			? calibration.map((p) => ({ a: stimuli.push(p.a) - 1, b: stimuli.push(p.b) - 1, same: p.same }))
			: [];
	return { stimuli, rows, calibration: cal };
}

/** All the batch's images at the network's size, one after another (what `embed-images` takes). */
export function batchPixels(batch: NetworkBatch, size: number, levels: NuisanceLevels): Float32Array {
	const px = size * size;
	const out = new Float32Array(batch.stimuli.length * px);
	batch.stimuli.forEach((s, i) => out.set(renderStimulus(s, size, levels), i * px));
	return out;
}

/** One network's answer to one trial, in the shape of a student's: response, correct, and the measures. */
export interface NetworkTrial {
	trial: number;
	condition: string;
	level: number | null;
	response: string;
	correct: boolean | null;
	/** inversion: the pair's angle (degrees); morph: P(A); caricature: cos to the true identity's centre */
	value: number;
	/** caricature: ‖x‖ of the face's feature */
	norm: number | null;
}

export interface NetworkResult {
	trials: NetworkTrial[];
	/** inversion: the angle threshold (degrees) and its balanced accuracy on the calibration pairs */
	thresholdDeg: number | null;
	calibrationAccuracy: number | null;
}

const DEG = 180 / Math.PI;

/** What one network answers on every measured trial of a plan. */
export function networkAnswers(
	experiment: ExperimentId,
	trials: PlannedTrial[],
	batch: NetworkBatch,
	m: ModelAnswer,
	classes: number
): NetworkResult {
	if (experiment === 'inversion') {
		const pos: number[] = [];
		const neg: number[] = [];
		for (const p of batch.calibration) (p.same ? pos : neg).push(featureAngle(m.features, p.a, p.b));
		const best = bestThreshold(pos, neg);
		const out = trials.map((t, k) => {
			const [a, b] = batch.rows[k];
			const angle = featureAngle(m.features, a, b);
			const response = angle <= best.threshold ? 'same' : 'different';
			return base(t, response, angle * DEG, null);
		});
		return { trials: out, thresholdDeg: best.threshold * DEG, calibrationAccuracy: best.accuracy };
	}
	if (experiment === 'morph') {
		const out = trials.map((t, k) => {
			const ends = morphEnds(t);
			const p = twoWayP(m.scores, classes, batch.rows[k][0], ends[0], ends[1]);
			return base(t, p >= 0.5 ? 'A' : 'B', p, null);
		});
		return { trials: out, thresholdDeg: null, calibrationAccuracy: null };
	}
	const out = trials.map((t, k) => {
		const row = batch.rows[k][0];
		let best = 0;
		for (let j = 1; j < LEARNED.length; j++) {
			if (m.cos[row * classes + LEARNED[j]] > m.cos[row * classes + LEARNED[best]]) best = j;
		}
		const truth = t.identities[0];
		return base(t, String(best + 1), m.cos[row * classes + truth], featureNorm(m.features, row));
	});
	return { trials: out, thresholdDeg: null, calibrationAccuracy: null };
}

function base(t: PlannedTrial, response: string, value: number, norm: number | null): NetworkTrial {
	return {
		trial: t.trial,
		condition: t.condition,
		level: t.level,
		response,
		correct: t.answer === null ? null : response === t.answer,
		value,
		norm
	};
}

/** The two end identities of a morph trial, from its stimulus id `m<a>-<b>@t/…`. */
export function morphEnds(t: PlannedTrial): [number, number] {
	const m = /^m(\d+)-(\d+)@/.exec(t.stimuli[0]?.id ?? '');
	return m ? [Number(m[1]), Number(m[2])] : [0, 1];
}

/**
 * The class view's networks (`ClassResults`' `networks`) from both models' answers per experiment, through
 * the same `networkSide` as every other network number: labels in the models' order.
 */
export function classNetworkSides(
	results: Partial<Record<ExperimentId, readonly NetworkResult[]>>,
	labels: readonly string[]
): NetworkSide[] {
	const out: NetworkSide[] = [];
	for (const [experiment, models] of Object.entries(results) as [ExperimentId, NetworkResult[]][])
		models.forEach((m, i) => out.push(networkSide(labels[i] ?? `#${i + 1}`, experiment, m.trials)));
	return out;
}
