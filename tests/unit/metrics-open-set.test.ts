import { describe, expect, it } from 'vitest';
import {
	allowsTarget,
	enrol,
	type Enrolment,
	identify,
	MIN_FALSE_EVENTS,
	openSetReport,
	pointAt,
	search,
	verify
} from '$lib/metrics/open-set';
import { sortAngles, tarAtFar } from '$lib/metrics';
import { Rng } from '$lib/faces';

const deg = Math.PI / 180;
/** Unit 2-D features at these angles (degrees). */
const at = (...degrees: number[]) =>
	Float64Array.from(degrees.flatMap((a) => [Math.cos(a * deg), Math.sin(a * deg)]));
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe('enrol', () => {
	it('averages the unit features of k images and renormalises', () => {
		// identity 0 at 0° and 90° (lengths 1 and 3), identity 1 at 180°
		const f = Float64Array.from([1, 0, 0, 3, -2, 0]);
		const g = enrol(f, [0, 0, 1], [0, 1], 2, { dim: 2 });
		close(g.templates[0], Math.SQRT1_2);
		close(g.templates[1], Math.SQRT1_2);
		expect(Array.from(g.templates.slice(2))).toEqual([-1, 0]);
		expect(Array.from(g.used)).toEqual([1, 1, 1]);
		expect(g.k).toBe(2);
	});

	it('uses one image when k = 1, the same one for the same seed, and never more than there are', () => {
		const f = at(0, 10, 20, 30, 200);
		const labels = [0, 0, 0, 0, 1];
		const a = enrol(f, labels, [0, 1], 1, { dim: 2, seed: 3 });
		const b = enrol(f, labels, [0, 1], 1, { dim: 2, seed: 3 });
		expect(a.used).toEqual(b.used);
		expect(Array.from(a.used.slice(0, 4)).reduce((s, v) => s + v, 0)).toBe(1);
		expect(a.used[4]).toBe(1);
		expect(enrol(f, labels, [1], 5, { dim: 2 }).used[4]).toBe(1);
	});

	it('a mean that cancels stays zero, and an identity without images throws', () => {
		const g = enrol(at(0, 180), [0, 0], [0], 2, { dim: 2 });
		expect(Array.from(g.templates).map((v) => Math.abs(v) < 1e-12)).toEqual([true, true]);
		expect(() => enrol(at(0), [0], [3], 1, { dim: 2 })).toThrow(/no images/);
		expect(() => enrol(at(0), [0], [0], 0, { dim: 2 })).toThrow(/k must be/);
	});
});

describe('verify', () => {
	it('counts every pair and gives the angles of each kind', () => {
		// two identities of two images: positives 10° and 20°, negatives 90°, 80°, 100°, 90°
		const v = verify(at(0, 10, 90, 110), [0, 0, 1, 1], { dim: 2 });
		expect(v.totalPositive).toBe(2);
		expect(v.totalNegative).toBe(4);
		expect(Array.from(v.positive, (a) => Math.round(a / deg)).sort()).toEqual([10, 20]);
		expect(Array.from(v.negative, (a) => Math.round(a / deg)).sort()).toEqual([100, 110, 80, 90]);
		expect(v.auc).toBe(1);
	});

	it('reports TAR at a FAR only where the negatives allow MIN_FALSE_EVENTS false accepts', () => {
		expect(MIN_FALSE_EVENTS).toBe(5);
		expect(allowsTarget(50, 0.1)).toBe(true);
		expect(allowsTarget(49, 0.1)).toBe(false);
		expect(allowsTarget(500, 0.01)).toBe(true);
		// 10 identities × 10 images: 450 positives, 4,500 negatives: 1e-1 and 1e-2 allowed, 1e-3 not
		const n = 100;
		const labels = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 10));
		const f = at(...Array.from({ length: n }, (_, i) => labels[i] * 36 + (i % 10)));
		const v = verify(f, labels, { dim: 2 });
		expect(v.totalNegative).toBe(4500);
		expect(v.tarAtFar.map((p) => p.rate !== null)).toEqual([true, true, false]);
		// positives lie within 9°, negatives at least 27° apart: every positive accepted at any FAR
		expect(v.tarAtFar[0].rate).toBe(1);
		expect(v.tarAtFar[1].achieved).toBeLessThanOrEqual(0.01);
		expect(v.tarAtFar[2]).toEqual({ target: 1e-3, rate: null, threshold: null, achieved: null });
		expect(v.roc.error.length).toBe(v.roc.rate.length);
	});

	it('subsamples the angles it returns, never the pairs it counts', () => {
		const labels = Int32Array.from({ length: 60 }, (_, i) => i % 3);
		const f = at(...Array.from({ length: 60 }, (_, i) => i * 7));
		const v = verify(f, labels, { dim: 2, maxAngles: 100 });
		expect(v.negative.length).toBe(100);
		expect(v.totalNegative).toBe(1200);
	});
});

