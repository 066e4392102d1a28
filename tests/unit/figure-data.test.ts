import { describe, expect, it } from 'vitest';
import { decode } from '../../src/lib/state/codec';
import { targetLogitSchema } from '../../src/lib/state/figure-settings';
import {
	buildCurves,
	curveSpec,
	sampleCurve,
	thetaRange,
	turnBackDeg,
	valueDomain,
	visibleCurves
} from '../../src/lib/figures/target-logits/data';
import { arcBoundary, boundaryCurve, boundarySpec, marginPolygon } from '../../src/lib/margins/wedge';

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

describe('target-logit figure data', () => {
	it('draws over 20°–100° by default and 0°–180° when widened', () => {
		expect(thetaRange(decode(targetLogitSchema, ''))).toEqual([20, 100]);
		expect(thetaRange(decode(targetLogitSchema, 'range=wide'))).toEqual([0, 180]);
	});

	it('shows the fallback and easy-margin curves only on the wide range', () => {
		expect(visibleCurves(decode(targetLogitSchema, ''))).not.toContain('fallback');
		expect(visibleCurves(decode(targetLogitSchema, 'range=wide'))).toContain('easy');
	});

	it('samples each curve from the margin library', () => {
		const s = decode(targetLogitSchema, 'm1=1.2&m2=0.1&m3=0.05');
		const pts = sampleCurve(curveSpec('custom', s), [20, 100], 5);
		expect(pts.map((p) => p[0])).toEqual([20, 40, 60, 80, 100]);
		expect(pts[2][1]).toBeCloseTo(Math.cos(1.2 * rad(60) + 0.1) - 0.05, 12);
		const arc = buildCurves(decode(targetLogitSchema, 'curves=arcface'))[0];
		expect(arc.points[0][1]).toBeCloseTo(Math.cos(rad(20) + 0.5), 12);
		expect(arc.points.every(([, v]) => Number.isFinite(v))).toBe(true);
	});

	it('keeps the y axis at least as wide as the paper (−1.2 … 1)', () => {
		expect(valueDomain(buildCurves(decode(targetLogitSchema, 'curves=softmax')))).toEqual([-1.2, 1]);
		const wide = valueDomain(buildCurves(decode(targetLogitSchema, 'range=wide&m3=0.8')));
		expect(wide[0]).toBeLessThanOrEqual(-1.8);
	});

	it('places the turn-back of cos(θ + m) at 180° − m', () => {
		expect(turnBackDeg(0.5)).toBeCloseTo(180 - deg(0.5), 10);
		expect(turnBackDeg(0)).toBeNull();
	});
});

describe('decision-margin geometry', () => {
	it('maps each loss and margin to its spec', () => {
		expect(boundarySpec('arcface', 0.5)).toMatchObject({ m1: 1, m2: 0.5, m3: 0 });
		expect(boundarySpec('cosface', 0.35)).toMatchObject({ m1: 1, m2: 0, m3: 0.35 });
		expect(boundarySpec('sphereface', 1.35)).toMatchObject({ m1: 1.35, m2: 0, m3: 0 });
		expect(boundarySpec('softmax', 0.9)).toMatchObject({ m1: 1, m2: 0, m3: 0 });
	});

	it('draws the ArcFace boundary as the line θ2 = θ1 + m up to θ2 = π', () => {
		const c = boundaryCurve(boundarySpec('arcface', 0.5));
		for (const [a, b] of c) expect(b - a).toBeCloseTo(0.5, 10);
		expect(c.at(-1)![1]).toBeLessThanOrEqual(Math.PI + 1e-12);
		expect(c.at(-1)![1]).toBeGreaterThan(Math.PI - 0.02);
	});

	it('stops SphereFace where m·θ1 reaches π instead of folding back', () => {
		const c = boundaryCurve(boundarySpec('sphereface', 1.35));
		for (let i = 1; i < c.length; i++) expect(c[i][1]).toBeGreaterThanOrEqual(c[i - 1][1]);
		expect(c.at(-1)![0]).toBeLessThanOrEqual(Math.PI / 1.35 + 1e-9);
	});

	it('closes a margin polygon that is symmetric about the diagonal', () => {
		const poly = marginPolygon(boundarySpec('cosface', 0.35));
		expect(poly[0]).toEqual([0, 0]);
		const set = new Set(poly.map(([a, b]) => `${a.toFixed(6)},${b.toFixed(6)}`));
		for (const [a, b] of poly) expect(set.has(`${b.toFixed(6)},${a.toFixed(6)}`)).toBe(true);
	});

	it('splits the arc between two centres: ArcFace leaves a wedge of exactly m', () => {
		const phi = rad(90);
		const a1 = arcBoundary(boundarySpec('arcface', 0.5), phi)!;
		expect(a1).toBeCloseTo((phi - 0.5) / 2, 9);
		expect(phi - 2 * a1).toBeCloseTo(0.5, 9);
	});

	it('has no wedge for softmax and no room at all when the margin exceeds the centre angle', () => {
		const phi = rad(60);
		expect(arcBoundary(boundarySpec('softmax', 0), phi)).toBeCloseTo(phi / 2, 9);
		expect(arcBoundary(boundarySpec('arcface', 1.2), phi)).toBeNull();
	});

	it('finds the CosFace split by solving cos α − m = cos(φ − α)', () => {
		const phi = rad(100);
		const a = arcBoundary(boundarySpec('cosface', 0.35), phi)!;
		expect(Math.cos(a) - 0.35).toBeCloseTo(Math.cos(phi - a), 9);
	});
});

describe('feature-circle view', () => {
	it('never yields NaN from a diverged model (infinite or NaN features and centres)', async () => {
		const { circleView } = await import('../../src/lib/figures/feature-circle/data');
		const f = Float32Array.from([Infinity, 1, Number.NaN, 2, 3, 4, 0, 0]);
		const c = Float32Array.from([Infinity, Infinity, Number.NaN, 1, 0, 0, 2, 0]);
		for (const normalised of [true, false]) {
			const v = circleView(f, c, normalised);
			expect([...v.xy, ...v.rays, v.extent].every(Number.isFinite)).toBe(true);
			expect(v.extent).toBeGreaterThan(0);
		}
		// A dead network: every norm 0 or denormal. The window stays a unit one.
		expect(circleView(Float32Array.from([1e-44, 0, 0, 0]), c, false).extent).toBe(1);
		const v = circleView(f, c, true);
		expect([v.xy[4], v.xy[5]]).toEqual([0.6000000238418579, 0.800000011920929]);
		expect([v.rays[6], v.rays[7]]).toEqual([1, 0]);
	});
});
