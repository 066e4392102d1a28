import { describe, expect, it } from 'vitest';
import { deg, rad } from '$lib/margins';
import { histogram, mean, meanThetaY, thetaY } from '$lib/metrics';

/** n × 2 features at the given angles (degrees) and radii. */
function atDegrees(angles: number[], radii: number[] = angles.map(() => 1)): Float32Array {
	const out = new Float32Array(angles.length * 2);
	angles.forEach((a, i) => {
		out[2 * i] = radii[i] * Math.cos(rad(a));
		out[2 * i + 1] = radii[i] * Math.sin(rad(a));
	});
	return out;
}

describe('thetaY', () => {
	it('measures each feature against its own centre, whatever the norms', () => {
		const centres = atDegrees([0, 90], [3, 0.5]);
		const features = atDegrees([10, 30, 120, 90], [1, 5, 2, 0.1]);
		const labels = Int32Array.from([0, 0, 1, 1]);
		const theta = thetaY(features, centres, labels, 2);
		expect(theta).toBeInstanceOf(Float32Array);
		expect(Array.from(theta, deg).map((d) => Math.round(d * 1e4) / 1e4)).toEqual([10, 30, 30, 0]);
		expect(deg(meanThetaY(features, centres, labels, 2))).toBeCloseTo(17.5, 4);
	});

	it('gives π/2 for zero features and zero centres, never NaN', () => {
		const centres = Float32Array.from([1, 0, 0, 0]);
		const features = Float32Array.from([0, 0, 1, 1]);
		const theta = thetaY(features, centres, Int32Array.from([0, 1]), 2);
		expect(Array.from(theta)).toEqual([Math.fround(Math.PI / 2), Math.fround(Math.PI / 2)]);
	});

	it('is exact at 0 and π (cosines are clamped before acos)', () => {
		const c = Float32Array.from([0.1, 0.7]);
		const theta = thetaY(Float32Array.from([0.3, 2.1, -0.2, -1.4]), c, Int32Array.from([0, 0]), 2);
		expect(theta[0]).toBeCloseTo(0, 3);
		expect(theta[1]).toBeCloseTo(Math.PI, 3);
		expect(Number.isNaN(theta[0]) || Number.isNaN(theta[1])).toBe(false);
	});

	it('works in any dimension', () => {
		const centres = Float32Array.from([1, 0, 0, 0, 0, 1]);
		const features = Float32Array.from([0, 1, 0, 1, 1, 1]);
		const theta = thetaY(features, centres, Int32Array.from([0, 1]), 3);
		expect(theta[0]).toBeCloseTo(Math.PI / 2, 6);
		expect(theta[1]).toBeCloseTo(Math.acos(1 / Math.sqrt(3)), 6);
	});

	it('handles no features and rejects bad input', () => {
		expect(thetaY(new Float32Array(0), Float32Array.from([1, 0]), new Int32Array(0), 2).length).toBe(0);
		expect(meanThetaY(new Float32Array(0), Float32Array.from([1, 0]), new Int32Array(0), 2)).toBe(0);
		const c = Float32Array.from([1, 0, 0, 1]);
		expect(() => thetaY(Float32Array.from([1, 0, 1]), c, Int32Array.from([0]), 2)).toThrow(/multiple of dim/);
		expect(() => thetaY(Float32Array.from([1, 0]), c, Int32Array.from([2]), 2)).toThrow(/labels\[0\]/);
		expect(() => thetaY(Float32Array.from([1, 0]), c, Int32Array.from([0, 1]), 2)).toThrow(
			/one entry per row/
		);
		expect(() => thetaY(Float32Array.from([NaN, 0]), c, Int32Array.from([0]), 2)).toThrow(/finite/);
		expect(() => thetaY(Float32Array.from([1, 0]), c, Int32Array.from([0]), 0)).toThrow(/dim/);
	});

	it('mean is 0 for no values', () => {
		expect(mean([])).toBe(0);
		expect(mean([1, 2, 6])).toBe(3);
	});
});

describe('histogram', () => {
	it('counts into half-open bins with a closed last bin, and sums to n', () => {
		const h = histogram([0, 0.5, 1, 1.5, 2, 3.999, 4], { min: 0, max: 4, bins: 4 });
		expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
		expect(Array.from(h.counts)).toEqual([2, 2, 1, 2]);
		expect(h.counted).toBe(7);
		expect(h.dropped).toBe(0);
	});

	it('clamps out-of-range values into the end bins by default, or drops them', () => {
		const values = [-1, 0.5, 5, 7, NaN];
		const clamped = histogram(values, { min: 0, max: 4, bins: 2 });
		expect(Array.from(clamped.counts)).toEqual([2, 2]);
		expect([clamped.below, clamped.above, clamped.dropped, clamped.counted]).toEqual([1, 2, 1, 4]);
		const dropped = histogram(values, { min: 0, max: 4, bins: 2, outside: 'drop' });
		expect(Array.from(dropped.counts)).toEqual([1, 0]);
		expect([dropped.below, dropped.above, dropped.dropped, dropped.counted]).toEqual([1, 2, 4, 1]);
	});

	it('gives a density that integrates to 1 and fractions that sum to 1', () => {
		const values = Array.from({ length: 1000 }, (_, i) => (i * Math.PI) / 1000);
		const h = histogram(values, { min: 0, max: Math.PI, bins: 36 });
		const width = Math.PI / 36;
		expect(h.density.reduce((s, d) => s + d * width, 0)).toBeCloseTo(1, 12);
		expect(h.fraction.reduce((s, f) => s + f, 0)).toBeCloseTo(1, 12);
		expect(h.counts.reduce((s, c) => s + c, 0)).toBe(1000);
	});

	it('puts values on an edge into the bin that starts there, despite rounding', () => {
		const bins = 18;
		const edges = Array.from({ length: bins }, (_, i) => (i * Math.PI) / bins);
		const h = histogram(edges, { min: 0, max: Math.PI, bins });
		expect(Array.from(h.counts)).toEqual(new Array(bins).fill(1));
		const again = histogram(h.edges.subarray(0, bins), { min: 0, max: Math.PI, bins });
		expect(Array.from(again.counts)).toEqual(new Array(bins).fill(1));
		const degrees = histogram([0.1, 0.2, 0.3, 0.7], { min: 0, max: 1, bins: 10 });
		expect(Array.from(degrees.counts)).toEqual([0, 1, 1, 1, 0, 0, 0, 1, 0, 0]);
	});

	it('is all zeros for no values, and rejects bad options', () => {
		const h = histogram(new Float32Array(0), { min: 0, max: 1, bins: 3 });
		expect(Array.from(h.density)).toEqual([0, 0, 0]);
		expect(h.counted).toBe(0);
		expect(() => histogram([], { min: 1, max: 1, bins: 3 })).toThrow(/min < max/);
		expect(() => histogram([], { min: 0, max: 1, bins: 0 })).toThrow(/bins/);
		expect(() => histogram([], { min: 0, max: 1, bins: 2.5 })).toThrow(/bins/);
	});
});
