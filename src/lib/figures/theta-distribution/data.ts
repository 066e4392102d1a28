/**
 * θ_y distributions over training (paper Fig. 4a) under the target-logit curve of the model's loss (Fig. 4b),
 * as plain numbers (pure TS, no DOM). θ_y is the angle between a held-out feature and its class centre.
 */
import { dimOf, histogram, thetaY, type Histogram } from '$lib/metrics';
import { hasLogits, targetLogit, type MarginSpec } from '$lib/margins';
import type { Snapshot } from '$lib/train/client.svelte';
import type { ModelSettings } from '$lib/train/protocol';

/**
 * The angles drawn, in degrees. The paper draws 20°–100°; in this 2-D toy trained features get closer than
 * 20° to their centre, so the figure shows 0°–120° by default and says how many faces lie beyond it. At random
 * initialisation θ_y in 2-D is spread over all of 0°–180°, so the full range is one click away.
 */
export const ranges = { narrow: [0, 120], full: [0, 180] } as const satisfies Record<
	string,
	readonly [number, number]
>;
export type RangeName = keyof typeof ranges;
export type Range = readonly [number, number];
export const BIN_DEG = 3;

export type MomentKey = 'start' | 'middle' | 'now';
export type Moment = {
	key: MomentKey;
	step: number;
	hist: Histogram;
	/** median θ_y in degrees (NaN when there are no finite angles) */
	median: number;
	/** share of faces with θ_y beyond the drawn range, 0…1 */
	beyond: number;
};

/** θ_y of every held-out face of one model, in degrees (features of any dimension). */
export function thetaDegrees(snapshot: Snapshot, model: 0 | 1): Float32Array {
	const m = snapshot.models[model];
	const { labels } = snapshot;
	const rad = thetaY(m.features, m.centres, labels, dimOf(m.features, labels.length));
	for (let i = 0; i < rad.length; i++) rad[i] = (rad[i] * 180) / Math.PI;
	return rad;
}

/** Median of the finite values (NaN when there are none). */
export function median(values: ArrayLike<number>): number {
	const v = Array.from(values)
		.filter((x) => Number.isFinite(x))
		.sort((a, b) => a - b);
	if (v.length === 0) return Number.NaN;
	const h = v.length >> 1;
	return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/**
 * The snapshots to compare: the first recorded one, the recorded one nearest half the shown step, and the
 * shown one. A moment at the same step as an earlier one is left out (at step 0 there is only the start).
 */
export function pickMoments(
	recorded: readonly Snapshot[],
	shown: Snapshot
): { key: MomentKey; snapshot: Snapshot }[] {
	const start = recorded.length ? recorded[0] : shown;
	const out: { key: MomentKey; snapshot: Snapshot }[] = [{ key: 'start', snapshot: start }];
	const half = shown.step / 2;
	let mid: Snapshot | null = null;
	for (const s of recorded) {
		if (s.step > shown.step) break;
		if (!mid || Math.abs(s.step - half) < Math.abs(mid.step - half)) mid = s;
	}
	if (mid && mid.step !== start.step && mid.step !== shown.step) out.push({ key: 'middle', snapshot: mid });
	if (shown.step !== start.step) out.push({ key: 'now', snapshot: shown });
	return out;
}

export function moment(key: MomentKey, snapshot: Snapshot, model: 0 | 1, range: Range): Moment {
	const deg = thetaDegrees(snapshot, model);
	const bins = Math.max(1, Math.round((range[1] - range[0]) / BIN_DEG));
	const hist = histogram(deg, { min: range[0], max: range[1], bins, outside: 'drop' });
	const total = hist.counted + hist.dropped;
	return { key, step: snapshot.step, hist, median: median(deg), beyond: total ? hist.above / total : 0 };
}

/**
 * Histogram outline in data units (degrees, % of all faces per bin): a step line that starts and ends on the
 * axis. Faces beyond the range are counted in the total, so each outline shows the share of every face.
 */
export function outline(m: Moment): [number, number][] {
	const { edges, counts } = m.hist;
	const total = m.hist.counted + m.hist.dropped;
	const pct = (c: number) => (total ? (100 * c) / total : 0);
	const pts: [number, number][] = [[edges[0], 0]];
	for (let b = 0; b < counts.length; b++) {
		pts.push([edges[b], pct(counts[b])], [edges[b + 1], pct(counts[b])]);
	}
	pts.push([edges[counts.length], 0]);
	return pts;
}

/** Top of the histogram axis: the tallest bin, rounded up to a multiple of 5 %, at least 10 %. */
export function shareMax(moments: readonly Moment[]): number {
	let max = 0;
	for (const m of moments) for (const [, y] of outline(m)) max = Math.max(max, y);
	return Math.max(10, Math.ceil(max / 5) * 5);
}

/** The margin spec a model trains with, or null for a loss without a target logit (the angular triplet). */
export function modelSpec(m: ModelSettings): MarginSpec | null {
	if (!hasLogits(m.loss)) return null;
	return { s: m.s, m1: m.m1, m2: m.m2, m3: m.m3, fallback: m.fallback };
}

/** Whether a spec's target logit is plain cos θ (softmax, NormFace, intra, inter, or no margin). */
export function isPlainCos(spec: MarginSpec): boolean {
	return spec.m1 === 1 && spec.m2 === 0 && spec.m3 === 0;
}

/** Target-logit curve (÷ s) over the drawn range: [θ in degrees, value]. */
export function logitCurve(spec: MarginSpec, range: Range, n = 361): [number, number][] {
	const pts: [number, number][] = [];
	for (let i = 0; i < n; i++) {
		const d = range[0] + ((range[1] - range[0]) * i) / (n - 1);
		pts.push([d, targetLogit((d * Math.PI) / 180, spec)]);
	}
	return pts;
}

export const cosSpec: MarginSpec = { s: 1, m1: 1, m2: 0, m3: 0, fallback: 'none' };

/** Value axis of the curves: the paper's −1.2 … 1, widened to hold every finite value. */
export function logitDomain(curves: readonly [number, number][][]): [number, number] {
	let lo = -1.2;
	let hi = 1;
	for (const c of curves)
		for (const [, v] of c)
			if (Number.isFinite(v)) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
	return [Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10];
}
