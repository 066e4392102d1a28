import { describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces/rng';
import {
	auc,
	bestThreshold,
	countBelow,
	ratesAt,
	rocCurve,
	sortAngles,
	tarAtFar,
	verificationRates
} from '$lib/metrics';

/** P(pos < neg) + ½ P(pos = neg) by brute force: what the trapezoid AUC must equal. */
function mannWhitney(pos: ArrayLike<number>, neg: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < pos.length; i++) {
		for (let j = 0; j < neg.length; j++) s += pos[i] < neg[j] ? 1 : pos[i] === neg[j] ? 0.5 : 0;
	}
	return s / (pos.length * neg.length);
}

function normals(n: number, mu: number, sd: number, seed: number): Float32Array {
	const rng = new Rng(seed);
	return Float32Array.from({ length: n }, () => mu + sd * rng.gaussian());
}

describe('verificationRates', () => {
	it('accepts a pair when its angle is strictly below the threshold', () => {
		const pos = [0.1, 0.2, 0.3, 0.4];
		const neg = [0.3, 0.5, 0.6, 0.7, 0.8];
		expect(verificationRates(pos, neg, 0.3)).toEqual({ threshold: 0.3, tar: 0.5, far: 0 });
		expect(verificationRates(pos, neg, 0.31)).toEqual({ threshold: 0.31, tar: 0.75, far: 0.2 });
		expect(verificationRates([], [], 1)).toEqual({ threshold: 1, tar: 0, far: 0 });
		expect(() => verificationRates([NaN], [], 1)).toThrow(/finite/);
	});

	it('ratesAt and countBelow agree with the one-threshold count', () => {
		const pos = normals(500, 0.6, 0.2, 1);
		const neg = normals(700, 1.4, 0.3, 2);
		const grid = [0, 0.5, 0.9, 1.2, 3];
		const { tar, far } = ratesAt(pos, neg, grid);
		grid.forEach((t, i) => {
			const one = verificationRates(pos, neg, t);
			expect([tar[i], far[i]]).toEqual([one.tar, one.far]);
		});
		const sorted = sortAngles([3, 1, 2, 2]);
		expect(Array.from(sorted)).toEqual([1, 2, 2, 3]);
		expect([0, 1, 2, 2.5, 3, 4].map((t) => countBelow(sorted, t))).toEqual([0, 0, 1, 3, 3, 4]);
	});
});

