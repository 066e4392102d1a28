import { describe, it, expect } from 'vitest';
import {
	assertFinite,
	assertLabels,
	assertMatrix,
	assertVector,
	clamp,
	clampCos,
	deg,
	dot,
	linspace,
	logSumExp,
	norm,
	normalise,
	rad
} from '$lib/margins';

describe('angles', () => {
	it('converts between degrees and radians', () => {
		expect(deg(Math.PI)).toBe(180);
		expect(rad(180)).toBe(Math.PI);
		expect(deg(0.5)).toBeCloseTo(28.6479, 4);
		expect(rad(deg(1.234))).toBeCloseTo(1.234, 14);
	});
});

describe('vector helpers', () => {
	it('clamp and clampCos', () => {
		expect(clamp(5, 0, 1)).toBe(1);
		expect(clamp(-5, 0, 1)).toBe(0);
		expect(clamp(0.3, 0, 1)).toBe(0.3);
		expect(clampCos(1 + 1e-15)).toBe(1);
		expect(clampCos(-1 - 1e-15)).toBe(-1);
		expect(Math.acos(clampCos(1 + 1e-15))).toBe(0);
	});

	it('dot and norm', () => {
		expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
		expect(() => dot([1, 2], [1])).toThrow(/length mismatch/);
		expect(norm([3, 4])).toBe(5);
		expect(norm([0, 0])).toBe(0);
		expect(norm([3e200, 4e200]) / 1e200).toBeCloseTo(5, 12);
		expect(norm([3e-200, 4e-200]) / 1e-200).toBeCloseTo(5, 12);
	});

	it('normalise gives unit vectors, and a zero vector stays zero (documented choice)', () => {
		expect(normalise([3, 4])).toEqual([0.6, 0.8]);
		expect(normalise([0, 0, 0])).toEqual([0, 0, 0]);
		expect(normalise([0, -2])).toEqual([0, -1]);
	});

	it('logSumExp is stable for large and very negative logits', () => {
		expect(logSumExp([0, 0])).toBeCloseTo(Math.log(2), 15);
		expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 10);
		expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.log(2), 10);
		expect(logSumExp([64 * 64, 0, -64 * 64])).toBe(4096);
		expect(() => logSumExp([])).toThrow(/empty/);
	});

	it('linspace includes both ends', () => {
		expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
		expect(linspace(rad(20), rad(100), 81).at(-1)).toBe(rad(100));
		expect(() => linspace(0, 1, 1)).toThrow(/steps/);
	});
});

describe('validation', () => {
	it('assertFinite', () => {
		expect(() => assertFinite(1, 'a')).not.toThrow();
		expect(() => assertFinite(NaN, 'a')).toThrow(/a must be a finite number/);
	});

	it('assertMatrix returns the shape and rejects ragged, empty or non-finite input', () => {
		expect(assertMatrix([[1, 2, 3]], 'x')).toEqual({ rows: 1, cols: 3 });
		expect(() => assertMatrix([], 'x')).toThrow(/x must be a non-empty/);
		expect(() => assertMatrix([[]], 'x')).toThrow(/x\[0\]/);
		expect(() => assertMatrix([[1, 2], [3]], 'x')).toThrow(/x\[1\] must have length 2/);
		expect(() => assertMatrix([[1, NaN]], 'x')).toThrow(/x\[0\]\[1\]/);
		expect(() => assertMatrix([[1, 2]], 'x', 2)).toThrow(/2 rows/);
		expect(() => assertMatrix([[1, 2]], 'x', 1, 3)).toThrow(/length 3/);
	});

	it('assertVector and assertLabels', () => {
		expect(() => assertVector([1, 2], 'b', 2)).not.toThrow();
		expect(() => assertVector([1, 2], 'b', 3)).toThrow(/b must have length 3/);
		expect(() => assertVector([Infinity], 'b')).toThrow(/b\[0\]/);
		expect(() => assertLabels([0, 2], 2, 3)).not.toThrow();
		expect(() => assertLabels([0], 2, 3)).toThrow(/one entry per sample/);
		expect(() => assertLabels([0, 3], 2, 3)).toThrow(/labels\[1\]/);
		expect(() => assertLabels([0, 1.5], 2, 3)).toThrow(/labels\[1\]/);
		expect(() => assertLabels([-1, 0], 2, 3)).toThrow(/labels\[0\]/);
	});
});
