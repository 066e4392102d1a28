import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces';
import {
	angularTripletLoss,
	cosMatrix,
	interLoss,
	intraLoss,
	marginSoftmaxLoss,
	normaliseRows,
	softmaxLoss,
	targetLogitDetail,
	thetaY,
	type Matrix
} from '$lib/margins';
import { headLoss, runHead, type HeadConfig } from '$lib/train/heads';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const N_CLASSES = 8;

/** x (N×2) with chosen angles θ_y to their class centre, so every branch of every fallback is visited. */
function makeInputs(seed: number, thetasDeg: number[]) {
	const rng = new Rng(seed);
	const W: number[][] = [[], []];
	for (let j = 0; j < N_CLASSES; j++) {
		const a = rng.uniform(0, 2 * Math.PI);
		const r = rng.uniform(0.5, 2);
		W[0].push(r * Math.cos(a));
		W[1].push(r * Math.sin(a));
	}
	const labels = thetasDeg.map(() => rng.int(N_CLASSES));
	const x = thetasDeg.map((deg, i) => {
		const y = labels[i];
		const base = Math.atan2(W[1][y], W[0][y]);
		const a = base + (rng.next() < 0.5 ? -1 : 1) * ((deg * Math.PI) / 180);
		const r = rng.uniform(0.3, 3);
		return [r * Math.cos(a), r * Math.sin(a)];
	});
	const b = Array.from({ length: N_CLASSES }, () => rng.uniform(-0.5, 0.5));
	return { x, W, labels, b };
}

type Inputs = ReturnType<typeof makeInputs>;

/** The maths library's loss for a config (float64). */
function referenceLoss(cfg: HeadConfig, x: Matrix, W: Matrix, b: number[], labels: number[]): number {
	switch (cfg.loss) {
		case 'softmax':
			return softmaxLoss(x, W, b, labels).mean;
		case 'intra':
			return intraLoss(x, W, labels, cfg.s).mean;
		case 'inter':
			return interLoss(x, W, labels, cfg.s).mean;
		case 'triplet':
			return referenceTriplet(x, labels, cfg.m2);
		default:
			return marginSoftmaxLoss(x, W, labels, cfg).mean;
	}
}

/** The mining rule of heads.ts in plain JS (hardest positive, semi-hard negative), then `angularTripletLoss`. */
function referenceTriplet(x: Matrix, labels: number[], m: number): number {
	const xn = normaliseRows(x);
	const angle = (i: number, j: number) =>
		Math.acos(Math.max(-1, Math.min(1, xn[i][0] * xn[j][0] + xn[i][1] * xn[j][1])));
	const A: number[][] = [];
	const P: number[][] = [];
	const Q: number[][] = [];
	x.forEach((_, i) => {
		const others = x.map((_, j) => j).filter((j) => j !== i);
		const positives = others.filter((j) => labels[j] === labels[i]);
		const negatives = others.filter((j) => labels[j] !== labels[i]);
		if (positives.length === 0 || negatives.length === 0) return;
		const pos = positives.reduce((best, j) => (angle(i, j) > angle(i, best) ? j : best));
		const farther = negatives.filter((j) => angle(i, j) > angle(i, pos));
		const pool = farther.length > 0 ? farther : negatives;
		const neg = pool.reduce((best, j) => (angle(i, j) < angle(i, best) ? j : best));
		A.push([...x[i]]);
		P.push([...x[pos]]);
		Q.push([...x[neg]]);
	});
	return A.length === 0 ? 0 : angularTripletLoss(A, P, Q, m).mean;
}

