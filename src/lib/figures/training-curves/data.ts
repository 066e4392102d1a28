/**
 * Training-curve data (pure TS, no DOM): the run's history as drawable series for three small multiples
 * (loss on a log scale, held-out accuracy in %, mean θ_y in degrees). A value that is not a finite number
 * (or, on the log scale, not positive) becomes a gap, never a NaN on screen.
 */
import type { HistoryPoint } from '$lib/state/run.svelte';
import type { ModelStats } from '$lib/train/protocol';
import { fmt } from '$lib/i18n';
import { oi } from '../palette';

export const metrics = ['loss', 'acc', 'theta'] as const;
export type Metric = (typeof metrics)[number];

/** [step, value]; value null where the line has a gap. */
export type SeriesPoint = [step: number, value: number | null];

/** The number a metric plots for one model's stats, or null if it cannot be drawn. */
export function metricValue(stats: ModelStats | undefined, metric: Metric): number | null {
	if (!stats) return null;
	const v = metric === 'loss' ? stats.loss : metric === 'acc' ? stats.testAcc * 100 : stats.meanThetaDeg;
	if (typeof v !== 'number' || !Number.isFinite(v)) return null;
	if (metric === 'loss' && v <= 0) return null;
	return v;
}

export function series(history: readonly HistoryPoint[], model: 0 | 1, metric: Metric): SeriesPoint[] {
	return history.map((p) => [p.step, metricValue(p.models[model], metric)]);
}

/** The last drawable point of a series (where its direct label goes), or null. */
export function lastDefined(points: readonly SeriesPoint[]): [number, number] | null {
	for (let i = points.length - 1; i >= 0; i--) {
		const v = points[i][1];
		if (v !== null) return [points[i][0], v];
	}
	return null;
}

/** Steps from the first to the last point; a one-point (or empty) history still gets a usable width. */
export function stepDomain(history: readonly HistoryPoint[]): [number, number] {
	if (history.length === 0) return [0, 1];
	const a = history[0].step;
	const b = history[history.length - 1].step;
	return b > a ? [a, b] : [a, a + 1];
}

function finiteValues(history: readonly HistoryPoint[], metric: Metric): number[] {
	const out: number[] = [];
	for (const p of history)
		for (const m of [0, 1] as const) {
			const v = metricValue(p.models[m], metric);
			if (v !== null) out.push(v);
		}
	return out;
}

/** Whole decades around every drawable loss: ArcFace starts near 2s + ln 8 ≈ 130, softmax near ln 8. */
export function lossDomain(history: readonly HistoryPoint[]): [number, number] {
	const vs = finiteValues(history, 'loss');
	if (vs.length === 0) return [0.1, 10];
	let lo = Math.floor(Math.log10(Math.min(...vs)));
	let hi = Math.ceil(Math.log10(Math.max(...vs)));
	lo = Math.max(lo, -6);
	if (hi <= lo) hi = lo + 1;
	return [10 ** lo, 10 ** hi];
}

/** 0° up to the next multiple of 30° above every mean θ_y, never less than 0°–90°. */
export function thetaDomain(history: readonly HistoryPoint[]): [number, number] {
	const vs = finiteValues(history, 'theta');
	const max = vs.length ? Math.max(...vs) : 0;
	return [0, Math.max(90, Math.min(180, Math.ceil(max / 30) * 30))];
}

export function domainOf(history: readonly HistoryPoint[], metric: Metric): [number, number] {
	if (metric === 'loss') return lossDomain(history);
	if (metric === 'acc') return [0, 100];
	return thetaDomain(history);
}

/** Tick values of a log axis: powers of ten (every other one, or fewer, past `max`); one decade adds 2×, 5×. */
export function logTicks([lo, hi]: [number, number], max = 7): number[] {
	const a = Math.round(Math.log10(lo));
	const b = Math.round(Math.log10(hi));
	const out: number[] = [];
	for (let e = a; e <= b; e++) out.push(Number((10 ** e).toPrecision(1)));
	const every = Math.ceil(out.length / Math.max(2, max));
	if (every > 1) return out.filter((_, i) => (out.length - 1 - i) % every === 0);
	if (b - a <= 1) {
		const base = 10 ** a;
		return [base, 2 * base, 5 * base, 10 * base].map((v) => Number(v.toPrecision(1)));
	}
	return out;
}

/** Tick label of a log axis: plain below 10⁵, else 1e5, 1e6, … */
export function logTickLabel(v: number): string {
	if (v >= 1e5 || v < 1e-3) return `1e${Math.round(Math.log10(v))}`;
	return String(v);
}

/** Index of the history point whose step is nearest to `step` (binary search; -1 for an empty history). */
export function nearestIndex(history: readonly HistoryPoint[], step: number): number {
	const n = history.length;
	if (n === 0) return -1;
	let lo = 0;
	let hi = n - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (history[mid].step < step) lo = mid + 1;
		else hi = mid;
	}
	if (lo > 0 && Math.abs(history[lo - 1].step - step) <= Math.abs(history[lo].step - step)) return lo - 1;
	return lo;
}

/**
 * Vertical positions for labels wanted at `ys` (pixels), moved apart so that no two are closer than `gap`,
 * kept inside [min, max] where possible. Returns positions in the input order.
 */
export function spreadLabels(ys: readonly number[], gap: number, min: number, max: number): number[] {
	const order = ys.map((y, i) => ({ y: Math.min(max, Math.max(min, y)), i })).sort((a, b) => a.y - b.y);
	for (let k = 1; k < order.length; k++) {
		if (order[k].y - order[k - 1].y < gap) order[k].y = order[k - 1].y + gap;
	}
	const over = order.length ? order[order.length - 1].y - max : 0;
	if (over > 0) {
		order[order.length - 1].y -= over;
		for (let k = order.length - 2; k >= 0; k--) {
			if (order[k + 1].y - order[k].y < gap) order[k].y = order[k + 1].y - gap;
		}
	}
	const out = new Array<number>(ys.length);
	for (const o of order) out[o.i] = o.y;
	return out;
}

/** Model A and B lines: colour and dash differ, so either cue alone tells them apart. */
export const modelStyles = [
	{ color: oi.vermillion, dash: '7 4', width: 2.5, marker: 'square' },
	{ color: oi.blue, dash: '', width: 2.5, marker: 'circle' }
] as const;

/** A loss for a readout: three significant figures or so, '–' when it is not a number. */
export function formatLoss(v: number | null): string {
	if (v === null || !Number.isFinite(v)) return '–';
	const a = Math.abs(v);
	if (a >= 1e5) return v.toExponential(1);
	return fmt(v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 0.1 ? 2 : 3);
}

/** The readout's history index: the point nearest a chosen step, else the newest (-1 when empty). */
export function readoutIndex(history: readonly HistoryPoint[], step: number | null): number {
	if (step === null || !Number.isFinite(step)) return history.length - 1;
	return nearestIndex(history, step);
}

/**
 * Room to the right of the plot for the direct end labels: the widest measured label (px) plus the 6 px
 * offset and a little air, never less than `estimate` (used before the labels are measured). A fixed
 * estimate let a projector's larger chart font spill the labels past the figure.
 */
export function endLabelSpace(widths: readonly number[], estimate: number): number {
	const widest = Math.max(0, ...widths.filter(Number.isFinite));
	return Math.max(estimate, Math.ceil(widest + 12));
}

/** Least vertical distance between two end labels: a line of the chart font, so they never overlap. */
export function endLabelGap(fontPx: number): number {
	return Math.max(16, Math.ceil((Number.isFinite(fontPx) ? fontPx : 13) * 1.2));
}
