/**
 * The statistics of the face-perception experiments (pure, no DOM): signal detection (d′ and criterion),
 * median response times, and means with t-based 95 % intervals for pooling a class; the logistic
 * psychometric fit lives in psychometric.ts and is re-exported here. Every function accepts bad input (empty
 * arrays, NaN) and returns NaN fields rather than throwing.
 */

/** Standard normal CDF Φ (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
	if (!Number.isFinite(z)) return Number.isNaN(z) ? NaN : z > 0 ? 1 : 0;
	const x = Math.abs(z) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * x);
	const poly =
		t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	const erf = 1 - poly * Math.exp(-x * x);
	return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * The inverse of Φ (Acklam's rational approximation, relative error < 1.2e-9), the z of signal detection.
 * Returns ±Infinity at 0 and 1 and NaN outside [0, 1].
 */
export function probit(p: number): number {
	if (!(p >= 0 && p <= 1)) return NaN;
	if (p === 0) return -Infinity;
	if (p === 1) return Infinity;
	const a = [
		-39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
		2.50662827745924
	];
	const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
	const c = [
		-0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373, 4.37466414146497,
		2.93816398269878
	];
	const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
	const lo = 0.02425;
	if (p < lo) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (
			(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
		);
	}
	if (p > 1 - lo) return -probit(1 - p);
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
		(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
	);
}

/** The four cells of a yes/no (here: same/different) table. */
export interface SdtCounts {
	hits: number; // signal trials answered "signal"
	misses: number;
	falseAlarms: number; // noise trials answered "signal"
	correctRejections: number;
}

export interface SdtResult extends SdtCounts {
	hitRate: number; // raw H = hits / signal trials
	faRate: number; // raw F
	/** The rates d′ is computed from, after the log-linear correction. */
	hitRateCorrected: number;
	faRateCorrected: number;
	dPrime: number; // z(H') − z(F')
	criterion: number; // c = −(z(H') + z(F')) / 2; positive: a bias towards "noise"
}

/**
 * d′ and criterion c with the log-linear correction of Hautus (1995): 0.5 is added to every cell, so
 * H' = (hits + 0.5) / (signal trials + 1) and F' = (false alarms + 0.5) / (noise trials + 1). It is applied to
 * every table, not only to those with a rate of 0 or 1, so that all participants are treated alike and a
 * perfect score gives a finite d′ (for 20 + 20 trials, 20/20 hits and 0/20 false alarms: d′ = 3.96).
 * Counts must be non-negative integers; anything else, or a side with no trials, gives NaN.
 */
export function dPrime(counts: SdtCounts): SdtResult {
	const { hits, misses, falseAlarms, correctRejections } = counts;
	const ok = [hits, misses, falseAlarms, correctRejections].every((v) => Number.isInteger(v) && v >= 0);
	const nS = hits + misses;
	const nN = falseAlarms + correctRejections;
	if (!ok || nS === 0 || nN === 0) {
		return {
			...counts,
			hitRate: NaN,
			faRate: NaN,
			hitRateCorrected: NaN,
			faRateCorrected: NaN,
			dPrime: NaN,
			criterion: NaN
		};
	}
	const h = (hits + 0.5) / (nS + 1);
	const f = (falseAlarms + 0.5) / (nN + 1);
	const zh = probit(h);
	const zf = probit(f);
	return {
		...counts,
		hitRate: hits / nS,
		faRate: falseAlarms / nN,
		hitRateCorrected: h,
		faRateCorrected: f,
		dPrime: zh - zf,
		criterion: -(zh + zf) / 2
	};
}

/**
 * Counts a same/different block: "different" is the signal, so a hit is a "different" answer on a
 * different pair and a false alarm a "different" answer on a same pair. Each trial gives the answer
 * given and whether it was right, from which the pair's truth follows. (d′ does not depend on which
 * answer is called the signal; the criterion changes sign.)
 */
export function sameDifferentCounts(
	trials: readonly { response: string; correct: boolean | null }[]
): SdtCounts {
	const c: SdtCounts = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
	for (const t of trials) {
		if (t.correct === null || (t.response !== 'same' && t.response !== 'different')) continue;
		const saidDifferent = t.response === 'different';
		const wasDifferent = saidDifferent === t.correct;
		if (wasDifferent) {
			if (saidDifferent) c.hits++;
			else c.misses++;
		} else if (saidDifferent) c.falseAlarms++;
		else c.correctRejections++;
	}
	return c;
}

/** The median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (v.length === 0) return NaN;
	const mid = v.length >> 1;
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median RT of the correct trials with a finite, positive RT (the usual RT measure). */
export function medianCorrectRt(trials: readonly { correct: boolean | null; rtMs: number }[]): number {
	return median(trials.filter((t) => t.correct === true && t.rtMs > 0).map((t) => t.rtMs));
}

/** Proportion correct of the trials that have a right answer (NaN when none do). */
export function accuracy(trials: readonly { correct: boolean | null }[]): number {
	let n = 0;
	let k = 0;
	for (const t of trials) {
		if (t.correct === null) continue;
		n++;
		if (t.correct) k++;
	}
	return n ? k / n : NaN;
}

// ---- Student's t ---------------------------------------------------------------------------------------

function logGamma(x: number): number {
	// Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
	const g = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	x -= 1;
	let a = g[0];
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += g[i] / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) (Numerical Recipes' continued fraction). */
function betaInc(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
	if (x > (a + 1) / (a + b + 2)) return 1 - betaInc(1 - x, b, a);
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let f = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		f *= d * c;
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const del = d * c;
		f *= del;
		if (Math.abs(del - 1) < 1e-14) break;
	}
	return (front * f) / a;
}

/** CDF of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
	if (!(df > 0) || Number.isNaN(t)) return NaN;
	const x = df / (df + t * t);
	const tail = 0.5 * betaInc(x, df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

/** The quantile of Student's t (bisection on the CDF; t(0.975, 1) = 12.706, t(0.975, 9) = 2.262). */
export function tQuantile(p: number, df: number): number {
	if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
	if (p === 0.5) return 0;
	if (p < 0.5) return -tQuantile(1 - p, df);
	let lo = 0;
	let hi = 1;
	while (tCdf(hi, df) < p && hi < 1e8) hi *= 2;
	for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
		const mid = (lo + hi) / 2;
		if (tCdf(mid, df) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

export interface MeanCi {
	n: number;
	mean: number;
	sd: number; // sample SD (n − 1)
	se: number;
	low: number; // 95 % interval mean ± t(0.975, n − 1)·se; NaN for n < 2
	high: number;
}

/** Mean with a t-based 95 % interval over the finite values (one value per student). */
export function meanCi(values: readonly number[], level = 0.95): MeanCi {
	const v = values.filter(Number.isFinite);
	const n = v.length;
	if (n === 0) return { n, mean: NaN, sd: NaN, se: NaN, low: NaN, high: NaN };
	const mean = v.reduce((s, x) => s + x, 0) / n;
	if (n < 2) return { n, mean, sd: NaN, se: NaN, low: NaN, high: NaN };
	const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
	const se = sd / Math.sqrt(n);
	const t = tQuantile(1 - (1 - level) / 2, n - 1);
	return { n, mean, sd, se, low: mean - t * se, high: mean + t * se };
}

// ---- Psychometric function -----------------------------------------------------------------------------

export { fitLogistic, logisticCurve, type LogisticFit } from './psychometric';
