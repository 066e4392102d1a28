/**
 * Drawing D-dimensional features on a page (pure TS, no DOM): a principal-component projection to 2-D for
 * D > 3, and longitude/latitude on the unit sphere for D = 3.
 *
 * The projection is *uncentred* PCA: the two directions that keep the largest share of Σ‖x‖² (the second
 * moment, not the variance about the mean). The origin stays where it is, so a direction on the page is still
 * a direction from the origin, which is what every angle in the lab is measured from. `share` is that kept
 * part of Σ‖x‖²; the figure prints it so nobody reads a projection as the whole space.
 */

export type Projection = {
	dim: number;
	/** the two axes, each a unit vector of length dim (row-major, 2 × dim) */
	axes: Float64Array;
	/** the second moment along each axis, and all of it (the trace) */
	kept: [number, number];
	total: number;
	/** (kept[0] + kept[1]) / total, in [0, 1]; 0 when there is nothing to project */
	share: number;
};

/** Row i of `rows` (n × dim) as a unit vector into `out`; zero when it is zero or not finite. */
function unitRow(rows: ArrayLike<number>, i: number, dim: number, out: Float64Array): boolean {
	let s = 0;
	for (let d = 0; d < dim; d++) {
		const v = rows[i * dim + d];
		s += v * v;
	}
	const r = Math.sqrt(s);
	const ok = Number.isFinite(r) && r > 0;
	for (let d = 0; d < dim; d++) out[d] = ok ? rows[i * dim + d] / r : 0;
	return ok;
}

/**
 * All eigenvalues and eigenvectors of a symmetric dim × dim matrix (cyclic Jacobi rotations; `a` is
 * overwritten). Vectors are the columns of the returned matrix, row-major. Accurate to ~1e-12 for dim ≤ 64.
 */
export function symmetricEigen(
	a: Float64Array,
	dim: number
): { values: Float64Array; vectors: Float64Array } {
	const v = new Float64Array(dim * dim);
	for (let i = 0; i < dim; i++) v[i * dim + i] = 1;
	for (let sweep = 0; sweep < 60; sweep++) {
		let off = 0;
		let diag = 0;
		for (let p = 0; p < dim; p++) {
			diag += a[p * dim + p] ** 2;
			for (let q = p + 1; q < dim; q++) off += a[p * dim + q] ** 2;
		}
		if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
		for (let p = 0; p < dim; p++) {
			for (let q = p + 1; q < dim; q++) {
				const apq = a[p * dim + q];
				if (Math.abs(apq) < 1e-300) continue;
				const theta = (a[q * dim + q] - a[p * dim + p]) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < dim; k++) {
					const akp = a[k * dim + p];
					const akq = a[k * dim + q];
					a[k * dim + p] = c * akp - s * akq;
					a[k * dim + q] = s * akp + c * akq;
				}
				for (let k = 0; k < dim; k++) {
					const apk = a[p * dim + k];
					const aqk = a[q * dim + k];
					a[p * dim + k] = c * apk - s * aqk;
					a[q * dim + k] = s * apk + c * aqk;
				}
				for (let k = 0; k < dim; k++) {
					const vkp = v[k * dim + p];
					const vkq = v[k * dim + q];
					v[k * dim + p] = c * vkp - s * vkq;
					v[k * dim + q] = s * vkp + c * vkq;
				}
			}
		}
	}
	const values = new Float64Array(dim);
	for (let i = 0; i < dim; i++) values[i] = a[i * dim + i];
	return { values, vectors: v };
}

/**
 * The uncentred principal plane of the rows of `features` (n × dim), each row first scaled to unit length
 * when `unit` (the normalised losses, which only see directions). Non-finite rows are skipped. With
 * `previous` (the last frame's projection of the same dim), each axis is flipped to agree with it, so the
 * picture does not jump to its mirror image between two snapshots of a run.
 */
