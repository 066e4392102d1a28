import { describe, it, expect } from 'vitest';
import {
	angularTripletLoss,
	assertFeaturesAndWeights,
	centreAngles,
	classCentres,
	cosMatrix,
	crossEntropy,
	interLoss,
	intraLoss,
	marginSoftmaxLoss,
	normaliseRows,
	normSoftmaxLoss,
	presets,
	rad,
	softmaxLoss,
	thetaY,
	type MarginSpec
} from '$lib/margins';

// Hand example: 2 samples, d = 2, 3 classes.
// x̂ = (0.6, 0.8), (0, −1); class centres (1, 0), (0, 1), (−1, −1)/√2; labels 0 and 2.
const x = [
	[3, 4],
	[0, -2]
];
const W = [
	[1, 0, -1],
	[0, 2, -1]
];
const labels = [0, 2];
const r = Math.SQRT1_2;
const cosHand = [
	[0.6, 0.8, -1.4 * r],
	[0, -1, r]
];
const noMargin: MarginSpec = { m1: 1, m2: 0, m3: 0, s: 2 };

describe('geometry', () => {
	it('cosMatrix matches the hand cosines', () => {
		const c = cosMatrix(x, W);
		for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expect(c[i][j]).toBeCloseTo(cosHand[i][j], 15);
	});

	it('normaliseRows and classCentres', () => {
		expect(normaliseRows(x)).toEqual([
			[0.6, 0.8],
			[0, -1]
		]);
		const c = classCentres(W);
		expect(c).toHaveLength(3);
		expect(c[1]).toEqual([0, 1]);
		expect(c[2][0]).toBeCloseTo(-r, 15);
	});

	it('thetaY and centreAngles', () => {
		const t = thetaY(x, W, labels);
		expect(t[0]).toBeCloseTo(Math.acos(0.6), 15);
		expect(t[1]).toBeCloseTo(Math.PI / 4, 15);
		const a = centreAngles(W);
		expect(a[0][0]).toBe(0);
		expect(a[0][1]).toBeCloseTo(Math.PI / 2, 15);
		expect(a[0][2]).toBeCloseTo((3 * Math.PI) / 4, 15);
		expect(a[2][1]).toBeCloseTo((3 * Math.PI) / 4, 15);
	});

	it('clamps rounding past ±1, so cos = 1 exactly gives θ = 0, not NaN', () => {
		const v = [0.1, 0.2, 0.7];
		const Wv = v.map((k) => [k, -k]);
		const c = cosMatrix([v, v.map((k) => 3 * k)], Wv);
		for (const row of c) {
			expect(row[0]).toBeLessThanOrEqual(1);
			expect(row[1]).toBeGreaterThanOrEqual(-1);
		}
		expect(thetaY([v], Wv, [0])[0]).toBeCloseTo(0, 6);
		expect(thetaY([v], Wv, [1])[0]).toBeCloseTo(Math.PI, 6);
	});

	it('a zero feature or zero class column has cosine 0 (θ = 90°), not NaN', () => {
		expect(cosMatrix([[0, 0]], W)[0]).toEqual([0, 0, 0]);
		expect(cosMatrix([[1, 0]], [[0], [0]])).toEqual([[0]]);
		expect(thetaY([[0, 0]], W, [1])[0]).toBeCloseTo(Math.PI / 2, 15);
	});
});