describe('rocCurve and auc', () => {
	it('perfect separation: TAR = 1 at FAR = 0 and AUC = 1', () => {
		const roc = rocCurve([0.1, 0.2, 0.3], [0.5, 0.6]);
		expect(roc.auc).toBe(1);
		expect(Array.from(roc.far)).toEqual([0, 0, 0, 0, 0.5, 1]);
		expect(Array.from(roc.tar)).toEqual([0, 1 / 3, 2 / 3, 1, 1, 1]);
		expect(Array.from(roc.thresholds)).toEqual([0.1, 0.2, 0.3, 0.5, 0.6, Infinity]);
		expect(tarAtFar([0.1, 0.2, 0.3], [0.5, 0.6], 0).tar).toBe(1);
		expect(auc([0.1, 0.2, 0.3], [0.5, 0.6])).toBe(1);
		expect(auc([0.5, 0.6], [0.1, 0.2, 0.3])).toBe(0);
	});

	it('identical distributions give AUC ≈ 0.5; exact ties give 0.5 exactly', () => {
		expect(auc(normals(4000, 1, 0.3, 3), normals(4000, 1, 0.3, 4))).toBeCloseTo(0.5, 1);
		const same = [0.2, 0.4, 0.4, 0.9];
		expect(auc(same, same)).toBe(0.5);
	});

	it('equals the Mann–Whitney statistic, ties counted half', () => {
		const rng = new Rng(9);
		// coarse values so that positives and negatives tie often
		const pos = Float32Array.from({ length: 300 }, () => Math.round(10 * (0.8 + 0.4 * rng.gaussian())) / 10);
		const neg = Float32Array.from({ length: 400 }, () => Math.round(10 * (1.2 + 0.4 * rng.gaussian())) / 10);
		expect(auc(pos, neg)).toBeCloseTo(mannWhitney(pos, neg), 12);
		expect(rocCurve(pos, neg).auc).toBeCloseTo(mannWhitney(pos, neg), 12);
	});

	it('is monotone from (0, 0) to (1, 1), with matching rates at each threshold', () => {
		const pos = normals(800, 0.7, 0.25, 5);
		const neg = normals(1200, 1.3, 0.3, 6);
		const roc = rocCurve(pos, neg);
		const n = roc.far.length;
		expect([roc.far[0], roc.tar[0], roc.far[n - 1], roc.tar[n - 1]]).toEqual([0, 0, 1, 1]);
		for (let i = 1; i < n; i++) {
			expect(roc.far[i]).toBeGreaterThanOrEqual(roc.far[i - 1]);
			expect(roc.tar[i]).toBeGreaterThanOrEqual(roc.tar[i - 1]);
			expect(roc.thresholds[i]).toBeGreaterThan(roc.thresholds[i - 1]);
		}
		for (const i of [1, 100, 900, n - 2]) {
			const one = verificationRates(pos, neg, roc.thresholds[i]);
			expect([one.tar, one.far]).toEqual([roc.tar[i], roc.far[i]]);
		}
	});

	it('thins to at most maxPoints, keeping the ends and the AUC', () => {
		const pos = normals(3000, 0.7, 0.25, 7);
		const neg = normals(3000, 1.3, 0.3, 8);
		const full = rocCurve(pos, neg);
		const thin = rocCurve(pos, neg, { maxPoints: 50 });
		expect(thin.far.length).toBeLessThanOrEqual(50);
		expect(thin.far.length).toBeGreaterThan(25);
		expect(thin.auc).toBe(full.auc);
		const last = thin.far.length - 1;
		expect([thin.far[0], thin.tar[0], thin.far[last], thin.tar[last]]).toEqual([0, 0, 1, 1]);
		expect(() => rocCurve(pos, neg, { maxPoints: 2 })).toThrow(/maxPoints/);
	});

	it('sorts float32 angles (radix) exactly as the built-in sort does, signs and ties included', () => {
		const rng = new Rng(16);
		const values = Float32Array.from({ length: 5000 }, () => Math.round(rng.gaussian() * 50) / 7);
		values.set([0, -0, 3e-39, -3e-39, 1e30, -1e30], 0);
		// the typed-array sort puts −0 before +0, as the radix sort does
		const expected = Array.from(Float64Array.from(values).sort());
		expect(Array.from(sortAngles(values))).toEqual(expected);
		expect(Array.from(sortAngles(Array.from(values)))).toEqual(expected);
		expect(values[1]).toBe(-0);
	});

	it('takes sorted input as it is, and gives the same answers', () => {
		const pos = normals(500, 0.7, 0.25, 10);
		const neg = normals(500, 1.3, 0.3, 11);
		expect(rocCurve(sortAngles(pos), sortAngles(neg))).toEqual(rocCurve(pos, neg));
		expect(Array.from(pos)).toEqual(Array.from(normals(500, 0.7, 0.25, 10)));
	});

	it('degenerate sets give a curve and an AUC of 0, never NaN', () => {
		expect(rocCurve([], [])).toEqual({
			thresholds: Float64Array.from([Infinity]),
			far: Float64Array.from([0]),
			tar: Float64Array.from([0]),
			auc: 0
		});
		expect(auc([0.1, 0.2], [])).toBe(0);
		expect(auc([], [0.1, 0.2])).toBe(0);
	});
});

