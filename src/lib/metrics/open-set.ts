/**
 * Open-set recognition (issue 14): people the network never trained on, enrolled from one image (or k), then
 * compared by angle against a threshold. Pure TypeScript on the matrix convention of `$lib/margins/matrix`
 * (features n × dim row-major, integer labels), reusing pairs.ts, rates.ts and roc.ts.
 *
 * - Enrolment: an identity's template is the mean of the unit features of k of its images, renormalised (a
 *   zero mean stays zero: cosine 0 with everything).
 * - 1:1 verification: every pair of images is a positive (same identity) or a negative pair; accept when the
 *   angle is strictly below t. TAR at FAR f is reported only when the negatives allow at least
 *   MIN_FALSE_EVENTS false accepts at f (else `rate: null`): with 1,000 negatives FAR 1e-3 is one pair, and a
 *   threshold set by one pair says nothing.
 * - 1:N identification, NIST FRVT's conventions (Grother et al., NISTIR 8271): a search compares a probe with
 *   every enrolled template; its candidate is the nearest template. Closed set: rank-1 = share of mated
 *   searches (probe of an enrolled person) whose candidate is right. Open set: non-mated searches are probes of
 *   people not enrolled at all. At threshold t a search returns its candidate only if its angle < t;
 *   FPIR(t) = non-mated searches returning anyone / non-mated searches, DIR(t) = mated searches returning the
 *   right person / mated searches. DIR at FPIR f takes the largest t with FPIR ≤ f (as `tarAtFar` does for
 *   FAR); with t = ∞ (FPIR 1) DIR is the rank-1 rate.
 */

import { hashSeed, Rng } from '$lib/faces/rng';
import { checkLabels, groupByClass, rowCount, unitRows, type Numbers } from './input';
import { pairAngles, sampleIndices } from './pairs';
import { countBelow, sortAngles } from './rates';
import { auc as aucOf, bestThreshold, type BestThreshold } from './roc';

/** The FAR targets of 1:1 verification. */
export const FAR_TARGETS: readonly number[] = [1e-1, 1e-2, 1e-3];
/** The FPIR targets of open-set identification. */
export const FPIR_TARGETS: readonly number[] = [1e-1, 1e-2, 1e-3];
/** A rate at target f is reported only when the impostor count n has n · f ≥ this. */
export const MIN_FALSE_EVENTS = 5;
/** Enrolment sizes of the report: one image (the open-set case), and k = 5 as the control. */
export const ENROL_K: readonly number[] = [1, 5];
/** Points of the ROC and DIR curves, log-spaced in FAR / FPIR. */
export const CURVE_POINTS = 40;

/** Whether `impostors` comparisons can support a rate at `target` (see MIN_FALSE_EVENTS). */
export function allowsTarget(impostors: number, target: number): boolean {
	return impostors * target >= MIN_FALSE_EVENTS - 1e-9;
}

/** A rate at a target error rate; `rate`, `threshold` and `achieved` are null when the counts do not allow it. */
export interface TargetPoint {
	/** the target FAR or FPIR */
	target: number;
	/** TAR (verification) or DIR (identification) */
	rate: number | null;
	/** the angle threshold (radians; accept when below), Infinity when everything may be accepted */
	threshold: number | null;
	/** the FAR or FPIR actually reached, ≤ target */
	achieved: number | null;
}

/** A curve of rates against log-spaced error rates, both ascending. */
export interface RateCurve {
	/** FAR (or FPIR) */
	error: Float64Array;
	/** TAR (or DIR) at that error rate */
	rate: Float64Array;
}

export interface Verification {
	/** positive / negative pair angles in radians, subsampled to at most `maxAngles` each (for histograms) */
	positive: Float32Array;
	negative: Float32Array;
	/** the pairs every rate counts: all of them */
	totalPositive: number;
	totalNegative: number;
	auc: number;
	/** the balanced-accuracy threshold (see `bestThreshold`) */
	best: BestThreshold;
	tarAtFar: TargetPoint[];
	roc: RateCurve;
}

export interface VerifyOptions {
	dim: number;
	/** most angles of each kind returned for drawing (default 20,000); rates always use all pairs */
	maxAngles?: number;
	seed?: number;
	targets?: readonly number[];
}

/** Log-spaced error rates from `lowest` (≥ 1e-6) to 1, `n` of them. */
function logGrid(lowest: number, n: number): Float64Array {
	const lo = Math.log10(Math.min(1, Math.max(1e-6, lowest)));
	// the last power of ten rounds to 1.000000000000001 without the clamp
	return Float64Array.from({ length: n }, (_, i) =>
		Math.min(1, 10 ** (lo + ((0 - lo) * i) / Math.max(1, n - 1)))
	);
}

/**
 * `tarAtFar`'s operating point on arrays already ascending and finite (no re-check: the curves ask 40 times):
 * the threshold is the (⌊target · N⌋ + 1)-th smallest negative angle, Infinity past the last.
 */