describe('marginSoftmaxLoss', () => {
	it('with m = 0 equals the normalised softmax worked by hand', () => {
		const s = 2;
		const hand0 = Math.log(Math.exp(s * 0.6) + Math.exp(s * 0.8) + Math.exp(s * -1.4 * r)) - s * 0.6;
		const hand1 = Math.log(Math.exp(0) + Math.exp(-s) + Math.exp(s * r)) - s * r;
		const res = marginSoftmaxLoss(x, W, labels, noMargin);
		expect(res.perSample[0]).toBeCloseTo(hand0, 14);
		expect(res.perSample[1]).toBeCloseTo(hand1, 14);
		expect(res.mean).toBeCloseTo((hand0 + hand1) / 2, 14);
		for (let i = 0; i < 2; i++)
			for (let j = 0; j < 3; j++) expect(res.logits[i][j]).toBeCloseTo(s * cosHand[i][j], 14);
		expect(normSoftmaxLoss(x, W, labels, s)).toEqual(res);
		expect(crossEntropy(res.logits, labels).mean).toBe(res.mean);
	});

	it('applies the ArcFace margin to the target logit only', () => {
		// x at 0°, class 0 at 60°, class 1 at 0°; label 0
		const Wa = [
			[0.5, 1],
			[Math.sqrt(3) / 2, 0]
		];
		const res = marginSoftmaxLoss([[1, 0]], Wa, [0], presets.arcface);
		const target = 64 * Math.cos(rad(60) + 0.5);
		expect(res.logits[0][0]).toBeCloseTo(target, 12);
		expect(res.logits[0][1]).toBeCloseTo(64, 12);
		expect(res.mean).toBeCloseTo(Math.log(Math.exp(target) + Math.exp(64)) - target, 10);
	});

	it('any margin raises the loss over plain L2 (all margins lower the target logit)', () => {
		const l2 = marginSoftmaxLoss(x, W, labels, { ...noMargin, s: 64 }).mean;
		for (const name of ['sphereface', 'arcface', 'cosface', 'cm1', 'cm2'] as const) {
			expect(marginSoftmaxLoss(x, W, labels, presets[name]).mean).toBeGreaterThan(l2);
		}
	});

	it('is finite at s = 64 with large logits and with cos = ±1 exactly', () => {
		const I = [
			[1, 0],
			[0, 1]
		];
		// features exactly on their class centre (cos = 1), and exactly opposite (cos = −1)
		const onCentre = [
			[5, 0],
			[0, 7]
		];
		const opposite = [
			[-5, 0],
			[0, -7]
		];
		for (const fallback of ['none', 'insightface', 'easy'] as const) {
			for (const name of ['arcface', 'sphereface', 'cosface', 'cm2'] as const) {
				const spec = { ...presets[name], fallback };
				for (const feats of [onCentre, opposite]) {
					const res = marginSoftmaxLoss(feats, I, [0, 1], spec);
					expect(Number.isFinite(res.mean)).toBe(true);
					for (const row of res.logits) for (const z of row) expect(Number.isFinite(z)).toBe(true);
				}
			}
		}
		// a confident correct prediction at s = 64: loss ≈ e^{−64·(cos 0.5 − 0)} ≈ 0, but finite and ≥ 0
		const good = marginSoftmaxLoss(onCentre, I, [0, 1], presets.arcface);
		expect(good.mean).toBeGreaterThanOrEqual(0);
		expect(good.mean).toBeLessThan(1e-20);
		// wrong with s = 1e4: logits ±1e4 would overflow a naive exp
		const bad = marginSoftmaxLoss(onCentre, I, [1, 0], { ...presets.softmax, s: 1e4 });
		expect(bad.mean).toBeCloseTo(1e4, 6);
	});

	it('a zero feature gives a finite loss (treated as θ = 90° to every class)', () => {
		const res = marginSoftmaxLoss([[0, 0]], W, [0], presets.arcface);
		expect(res.logits[0][0]).toBeCloseTo(64 * Math.cos(Math.PI / 2 + 0.5), 12);
		expect(Number.isFinite(res.mean)).toBe(true);
	});
});

describe('softmaxLoss (L1)', () => {
	it('uses xW + b without normalising', () => {
		const res = softmaxLoss(
			[[1, 2]],
			[
				[1, -1],
				[2, 0]
			],
			[0, 1],
			[1]
		);
		expect(res.logits).toEqual([[5, 0]]);
		expect(res.mean).toBeCloseTo(Math.log(Math.exp(5) + 1), 14);
		const tie = softmaxLoss(
			[[1, 2]],
			[
				[1, 0],
				[0, 1]
			],
			[0.5, -0.5],
			[0]
		);
		expect(tie.mean).toBeCloseTo(Math.log(2), 15);
	});

	it('stays finite with huge logits', () => {
		const res = softmaxLoss([[1e3]], [[1e3, -1e3]], [0, 0], [1]);
		expect(res.mean).toBe(2e6);
		expect(softmaxLoss([[1e3]], [[1e3, -1e3]], [0, 0], [0]).mean).toBe(0);
		expect(() => softmaxLoss([[1e200]], [[1e200, 0]], [0, 0], [0])).toThrow(/overflow/);
	});
});

