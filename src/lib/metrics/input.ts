/**
 * Input checks and shared preparation for the metrics. Features arrive as the training worker sends them:
 * a flat row-major `Float32Array` of n rows × `dim` columns (dim = 2 in the lab), labels an `Int32Array` of
 * class indices, class centres k × dim row-major. Bad input throws an Error naming the argument; nothing here
 * returns NaN quietly.
 *
 * Zero-length rows have no direction. `unitRows` returns them as zero vectors (the `normalise` rule of
 * `$lib/margins`), so their cosine with anything is 0: an angle of π/2 to everything.
 */

import { norm, normalise } from '$lib/margins';

/** Anything indexable with numbers: typed arrays and plain arrays. */
export type Numbers = ArrayLike<number>;

/** Throws unless `dim` is an integer ≥ 1. */
export function checkDim(dim: number): void {
	if (!Number.isInteger(dim) || dim < 1) throw new Error(`dim must be an integer ≥ 1, got ${String(dim)}`);
}

/** Throws unless `values` is n × dim of finite numbers; returns n (the number of rows). */
export function rowCount(values: Numbers, dim: number, name = 'features'): number {
	checkDim(dim);
	if (values.length % dim !== 0) {
		throw new Error(`${name} length ${values.length} is not a multiple of dim = ${dim}`);
	}
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i])) throw new Error(`${name}[${i}] must be finite, got ${values[i]}`);
	}
	return values.length / dim;
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

/** Row `i` of a row-major n × dim array, as a plain array. */
export function row(values: Numbers, dim: number, i: number): number[] {
	const out: number[] = new Array<number>(dim);
	for (let j = 0; j < dim; j++) out[j] = values[i * dim + j];
	return out;
}

/** Every row scaled to unit length (float64, row-major); zero rows stay zero. */
export function unitRows(values: Numbers, dim: number): Float64Array {
	const n = values.length / dim;
	const out = new Float64Array(n * dim);
	for (let i = 0; i < n; i++) out.set(normalise(row(values, dim, i)), i * dim);
	return out;
}

/** ‖row‖ for every row. */
export function rowNorms(values: Numbers, dim: number): Float64Array {
	const n = values.length / dim;
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = norm(row(values, dim, i));
	return out;
}

/** Row indices grouped by class: class c's rows are `order[starts[c]] … order[starts[c + 1] − 1]`, ascending. */
export interface ClassGroups {
	order: Int32Array;
	starts: Int32Array;
}

/** Counting sort of row indices by label (stable, so each class keeps ascending row order). */
export function groupByClass(labels: Numbers, classes: number): ClassGroups {
	const starts = new Int32Array(classes + 1);
	for (let i = 0; i < labels.length; i++) starts[labels[i] + 1]++;
	for (let c = 0; c < classes; c++) starts[c + 1] += starts[c];
	const next = starts.slice(0, classes);
	const order = new Int32Array(labels.length);
	for (let i = 0; i < labels.length; i++) order[next[labels[i]]++] = i;
	return { order, starts };
}
