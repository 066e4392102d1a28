import { describe, expect, it } from 'vitest';
import { deg, rad } from '$lib/margins';
import { identityArcs, identitySpread, summariseSpread, wrapPi } from '$lib/metrics';

/** Features at (angle in degrees, radius) points, with their labels. */
function points(list: [label: number, degrees: number, radius?: number][]) {
	const features = new Float32Array(list.length * 2);
	const labels = new Int32Array(list.length);
	list.forEach(([label, a, r = 1], i) => {
		features[2 * i] = r * Math.cos(rad(a));
		features[2 * i + 1] = r * Math.sin(rad(a));
		labels[i] = label;
	});
	return { features, labels };
}

// three constructed arcs: 0 at −10°…10°, 1 at 80°…100° (norms 1, 2, 3), 2 straddling ±180° (175°, −175°)
const constructed = points([
	[0, -10],
	[0, 0],
	[0, 10],
	[1, 80, 1],
	[1, 90, 2],
	[1, 100, 3],
	[2, 175],
	[2, -175]
]);

describe('identitySpread', () => {
	it('gives the circular mean, spread and norms of constructed arcs', () => {
		const [a, b, c] = identitySpread(constructed.features, constructed.labels);
		expect(deg(Math.atan2(a.direction[1], a.direction[0]))).toBeCloseTo(0, 4);
		expect(deg(a.spread)).toBeCloseTo(20 / 3, 4);
		expect(deg(a.maxDeviation)).toBeCloseTo(10, 4);
		expect(a.resultant).toBeCloseTo((1 + 2 * Math.cos(rad(10))) / 3, 6);
		expect([a.count, a.directed, a.normCv]).toEqual([3, 3, expect.closeTo(0, 6)]);
		expect(deg(Math.atan2(b.direction[1], b.direction[0]))).toBeCloseTo(90, 4);
		expect(b.meanNorm).toBeCloseTo(2, 6);
		expect(b.normCv).toBeCloseTo(Math.sqrt(2 / 3) / 2, 6);
		expect(c.spread).toBeCloseTo(rad(5), 6);
	});

	it('handles wrap-around at ±180°: mean 180°, spread 5°', () => {
		const [s] = identitySpread(
			points([
				[0, 175],
				[0, -175]
			]).features,
			Int32Array.from([0, 0])
		);
		expect(Math.abs(deg(Math.atan2(s.direction[1], s.direction[0])))).toBeCloseTo(180, 4);
		expect(deg(s.spread)).toBeCloseTo(5, 4);
	});

	it('reports empty classes, zero vectors and cancelling directions without NaN', () => {
		const features = Float32Array.from([0, 0, 1, 0, -2, 0]);
		const labels = Int32Array.from([1, 2, 2]);
		const spreads = identitySpread(features, labels, { classes: 4 });
		expect(spreads.map((s) => [s.label, s.count, s.directed])).toEqual([
			[0, 0, 0],
			[1, 1, 0],
			[2, 2, 2],
			[3, 0, 0]
		]);
		// class 2: 0° and 180° cancel, so there is no mean direction and each is π/2 from it
		expect(Array.from(spreads[2].direction)).toEqual([0, 0]);
		expect([spreads[2].resultant, spreads[2].spread]).toEqual([0, Math.PI / 2]);
		expect(spreads[2].meanNorm).toBe(1.5);
		for (const s of spreads) {
			for (const v of [s.resultant, s.spread, s.maxDeviation, s.meanNorm, s.normCv]) {
				expect(Number.isNaN(v)).toBe(false);
			}
		}
		expect(identitySpread(new Float32Array(0), new Int32Array(0))).toEqual([]);
	});

	it('works in any dimension', () => {
		const features = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
		const [s] = identitySpread(features, Int32Array.from([0, 0, 0]), { dim: 3 });
		expect(Array.from(s.direction).map((x) => x * Math.sqrt(3))).toEqual([
			expect.closeTo(1, 12),
			expect.closeTo(1, 12),
			expect.closeTo(1, 12)
		]);
		expect(s.spread).toBeCloseTo(Math.acos(1 / Math.sqrt(3)), 12);
		expect(s.resultant).toBeCloseTo(Math.sqrt(3) / 3, 12);
	});

	it('summarises over classes that have features', () => {
		const spreads = identitySpread(constructed.features, constructed.labels, { classes: 5 });
		const summary = summariseSpread(spreads);
		expect(deg(summary.meanSpread)).toBeCloseTo((20 / 3 + 20 / 3 + 5) / 3, 4);
		expect(summary.meanNorm).toBeCloseTo(4 / 3, 6);
		expect(summariseSpread([])).toEqual({ meanSpread: 0, meanNorm: 0, meanNormCv: 0 });
	});
});