describe('Intra-loss (L5) and Inter-loss (L6)', () => {
	const s = 2;
	const l2 = normSoftmaxLoss(x, W, labels, s).mean;

	it('L5 = L2 + (1/(πN)) Σ θ_y, by hand', () => {
		const res = intraLoss(x, W, labels, s);
		const term = (Math.acos(0.6) + Math.PI / 4) / (2 * Math.PI);
		expect(res.l2).toBeCloseTo(l2, 15);
		expect(res.term).toBeCloseTo(term, 15);
		expect(res.mean).toBeCloseTo(l2 + term, 14);
		expect(res.mean).toBeGreaterThanOrEqual(l2);
		expect(res.perSample[1]).toBeCloseTo(normSoftmaxLoss(x, W, labels, s).perSample[1] + 0.25, 14);
	});

	it('L5 = L2 when every feature lies on its class centre', () => {
		const res = intraLoss([[2, 0]], W, [0], s);
		expect(res.term).toBe(0);
		expect(res.mean).toBe(res.l2);
	});

	it('L6 = L2 − (1/(πN(n−1))) Σ Σ arccos(W_yᵀW_j), by hand', () => {
		// y = 0: π/2 + 3π/4 = 5π/4 → 5/8; y = 2: 3π/4 + 3π/4 → 3/4; mean 11/16
		const res = interLoss(x, W, labels, s);
		expect(res.term).toBeCloseTo(-11 / 16, 15);
		expect(res.mean).toBeCloseTo(l2 - 11 / 16, 14);
		expect(res.mean).toBeLessThanOrEqual(l2);
	});

	it('L6 with orthogonal class centres is L2 − 0.5', () => {
		const I3 = [
			[1, 0, 0],
			[0, 2, 0],
			[0, 0, 3]
		];
		const feats = [
			[1, 2, 3],
			[-1, 0, 4],
			[0.5, -2, 1]
		];
		const res = interLoss(feats, I3, [0, 1, 2], 64);
		expect(res.mean).toBeCloseTo(normSoftmaxLoss(feats, I3, [0, 1, 2], 64).mean - 0.5, 12);
		expect(res.term).toBeCloseTo(-0.5, 15);
	});

	it('L6 needs two classes', () => {
		expect(() => interLoss([[1, 0]], [[1], [0]], [0], s)).toThrow(/2 classes/);
	});
});

describe('angularTripletLoss', () => {
	const at = (d: number, len = 1) => [len * Math.cos(rad(d)), len * Math.sin(rad(d))];

	it('is zero when arccos(x_pos·x) + m ≤ arccos(x_neg·x)', () => {
		// 10° + 28.65° < 60°
		const res = angularTripletLoss([at(0)], [at(10, 3)], [at(60, 0.5)], 0.5);
		expect(res.perSample).toEqual([0]);
		expect(res.thetaPos[0]).toBeCloseTo(rad(10), 14);
		expect(res.thetaNeg[0]).toBeCloseTo(rad(60), 14);
	});

	it('is positive otherwise: rad(10) + 0.5 − rad(30)', () => {
		const res = angularTripletLoss([at(0), at(0)], [at(10), at(10)], [at(30), at(60)], 0.5);
		expect(res.perSample[0]).toBeCloseTo(rad(10) + 0.5 - rad(30), 14);
		expect(res.perSample[1]).toBe(0);
		expect(res.mean).toBeCloseTo((rad(10) + 0.5 - rad(30)) / 2, 14);
	});

	it('is finite when the positive equals the anchor and the negative is opposite', () => {
		const res = angularTripletLoss([[0.1, 0.2, 0.7]], [[0.1, 0.2, 0.7]], [[-0.1, -0.2, -0.7]], 0.5);
		expect(res.perSample[0]).toBe(0);
		expect(res.thetaPos[0]).toBeCloseTo(0, 6);
	});

	it('throws on mismatched shapes or a bad margin', () => {
		expect(() => angularTripletLoss([at(0)], [at(10), at(20)], [at(30)], 0.5)).toThrow(/positive/);
		expect(() => angularTripletLoss([at(0)], [at(10)], [[1, 0, 0]], 0.5)).toThrow(/negative/);
		expect(() => angularTripletLoss([at(0)], [at(10)], [at(30)], NaN)).toThrow(/m must/);
	});
});

