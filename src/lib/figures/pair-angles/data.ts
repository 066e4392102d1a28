/**
 * What the pair-angle figure (paper Fig. 6) draws, from one snapshot of held-out features: positive and negative
 * pair angles, their histograms in degrees, a ROC curve on a log-FAR axis, TAR at fixed FARs, the best
 * threshold and rank-1 identification. Pure TS over `$lib/metrics`: no DOM, no Svelte.
 */
import {
	bestThreshold,
	countBelow,
	dimOf,
	histogram,
	pairAngles,
	rank1Enrolled,
	rank1LeaveOneOut,
	ratesAt,
	sortAngles,
	tarAtFar,
	type BestThreshold,
	type OperatingPoint,
	type Rank1
} from '$lib/metrics';

export const DEG = Math.PI / 180;
/** Histogram bins over 0°–180°. */
export const BINS = 60;
/** Most pairs of each kind taken from one snapshot (2,400 features make 2.9M pairs). */
export const MAX_PAIRS = 200_000;
/** The FARs at which TAR is read off and marked on the ROC curve. */
export const FAR_TARGETS = [1e-1, 1e-2] as const;
/** Left end of the log-FAR axis. */
export const ROC_MIN_FAR = 1e-4;

export type ModelPairs = {
	/** pair angles in radians, ascending */
	positive: Float64Array;
	negative: Float64Array;
	/** pairs that exist before subsampling */
	totalPositive: number;
	totalNegative: number;
	/** bin edges in degrees (BINS + 1) and the share of pairs per degree, in % */
	edgesDeg: Float64Array;
	positiveDensity: Float64Array;
	negativeDensity: Float64Array;
	roc: { far: Float64Array; tar: Float64Array };
	atFar: (OperatingPoint & { target: number })[];
	best: BestThreshold;
	rank1: { enrolled: Rank1; leaveOneOut: Rank1 };
};

/** True when every value is a finite number (a diverged model sends NaN features, which metrics refuse). */
export function allFinite(values: ArrayLike<number>): boolean {
	for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
	return true;
}

/** Histogram of sorted angles (radians) as % of pairs per degree over 0°–180°. */
export function densityPerDegree(
	angles: ArrayLike<number>,
	bins = BINS
): { edgesDeg: Float64Array; density: Float64Array } {
	const h = histogram(angles, { min: 0, max: Math.PI, bins });
	const widthDeg = 180 / bins;
	return {
		edgesDeg: h.edges.map((e) => e / DEG),
		density: h.fraction.map((f) => (100 * f) / widthDeg)
	};
}

/** The largest k with k / n ≤ far: how many negatives a FAR of `far` lets through (as `tarAtFar` counts). */
function acceptedCount(far: number, n: number): number {
	let k = Math.floor(far * n);
	while (k < n && (k + 1) / n <= far) k++;
	while (k > 0 && k / n > far) k--;
	return k;
}

/**
 * ROC points evenly spaced on a log-FAR axis from `minFar` to 1: for each target FAR the threshold is the
 * angle that lets through at most that share of negatives, and `ratesAt` gives the rates achieved there.
 * Points with FAR below `minFar` (e.g. FAR = 0) are left out, since a log axis cannot show them.
 */
export function rocLogPoints(
	positive: Float64Array,
	negative: Float64Array,
	{ minFar = ROC_MIN_FAR, points = 81 } = {}
): { far: Float64Array; tar: Float64Array } {
	const n = negative.length;
	if (n === 0) return { far: new Float64Array(0), tar: new Float64Array(0) };
	const lo = Math.log10(minFar);
	const ks: number[] = [];
	for (let i = 0; i < points; i++) {
		const k = acceptedCount(10 ** (lo - (lo * i) / (points - 1)), n);
		if (ks.at(-1) !== k) ks.push(k);
	}
	const thresholds = ks.map((k) => (k < n ? negative[k] : Infinity));
	const { tar, far } = ratesAt(positive, negative, thresholds);
	const keep = Array.from(far.keys()).filter((i) => far[i] >= minFar * (1 - 1e-9));
	return { far: Float64Array.from(keep, (i) => far[i]), tar: Float64Array.from(keep, (i) => tar[i]) };
}