describe('identityArcs', () => {
	it('measures spans and the gaps between neighbouring arcs', () => {
		const { arcs, gaps, meanSpan, meanGap, minGap } = identityArcs(constructed.features, constructed.labels);
		expect(arcs.map((a) => a.label)).toEqual([0, 1, 2]);
		expect(arcs.map((a) => Math.round(deg(a.centre) * 1e4) / 1e4)).toEqual([0, 90, 180]);
		expect(arcs.map((a) => Math.round(deg(a.span) * 1e4) / 1e4)).toEqual([20, 20, 10]);
		expect(gaps.map((g) => [g.from, g.to])).toEqual([
			[0, 1],
			[1, 2],
			[2, 0]
		]);
		expect(gaps.map((g) => Math.round(deg(g.between) * 1e4) / 1e4)).toEqual([90, 90, 180]);
		expect(gaps.map((g) => Math.round(deg(g.gap) * 1e4) / 1e4)).toEqual([70, 75, 165]);
		expect(deg(meanSpan)).toBeCloseTo(50 / 3, 4);
		expect(deg(meanGap)).toBeCloseTo(310 / 3, 4);
		expect(deg(minGap)).toBeCloseTo(70, 4);
	});

	it('spans and gaps add up to the full circle', () => {
		const { arcs, gaps } = identityArcs(constructed.features, constructed.labels);
		const total = arcs.reduce((s, a) => s + a.span, 0) + gaps.reduce((s, g) => s + g.gap, 0);
		expect(total).toBeCloseTo(2 * Math.PI, 10);
	});

	it('gives a negative gap when arcs overlap', () => {
		const { features, labels } = points([
			[0, -30],
			[0, 0],
			[0, 30],
			[1, 20],
			[1, 30]
		]);
		const { gaps } = identityArcs(features, labels);
		expect(deg(gaps[0].gap)).toBeCloseTo(25 - 30 - 5, 4);
	});

	it('wraps: a class at 175° and −175° is centred on 180° and spans 10°', () => {
		const { features, labels } = points([
			[3, 175],
			[3, -175],
			[3, 180]
		]);
		const { arcs, gaps } = identityArcs(features, labels);
		expect(deg(arcs[0].centre)).toBeCloseTo(180, 4);
		expect(deg(arcs[0].span)).toBeCloseTo(10, 4);
		expect(gaps).toHaveLength(1);
		expect(deg(gaps[0].gap)).toBeCloseTo(350, 4);
	});

	it('trims strays with coverage < 1', () => {
		const list: [number, number][] = [];
		for (let a = -50; a <= 50; a++) list.push([0, a]);
		const { features, labels } = points(list);
		expect(deg(identityArcs(features, labels).arcs[0].span)).toBeCloseTo(100, 4);
		expect(deg(identityArcs(features, labels, { coverage: 0.9 }).arcs[0].span)).toBeCloseTo(90, 4);
		expect(() => identityArcs(features, labels, { coverage: 0 })).toThrow(/coverage/);
	});

	it('skips zero vectors and empty classes; no features gives zeros', () => {
		const features = Float32Array.from([0, 0, 1, 0, 0, 1]);
		const labels = Int32Array.from([0, 2, 2]);
		const { arcs } = identityArcs(features, labels, { classes: 8 });
		expect(arcs.map((a) => [a.label, a.count])).toEqual([[2, 2]]);
		const none = identityArcs(new Float32Array(0), new Int32Array(0));
		expect(none).toEqual({ arcs: [], gaps: [], meanSpan: 0, meanGap: 0, minGap: 0 });
	});

	it('wrapPi maps into (−π, π]', () => {
		expect(wrapPi(-Math.PI)).toBe(Math.PI);
		expect(wrapPi(Math.PI)).toBe(Math.PI);
		expect(wrapPi(3 * Math.PI)).toBeCloseTo(Math.PI, 12);
		expect(wrapPi(rad(190))).toBeCloseTo(rad(-170), 12);
		expect(wrapPi(0)).toBe(0);
	});
});
