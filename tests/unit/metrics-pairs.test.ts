import { describe, expect, it } from 'vitest';
import { deg, rad } from '$lib/margins';
import { hashSeed, Rng } from '$lib/faces/rng';
import { pairAngles, pairCounts, sampleIndices } from '$lib/metrics';

function atDegrees(angles: number[], radius = 1): Float32Array {
	const out = new Float32Array(angles.length * 2);
	angles.forEach((a, i) => {
		out[2 * i] = radius * Math.cos(rad(a));
		out[2 * i + 1] = radius * Math.sin(rad(a));
	});
	return out;
}

const sortedDegrees = (a: Float32Array) =>
	Array.from(a, (x) => Math.round(deg(x) * 1e3) / 1e3).sort((p, q) => p - q);

/** n points in k clusters with Gaussian angular noise, seeded. */
function clusters(n: number, k: number, seed: number): { features: Float32Array; labels: Int32Array } {
	const rng = new Rng(seed);
	const features = new Float32Array(2 * n);
	const labels = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		labels[i] = rng.int(k);
		const a = (2 * Math.PI * labels[i]) / k + 0.2 * rng.gaussian();
		const r = 0.5 + rng.next();
		features[2 * i] = r * Math.cos(a);
		features[2 * i + 1] = r * Math.sin(a);
	}
	return { features, labels };
}