/** Everything the figure shows for one model; null when the features are not finite (a diverged run). */
export function analyseModel(
	features: Float32Array,
	labels: Int32Array,
	{ maxPairs = MAX_PAIRS, seed = 0 } = {}
): ModelPairs | null {
	if (labels.length < 2 || !allFinite(features)) return null;
	const dim = dimOf(features, labels.length);
	const pairs = pairAngles(features, labels, { dim, maxPairs, seed });
	const positive = sortAngles(pairs.positive);
	const negative = sortAngles(pairs.negative);
	const pos = densityPerDegree(positive);
	const neg = densityPerDegree(negative);
	return {
		positive,
		negative,
		totalPositive: pairs.totalPositive,
		totalNegative: pairs.totalNegative,
		edgesDeg: pos.edgesDeg,
		positiveDensity: pos.density,
		negativeDensity: neg.density,
		roc: rocLogPoints(positive, negative),
		atFar: FAR_TARGETS.map((target) => ({ target, ...tarAtFar(positive, negative, target) })),
		best: bestThreshold(positive, negative),
		rank1: {
			enrolled: rank1Enrolled(features, labels, { dim, perIdentity: 1, seed }),
			leaveOneOut: rank1LeaveOneOut(features, labels, { dim })
		}
	};
}

/** TAR and FAR when pairs with an angle below `thresholdDeg` are accepted (binary search in sorted angles). */
export function ratesAtDeg(m: ModelPairs, thresholdDeg: number): { tar: number; far: number } {
	const t = thresholdDeg * DEG;
	const share = (sorted: Float64Array) => (sorted.length ? countBelow(sorted, t) / sorted.length : 0);
	return { tar: share(m.positive), far: share(m.negative) };
}

/** Highest density of either kind, for a shared y-axis. */
export function densityMax(models: (ModelPairs | null)[]): number {
	let max = 0;
	for (const m of models) {
		if (!m) continue;
		for (const v of m.positiveDensity) max = Math.max(max, v);
		for (const v of m.negativeDensity) max = Math.max(max, v);
	}
	return max;
}

/** A rate in [0, 1] as a percentage string: one decimal near the ends (0.4 %, 99.6 %), none between. */
export function percent(rate: number, fmt: (v: number, d: number) => string): string {
	const p = rate * 100;
	return fmt(p, (p > 0 && p < 10) || (p > 90 && p < 100) ? 1 : 0);
}

/** 1e-2 → '10⁻²' (powers of ten for the FAR axis and labels). */
export function powerOfTen(v: number): string {
	const e = Math.round(Math.log10(v));
	if (e === 0) return '1';
	const sup: Record<string, string> = {
		'-': '⁻',
		'0': '⁰',
		'1': '¹',
		'2': '²',
		'3': '³',
		'4': '⁴',
		'5': '⁵'
	};
	const digits = String(e)
		.split('')
		.map((c) => sup[c] ?? c)
		.join('');
	return `10${digits}`;
}

/** Outline of a histogram as a closed step path in data units ([degrees, density] corners), for an area. */
export function stepPoints(edges: ArrayLike<number>, density: ArrayLike<number>): [number, number][] {
	const pts: [number, number][] = [[edges[0], 0]];
	for (let i = 0; i < density.length; i++) {
		pts.push([edges[i], density[i]], [edges[i + 1], density[i]]);
	}
	pts.push([edges[density.length], 0]);
	return pts;
}

/** A small positive number as 'm × 10ⁿ' (2.2 × 10⁻⁵, with no-break spaces), for the smallest measurable FAR. */
export function scientific(v: number, fmt: (v: number, d: number) => string): string {
	if (!(v > 0) || !Number.isFinite(v)) return '–';
	const e = Math.floor(Math.log10(v));
	const m = v / 10 ** e;
	return e === 0 ? fmt(m, 1) : `${fmt(m, 1)}\u00a0×\u00a0${powerOfTen(10 ** e)}`;
}