describe('identification', () => {
	// templates by hand: identity 0 at 0° (row 0 enrolled), identity 1 at 90° (row 2 enrolled)
	const f = at(0, 10, 90, 50, 170);
	const labels = [0, 0, 1, 1, 2];
	const g: Enrolment = {
		identities: Int32Array.from([0, 1]),
		templates: at(0, 90),
		k: 1,
		used: Uint8Array.from([1, 0, 1, 0, 0])
	};
	// 100 non-mated searches at 45°, 45.09°, …: 45° − 0.09° i from the nearer template (identity 1)
	const impostors = at(...Array.from({ length: 100 }, (_, i) => 45 + 0.09 * i));

	it('search finds the nearest template and its angle', () => {
		const s = search(g, f, [1, 3, 4], 2);
		expect(Array.from(s.candidate)).toEqual([0, 1, 1]);
		expect(Array.from(s.angle, (a) => Math.round(a / deg))).toEqual([10, 40, 80]);
	});

	it('enrolled from the features, k = 1 takes one image of each identity', () => {
		const e = enrol(f, labels, [0, 1], 1, { dim: 2 });
		expect(e.used[0] + e.used[1]).toBe(1);
		expect(e.used[2] + e.used[3]).toBe(1);
		expect(e.used[4]).toBe(0);
	});

	it('rank-1 over mated searches; DIR at FPIR from non-mated searches (FRVT)', () => {
		const r = identify(g, f, labels, impostors, { dim: 2, targets: [0.5, 0.1] });
		// mated searches: row 1 (identity 0, 10° from its template), row 3 (identity 1, 40°); row 4 is not enrolled
		expect(r).toMatchObject({ k: 1, gallerySize: 2, mated: 2, correct: 2, rank1: 1, nonMated: 100 });
		// ascending impostor angles 36.09° + 0.09° j: FPIR ≤ 0.5 accepts below the 51st (40.59°), ≤ 0.1 the 11th
		const [half, tenth] = r.dirAtFpir;
		expect(half.threshold! / deg).toBeCloseTo(40.59, 6);
		expect(half.achieved).toBe(0.5);
		expect(half.rate).toBe(1);
		expect(tenth.threshold! / deg).toBeCloseTo(36.99, 6);
		expect(tenth.achieved).toBeCloseTo(0.1, 12);
		expect(tenth.rate).toBe(0.5);
	});

	it('a wrong candidate never counts, and too few non-mated searches give null', () => {
		// two probes of identity 0 (nothing enrolled from them): at 80° (nearer identity 1) and at 10°
		const h: Enrolment = { ...g, used: new Uint8Array(2) };
		const r = identify(h, at(80, 10), [0, 0], impostors, { dim: 2, targets: [0.5, 0.1] });
		expect(r).toMatchObject({ mated: 2, correct: 1, rank1: 0.5 });
		// the wrong search is 10° from its candidate, below every threshold, and still never a hit
		expect(r.dirAtFpir.map((p) => p.rate)).toEqual([0.5, 0.5]);
		const few = identify(h, at(80, 10), [0, 0], at(200, 210), { dim: 2, targets: [0.5] });
		expect(few.dirAtFpir[0]).toEqual({ target: 0.5, rate: null, threshold: null, achieved: null });
		expect(few.curve.rate.every(Number.isFinite)).toBe(true);
	});

	it('openSetReport bundles verification and one identification per k', () => {
		const n = 40;
		const labels = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 10));
		const f = at(...Array.from({ length: n }, (_, i) => labels[i] * 90 + (i % 10) - 5));
		const impostors = at(...Array.from({ length: 50 }, (_, i) => 45 + i * 0.1));
		const r = openSetReport(f, labels, { dim: 2, gallery: [0, 1], impostors, enrolK: [1, 5] });
		expect(r.identities).toBe(4);
		expect(r.images).toBe(40);
		expect(r.identification.map((i) => [i.k, i.gallerySize, i.mated])).toEqual([
			[1, 2, 18],
			[5, 2, 10]
		]);
		expect(r.identification.every((i) => i.rank1 === 1)).toBe(true);
		// impostors 40–50° from the templates, mated probes within 10°: perfect DIR at FPIR 0.1
		expect(r.identification[1].dirAtFpir[0]).toMatchObject({ target: 0.1, rate: 1 });
		expect(r.identification[1].dirAtFpir[2].rate).toBeNull();
	});
});

describe('pointAt', () => {
	it('agrees with tarAtFar on sorted arrays', () => {
		const rng = new Rng(5);
		const pos = sortAngles(Array.from({ length: 300 }, () => rng.next()));
		const neg = sortAngles(Array.from({ length: 997 }, () => 0.5 + rng.next()));
		for (const f of [0, 1e-3, 0.01, 0.29, 0.5, 1]) {
			const a = pointAt(pos, neg, f);
			const b = tarAtFar(pos, neg, f);
			expect([a.threshold, a.rate, a.achieved]).toEqual([b.threshold, b.tar, b.far]);
		}
	});
});
