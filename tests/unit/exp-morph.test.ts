import { describe, expect, it } from 'vitest';
import { averageFace, makeIdentities, PARAM_KEYS, PARAM_RANGES } from '$lib/faces/identity';
import {
	caricatureParams,
	clampSteps,
	morphContinuum,
	morphParams,
	unitDistance
} from '$lib/experiments/morph';

const [a, b] = makeIdentities(7).slice(0, 2);

describe('morph continua', () => {
	it('endpoints equal the identities exactly, the midpoint is halfway', () => {
		const c = morphContinuum(a, b, 9);
		expect(c).toHaveLength(9);
		expect(c[0].params).toEqual(a);
		expect(c[8].params).toEqual(b);
		expect(c[4].t).toBe(0.5);
		for (const k of PARAM_KEYS) expect(c[4].params[k]).toBeCloseTo((a[k] + b[k]) / 2, 12);
		expect(unitDistance(c[0].params, c[4].params)).toBeCloseTo(unitDistance(c[4].params, c[8].params), 12);
	});
	it('steps are equally spaced and clamped to 7–11', () => {
		expect(morphContinuum(a, b, 3)).toHaveLength(7);
		expect(morphContinuum(a, b, 40)).toHaveLength(11);
		expect(clampSteps(NaN)).toBe(9);
		expect(clampSteps('10')).toBe(10);
		const ts = morphContinuum(a, b, 11).map((s) => s.t);
		ts.slice(1).forEach((t, i) => expect(t - ts[i]).toBeCloseTo(0.1, 12));
		expect(morphParams(a, b, -3)).toEqual(a);
		expect(morphParams(a, b, 7)).toEqual(b);
	});
});

describe('caricatures', () => {
	const avg = averageFace();
	it('gain 1 is the identity, gain 0 the average', () => {
		expect(caricatureParams(a, 1).params).toEqual(a);
		expect(caricatureParams(a, 0).params).toEqual(avg);
		expect(caricatureParams(a, NaN).gain).toBe(1);
		expect(caricatureParams(a, 9).gain).toBe(2);
		expect(caricatureParams(a, -1).gain).toBe(0);
	});
	it('a caricature moves away from the average, an anti-caricature towards it, within safe bounds', () => {
		const d1 = unitDistance(a, avg);
		const car = caricatureParams(a, 1.5);
		const anti = caricatureParams(a, 0.5);
		expect(unitDistance(anti.params, avg)).toBeCloseTo(0.5 * d1, 10);
		if (car.clamped.length === 0) expect(unitDistance(car.params, avg)).toBeCloseTo(1.5 * d1, 10);
		const far = caricatureParams(a, 2);
		for (const k of PARAM_KEYS) {
			const [lo, hi] = PARAM_RANGES[k];
			expect(far.params[k]).toBeGreaterThanOrEqual(lo - 0.25 * (hi - lo) - 1e-12);
			expect(far.params[k]).toBeLessThanOrEqual(hi + 0.25 * (hi - lo) + 1e-12);
		}
		expect(far.params.hairTone).toBeGreaterThanOrEqual(0);
	});
});
