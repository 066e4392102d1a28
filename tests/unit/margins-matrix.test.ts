import { describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces';
import { cosMatrix, thetaY as paperThetaY, centresOf } from '$lib/margins';
import {
	angle,
	cosine,
	cosines,
	dimOf,
	dotRows,
	flatten,
	meanThetaY,
	row,
	rows,
	thetaY
} from '$lib/margins/matrix';

describe('the flat row-major convention', () => {
	it('row, rows and flatten go back and forth', () => {
		const a = Float32Array.from([1, 2, 3, 4, 5, 6]);
		expect(row(a, 1, 3)).toEqual([4, 5, 6]);
		expect(rows(a, 2)).toEqual([
			[1, 2],
			[3, 4],
			[5, 6]
		]);
		const { values, d } = flatten(rows(a, 3));
		expect(d).toBe(3);
		expect(Array.from(values)).toEqual(Array.from(a));
		expect(() => flatten([[1, 2], [3]])).toThrow(/row 1/);
		expect(() => rows(a, 0)).toThrow(/dim/);
	});

	it('dimOf reads d from the row count', () => {
		expect(dimOf(new Float32Array(12), 4)).toBe(3);
		expect(dimOf(new Float32Array(0), 0)).toBe(1);
		expect(() => dimOf(new Float32Array(7), 2)).toThrow(/2 rows/);
		expect(() => dimOf(new Float32Array(2), 0)).toThrow(/0 rows/);
	});

	it('centresOf turns the paper’s W (d × n) into rows, n × d', () => {
		const W = [
			[1, 2, 3],
			[4, 5, 6]
		];
		expect(Array.from(centresOf(W))).toEqual([1, 4, 2, 5, 3, 6]);
	});
});

describe('cosine and angle', () => {
	it('ignore norms, clamp, and give 0 (π/2) for a zero vector', () => {
		expect(cosine([3, 0], [0.5, 0.5])).toBeCloseTo(Math.SQRT1_2, 15);
		expect(angle([1, 0, 0], [0, 2, 0])).toBeCloseTo(Math.PI / 2, 15);
		expect(cosine([0.1, 0.7], [0.3, 2.1])).toBeLessThanOrEqual(1);
		expect(angle([0.1, 0.7], [-0.2, -1.4])).toBeCloseTo(Math.PI, 6);
		expect(cosine([0, 0], [1, 1])).toBe(0);
		expect(() => cosine([1, 0], [1, 0, 0])).toThrow(/length/);
	});

	it('dotRows dots row i of one matrix with row j of another', () => {
		expect(dotRows([1, 2, 3, 4], 1, [5, 6, 7, 8], 0, 2)).toBe(3 * 5 + 4 * 6);
	});
});

describe('one θ_y for every d', () => {
	/** Random features n × d, centres k × d, labels. */
	function random(seed: number, n: number, d: number, k: number) {
		const rng = new Rng(seed);
		const features = Float64Array.from({ length: n * d }, () => rng.gaussian());
		const centres = Float64Array.from({ length: k * d }, () => rng.gaussian());
		const labels = Int32Array.from({ length: n }, () => rng.int(k));
		return { features, centres, labels };
	}

	for (const d of [2, 3, 8, 64]) {
		it(`matches acos of the cosine to the own centre, and the paper’s form, at d = ${d}`, () => {
			const n = 40;
			const k = 6;
			const { features, centres, labels } = random(d, n, d, k);
			const theta = thetaY(features, centres, labels, d, new Float64Array(n));
			const cos = cosines(features, centres, d);
			for (let i = 0; i < n; i++) {
				const c = row(centres, labels[i], d);
				expect(theta[i]).toBeCloseTo(angle(row(features, i, d), c), 12);
				expect(theta[i]).toBeCloseTo(Math.acos(cos[i * k + labels[i]]), 15);
			}
			// the paper's x (N × d) and W (d × n): the same numbers
			const x = rows(features, d);
			const W = Array.from({ length: d }, (_, t) => Array.from({ length: k }, (_, j) => centres[j * d + t]));
			expect(paperThetaY(x, W, Array.from(labels))).toEqual(Array.from(theta));
			expect(cosMatrix(x, W)).toEqual(rows(cos, k));
			const mean = theta.reduce((s, v) => s + v, 0) / n;
			expect(meanThetaY(features, centres, labels, d)).toBeCloseTo(mean, 14);
		});
	}

	it('keeps float32 by default and writes into a given array', () => {
		const f = [1, 0, 0, 1];
		const c = [1, 1];
		expect(thetaY(f, c, [0, 0], 2)).toBeInstanceOf(Float32Array);
		const out = new Float64Array(2);
		expect(thetaY(f, c, [0, 0], 2, out)).toBe(out);
		expect(out[0]).toBeCloseTo(Math.PI / 4, 15);
		expect(() => thetaY(f, c, [0, 0], 2, new Float64Array(3))).toThrow(/length 2/);
		expect(() => thetaY(f, [1, 1, 1], [0, 0], 2)).toThrow(/centres/);
	});
});