/** Central differences of the reference loss w.r.t. every entry of x, W and b (float64). */
function finiteDiff(cfg: HeadConfig, inp: Inputs, h = 1e-6) {
	const f = () => referenceLoss(cfg, inp.x, inp.W, inp.b, inp.labels);
	const diff = (m: number[][] | number[], i: number, j?: number): number => {
		const get = () => (j === undefined ? (m as number[])[i] : (m as number[][])[i][j]);
		const set = (v: number) => {
			if (j === undefined) (m as number[])[i] = v;
			else (m as number[][])[i][j] = v;
		};
		const v0 = get();
		set(v0 + h);
		const up = f();
		set(v0 - h);
		const down = f();
		set(v0);
		return (up - down) / (2 * h);
	};
	return {
		x: inp.x.map((row, i) => row.map((_, j) => diff(inp.x, i, j))),
		W: inp.W.map((row, i) => row.map((_, j) => diff(inp.W, i, j))),
		b: inp.b.map((_, i) => diff(inp.b, i))
	};
}

/** The tensor head's loss and its gradients w.r.t. x, W and b. */
function tensorLossAndGrads(cfg: HeadConfig, inp: Inputs) {
	return tf.tidy(() => {
		const x = tf.tensor2d(inp.x);
		const W = tf.tensor2d(inp.W);
		const b = tf.tensor1d(inp.b);
		const y = tf.tensor1d(inp.labels, 'int32');
		const f = (xx: tf.Tensor, WW: tf.Tensor, bb: tf.Tensor) =>
			headLoss(
				cfg,
				xx as tf.Tensor2D,
				WW as tf.Tensor2D,
				cfg.loss === 'softmax' ? (bb as tf.Tensor1D) : null,
				y
			).add(tf.mul(0, tf.add(tf.sum(WW), tf.sum(bb)))); // every input on the tape, even if the loss ignores it
		const { value, grads } = tf.valueAndGrads(f)([x, W, b]);
		return {
			loss: value.dataSync()[0],
			x: grads[0].arraySync() as number[][],
			W: grads[1].arraySync() as number[][],
			b: grads[2].arraySync() as number[]
		};
	});
}

const cfg = (
	loss: HeadConfig['loss'],
	s: number,
	m1 = 1,
	m2 = 0,
	m3 = 0,
	fallback: HeadConfig['fallback'] = 'none'
) => ({ loss, s, m1, m2, m3, fallback }) satisfies HeadConfig;

const CASES: [string, HeadConfig][] = [
	['softmax (L1)', cfg('softmax', 1)],
	['normface (L2)', cfg('normface', 16)],
	['arcface plain', cfg('arcface', 64, 1, 0.5, 0)],
	['arcface insightface fallback', cfg('arcface', 64, 1, 0.5, 0, 'insightface')],
	['arcface easy margin', cfg('arcface', 64, 1, 0.5, 0, 'easy')],
	['sphereface 1.35', cfg('sphereface', 64, 1.35)],
	['sphereface 1.35 insightface', cfg('sphereface', 64, 1.35, 0, 0, 'insightface')],
	['cosface', cfg('cosface', 64, 1, 0, 0.35)],
	['cm1', cfg('cm1', 64, 1, 0.3, 0.2)],
	['cm2', cfg('cm2', 64, 0.9, 0.4, 0.15)],
	['cm2 easy', cfg('cm2', 64, 0.9, 0.4, 0.15, 'easy')],
	['custom (1.2, 0.2, 0.1) insightface', cfg('custom', 30, 1.2, 0.2, 0.1, 'insightface')],
	['intra (L5)', cfg('intra', 16)],
	['inter (L6)', cfg('inter', 16)],
	['triplet', cfg('triplet', 1, 1, 0.3)]
];

// θ_y per sample: near 0, around 90°, past π − 0.5 (ArcFace's wrap), near 180°; exact ±1 is tested below
const THETAS = [12, 47, 95, 120, 150, 163, 176, 0.5, 179.5, 30, 70, 140];

function maxErr(a: number[][] | number[], b: number[][] | number[]): number {
	const fa = a.flat();
	const fb = b.flat();
	let worst = 0;
	fa.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - fb[i]) / (1 + Math.abs(fb[i])))));
	return worst;
}

