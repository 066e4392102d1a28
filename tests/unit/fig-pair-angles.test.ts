import { describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces/rng';
import { fmt } from '$lib/i18n';
import { tarAtFar, verificationRates } from '$lib/metrics';
import {
	allFinite,
	analyseModel,
	BINS,
	DEG,
	densityMax,
	densityPerDegree,
	percent,
	powerOfTen,
	ratesAtDeg,
	rocLogPoints,
	scientific,
	stepPoints
} from '../../src/lib/figures/pair-angles/data';
import { rocText, summaryText, tableRows, thresholdText } from '../../src/lib/figures/pair-angles/text';
import { en, zh } from '../../src/lib/i18n/sections/pair-angles';

/** n points per identity at angle 45°·c ± spread (degrees), radius 1…3. */
function clusters(perId: number, spreadDeg: number, seed: number, k = 8) {
	const rng = new Rng(seed);
	const features = new Float32Array(perId * k * 2);
	const labels = new Int32Array(perId * k);
	for (let c = 0, i = 0; c < k; c++) {
		for (let j = 0; j < perId; j++, i++) {
			const a = (c * 45 + spreadDeg * rng.gaussian()) * DEG;
			const r = 1 + 2 * rng.next();
			features[2 * i] = r * Math.cos(a);
			features[2 * i + 1] = r * Math.sin(a);
			labels[i] = c;
		}
	}
	return { features, labels };
}

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('pair-angle figure data', () => {
	it('turns angles into % of pairs per degree that integrate to 100 over 0°–180°', () => {
		const angles = Float64Array.from({ length: 1000 }, (_, i) => ((i % 180) + 0.5) * DEG);
		const { edgesDeg, density } = densityPerDegree(angles);
		expect(edgesDeg.length).toBe(BINS + 1);
		expect(edgesDeg[0]).toBe(0);
		expect(edgesDeg[BINS]).toBeCloseTo(180, 9);
		const width = 180 / BINS;
		expect(density.reduce((s, d) => s + d * width, 0)).toBeCloseTo(100, 9);
	});

	it('draws a histogram as a closed step outline', () => {
		const pts = stepPoints([0, 1, 2], [5, 7]);
		expect(pts).toEqual([
			[0, 0],
			[0, 5],
			[1, 5],
			[1, 7],
			[2, 7],
			[2, 0]
		]);
	});

	it('puts ROC points on the log-FAR axis with the rates ratesAt gives', () => {
		const rng = new Rng(3);
		const pos = sorted(Array.from({ length: 2000 }, () => Math.abs(0.3 + 0.2 * rng.gaussian())));
		const neg = sorted(Array.from({ length: 20000 }, () => Math.abs(1.2 + 0.4 * rng.gaussian())));
		const roc = rocLogPoints(pos, neg, { minFar: 1e-4, points: 41 });
		expect(roc.far.length).toBeGreaterThan(20);
		expect(roc.far[0]).toBeGreaterThanOrEqual(1e-4);
		expect(roc.far.at(-1)).toBe(1);
		expect(roc.tar.at(-1)).toBe(1);
		for (let i = 1; i < roc.far.length; i++) {
			expect(roc.far[i]).toBeGreaterThan(roc.far[i - 1]);
			expect(roc.tar[i]).toBeGreaterThanOrEqual(roc.tar[i - 1]);
		}
		// the point at FAR 1e-2 is exactly tarAtFar's operating point
		const at = tarAtFar(pos, neg, 1e-2);
		const i = Array.from(roc.far).findIndex((f) => Math.abs(f - at.far) < 1e-12);
		expect(i).toBeGreaterThan(-1);
		expect(roc.tar[i]).toBe(at.tar);
	});

	it('leaves out FARs a log axis cannot show, and copes with no negatives', () => {
		const roc = rocLogPoints(sorted([0.1, 0.2]), sorted([1, 2, 3]), { minFar: 1e-4 });
		expect(Math.min(...roc.far)).toBeGreaterThanOrEqual(1 / 3 - 1e-12);
		expect(rocLogPoints(sorted([0.1]), new Float64Array(0)).far.length).toBe(0);
	});

	it('analyses a snapshot: tight identities verify and identify well, loose ones worse', () => {
		const tight = analyseModel(clusters(40, 4, 1).features, clusters(40, 4, 1).labels)!;
		const loose = analyseModel(clusters(40, 25, 1).features, clusters(40, 25, 1).labels)!;
		expect(tight.totalPositive).toBe(8 * ((40 * 39) / 2));
		expect(tight.totalNegative).toBe((320 * 319) / 2 - tight.totalPositive);
		expect(tight.positive.length).toBe(tight.totalPositive);
		expect(tight.atFar.map((a) => a.target)).toEqual([1e-1, 1e-2]);
		expect(tight.atFar[1].tar).toBeGreaterThan(0.95);
		expect(loose.atFar[1].tar).toBeLessThan(tight.atFar[1].tar);
		expect(tight.rank1.enrolled.rate).toBeGreaterThan(0.95);
		expect(tight.rank1.enrolled.probes).toBe(320 - 8);
		expect(tight.rank1.leaveOneOut.probes).toBe(320);
		expect(loose.rank1.leaveOneOut.rate).toBeLessThan(tight.rank1.leaveOneOut.rate);
		// more spread widens the positive distribution: its mean angle grows
		const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
		expect(mean(loose.positive)).toBeGreaterThan(mean(tight.positive));
		expect(tight.best.threshold / DEG).toBeGreaterThan(5);
		expect(tight.best.threshold / DEG).toBeLessThan(45);
	});

	it('subsamples to maxPairs and stays the same for the same snapshot', () => {
		const { features, labels } = clusters(40, 10, 2);
		const a = analyseModel(features, labels, { maxPairs: 1000 })!;
		const b = analyseModel(features, labels, { maxPairs: 1000 })!;
		expect(a.negative.length).toBe(1000);
		expect(a.positive.length).toBe(1000);
		expect(a.totalNegative).toBeGreaterThan(1000);
		expect(Array.from(a.negative)).toEqual(Array.from(b.negative));
	});

	it('reads TAR and FAR at a threshold in degrees like verificationRates', () => {
		const { features, labels } = clusters(30, 12, 4);
		const m = analyseModel(features, labels)!;
		for (const deg of [0, 10, 22.5, 40, 90, 180]) {
			const want = verificationRates(m.positive, m.negative, deg * DEG);
			const got = ratesAtDeg(m, deg);
			expect(got.tar).toBe(want.tar);
			expect(got.far).toBe(want.far);
		}
	});

	it('refuses diverged features instead of throwing', () => {
		const { features, labels } = clusters(5, 10, 5);
		features[3] = NaN;
		expect(allFinite(features)).toBe(false);
		expect(analyseModel(features, labels)).toBeNull();
		expect(densityMax([null])).toBe(0);
	});

	it('formats rates and powers of ten', () => {
		expect(percent(0.004, fmt)).toBe('0.4');
		expect(percent(0.5, fmt)).toBe('50');
		expect(percent(0.996, fmt)).toBe('99.6');
		expect(percent(1, fmt)).toBe('100');
		expect(powerOfTen(1e-2)).toBe('10⁻²');
		expect(powerOfTen(1e-4)).toBe('10⁻⁴');
		expect(powerOfTen(1)).toBe('1');
		expect(scientific(1 / 44800, fmt)).toBe('2.2\u00a0×\u00a010⁻⁵');
		expect(scientific(0, fmt)).toBe('–');
	});
});

describe('pair-angle figure text', () => {
	const { features, labels } = clusters(30, 6, 7);
	const m = analyseModel(features, labels)!;

	it('summarises each model from its computed numbers', () => {
		const p = m.atFar[1];
		const text = summaryText(en, 400, [m, null], ['ArcFace', 'Softmax (L1)']);
		expect(text).toBe(
			`Step 400. ArcFace: TAR ${percent(p.tar, fmt)}\u00a0% at FAR 1\u00a0%, rank-1 ${percent(m.rank1.enrolled.rate, fmt)}\u00a0%; Softmax (L1): ${en.diverged}.`
		);
		expect(summaryText(zh, 400, [m, m], ['A', 'B'])).toMatch(/^第 400 步。A：FAR 1% 时 TAR/);
	});

	it('reads the threshold out for both models', () => {
		const r = ratesAtDeg(m, 20);
		expect(thresholdText(en, 20, [r, r], ['A', 'B'])).toBe(
			`20°: A TAR ${percent(r.tar, fmt)}\u00a0%, FAR ${percent(r.far, fmt)}\u00a0%; B TAR ${percent(r.tar, fmt)}\u00a0%, FAR ${percent(r.far, fmt)}\u00a0%`
		);
	});

	it('fills one table cell per model, with a dash for a diverged one', () => {
		const { rows, note } = tableRows(en, [m, null]);
		expect(rows.map((r) => r.label)).toEqual([
			en.tarAtFar('10⁻¹'),
			en.tarAtFar('10⁻²'),
			en.best,
			en.rank1Enrolled,
			en.rank1Loo,
			en.pairs,
			en.minFar
		]);
		for (const r of rows) {
			expect(r.cells).toHaveLength(2);
			expect(r.cells[1]).toBe('–');
		}
		expect(rows[3].cells[0]).toContain(`${m.rank1.enrolled.correct} of ${m.rank1.enrolled.probes}`);
		expect(note).toBe('');
		expect(tableRows(en, [analyseModel(features, labels, { maxPairs: 500 })]).note).not.toBe('');
	});

	it('prints TAR at each marked FAR in the ROC legend', () => {
		const { legend, description } = rocText(en, [m], ['ArcFace']);
		expect(legend[0]).toBe(
			`ArcFace: TAR ${percent(m.atFar[0].tar, fmt)}\u00a0% at FAR 10⁻¹, ${percent(m.atFar[1].tar, fmt)}\u00a0% at FAR 10⁻²`
		);
		expect(description).toContain('10⁻⁴');
	});
});