export function pointAt(
	pos: Float64Array,
	neg: Float64Array,
	target: number
): { threshold: number; rate: number; achieved: number } {
	const N = neg.length;
	let k = Math.floor(target * N);
	while (k < N && (k + 1) / N <= target) k++;
	while (k > 0 && k / N > target) k--;
	const threshold = k < N ? neg[k] : Infinity;
	const P = pos.length;
	return {
		threshold,
		rate: P > 0 ? countBelow(pos, threshold) / P : 0,
		achieved: N > 0 ? countBelow(neg, threshold) / N : 0
	};
}

/** A copy of at most `max` of `values`, picked uniformly without replacement (seeded), in their order. */
function subsample(values: Float32Array, max: number, seed: number): Float32Array {
	if (values.length <= max) return values;
	const picked = sampleIndices(values.length, max, new Rng(seed));
	return Float32Array.from(picked, (i) => values[i]);
}

/** 1:1 verification over every pair of rows. */
export function verify(features: Numbers, labels: Numbers, opts: VerifyOptions): Verification {
	const { dim, maxAngles = 20_000, seed = 0, targets = FAR_TARGETS } = opts;
	const pairs = pairAngles(features, labels, { dim });
	const pos = sortAngles(pairs.positive);
	const neg = sortAngles(pairs.negative);
	const N = neg.length;
	const point = (f: number): TargetPoint =>
		allowsTarget(N, f) && pos.length > 0
			? { target: f, ...pointAt(pos, neg, f) }
			: { target: f, rate: null, threshold: null, achieved: null };
	const grid = logGrid(N > 0 ? 1 / N : 1, CURVE_POINTS);
	const roc: RateCurve = { error: new Float64Array(grid.length), rate: new Float64Array(grid.length) };
	grid.forEach((f, i) => {
		const p = pointAt(pos, neg, f);
		roc.error[i] = p.achieved;
		roc.rate[i] = p.rate;
	});
	return {
		positive: subsample(pairs.positive, maxAngles, hashSeed(seed, 1)),
		negative: subsample(pairs.negative, maxAngles, hashSeed(seed, 2)),
		totalPositive: pairs.totalPositive,
		totalNegative: pairs.totalNegative,
		auc: aucOf(pos, neg),
		best: bestThreshold(pos, neg),
		tarAtFar: targets.map(point),
		roc
	};
}

export interface Enrolment {
	/** the enrolled identities (labels), in gallery order */
	identities: Int32Array;
	/** one unit template per identity, gallery order, identities.length × dim */
	templates: Float64Array;
	/** images enrolled per identity (each identity gets min(k, its image count)) */
	k: number;
	/** 1 for every row used in a template: those rows are never probes */
	used: Uint8Array;
}

/**
 * Templates of `identities` from `k` images each (a mean shorter than 1e-9 per image, i.e. one that cancels,
 * gives a zero template), picked by a seeded shuffle of that identity's rows (stream
 * hashSeed(seed, label), like `rank1Enrolled`). An identity with no rows throws.
 */
export function enrol(
	features: Numbers,
	labels: Numbers,
	identities: ArrayLike<number>,
	k: number,
	{ dim, seed = 0 }: { dim: number; seed?: number }
): Enrolment {
	const n = rowCount(features, dim);
	const classes = checkLabels(labels, n);
	if (!Number.isInteger(k) || k < 1) throw new Error(`k must be an integer ≥ 1, got ${k}`);
	const units = unitRows(features, dim);
	const { order, starts } = groupByClass(labels, classes);
	const ids = Int32Array.from(identities);
	const templates = new Float64Array(ids.length * dim);
	const used = new Uint8Array(n);
	ids.forEach((c, g) => {
		const members = c >= 0 && c < classes ? order.slice(starts[c], starts[c + 1]) : new Int32Array(0);
		if (members.length === 0) throw new Error(`identity ${c} has no images to enrol`);
		new Rng(hashSeed(seed, c)).shuffle(members);
		const take = Math.min(k, members.length);
		for (let i = 0; i < take; i++) {
			const r = members[i];
			used[r] = 1;
			for (let j = 0; j < dim; j++) templates[g * dim + j] += units[r * dim + j];
		}
		let norm = 0;
		for (let j = 0; j < dim; j++) norm += templates[g * dim + j] ** 2;
		norm = Math.sqrt(norm);
		// a mean that cancels (rounding leaves ~1e-16) stays zero rather than becoming a random direction
		const inv = norm > 1e-9 * take ? 1 / norm : 0;
		for (let j = 0; j < dim; j++) templates[g * dim + j] *= inv;
	});
	return { identities: ids, templates, k, used };
}

export interface Searches {
	/** the candidate of each search: the label of the nearest template (ties: the first in gallery order) */
	candidate: Int32Array;
	/** angle (radians) between the probe and its candidate */
	angle: Float64Array;
}

