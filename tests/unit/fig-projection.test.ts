import { describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces/rng';
import {
	featureDim,
	principalPlane,
	project,
	symmetricEigen,
	toLonLat
} from '../../src/lib/figures/feature-circle/projection';

describe('symmetricEigen', () => {
	it('diagonalises a symmetric matrix: A v = λ v for every pair, vectors orthonormal', () => {
		const rng = new Rng(3);
		const dim = 12;
		const a = new Float64Array(dim * dim);
		for (let p = 0; p < dim; p++)
			for (let q = p; q < dim; q++) a[p * dim + q] = a[q * dim + p] = rng.gaussian();
		const copy = a.slice();
		const { values, vectors } = symmetricEigen(a, dim);
		for (let j = 0; j < dim; j++) {
			for (let r = 0; r < dim; r++) {
				let av = 0;
				for (let c = 0; c < dim; c++) av += copy[r * dim + c] * vectors[c * dim + j];
				expect(av).toBeCloseTo(values[j] * vectors[r * dim + j], 9);
			}
			for (let k = 0; k < dim; k++) {
				let dot = 0;
				for (let r = 0; r < dim; r++) dot += vectors[r * dim + j] * vectors[r * dim + k];
				expect(dot).toBeCloseTo(j === k ? 1 : 0, 9);
			}
		}
	});
});

describe('principalPlane', () => {
	it('finds the plane the points lie in and keeps all of their second moment', () => {
		// Unit vectors in the plane spanned by e2 and e5 of R^8.
		const dim = 8;
		const n = 50;
		const f = new Float32Array(n * dim);
		for (let i = 0; i < n; i++) {
			const a = (i / n) * 2 * Math.PI;
			f[i * dim + 2] = Math.cos(a);
			f[i * dim + 5] = Math.sin(a);
		}
		const p = principalPlane(f, dim);
		expect(p.share).toBeCloseTo(1, 6);
		expect(p.total).toBeCloseTo(n, 4);
		const xy = project(f, p);
		for (let i = 0; i < n; i++) expect(Math.hypot(xy[2 * i], xy[2 * i + 1])).toBeCloseTo(1, 5);
	});

	it('keeps 2/D of isotropic directions (hand-computable: the 2 coordinate axes of ±e_d)', () => {
		// ±e_d for every d: the second moment is 2·I, so any plane keeps 2 of D parts.
		const dim = 16;
		const f = new Float32Array(2 * dim * dim);
		for (let d = 0; d < dim; d++) {
			f[2 * d * dim + d] = 1;
			f[(2 * d + 1) * dim + d] = -3; // scaled: unit features ignore the norm
		}
		expect(principalPlane(f, dim).share).toBeCloseTo(2 / dim, 9);
		// raw features: the second moment of axis d is 1 + 9 = 10 for every d
		const raw = principalPlane(f, dim, { unit: false });
		expect(raw.total).toBeCloseTo(10 * dim, 6);
		expect(raw.share).toBeCloseTo(2 / dim, 9);
	});

	it('orders the axes by kept moment and fixes their signs', () => {
		const dim = 4;
		const f = Float32Array.from([3, 0, 0, 0, -3, 0, 0, 0, 0, 0, 2, 0, 0, 0, -2, 0, 0, 1, 0, 0]);
		const p = principalPlane(f, dim, { unit: false });
		expect(p.kept[0]).toBeCloseTo(18, 9);
		expect(p.kept[1]).toBeCloseTo(8, 9);
		expect(p.share).toBeCloseTo(26 / 27, 9);
		expect(Array.from(p.axes.slice(0, 4)).map((v) => Math.abs(v))).toEqual([1, 0, 0, 0]);
		expect(p.axes[0]).toBe(1);
		expect(p.axes[4 + 2]).toBe(1);
	});

	it('agrees in sign with the previous frame', () => {
		const dim = 8;
		const rng = new Rng(9);
		const f = Float32Array.from({ length: 40 * dim }, () => rng.gaussian());
		const p = principalPlane(f, dim);
		const flipped = { ...p, axes: p.axes.map((v) => -v) };
		const q = principalPlane(f, dim, { previous: flipped });
		for (let i = 0; i < p.axes.length; i++) expect(q.axes[i]).toBeCloseTo(-p.axes[i], 9);
	});

	it('skips NaN and zero rows and never returns NaN', () => {
		const dim = 8;
		const f = new Float32Array(3 * dim);
		f[0] = NaN;
		f[dim + 1] = 2;
		const p = principalPlane(f, dim);
		expect(p.share).toBeCloseTo(1, 9);
		const xy = project(f, p);
		expect(Array.from(xy).every(Number.isFinite)).toBe(true);
		expect([xy[0], xy[1], xy[4], xy[5]]).toEqual([0, 0, 0, 0]);
		const empty = principalPlane(new Float32Array(0), 16);
		expect(empty.share).toBe(0);
		expect(Array.from(empty.axes).every(Number.isFinite)).toBe(true);
		expect(() => principalPlane(f, 1)).toThrow();
	});

	it('is fast enough for a snapshot: 2,400 × 64 features', () => {
		const dim = 64;
		const rng = new Rng(1);
		const f = Float32Array.from({ length: 2400 * dim }, () => rng.gaussian());
		const p = principalPlane(f, dim);
		expect(p.share).toBeGreaterThan(2 / dim);
		expect(p.share).toBeLessThan(0.2);
	});
});

describe('toLonLat and featureDim', () => {
	it('turns 3-D directions into degrees of longitude and latitude', () => {
		const ll = toLonLat(
			Float64Array.from([1, 0, 0, 0, 2, 0, 0, 0, -5, 0, 0, 0, 1, 1, Math.SQRT2, NaN, 0, 0])
		);
		expect(ll[0]).toEqual([0, 0]);
		expect(ll[1]).toEqual([90, 0]);
		expect(ll[2]?.[1]).toBeCloseTo(-90, 9);
		expect(ll[3]).toBeNull();
		expect(ll[4]?.[0]).toBeCloseTo(45, 9);
		expect(ll[4]?.[1]).toBeCloseTo(45, 9);
		expect(ll[5]).toBeNull();
	});

	it('reads the feature length from a snapshot, 2 when it does not divide', () => {
		expect(featureDim(48, 16)).toBe(3);
		expect(featureDim(16 * 64, 16)).toBe(64);
		expect(featureDim(10, 3)).toBe(2);
		expect(featureDim(0, 0)).toBe(2);
		expect(featureDim(5, 5)).toBe(2);
	});
});

describe('featureView', () => {
	it('draws every D the lab offers, for K up to 256, with no NaN, even from diverged rows', async () => {
		const { featureView } = await import('../../src/lib/figures/feature-circle/data');
		const rng = new Rng(5);
		for (const dim of [2, 3, 8, 16, 32, 64]) {
			for (const k of [8, 256]) {
				const rows = 300;
				const f = Float32Array.from({ length: rows * dim }, () => rng.gaussian());
				f[0] = NaN;
				const c = Float32Array.from({ length: k * dim }, () => rng.gaussian());
				for (const normalised of [true, false]) {
					const v = featureView(f, c, rows, normalised, null, dim);
					expect(v.dim).toBe(dim);
					expect(v.kind).toBe(dim === 2 ? 'circle' : dim === 3 ? 'sphere' : 'projection');
					if (v.kind === 'sphere') {
						expect(v.points).toHaveLength(rows);
						expect(v.points[0]).toBeNull();
						expect(v.centres).toHaveLength(k);
					} else {
						expect(v.view.xy).toHaveLength(rows * 2);
						expect(v.view.rays).toHaveLength(k * 2);
						expect(Array.from(v.view.xy).every(Number.isFinite)).toBe(true);
						expect(Array.from(v.view.rays).every(Number.isFinite)).toBe(true);
						expect(Number.isFinite(v.view.extent) && v.view.extent > 0).toBe(true);
					}
				}
			}
		}
	});
});
