import { describe, expect, it } from 'vitest';
import {
	BIN_DEG,
	cosSpec,
	isPlainCos,
	logitCurve,
	logitDomain,
	median,
	modelSpec,
	moment,
	outline,
	pickMoments,
	ranges,
	shareMax,
	thetaDegrees
} from '../../src/lib/figures/theta-distribution/data';
import { targetLogit } from '../../src/lib/margins';
import { lossDefaults } from '../../src/lib/train/settings';
import type { Snapshot } from '../../src/lib/train/client.svelte';

const rad = (d: number) => (d * Math.PI) / 180;

/** Two classes with centres along +x and +y; feature i of each sits at the given angle from its centre. */
function snapshot(step: number, anglesDeg: number[]): Snapshot {
	const n = anglesDeg.length * 2;
	const features = new Float32Array(n * 2);
	const labels = new Int32Array(n);
	anglesDeg.forEach((a, i) => {
		features.set([2 * Math.cos(rad(a)), 2 * Math.sin(rad(a))], 4 * i);
		features.set([-3 * Math.sin(rad(a)), 3 * Math.cos(rad(a))], 4 * i + 2);
		labels[2 * i + 1] = 1;
	});
	const centres = new Float32Array([1, 0, 0, 1]);
	const m = { features, featureNorms: new Float32Array(n), centres, centreNorms: new Float32Array(2) };
	return { step, dim: 2, labels, models: [m, { ...m, features: features.map((v) => -v) }] };
}

describe('theta-distribution data', () => {
	it('measures θ_y in degrees for each model', () => {
		const s = snapshot(0, [10, 45, 170]);
		const a = Array.from(thetaDegrees(s, 0));
		a.forEach((v, i) => expect(v).toBeCloseTo([10, 10, 45, 45, 170, 170][i], 3));
		// model B's features point the other way: 180° − θ
		expect(thetaDegrees(s, 1)[0]).toBeCloseTo(170, 3);
	});

	it('takes the median of finite values only', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([Number.NaN, 5])).toBe(5);
		expect(Number.isNaN(median([]))).toBe(true);
	});

	it('picks the start, the snapshot nearest half the shown step, and now', () => {
		const rec = [0, 100, 180, 260, 400].map((st) => snapshot(st, [30]));
		const picks = pickMoments(rec, rec[4]);
		expect(picks.map((p) => [p.key, p.snapshot.step])).toEqual([
			['start', 0],
			['middle', 180],
			['now', 400]
		]);
		// replaying step 100: the middle must not come from after it, and equals the start here
		expect(pickMoments(rec, rec[1]).map((p) => p.key)).toEqual(['start', 'now']);
		expect(pickMoments(rec, rec[0]).map((p) => p.key)).toEqual(['start']);
		expect(pickMoments([], rec[2]).map((p) => p.key)).toEqual(['start']);
	});

	it('bins angles into 3° bins and counts the ones beyond the drawn range', () => {
		const m = moment('start', snapshot(0, [10, 50, 150, 170]), 0, ranges.narrow);
		expect(m.hist.counts.length).toBe(120 / BIN_DEG);
		expect(m.hist.counted).toBe(4);
		expect(m.beyond).toBe(0.5);
		expect(m.median).toBeCloseTo(100, 3);
		const full = moment('now', snapshot(0, [10, 50, 150, 170]), 0, ranges.full);
		expect(full.beyond).toBe(0);
		expect(full.hist.counts.length).toBe(60);
	});

	it('outlines a histogram as a closed step line in % of every face', () => {
		const m = moment('now', snapshot(5, [1, 1, 4, 200 / 3]), 0, ranges.narrow);
		const pts = outline(m);
		expect(pts[0]).toEqual([0, 0]);
		expect(pts.at(-1)).toEqual([120, 0]);
		expect(pts[1]).toEqual([0, 50]);
		expect(pts[2]).toEqual([3, 50]);
		expect(pts.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
		expect(shareMax([m])).toBe(50);
		expect(shareMax([])).toBe(10);
	});

	it('builds the target-logit curve from the model’s own settings', () => {
		const arc = lossDefaults('arcface');
		const spec = modelSpec({ ...arc, m2: 0.3, lr: null });
		expect(spec).not.toBeNull();
		const pts = logitCurve(spec!, ranges.full);
		expect(pts[0][0]).toBe(0);
		expect(pts.at(-1)![0]).toBe(180);
		const at60 = pts.find(([d]) => d === 60)!;
		expect(at60[1]).toBeCloseTo(targetLogit(rad(60), { ...arc, m2: 0.3 }), 10);
		expect(at60[1]).toBeCloseTo(Math.cos(rad(60) + 0.3), 10);
		expect(modelSpec({ ...lossDefaults('triplet'), lr: null })).toBeNull();
		expect(isPlainCos(modelSpec({ ...lossDefaults('softmax'), lr: null })!)).toBe(true);
		expect(isPlainCos(spec!)).toBe(false);
		expect(logitCurve(cosSpec, ranges.narrow).find(([d]) => d === 60)![1]).toBeCloseTo(0.5, 10);
	});

	it('widens the value axis past the paper’s −1.2 … 1 only when a curve needs it', () => {
		const arc = modelSpec({ ...lossDefaults('arcface'), lr: null })!;
		expect(logitDomain([logitCurve(arc, ranges.narrow)])).toEqual([-1.2, 1]);
		// past 180° − m the insightface fallback cos θ − m·sin m reaches −1 − 0.5·sin 0.5 ≈ −1.24 at 180°
		expect(logitDomain([logitCurve(arc, ranges.full)])).toEqual([-1.3, 1]);
		const cos = modelSpec({ ...lossDefaults('cosface'), m3: 0.8, lr: null })!;
		const [lo] = logitDomain([logitCurve(cos, ranges.full)]);
		expect(lo).toBeLessThanOrEqual(-1.8);
	});
});
