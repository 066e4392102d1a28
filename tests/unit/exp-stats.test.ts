import { describe, expect, it } from 'vitest';
import {
	accuracy,
	dPrime,
	fitLogistic,
	logisticCurve,
	meanCi,
	median,
	medianCorrectRt,
	normalCdf,
	probit,
	sameDifferentCounts,
	tQuantile
} from '$lib/experiments/stats';
import { Rng } from '$lib/faces/rng';

describe('normal distribution', () => {
	it('probit inverts Φ and has the textbook values', () => {
		expect(probit(0.5)).toBeCloseTo(0, 9);
		expect(probit(0.975)).toBeCloseTo(1.959964, 5);
		expect(probit(0.01)).toBeCloseTo(-2.326348, 5);
		for (const p of [0.001, 0.02, 0.3, 0.7, 0.99]) expect(normalCdf(probit(p))).toBeCloseTo(p, 6);
		expect(probit(0)).toBe(-Infinity);
		expect(probit(1)).toBe(Infinity);
		expect(probit(NaN)).toBeNaN();
		expect(probit(1.5)).toBeNaN();
	});
});

describe('d′ with the log-linear correction', () => {
	it('matches hand-computed values', () => {
		// 15 of 20 hits, 5 of 20 false alarms: H' = 15.5/21, F' = 5.5/21
		const r = dPrime({ hits: 15, misses: 5, falseAlarms: 5, correctRejections: 15 });
		const zh = probit(15.5 / 21);
		expect(r.dPrime).toBeCloseTo(2 * zh, 10);
		expect(r.dPrime).toBeCloseTo(1.275, 3);
		expect(r.criterion).toBeCloseTo(0, 10);
		expect(r.hitRate).toBe(0.75);
		expect(r.faRate).toBe(0.25);
		// perfect: 20/20 hits, 0/20 false alarms → H' = 20.5/21, F' = 0.5/21, d′ = 2·z(20.5/21) ≈ 3.96
		const p = dPrime({ hits: 20, misses: 0, falseAlarms: 0, correctRejections: 20 });
		expect(p.dPrime).toBeCloseTo(2 * probit(20.5 / 21), 10);
		expect(p.dPrime).toBeCloseTo(3.96, 2);
		// chance: half and half
		expect(dPrime({ hits: 10, misses: 10, falseAlarms: 10, correctRejections: 10 }).dPrime).toBeCloseTo(
			0,
			10
		);
		// a liberal observer: says "different" often
		const lib = dPrime({ hits: 18, misses: 2, falseAlarms: 10, correctRejections: 10 });
		expect(lib.criterion).toBeLessThan(0);
	});
	it('gives NaN, not a throw, for empty or invalid tables', () => {
		expect(dPrime({ hits: 0, misses: 0, falseAlarms: 3, correctRejections: 4 }).dPrime).toBeNaN();
		expect(dPrime({ hits: -1, misses: 2, falseAlarms: 3, correctRejections: 4 }).dPrime).toBeNaN();
		expect(dPrime({ hits: 1.5, misses: 2, falseAlarms: 3, correctRejections: 4 }).dPrime).toBeNaN();
	});
	it('counts same/different trials with "different" as the signal', () => {
		const c = sameDifferentCounts([
			{ response: 'different', correct: true },
			{ response: 'different', correct: false },
			{ response: 'same', correct: true },
			{ response: 'same', correct: false },
			{ response: 'same', correct: null },
			{ response: 'A', correct: true }
		]);
		expect(c).toEqual({ hits: 1, misses: 1, falseAlarms: 1, correctRejections: 1 });
	});
});