export function principalPlane(
	features: ArrayLike<number>,
	dim: number,
	{ unit = true, previous = null }: { unit?: boolean; previous?: Projection | null } = {}
): Projection {
	if (!Number.isInteger(dim) || dim < 2) throw new Error(`dim must be an integer ≥ 2, got ${dim}`);
	const n = Math.floor(features.length / dim);
	const m = new Float64Array(dim * dim);
	const row = new Float64Array(dim);
	for (let i = 0; i < n; i++) {
		if (unit) {
			if (!unitRow(features, i, dim, row)) continue;
		} else {
			let ok = true;
			for (let d = 0; d < dim; d++) {
				row[d] = features[i * dim + d];
				if (!Number.isFinite(row[d])) ok = false;
			}
			if (!ok) continue;
		}
		for (let p = 0; p < dim; p++) {
			const rp = row[p];
			if (rp === 0) continue;
			for (let q = p; q < dim; q++) m[p * dim + q] += rp * row[q];
		}
	}
	let total = 0;
	for (let p = 0; p < dim; p++) {
		total += m[p * dim + p];
		for (let q = 0; q < p; q++) m[p * dim + q] = m[q * dim + p];
	}
	const { values, vectors } = symmetricEigen(m, dim);
	const order = Array.from(values.keys()).sort((i, j) => values[j] - values[i] || i - j);
	const axes = new Float64Array(2 * dim);
	for (let a = 0; a < 2; a++) {
		const col = order[a];
		for (let d = 0; d < dim; d++) axes[a * dim + d] = vectors[d * dim + col];
		// A fixed sign: agree with the previous frame, else make the largest entry positive.
		let sign = 0;
		if (previous && previous.dim === dim) {
			let dot = 0;
			for (let d = 0; d < dim; d++) dot += axes[a * dim + d] * previous.axes[a * dim + d];
			sign = dot < 0 ? -1 : 1;
		} else {
			let big = 0;
			for (let d = 0; d < dim; d++) if (Math.abs(axes[a * dim + d]) > Math.abs(big)) big = axes[a * dim + d];
			sign = big < 0 ? -1 : 1;
		}
		if (sign < 0) for (let d = 0; d < dim; d++) axes[a * dim + d] *= -1;
	}
	const kept: [number, number] = [Math.max(0, values[order[0]]), Math.max(0, values[order[1]])];
	const share = total > 0 ? Math.min(1, (kept[0] + kept[1]) / total) : 0;
	return { dim, axes, kept, total, share };
}

/**
 * Rows (n × dim) on the projection's two axes, n × 2, unit-scaled first when `unit`; a zero or non-finite
 * row lands on the origin.
 */
export function project(
	rows: ArrayLike<number>,
	p: Projection,
	{ unit = true }: { unit?: boolean } = {}
): Float32Array {
	const { dim, axes } = p;
	const n = Math.floor(rows.length / dim);
	const out = new Float32Array(n * 2);
	const row = new Float64Array(dim);
	for (let i = 0; i < n; i++) {
		let ok = true;
		if (unit) ok = unitRow(rows, i, dim, row);
		else
			for (let d = 0; d < dim; d++) {
				row[d] = rows[i * dim + d];
				if (!Number.isFinite(row[d])) ok = false;
			}
		if (!ok) continue;
		let x = 0;
		let y = 0;
		for (let d = 0; d < dim; d++) {
			x += row[d] * axes[d];
			y += row[d] * axes[dim + d];
		}
		out[2 * i] = x;
		out[2 * i + 1] = y;
	}
	return out;
}

/**
 * 3-D rows as [longitude, latitude] in degrees (d3-geo's convention) of their directions: longitude
 * atan2(y, x), latitude asin(z / ‖x‖). A zero or non-finite row gives null (it has no direction).
 */
export function toLonLat(rows: ArrayLike<number>): ([number, number] | null)[] {
	const n = Math.floor(rows.length / 3);
	const out: ([number, number] | null)[] = new Array(n);
	const R = 180 / Math.PI;
	for (let i = 0; i < n; i++) {
		const x = rows[3 * i];
		const y = rows[3 * i + 1];
		const z = rows[3 * i + 2];
		const r = Math.hypot(x, y, z);
		if (!(Number.isFinite(r) && r > 0)) {
			out[i] = null;
			continue;
		}
		out[i] = [Math.atan2(y, x) * R, Math.asin(Math.max(-1, Math.min(1, z / r))) * R];
	}
	return out;
}

/** The feature length of a snapshot: values / rows, or 2 when that is not a whole number ≥ 2. */
export function featureDim(values: number, rows: number): number {
	if (!(rows > 0)) return 2;
	const d = values / rows;
	return Number.isInteger(d) && d >= 2 ? d : 2;
}
