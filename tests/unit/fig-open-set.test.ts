import { describe, expect, it } from 'vitest';
import { openSetReport } from '$lib/metrics/open-set';
import { en, zh } from '../../src/lib/i18n/sections/open-set';
import {
	headline,
	histogramMax,
	logCurve,
	logFloor,
	pairHistograms,
	pointAt,
	shareBelow,
	tableRows,
	targetsOf,
	type Column,
	type ReportLike
} from '../../src/lib/figures/open-set/data';

/** k identities on a circle (2-D), `per` images each, all exactly at their identity's angle. */
function exact(k: number, per: number, offsetDeg = 0) {
	const features = new Float32Array(k * per * 2);
	const labels = new Int32Array(k * per);
	for (let c = 0, i = 0; c < k; c++) {
		for (let j = 0; j < per; j++, i++) {
			const a = ((offsetDeg + (360 * c) / k) * Math.PI) / 180;
			features[2 * i] = Math.cos(a);
			features[2 * i + 1] = Math.sin(a);
			labels[i] = c;
		}
	}
	return { features, labels };
}

function report(k = 12, per = 6): ReportLike {
	const { features, labels } = exact(k, per);
	const impostors = exact(6, 4, 15).features;
	return openSetReport(features, labels, { dim: 2, gallery: [0, 1, 2, 3, 4, 5, 6, 7], impostors });
}

describe('open-set figure data', () => {
	it('turns a report into histograms: positive pairs at 0°, negatives at multiples of 30°', () => {
		const h = pairHistograms(report())!;
		expect(h.edgesDeg[0]).toBe(0);
		expect(h.edgesDeg.at(-1)).toBeCloseTo(180, 9);
		const width = h.edgesDeg[1] - h.edgesDeg[0];
		// all positive pairs in the first bin: 100 % over one bin's width
		expect(h.positive[0] * width).toBeCloseTo(100, 6);
		expect(h.negative[0]).toBe(0);
		expect(histogramMax([h, null])).toBeCloseTo(h.positive[0], 9);
		expect(pairHistograms(null)).toBeNull();
	});

	it('prints rates only where the counts allow them, and says so elsewhere', () => {
		const r = report();
		// 12 × 6 images: 66 · 36 = 2,376 negatives. FAR 10⁻³ allows 2.4 false accepts (< 5): not reported.
		expect(r.verification.totalNegative).toBe(2376);
		const columns: Column[] = [
			{ model: 0, set: 'seen', report: r },
			{ model: 0, set: 'unseen', report: null }
		];
		const rows = tableRows(en, columns);
		const tar = (f: string) => rows.find((x) => x.label === en.rowTar(f))!.cells;
		expect(tar('10⁻¹')).toEqual(['100\u00a0%', en.diverged]);
		expect(tar('10⁻³')[0]).toBe(en.notEnough);
		const rank1 = rows.find((x) => x.label === en.rowRank1(1))!.cells[0];
		// 8 enrolled identities, 5 probes each left after one enrolment image: all right
		expect(rank1).toBe(en.rank1Cell('100', 40, 40));
		const searches = rows.find((x) => x.label === en.rowSearches)!.cells[0];
		expect(searches).toBe(en.searchesCell(8, 40, 24));
		expect(rows.every((x) => x.cells.every((c) => !/NaN|undefined/.test(c)))).toBe(true);
		// the Chinese table has the same rows
		expect(tableRows(zh, columns)).toHaveLength(rows.length);
	});

	it('reads the shared targets, points and curves', () => {
		const r = report();
		expect(targetsOf([r, null], 'far')).toEqual([1e-1, 1e-2, 1e-3]);
		expect(pointAt(r.verification.tarAtFar, 1e-2)?.rate).toBe(1);
		expect(pointAt(r.verification.tarAtFar, 0.5)).toBeNull();
		const c = logCurve({ error: [0, 1e-3, 0.1, NaN], rate: [0, 0.5, 0.9, 1] })!;
		expect(Array.from(c.error)).toEqual([1e-3, 0.1]);
		expect(logCurve({ error: [0], rate: [1] })).toBeNull();
		expect(logFloor([c, null])).toBeCloseTo(1e-3, 12);
		expect(logFloor([null])).toBe(1e-1);
		expect(shareBelow([0.1, 0.2, 0.3, 0.4], 0.25)).toBe(0.5);
		expect(shareBelow([], 1)).toBe(0);
	});

	it('headlines seen → unseen TAR at FAR 10⁻² for each model', () => {
		const r = report();
		const text = headline(
			en,
			['Softmax', 'ArcFace'],
			[
				{ seen: r, unseen: r },
				{ seen: null, unseen: null }
			]
		);
		expect(text).toBe(en.headline('10⁻²', `Softmax: 100\u00a0% → 100\u00a0%. ArcFace: ${en.diverged}`));
	});
});