describe('tensor heads match the maths library', () => {
	for (const [name, c] of CASES) {
		it(name, () => {
			for (const seed of [1, 2, 3]) {
				const inp = makeInputs(seed, THETAS);
				if (c.loss === 'triplet') inp.labels = THETAS.map((_, i) => [0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5][i]);
				const t = tensorLossAndGrads(c, inp);
				const ref = referenceLoss(c, inp.x, inp.W, inp.b, inp.labels);
				expect(Math.abs(t.loss - ref)).toBeLessThan(1e-4 * Math.max(1, Math.abs(ref)));
				const fd = finiteDiff(c, inp);
				for (const g of [t.x, t.W, t.b]) expect(g.flat().every(Number.isFinite)).toBe(true);
				expect(maxErr(t.x, fd.x)).toBeLessThan(2e-3);
				expect(maxErr(t.W, fd.W)).toBeLessThan(2e-3);
				expect(maxErr(t.b, fd.b)).toBeLessThan(2e-3);
			}
		});
	}

	it('the test inputs visit both branches of each fallback', () => {
		const inp = makeInputs(1, THETAS);
		const thetas = thetaY(inp.x, inp.W, inp.labels);
		for (const fallback of ['insightface', 'easy'] as const) {
			const branches = new Set(
				thetas.map((t) => targetLogitDetail(t, { ...cfg('arcface', 64, 1, 0.5), fallback }).branch)
			);
			expect(branches).toEqual(new Set(['margin', 'fallback']));
		}
	});

	it('at cos θ_y = ±1 exactly the gradient is finite and equals the central difference', () => {
		const W = [
			[1, 0, -1, 0, 0.6, -0.6, 0.8, -0.8],
			[0, 1, 0, -1, 0.8, 0.8, -0.6, -0.6]
		];
		const x = [
			[2, 0],
			[0, 3],
			[3, 0],
			[0, -0.5]
		];
		const labels = [0, 1, 2, 1];
		const cosY = cosMatrix(x, W).map((row, i) => row[labels[i]]);
		expect(cosY).toEqual([1, 1, -1, -1]);
		for (const [, c] of CASES) {
			const inp = { x, W, labels: c.loss === 'triplet' ? [0, 0, 1, 1] : labels, b: new Array(8).fill(0) };
			const t = tensorLossAndGrads(c, inp);
			expect(Number.isFinite(t.loss)).toBe(true);
			for (const g of [t.x, t.W, t.b]) expect(g.flat().every(Number.isFinite)).toBe(true);
			// (triplet: parallel features tie for the mined negative, so a central difference straddles two choices)
			if (c.loss === 'triplet') continue;
			const fd = finiteDiff(c, inp);
			expect(maxErr(t.x, fd.x)).toBeLessThan(2e-3);
			expect(maxErr(t.W, fd.W)).toBeLessThan(2e-3);
		}
	});
});

describe('head metrics', () => {
	it('accuracy and mean θ_y follow cosMatrix / thetaY (argmax of xW + b for softmax)', () => {
		const inp = makeInputs(5, THETAS);
		for (const c of [cfg('arcface', 64, 1, 0.5), cfg('softmax', 1)]) {
			const out = tf.tidy(() => {
				const r = runHead(
					c,
					tf.tensor2d(inp.x),
					tf.tensor2d(inp.W),
					tf.tensor1d(inp.b),
					tf.tensor1d(inp.labels, 'int32')
				);
				return { acc: r.accuracy.dataSync()[0], theta: r.meanThetaY.dataSync()[0] };
			});
			const scores =
				c.loss === 'softmax' ? softmaxLoss(inp.x, inp.W, inp.b, inp.labels).logits : cosMatrix(inp.x, inp.W);
			const hits = scores.filter((row, i) => row.indexOf(Math.max(...row)) === inp.labels[i]).length;
			expect(out.acc).toBeCloseTo(hits / inp.x.length, 6);
			const th = thetaY(inp.x, inp.W, inp.labels);
			expect(out.theta).toBeCloseTo(th.reduce((a, v) => a + v, 0) / th.length, 3);
		}
	});
});