describe('tarAtFar', () => {
	const pos = [0.05, 0.15, 0.25, 0.35, 0.45];
	// 10 negatives: 0.1, 0.2, … 1.0
	const neg = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);

	it('uses the largest threshold whose FAR ≤ target: the (⌊target·N⌋ + 1)-th smallest negative', () => {
		expect(tarAtFar(pos, neg, 0)).toEqual({ threshold: 0.1, tar: 0.2, far: 0 });
		expect(tarAtFar(pos, neg, 0.1)).toEqual({ threshold: 0.2, tar: 0.4, far: 0.1 });
		expect(tarAtFar(pos, neg, 0.15)).toEqual({ threshold: 0.2, tar: 0.4, far: 0.1 });
		expect(tarAtFar(pos, neg, 0.3)).toEqual({ threshold: 0.4, tar: 0.8, far: 0.3 });
		expect(tarAtFar(pos, neg, 0.9)).toEqual({ threshold: 1, tar: 1, far: 0.9 });
		expect(tarAtFar(pos, neg, 1)).toEqual({ threshold: Infinity, tar: 1, far: 1 });
	});

	it('reaches targets that are an exact count despite rounding (0.29 · 100)', () => {
		const many = Array.from({ length: 100 }, (_, i) => i);
		expect(tarAtFar([], many, 0.29)).toEqual({ threshold: 29, tar: 0, far: 0.29 });
		expect(tarAtFar([], many, 0.07).far).toBe(0.07);
	});

	it('never goes over the target with ties, and is 0 for targets below 1/N', () => {
		const tied = [0.1, 0.2, 0.2, 0.3];
		expect(tarAtFar([0.15], tied, 0.5)).toEqual({ threshold: 0.2, tar: 1, far: 0.25 });
		expect(tarAtFar([0.15], tied, 0.01)).toEqual({ threshold: 0.1, tar: 0, far: 0 });
	});

	it('handles no negatives and rejects targets outside [0, 1]', () => {
		expect(tarAtFar(pos, [], 0.01)).toEqual({ threshold: Infinity, tar: 1, far: 0 });
		expect(tarAtFar([], [], 0.01)).toEqual({ threshold: Infinity, tar: 0, far: 0 });
		expect(() => tarAtFar(pos, neg, -0.1)).toThrow(/targetFar/);
		expect(() => tarAtFar(pos, neg, 1.5)).toThrow(/targetFar/);
	});

	it('reads the ROC curve: the TAR of the last point with FAR ≤ target', () => {
		const p = normals(2000, 0.7, 0.25, 12);
		const n = normals(2000, 1.3, 0.3, 13);
		const roc = rocCurve(p, n);
		for (const target of [1e-1, 1e-2]) {
			let i = 0;
			while (i + 1 < roc.far.length && roc.far[i + 1] <= target) i++;
			expect(tarAtFar(p, n, target)).toEqual({
				threshold: roc.thresholds[i],
				tar: roc.tar[i],
				far: roc.far[i]
			});
		}
	});
});

describe('bestThreshold', () => {
	it('splits perfectly separated sets halfway between them', () => {
		const best = bestThreshold([0.1, 0.2, 0.3], [0.5, 0.6]);
		expect(best).toEqual({ threshold: 0.4, tar: 1, far: 0, accuracy: 1 });
		expect(bestThreshold([0.1, 0.2, 0.3], [0.5, 0.6], { criterion: 'accuracy' }).accuracy).toBe(1);
	});

	it('balanced weighs the two kinds equally; accuracy weighs by pair count', () => {
		// one positive at 0.5 among many negatives from 0.4 up: accepting it costs one false accept
		const pos = [0.1, 0.5];
		const neg = [0.4, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
		const balanced = bestThreshold(pos, neg);
		expect(balanced.threshold).toBeCloseTo(0.55, 12);
		expect(balanced.accuracy).toBeCloseTo((1 + 7 / 8) / 2, 12);
		const plain = bestThreshold(pos, neg, { criterion: 'accuracy' });
		expect(plain.threshold).toBeCloseTo(0.25, 12);
		expect(plain.accuracy).toBe(9 / 10);
	});

	it('handles the edges: nothing, everything, empty sets', () => {
		expect(bestThreshold([], [])).toEqual({ threshold: 0, tar: 0, far: 0, accuracy: 0 });
		expect(bestThreshold([], [0.3, 0.4]).threshold).toBe(0.3);
		expect(bestThreshold([0.3, 0.4], []).threshold).toBe(Infinity);
		expect(() => bestThreshold([0.1], [0.2], { criterion: 'f1' as 'balanced' })).toThrow(/criterion/);
	});

	it('finds the crossing of two equal-width bell curves', () => {
		const best = bestThreshold(normals(20000, 0.6, 0.2, 14), normals(20000, 1.4, 0.2, 15));
		expect(best.threshold).toBeCloseTo(1, 1);
		expect(best.accuracy).toBeGreaterThan(0.97);
	});
});
