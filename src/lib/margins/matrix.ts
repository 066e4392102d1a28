/**
 * The one feature-matrix convention of the pure code, and the one θ_y. A matrix is a flat row-major array
 * (`Float32Array` as the worker sends it, or any `ArrayLike<number>`) of n rows × d columns with d given
 * explicitly: features are n × d (row i = feature i), class centres k × d (row j = class j), labels are class
 * indices 0 … k − 1. `rows`/`row` give plain vectors where a caller needs them. The paper's W (d × n, one
 * centre per column) is converted to this form in one place, `geometry.ts`.
 *
 * Zero-length rows have no direction: they normalise to zero vectors (the `normalise` rule), so their cosine
 * with anything is 0, an angle of π/2. Bad input throws an Error naming the argument, never a quiet NaN.
 */

import { clampCos, norm, normalise } from './vec';

/** Anything indexable with numbers: typed arrays and plain arrays. */
export type Numbers = ArrayLike<number>;

/** Throws unless `d` is an integer ≥ 1. */
export function checkDim(d: number): void {
	if (!Number.isInteger(d) || d < 1) throw new Error(`dim must be an integer ≥ 1, got ${String(d)}`);
}

/** Throws unless `values` is n × d of finite numbers; returns n (the number of rows). */
export function rowCount(values: Numbers, d: number, name = 'features'): number {
	checkDim(d);
	if (values.length % d !== 0) {
		throw new Error(`${name} length ${values.length} is not a multiple of dim = ${d}`);
	}
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i])) throw new Error(`${name}[${i}] must be finite, got ${values[i]}`);
	}
	return values.length / d;
}

/**
 * The row length d of a flat matrix with `n` rows (e.g. features with one row per label). Throws unless the
 * length splits into n whole rows. With no rows every d gives the same empty result; it returns 1 then.
 */
export function dimOf(values: Numbers, n: number): number {
	if (n === 0) {
		if (values.length !== 0) throw new Error(`${values.length} values cannot make 0 rows`);
		return 1;
	}
	const d = values.length / n;
	if (!Number.isInteger(d) || d < 1) throw new Error(`${values.length} values do not make ${n} rows`);
	return d;
}

/** One more than the largest label (0 for no labels): the class count when none is given. */
export function classCount(labels: Numbers): number {
	let max = -1;
	for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i];
	return max + 1;
}

/**
 * Throws unless there are `n` labels, each an integer in [0, classes); `classes` defaults to
 * `classCount(labels)`. Returns the class count.
 */
export function checkLabels(labels: Numbers, n: number, classes?: number): number {
	if (labels.length !== n) throw new Error(`labels must have one entry per row (${n}), got ${labels.length}`);
	const k = classes ?? classCount(labels);
	if (!Number.isInteger(k) || k < 0) throw new Error(`classes must be an integer ≥ 0, got ${String(k)}`);
	for (let i = 0; i < n; i++) {
		const y = labels[i];
		if (!Number.isInteger(y) || y < 0 || y >= k) {
			throw new Error(`labels[${i}] must be an integer in [0, ${k}), got ${y}`);
		}
	}
	return k;
}

/** Row `i` of a row-major n × d array, as a plain array. */
export function row(values: Numbers, i: number, d: number): number[] {
	const out: number[] = new Array<number>(d);
	for (let j = 0; j < d; j++) out[j] = values[i * d + j];
	return out;
}

/** Every row of a row-major n × d array, as plain arrays. */
export function rows(values: Numbers, d: number): number[][] {
	checkDim(d);
	return Array.from({ length: Math.floor(values.length / d) }, (_, i) => row(values, i, d));
}

/** Plain rows (all of one length) as one flat row-major Float64Array, and that length. */
export function flatten(m: readonly (readonly number[])[]): { values: Float64Array; d: number } {
	const d = m.length > 0 ? m[0].length : 0;
	const values = new Float64Array(m.length * d);
	m.forEach((r, i) => {
		if (r.length !== d) throw new Error(`row ${i} has length ${r.length}, expected ${d}`);
		values.set(r, i * d);
	});
	return { values, d };
}

/** Row i of `a` dotted with row j of `b`, both with d columns. */
export function dotRows(a: Numbers, i: number, b: Numbers, j: number, d: number): number {
	let s = 0;
	for (let t = 0, ia = i * d, ib = j * d; t < d; t++) s += a[ia + t] * b[ib + t];
	return s;
}

/** cos of the angle between two vectors of one length, clamped to [−1, 1]; 0 if either is zero. */
export function cosine(a: Numbers, b: Numbers): number {
	if (a.length !== b.length) throw new Error(`cosine: length mismatch (${a.length} vs ${b.length})`);
	const ua = normalise(Array.from(a));
	const ub = normalise(Array.from(b));
	let s = 0;
	for (let t = 0; t < ua.length; t++) s += ua[t] * ub[t];
	return clampCos(s);
}

/** The angle between two vectors, radians in [0, π]; π/2 if either is zero. */
export function angle(a: Numbers, b: Numbers): number {
	return Math.acos(cosine(a, b));
}

/** Every row scaled to unit length (float64, row-major); zero rows stay zero. */
export function unitRows(values: Numbers, d: number): Float64Array {
	const n = values.length / d;
	const out = new Float64Array(n * d);
	for (let i = 0; i < n; i++) out.set(normalise(row(values, i, d)), i * d);
	return out;
}

/** ‖row‖ for every row. */
export function rowNorms(values: Numbers, d: number): Float64Array {
	const n = values.length / d;
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = norm(row(values, i, d));
	return out;
}

/** n × k cosines (row-major) between every feature and every class centre, clamped to [−1, 1]. */
export function cosines(features: Numbers, centres: Numbers, d: number): Float64Array {
	const n = rowCount(features, d);
	const k = rowCount(centres, d, 'centres');
	const x = unitRows(features, d);
	const w = unitRows(centres, d);
	const out = new Float64Array(n * k);
	for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = clampCos(dotRows(x, i, w, j, d));
	return out;
}

/**
 * θ_{y_i} in radians, one per feature row: arccos of the clamped cosine between feature i and centre
 * `labels[i]`. Every label must be in [0, k). Written into `out` (by default a new Float32Array, what the
 * figures keep; pass a Float64Array of length n for full precision).
 */
export function thetaY<T extends Float32Array | Float64Array = Float32Array>(
	features: Numbers,
	centres: Numbers,
	labels: Numbers,
	d: number,
	out?: T
): T {
	const n = rowCount(features, d);
	const k = rowCount(centres, d, 'centres');
	checkLabels(labels, n, k);
	const result = out ?? (new Float32Array(n) as T);
	if (result.length !== n) throw new Error(`thetaY: out must have length ${n}, got ${result.length}`);
	const x = unitRows(features, d);
	const w = unitRows(centres, d);
	for (let i = 0; i < n; i++) result[i] = Math.acos(clampCos(dotRows(x, i, w, labels[i], d)));
	return result;
}

/** Mean θ_y in radians (0 when there are no features), summed in double precision. */
export function meanThetaY(features: Numbers, centres: Numbers, labels: Numbers, d: number): number {
	const n = rowCount(features, d);
	return mean(thetaY(features, centres, labels, d, new Float64Array(n)));
}

/** Arithmetic mean; 0 for an empty array (so a summary never shows NaN). */
export function mean(values: Numbers): number {
	if (values.length === 0) return 0;
	let s = 0;
	for (let i = 0; i < values.length; i++) s += values[i];
	return s / values.length;
}