describe('shape and input errors', () => {
	it('throws clear errors for mismatched shapes', () => {
		expect(() => cosMatrix(x, [[1, 0, 0]])).toThrow(/W must be d×n with d = 2/);
		expect(() => marginSoftmaxLoss(x, W, [0], presets.arcface)).toThrow(/one entry per sample/);
		expect(() => marginSoftmaxLoss(x, W, [0, 3], presets.arcface)).toThrow(/labels\[1\]/);
		expect(() => marginSoftmaxLoss([[1, 2], [3]], W, labels, presets.arcface)).toThrow(/x\[1\]/);
		expect(() => marginSoftmaxLoss([], W, [], presets.arcface)).toThrow(/non-empty/);
		expect(() => softmaxLoss(x, W, [0, 0], labels)).toThrow(/b must have length 3/);
		expect(() => intraLoss(x, W, [0], 64)).toThrow(/labels/);
		expect(() => thetaY(x, W, [0, 5])).toThrow(/labels\[1\]/);
		expect(() => crossEntropy([[1, 2]], [2])).toThrow(/labels\[0\]/);
	});

	it('throws on non-finite inputs and bad specs instead of returning NaN', () => {
		expect(() => cosMatrix([[NaN, 1]], W)).toThrow(/x\[0\]\[0\]/);
		expect(() => marginSoftmaxLoss(x, W, labels, { ...presets.arcface, s: 0 })).toThrow(/spec\.s/);
		expect(() => intraLoss(x, W, labels, -1)).toThrow(/spec\.s/);
		expect(() => interLoss(x, W, labels, NaN)).toThrow(/spec\.s/);
	});
});

describe('assertFeaturesAndWeights', () => {
	it('returns N, d, n', () => {
		expect(assertFeaturesAndWeights(x, W)).toEqual({ N: 2, d: 2, n: 3 });
		expect(() => assertFeaturesAndWeights(x, [[1], [2], [3]])).toThrow(/W must be d×n/);
	});
});

describe('no NaN on random valid input', () => {
	// small seeded generator so failures reproduce
	let seed = 12345;
	const rand = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	const matrix = (rows: number, cols: number, scale: number) =>
		Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rand() * 2 - 1) * scale));

	it('every loss and fallback stays finite', () => {
		for (let trial = 0; trial < 40; trial++) {
			const d = 2 + (trial % 3);
			const n = 2 + (trial % 5);
			const N = 1 + (trial % 4);
			const scale = [1e-3, 1, 1e3][trial % 3];
			const xs = matrix(N, d, scale);
			const ws = matrix(d, n, scale);
			const ys = Array.from({ length: N }, () => Math.floor(rand() * n));
			for (const name of ['softmax', 'sphereface', 'arcface', 'cosface', 'cm1', 'cm2'] as const) {
				for (const fallback of ['none', 'insightface', 'easy'] as const) {
					const res = marginSoftmaxLoss(xs, ws, ys, { ...presets[name], fallback });
					expect(Number.isFinite(res.mean)).toBe(true);
					expect(res.perSample.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
				}
			}
			expect(Number.isFinite(intraLoss(xs, ws, ys, 64).mean)).toBe(true);
			expect(Number.isFinite(interLoss(xs, ws, ys, 64).mean)).toBe(true);
			expect(Number.isFinite(softmaxLoss(xs, ws, new Array<number>(n).fill(0), ys).mean)).toBe(true);
			const t = angularTripletLoss(xs, matrix(N, d, scale), matrix(N, d, scale), 0.5);
			expect(t.perSample.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
		}
	});
});
