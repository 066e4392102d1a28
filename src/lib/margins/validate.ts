/**
 * Input checks shared by every margin function. Bad input throws an Error naming the argument; nothing here
 * returns NaN quietly.
 */

/** A row-major matrix: `m[i][j]`. Plain `number[][]` fits. */
export type Matrix = readonly (readonly number[])[];

/** Throws unless `x` is a finite number. */
export function assertFinite(x: number, name: string): void {
	if (typeof x !== 'number' || !Number.isFinite(x)) {
		throw new Error(`${name} must be a finite number, got ${String(x)}`);
	}
}

/**
 * Throws unless `m` is a non-empty rectangular matrix of finite numbers (with `rows`/`cols` if given).
 * Returns its shape.
 */
export function assertMatrix(
	m: Matrix,
	name: string,
	rows?: number,
	cols?: number
): { rows: number; cols: number } {
	if (!Array.isArray(m) || m.length === 0) throw new Error(`${name} must be a non-empty array of rows`);
	if (rows !== undefined && m.length !== rows) {
		throw new Error(`${name} must have ${rows} rows, got ${m.length}`);
	}
	const first = m[0];
	if (!Array.isArray(first) || first.length === 0) throw new Error(`${name}[0] must be a non-empty array`);
	const width = cols ?? first.length;
	for (let i = 0; i < m.length; i++) {
		const row = m[i];
		if (!Array.isArray(row) || row.length !== width) {
			throw new Error(
				`${name}[${i}] must have length ${width}, got ${Array.isArray(row) ? row.length : 'none'}`
			);
		}
		for (let j = 0; j < width; j++) {
			if (!Number.isFinite(row[j])) throw new Error(`${name}[${i}][${j}] is not a finite number`);
		}
	}
	return { rows: m.length, cols: width };
}

/** Throws unless `v` is a non-empty vector of finite numbers (of length `len` if given). */
export function assertVector(v: readonly number[], name: string, len?: number): void {
	if (!Array.isArray(v) || v.length === 0) throw new Error(`${name} must be a non-empty array`);
	if (len !== undefined && v.length !== len)
		throw new Error(`${name} must have length ${len}, got ${v.length}`);
	for (let i = 0; i < v.length; i++) {
		if (!Number.isFinite(v[i])) throw new Error(`${name}[${i}] is not a finite number`);
	}
}

/** Throws unless there is one integer label in [0, classes) per sample. */
export function assertLabels(labels: readonly number[], samples: number, classes: number): void {
	if (!Array.isArray(labels) || labels.length !== samples) {
		throw new Error(`labels must have one entry per sample (${samples}), got ${labels?.length ?? 'none'}`);
	}
	for (let i = 0; i < samples; i++) {
		const y = labels[i];
		if (!Number.isInteger(y) || y < 0 || y >= classes) {
			throw new Error(`labels[${i}] = ${String(y)} is not a class index in [0, ${classes})`);
		}
	}
}