describe('pairAngles', () => {
	it('gives exact angles for points at known angles', () => {
		// 0° and 10° are one identity, 90° another, 200° a third
		const features = atDegrees([0, 90, 10, 200]);
		const labels = Int32Array.from([0, 1, 0, 2]);
		const { positive, negative, totalPositive, totalNegative } = pairAngles(features, labels);
		expect(positive).toBeInstanceOf(Float32Array);
		expect(sortedDegrees(positive)).toEqual([10]);
		expect(sortedDegrees(negative)).toEqual([80, 90, 110, 160, 170]);
		expect([totalPositive, totalNegative]).toEqual([1, 5]);
	});

	it('ignores norms and treats a zero feature as π/2 from everything', () => {
		const features = Float32Array.from([3, 0, 0, 0, 0, -0.5]);
		const { positive, negative } = pairAngles(features, Int32Array.from([0, 0, 1]));
		expect(positive[0]).toBe(Math.fround(Math.PI / 2));
		expect(sortedDegrees(negative)).toEqual([90, 90]);
	});

	it('stays finite at 0 and π (cosines are clamped before acos)', () => {
		const features = Float32Array.from([3, 4, 6, 8, -6, -8, 0.3, 0.4]);
		const { positive } = pairAngles(features, Int32Array.from([0, 0, 0, 0]));
		// pairs in row order: (0,1) (0,2) (0,3) (1,2) (1,3) (2,3)
		const expected = [0, Math.PI, 0, Math.PI, 0, Math.PI];
		positive.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(1e-7));
	});

	it('counts every unordered pair once', () => {
		const { features, labels } = clusters(300, 8, 1);
		const counts = pairCounts(labels);
		const { positive, negative, totalPositive, totalNegative } = pairAngles(features, labels);
		expect(positive.length + negative.length).toBe((300 * 299) / 2);
		expect([positive.length, negative.length]).toEqual([counts.positive, counts.negative]);
		expect([totalPositive, totalNegative]).toEqual([counts.positive, counts.negative]);
		expect(pairCounts(Int32Array.from([0, 0, 0, 2]))).toEqual({ positive: 3, negative: 3 });
	});

	it('matches a brute-force double loop in 3-D', () => {
		const rng = new Rng(5);
		const n = 40;
		const features = Float32Array.from({ length: 3 * n }, () => rng.gaussian());
		const labels = Int32Array.from({ length: n }, () => rng.int(4));
		const pos: number[] = [];
		const neg: number[] = [];
		for (let i = 0; i < n; i++) {
			for (let j = i + 1; j < n; j++) {
				const a = features.subarray(3 * i, 3 * i + 3);
				const b = features.subarray(3 * j, 3 * j + 3);
				const c = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / Math.hypot(...a) / Math.hypot(...b);
				(labels[i] === labels[j] ? pos : neg).push(Math.acos(Math.max(-1, Math.min(1, c))));
			}
		}
		const got = pairAngles(features, labels, { dim: 3 });
		const close = (a: Float32Array, b: number[]) =>
			Array.from(a)
				.sort((p, q) => p - q)
				.map((x, i) => Math.abs(x - b.sort((p, q) => p - q)[i]));
		expect(Math.max(...close(got.positive, pos))).toBeLessThan(1e-6);
		expect(Math.max(...close(got.negative, neg))).toBeLessThan(1e-6);
	});

	it('handles no features, one feature and one class', () => {
		const none = pairAngles(new Float32Array(0), new Int32Array(0));
		expect([none.positive.length, none.negative.length]).toEqual([0, 0]);
		const one = pairAngles(Float32Array.from([1, 0]), Int32Array.from([3]));
		expect([one.positive.length, one.negative.length]).toEqual([0, 0]);
		const same = pairAngles(atDegrees([0, 30, 60]), Int32Array.from([1, 1, 1]));
		expect(sortedDegrees(same.positive)).toEqual([30, 30, 60]);
		expect(same.negative.length).toBe(0);
	});

	it('subsamples to exactly the cap, deterministically for a seed', () => {
		const { features, labels } = clusters(400, 8, 2);
		const all = pairAngles(features, labels);
		const a = pairAngles(features, labels, { maxPairs: 5000, seed: 7 });
		const b = pairAngles(features, labels, { maxPairs: 5000, seed: 7 });
		const c = pairAngles(features, labels, { maxPairs: 5000, seed: 8 });
		expect([a.positive.length, a.negative.length]).toEqual([5000, 5000]);
		expect([a.totalPositive, a.totalNegative]).toEqual([all.positive.length, all.negative.length]);
		expect(Array.from(a.positive)).toEqual(Array.from(b.positive));
		expect(Array.from(a.negative)).toEqual(Array.from(b.negative));
		expect(Array.from(a.negative)).not.toEqual(Array.from(c.negative));
		// a cap above the total returns everything, in the same order
		const big = pairAngles(features, labels, { maxPairs: 1e9, seed: 3 });
		expect(Array.from(big.negative)).toEqual(Array.from(all.negative));
	});

	it('draws a sample whose distribution follows the whole', () => {
		const { features, labels } = clusters(600, 8, 3);
		const all = pairAngles(features, labels);
		const some = pairAngles(features, labels, { maxPairs: 20000, seed: 1 });
		const meanOf = (x: Float32Array) => x.reduce((s, v) => s + v, 0) / x.length;
		expect(meanOf(some.negative)).toBeCloseTo(meanOf(all.negative), 1);
		expect(meanOf(some.positive)).toBeCloseTo(meanOf(all.positive), 1);
		// every sampled angle is one of the real ones
		const real = new Set(all.negative);
		expect(Array.from(some.negative).every((x) => real.has(x))).toBe(true);
	});

	it('samples exactly the pairs its pair numbers name, on both sampling algorithms', () => {
		const { features, labels } = clusters(300, 5, 6);
		const all = pairAngles(features, labels);
		// caps well below (Floyd) and close to (selection sampling) each total
		for (const cap of [400, all.positive.length - 3, all.negative.length - 1000]) {
			const some = pairAngles(features, labels, { maxPairs: cap, seed: 21 });
			for (const [kind, stream] of [
				['positive', 1],
				['negative', 2]
			] as const) {
				const total = all[kind].length;
				if (total <= cap) {
					expect(Array.from(some[kind])).toEqual(Array.from(all[kind]));
					continue;
				}
				const picked = sampleIndices(total, cap, new Rng(hashSeed(21, stream)));
				expect(Array.from(some[kind])).toEqual(Array.from(picked, (t) => all[kind][t]));
			}
		}
	});

	it('rejects a bad cap', () => {
		const f = atDegrees([0, 10]);
		const l = Int32Array.from([0, 0]);
		expect(() => pairAngles(f, l, { maxPairs: -1 })).toThrow(/maxPairs/);
		expect(() => pairAngles(f, l, { maxPairs: 2.5 })).toThrow(/maxPairs/);
		expect(pairAngles(f, l, { maxPairs: 0 }).positive.length).toBe(0);
	});
});

describe('sampleIndices', () => {
	it('returns distinct ascending indices, uniformly spread, on both algorithms', () => {
		for (const [total, count] of [
			[1000, 300],
			[100000, 300]
		]) {
			const picked = sampleIndices(total, count, new Rng(4));
			expect(picked.length).toBe(count);
			for (let i = 1; i < picked.length; i++) expect(picked[i]).toBeGreaterThan(picked[i - 1]);
			expect(picked[0]).toBeGreaterThanOrEqual(0);
			expect(picked[count - 1]).toBeLessThan(total);
			const m = picked.reduce((s, v) => s + v, 0) / count;
			expect(Math.abs(m - (total - 1) / 2)).toBeLessThan(0.1 * total);
		}
		expect(Array.from(sampleIndices(3, 5, new Rng(1)))).toEqual([0, 1, 2]);
	});
});