describe('medians, accuracy and intervals', () => {
	it('medians skip non-finite values; RT medians use correct trials only', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3, NaN])).toBe(2.5);
		expect(median([])).toBeNaN();
		expect(
			medianCorrectRt([
				{ correct: true, rtMs: 500 },
				{ correct: false, rtMs: 100 },
				{ correct: true, rtMs: 700 },
				{ correct: null, rtMs: 50 }
			])
		).toBe(600);
		expect(accuracy([{ correct: true }, { correct: false }, { correct: null }])).toBe(0.5);
		expect(accuracy([])).toBeNaN();
	});
	it('t quantiles and the 95 % interval match tables', () => {
		expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
		expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
		expect(tQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
		expect(tQuantile(0.025, 9)).toBeCloseTo(-2.262, 3);
		const m = meanCi([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(m.mean).toBe(5.5);
		expect(m.sd).toBeCloseTo(3.02765, 4);
		expect(m.low).toBeCloseTo(5.5 - 2.262157 * (3.02765 / Math.sqrt(10)), 3);
		expect(m.high).toBeCloseTo(5.5 + 2.262157 * (3.02765 / Math.sqrt(10)), 3);
		const one = meanCi([0.8, NaN]);
		expect(one.n).toBe(1);
		expect(one.mean).toBe(0.8);
		expect(one.low).toBeNaN();
		expect(meanCi([]).mean).toBeNaN();
	});
});

/** Labels drawn from a known logistic: P(A|x) = σ(−(x − x0)/w). */
function synthetic(seed: number, x0: number, w: number, levels: number[], reps: number) {
	const rng = new Rng(seed);
	const xs: number[] = [];
	const ys: number[] = [];
	for (const x of levels)
		for (let r = 0; r < reps; r++) {
			xs.push(x);
			ys.push(rng.next() < 1 / (1 + Math.exp((x - x0) / w)) ? 1 : 0);
		}
	return { xs, ys };
}

describe('logistic psychometric fit', () => {
	const levels = Array.from({ length: 9 }, (_, i) => i / 8);
	it('recovers a known boundary and slope from seeded responses, inside its 95 % interval', () => {
		let covered = 0;
		const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		for (const seed of seeds) {
			const { xs, ys } = synthetic(seed, 0.42, 0.08, levels, 40);
			const f = fitLogistic(xs, ys);
			expect(f.converged).toBe(true);
			expect(f.x0).toBeGreaterThan(0.36);
			expect(f.x0).toBeLessThan(0.48);
			expect(f.slope).toBeGreaterThan((-1 / 0.08) * 1.5);
			expect(f.slope).toBeLessThan(-1 / 0.08 / 1.5);
			if (f.x0Low <= 0.42 && 0.42 <= f.x0High) covered++;
			expect(f.boundaryOutside).toBe(false);
		}
		expect(covered).toBeGreaterThanOrEqual(8); // a 95 % interval misses about 1 time in 20
	});
	it('is exact on noiseless proportions and draws its curve', () => {
		// expected counts as fractions are not 0/1 labels; use many reps instead
		const { xs, ys } = synthetic(99, 0.5, 0.1, levels, 400);
		const f = fitLogistic(xs, ys);
		expect(f.x0).toBeCloseTo(0.5, 1);
		expect(f.slope).toBeCloseTo(-10, 0);
		const c = logisticCurve(f, [f.x0]);
		expect(c[0]).toBeCloseTo(0.5, 10);
	});
	it('stays finite under perfect separation and flags it', () => {
		const xs = levels.flatMap((x) => [x, x, x]);
		const ys = xs.map((x) => (x < 0.5 ? 1 : 0));
		const f = fitLogistic(xs, ys);
		expect(Number.isFinite(f.slope)).toBe(true);
		expect(f.separated).toBe(true);
		expect(f.x0).toBeGreaterThan(0.375);
		expect(f.x0).toBeLessThan(0.625);
		expect(Number.isFinite(f.x0Se)).toBe(true);
	});
	it('reports a boundary off the continuum, and NaN for too little data', () => {
		const xs = levels.flatMap((x) => [x, x, x, x]);
		const ys = xs.map((_, i) => (i % 4 === 0 ? 0 : 1)); // mostly A everywhere
		const f = fitLogistic(xs, ys);
		expect(Number.isFinite(f.b0)).toBe(true);
		expect(f.boundaryOutside).toBe(true);
		expect(fitLogistic([0.5], [1]).x0).toBeNaN();
		expect(fitLogistic([NaN, 0.2], [1, 2]).n).toBe(0);
	});
});
