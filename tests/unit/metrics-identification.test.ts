import { describe, expect, it } from 'vitest';
import { rad } from '$lib/margins';
import { Rng } from '$lib/faces/rng';
import { rank1ByCentres, rank1Enrolled, rank1LeaveOneOut } from '$lib/metrics';

/** n points in k clusters around k evenly spaced directions, angular noise sd (radians), varied norms. */
function clusters(n: number, k: number, sd: number, seed: number) {
	const rng = new Rng(seed);
	const features = new Float32Array(2 * n);
	const labels = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		labels[i] = i % k;
		const a = (2 * Math.PI * labels[i]) / k + sd * rng.gaussian();
		const r = 0.2 + 3 * rng.next();
		features[2 * i] = r * Math.cos(a);
		features[2 * i + 1] = r * Math.sin(a);
	}
	const centres = new Float32Array(2 * k);
	for (let c = 0; c < k; c++) {
		centres[2 * c] = Math.cos((2 * Math.PI * c) / k);
		centres[2 * c + 1] = Math.sin((2 * Math.PI * c) / k);
	}
	return { features, labels, centres };
}

describe('rank-1 identification', () => {
	it('is 1 for well-separated clusters, by every protocol', () => {
		const { features, labels, centres } = clusters(800, 8, 0.05, 1);
		expect(rank1LeaveOneOut(features, labels)).toEqual({ rate: 1, correct: 800, probes: 800 });
		const enrolled = rank1Enrolled(features, labels, { seed: 3 });
		expect([enrolled.rate, enrolled.probes, enrolled.gallery.length]).toEqual([1, 792, 8]);
		expect(rank1ByCentres(features, labels, centres)).toEqual({ rate: 1, correct: 800, probes: 800 });
	});

	it('is about 1/8 for random labels', () => {
		const rng = new Rng(2);
		const n = 2400;
		const features = Float32Array.from({ length: 2 * n }, () => rng.gaussian());
		const labels = Int32Array.from({ length: n }, () => rng.int(8));
		const centres = clusters(8, 8, 0, 0).centres;
		for (const r of [
			rank1LeaveOneOut(features, labels),
			rank1Enrolled(features, labels, { seed: 1, perIdentity: 5 }),
			rank1ByCentres(features, labels, centres)
		]) {
			expect(Math.abs(r.rate - 1 / 8)).toBeLessThan(0.03);
		}
	});

	it('uses cosine, not distance: norms do not matter', () => {
		// 0° and 20° with norm 10 share a label; −1° with norm 0.1 does not, yet is the nearest by angle to 0°
		const features = Float32Array.from([
			10,
			0,
			10 * Math.cos(rad(20)),
			10 * Math.sin(rad(20)),
			0.1 * Math.cos(rad(-1)),
			0.1 * Math.sin(rad(-1))
		]);
		const labels = Int32Array.from([0, 0, 1]);
		const r = rank1LeaveOneOut(features, labels);
		// row 0 → row 2 (wrong); row 1 → row 0 (right); row 2 → row 0 (wrong)
		expect(r).toEqual({ rate: 1 / 3, correct: 1, probes: 3 });
	});

	it('enrols a seeded, per-identity gallery and probes the rest', () => {
		const { features, labels } = clusters(80, 8, 0.3, 4);
		const a = rank1Enrolled(features, labels, { perIdentity: 3, seed: 11 });
		const b = rank1Enrolled(features, labels, { perIdentity: 3, seed: 11 });
		const c = rank1Enrolled(features, labels, { perIdentity: 3, seed: 12 });
		expect(Array.from(a.gallery)).toEqual(Array.from(b.gallery));
		expect(Array.from(a.gallery)).not.toEqual(Array.from(c.gallery));
		expect(a.gallery.length).toBe(24);
		expect(a.probes).toBe(56);
		const perClass = new Array(8).fill(0);
		for (const i of a.gallery) perClass[labels[i]]++;
		expect(perClass).toEqual(new Array(8).fill(3));
		// an identity with no more images than perIdentity is all gallery, no probes
		const all = rank1Enrolled(features, labels, { perIdentity: 10 });
		expect([all.probes, all.rate, all.gallery.length]).toEqual([0, 0, 80]);
		expect(() => rank1Enrolled(features, labels, { perIdentity: 0 })).toThrow(/perIdentity/);
	});

	it('handles no features, one feature, empty classes and zero vectors', () => {
		const none = { rate: 0, correct: 0, probes: 0 };
		expect(rank1LeaveOneOut(new Float32Array(0), new Int32Array(0))).toEqual(none);
		expect(rank1LeaveOneOut(Float32Array.from([1, 0]), Int32Array.from([0]))).toEqual(none);
		expect(rank1ByCentres(new Float32Array(0), new Int32Array(0), Float32Array.from([1, 0]))).toEqual(none);
		const e = rank1Enrolled(new Float32Array(0), new Int32Array(0));
		expect([e.rate, e.probes, e.gallery.length]).toEqual([0, 0, 0]);
		// labels 0 and 5 only; a zero probe ties everywhere and takes the lowest row
		const features = Float32Array.from([0, 0, 1, 0, 0, 1, 0.9, 0.1]);
		const labels = Int32Array.from([5, 5, 0, 5]);
		const r = rank1LeaveOneOut(features, labels);
		expect(Number.isNaN(r.rate)).toBe(false);
		expect(r.probes).toBe(4);
	});

	it('by centres: the nearest centre by angle, labels checked against the centre count', () => {
		const centres = Float32Array.from([1, 0, 0, 1, -1, 0]);
		const features = Float32Array.from([2, 0.1, 0.1, 5, -0.1, -3, -3, 0.2]);
		const r = rank1ByCentres(features, Int32Array.from([0, 1, 1, 2]), centres);
		expect(r).toEqual({ rate: 0.75, correct: 3, probes: 4 });
		expect(() => rank1ByCentres(features, Int32Array.from([0, 1, 1, 3]), centres)).toThrow(/labels\[3\]/);
	});
});
