import { describe, expect, it } from 'vitest';
import { lossDefaults } from '$lib/train/settings';
import type { Inspection, LossName } from '$lib/train/protocol';
import {
	angleBetween,
	hardestIndex,
	pureLoss,
	sgdUpdate,
	stagesFor,
	startEta,
	walkthrough,
	wrap,
	type Vec
} from '$lib/figures/slow-motion/data';
import { deg, factor, num, signed, stageLines, sub } from '$lib/figures/slow-motion/formulas';
import { labelRadii, sketchFor, signedAngle } from '$lib/figures/slow-motion/sketch';

const words = {
	withoutMargin: 'without:',
	pastWrap: 'past',
	insightface: 'fallback:',
	easy: 'easy',
	everyCentre: 'every',
	notNormalised: 'raw',
	closestOther: 'closest:',
	intra: 'intra',
	inter: 'inter',
	asIfFree: 'free'
};

/** An inspection built from `$lib/margins` alone (central differences for the gradients). */
function fixture(loss: LossName, x: Vec, thetaOffsets: number[], label = 2, head = {}): Inspection {
	const n = thetaOffsets.length;
	const centres = new Float32Array(2 * n);
	thetaOffsets.forEach((a, j) => {
		centres[2 * j] = 1.3 * Math.cos(a);
		centres[2 * j + 1] = 1.3 * Math.sin(a);
	});
	const bias = loss === 'softmax' ? new Float32Array(n).fill(0.1) : null;
	const base = {
		step: 7,
		model: 1,
		index: 3,
		label,
		size: 4,
		pixels: new Float32Array(16),
		head: { ...lossDefaults(loss), ...head },
		lr: 0.01,
		optimizer: 'adam',
		x,
		centres,
		bias,
		gradX: [0, 0],
		gradCentres: new Float32Array(2 * n)
	} as unknown as Inspection;
	const rows = (c: Float32Array): Vec[] => Array.from({ length: n }, (_, j) => [c[2 * j], c[2 * j + 1]]);
	const L = (xx: Vec, cc: Float32Array) => pureLoss(base, xx, rows(cc), bias ? Array.from(bias) : null);
	const h = 1e-6;
	const gx = [0, 1].map((k) => {
		const a: Vec = [...x];
		const b: Vec = [...x];
		a[k] += h;
		b[k] -= h;
		return (L(a, centres) - L(b, centres)) / (2 * h);
	}) as Vec;
	const gc = centres.map((_, i) => {
		const a = centres.slice();
		const b = centres.slice();
		a[i] += h;
		b[i] -= h;
		return (L(x, a) - L(x, b)) / (2 * h);
	});
	const W = rows(centres);
	const cos = Float32Array.from(W, (w) => Math.cos(angleBetween(x, w)));
	const s = base.head.s;
	const logits =
		loss === 'softmax'
			? Float32Array.from(W, (w, j) => w[0] * x[0] + w[1] * x[1] + (bias?.[j] ?? 0))
			: Float32Array.from(cos, (c) => s * c);
	const lossValue = L(x, centres);
	if (loss !== 'softmax' && loss !== 'normface') {
		// the target logit with its margin: the one the loss used
		const others = Array.from(logits).reduce((a, z, j) => (j === label ? a : a + Math.exp(z)), 0);
		logits[label] = Math.log((Math.exp(-lossValue) * others) / (1 - Math.exp(-lossValue)));
	}
	const mx = Math.max(...logits);
	const e = Array.from(logits, (z) => Math.exp(z - mx));
	const sum = e.reduce((a, v) => a + v, 0);
	return {
		...base,
		cos,
		logits,
		probs: Float32Array.from(e, (v) => v / sum),
		crossEntropy: lossValue,
		loss: lossValue,
		predicted: cos.indexOf(Math.max(...cos)),
		gradX: gx,
		gradCentres: gc
	};
}

const spaced = (k: number) => Array.from({ length: 8 }, (_, j) => (j * Math.PI) / 4 + k);