/** Searches the gallery with rows `rows` of `features` (n × dim). */
export function search(
	gallery: Enrolment,
	features: Numbers,
	rows: ArrayLike<number>,
	dim: number
): Searches {
	rowCount(features, dim);
	const units = unitRows(features, dim);
	const G = gallery.identities.length;
	const t = gallery.templates;
	const candidate = new Int32Array(rows.length);
	const angle = new Float64Array(rows.length);
	for (let s = 0; s < rows.length; s++) {
		const r = rows[s] * dim;
		let best = -1;
		let bestCos = -Infinity;
		for (let g = 0; g < G; g++) {
			let c = 0;
			for (let j = 0; j < dim; j++) c += units[r + j] * t[g * dim + j];
			if (c > bestCos) {
				bestCos = c;
				best = g;
			}
		}
		candidate[s] = best < 0 ? -1 : gallery.identities[best];
		angle[s] = best < 0 ? Math.PI : Math.acos(Math.min(1, Math.max(-1, bestCos)));
	}
	return { candidate, angle };
}

export interface Identification {
	/** images enrolled per identity, and the gallery size */
	k: number;
	gallerySize: number;
	/** mated searches (probes of enrolled people, never their enrolment images) and how many were right */
	mated: number;
	correct: number;
	/** closed-set rank-1: correct / mated (0 with no mated searches) */
	rank1: number;
	/** non-mated searches (probes of people not enrolled) */
	nonMated: number;
	dirAtFpir: TargetPoint[];
	/** DIR against FPIR, log-spaced */
	curve: RateCurve;
}

/**
 * Closed- and open-set identification: `gallery` enrolled from `features`/`labels`; mated searches are the
 * rows of enrolled identities not used for enrolment; non-mated searches are every row of `impostors`
 * (n' × dim, people not in the gallery).
 */
export function identify(
	gallery: Enrolment,
	features: Numbers,
	labels: Numbers,
	impostors: Numbers,
	{ dim, targets = FPIR_TARGETS }: { dim: number; targets?: readonly number[] }
): Identification {
	const n = rowCount(features, dim);
	checkLabels(labels, n);
	const enrolled = new Set(gallery.identities);
	const matedRows: number[] = [];
	for (let i = 0; i < n; i++) if (!gallery.used[i] && enrolled.has(labels[i])) matedRows.push(i);
	const mated = search(gallery, features, matedRows, dim);
	const nImp = rowCount(impostors, dim, 'impostors');
	const nonMated = search(
		gallery,
		impostors,
		Int32Array.from({ length: nImp }, (_, i) => i),
		dim
	);
	// a right candidate's angle; a wrong one can never count, whatever the threshold
	const hits: number[] = [];
	matedRows.forEach((r, s) => {
		if (mated.candidate[s] === labels[r]) hits.push(mated.angle[s]);
	});
	const hit = sortAngles(hits);
	const impostor = sortAngles(nonMated.angle);
	const M = matedRows.length;
	const none = new Float64Array(0);
	const at = (f: number) => {
		const t = pointAt(none, impostor, f);
		return {
			threshold: t.threshold,
			achieved: t.achieved,
			rate: M > 0 ? countBelow(hit, t.threshold) / M : 0
		};
	};
	const point = (f: number): TargetPoint =>
		allowsTarget(nImp, f) && M > 0
			? { target: f, ...at(f) }
			: { target: f, rate: null, threshold: null, achieved: null };
	const grid = logGrid(nImp > 0 ? 1 / nImp : 1, CURVE_POINTS);
	const curve: RateCurve = { error: new Float64Array(grid.length), rate: new Float64Array(grid.length) };
	grid.forEach((f, i) => {
		const p = at(f);
		curve.error[i] = p.achieved;
		curve.rate[i] = p.rate;
	});
	return {
		k: gallery.k,
		gallerySize: gallery.identities.length,
		mated: M,
		correct: hits.length,
		rank1: M > 0 ? hits.length / M : 0,
		nonMated: nImp,
		dirAtFpir: targets.map(point),
		curve
	};
}

export interface OpenSetReport {
	/** identities and images the report's verification covers */
	identities: number;
	images: number;
	verification: Verification;
	/** one per enrolment size (ENROL_K by default: 1 image, then 5) */
	identification: Identification[];
}

export interface OpenSetOptions {
	dim: number;
	/** the identities to enrol (labels of `features`) */
	gallery: ArrayLike<number>;
	/** people not enrolled anywhere: the non-mated searches, n' × dim */
	impostors: Numbers;
	enrolK?: readonly number[];
	seed?: number;
	maxAngles?: number;
}

/** Verification over every pair of `features`, and identification of the gallery at each enrolment size. */
export function openSetReport(features: Numbers, labels: Numbers, opts: OpenSetOptions): OpenSetReport {
	const { dim, gallery, impostors, enrolK = ENROL_K, seed = 0, maxAngles } = opts;
	const n = rowCount(features, dim);
	const classes = checkLabels(labels, n);
	const present = new Set(Array.from(labels));
	return {
		identities: Math.min(classes, present.size),
		images: n,
		verification: verify(features, labels, { dim, seed, maxAngles }),
		identification: enrolK.map((k) =>
			identify(enrol(features, labels, gallery, k, { dim, seed }), features, labels, impostors, { dim })
		)
	};
}