describe('slow-motion data', () => {
	it('lists the stages of each loss: a margin stage only with a margin, none for triplet', () => {
		expect(stagesFor('arcface')).toContain('margin');
		expect(stagesFor('arcface')).toHaveLength(9);
		expect(stagesFor('softmax')).not.toContain('margin');
		expect(stagesFor('normface')).toHaveLength(8);
		expect(stagesFor('triplet')).toEqual([]);
	});

	it('walkthrough recomputes the geometry: ‖x‖, x̂, θ_y and the ArcFace margin angle', () => {
		const ins = fixture('arcface', [3, 4], spaced(0.2));
		const w = walkthrough(ins);
		expect(w.xNorm).toBeCloseTo(5);
		expect(w.xHat).toEqual([0.6, 0.8]);
		expect(w.thetaY).toBeCloseTo(
			angleBetween([3, 4], [Math.cos(Math.PI / 2 + 0.2), Math.sin(Math.PI / 2 + 0.2)])
		);
		expect(w.margin?.angle).toBeCloseTo(w.thetaY + 0.5);
		expect(w.margin?.branch).toBe('margin');
		expect(w.margin?.value).toBeCloseTo(Math.cos(w.thetaY + 0.5));
		expect(w.extra).toBeCloseTo(0, 6);
	});

	it('an ArcFace feature far from its centre takes the fallback branch, and the formulas say so', () => {
		const ins = fixture('arcface', [-0.2, -1], spaced(0));
		const w = walkthrough(ins);
		expect(w.thetaY).toBeGreaterThan(Math.PI - 0.5);
		expect(w.margin?.branch).toBe('fallback');
		const up = sgdUpdate(ins, 0.01);
		const lines = stageLines('margin', w, ins, up, words).map((l) => l.text);
		expect(lines.some((l) => l.startsWith('past'))).toBe(true);
		expect(lines.at(-1)).toContain('m2·sin m2');
	});

	it('one small SGD step lowers the loss and (for ArcFace) closes θ_y', () => {
		for (const loss of ['arcface', 'softmax', 'cosface', 'intra'] as const) {
			const ins = fixture(loss, [0.5, 1.5], spaced(0.4));
			const up = sgdUpdate(ins, 0.01);
			expect(up.lossAfter).toBeLessThan(up.lossBefore);
			expect(up.thetaAfter).toBeLessThan(up.thetaBefore);
			expect(sgdUpdate(ins, 0).lossAfter).toBeCloseTo(ins.loss, 6);
		}
	});

	it('formats numbers for formulas: subscripts, true minus, tiny values as powers of ten', () => {
		expect(sub(3)).toBe('₃');
		expect(sub(12)).toBe('₁₂');
		expect(num(-0.41234)).toBe('−0.412');
		expect(num(123.456)).toBe('123.5');
		expect(num(0.0000123)).toBe('1.23 × 10⁻⁵');
		expect(num(Number.NaN)).toBe('–');
		expect(deg(Math.PI / 4)).toBe('45.0°');
	});

	it('stage lines carry the real numbers, marking the own class', () => {
		const ins = fixture('arcface', [3, 4], spaced(0.2));
		const w = walkthrough(ins);
		const up = sgdUpdate(ins, 0.05);
		const cosLines = stageLines('cosines', w, ins, up, words);
		expect(cosLines).toHaveLength(9);
		expect(cosLines.filter((l) => l.target).map((l) => l.text)).toEqual([`cos θ₃ = ${num(w.cos[2])}`]);
		const grad = stageLines('gradient', w, ins, up, words).map((l) => l.text);
		expect(grad.join('\n')).toContain(deg(up.thetaAfter, 2));
		expect(stageLines('loss', w, ins, up, words)[0].text).toContain(num(w.crossEntropy));
	});

	it('sketch: projection is cos θ_y along Ŵ_y, the margin arc turns by θ_y + m, arrows are magnified', () => {
		const ins = fixture('arcface', [3, 4], spaced(0.2));
		const w = walkthrough(ins);
		const s = sketchFor('cosines', w, null);
		expect(Math.hypot(...(s.projection as Vec))).toBeCloseTo(Math.abs(w.cos[2]));
		const m = sketchFor('margin', w, null);
		const end = m.marginArc?.at(-1) as Vec;
		expect(Math.abs(signedAngle(w.centreHats[2], end))).toBeCloseTo(w.thetaY + 0.5);
		const g = sketchFor('gradient', w, sgdUpdate(ins, 1e-4));
		expect(g.magnify).toBeGreaterThan(1);
		expect(sketchFor('feature', w, null).extent).toBeGreaterThan(5);
	});

	it('wraps sample indices and starts η at the model’s learning rate', () => {
		expect([wrap(-1, 10), wrap(10, 10), wrap(3, 10), wrap(5, 0)]).toEqual([9, 0, 3, 0]);
		expect(startEta(0.01)).toBe(0.01);
		expect(startEta(1e6)).toBe(10);
	});

	it('finds the hardest face: the largest angle to its own centre', () => {
		const features = Float32Array.from([1, 0, 0, 1, -1, 0.1]);
		const centres = Float32Array.from([1, 0, 0, 1]);
		expect(hardestIndex(features, centres, Int32Array.from([0, 1, 0]))).toBe(2);
		expect(hardestIndex(features, centres, Int32Array.from([1, 1, 1]))).toBe(0);
		expect(hardestIndex(new Float32Array(0), centres, new Int32Array(0))).toBe(-1);
	});

	it('moves the labels of nearly parallel rays apart, and writes factors and changes readably', () => {
		const r = labelRadii(
			[
				[1, 0],
				[0, 1],
				[Math.cos(1.6), Math.sin(1.6)]
			],
			1.2
		);
		expect(r[0]).toBe(1.2);
		expect(r[1]).toBe(1.2);
		expect(r[2]).toBeCloseTo(1.33);
		expect(factor(85187)).toBe('8.5 × 10⁴');
		expect(factor(3.25)).toBe('3.3');
		expect(signed(0.5)).toBe('+0.500');
		expect(signed(-0.0000032)).toBe('−3.20 × 10⁻⁶');
	});

	it('one tiny step: the loss before and after come from the same double-precision formula', () => {
		const ins = fixture('softmax', [10, 30], spaced(0.1), 2);
		const up = sgdUpdate(ins, 1e-6);
		expect(up.lossAfter).toBeLessThanOrEqual(up.lossBefore);
		expect(walkthrough(ins).loss).toBe(ins.crossEntropy);
	});
});
