import { describe, expect, it } from 'vitest';
import { count, fmt } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { zh } from '$lib/i18n/zh';
import * as embed from '$lib/i18n/sections/embed';
import * as present from '$lib/i18n/sections/present';
import * as faceGallery from '$lib/i18n/sections/face-gallery';
import * as inversion from '$lib/i18n/sections/inversion';
import * as pairAngles from '$lib/i18n/sections/pair-angles';
import * as replay from '$lib/i18n/sections/replay';
import * as slowMotion from '$lib/i18n/sections/slow-motion';
import * as thetaDistribution from '$lib/i18n/sections/theta-distribution';
import * as trainingCurves from '$lib/i18n/sections/training-curves';
import * as featureSpace from '$lib/i18n/sections/feature-space';
import * as openSet from '$lib/i18n/sections/open-set';

const sections = {
	embed,
	present,
	faceGallery,
	inversion,
	pairAngles,
	replay,
	slowMotion,
	thetaDistribution,
	trainingCurves,
	featureSpace,
	openSet
};

describe('count', () => {
	it('groups thousands with commas', () => {
		expect(count(0)).toBe('0');
		expect(count(999)).toBe('999');
		expect(count(1000)).toBe('1,000');
		expect(count(12000)).toBe('12,000');
		expect(count(1234567)).toBe('1,234,567');
	});
	it('rounds to a whole number and keeps the sign', () => {
		expect(count(1999.6)).toBe('2,000');
		expect(count(-4321)).toBe('-4,321');
		expect(count(-0.2)).toBe('0');
	});
	it('never shows NaN or Infinity', () => {
		expect(count(NaN)).toBe('–');
		expect(count(Infinity)).toBe('–');
	});
	it('is what the step counters say, in both languages', () => {
		expect(en.lab.stepCounter(12000)).toBe('Step 12,000');
		expect(zh.lab.stepCounter(12000)).toBe('第 12,000 步');
	});
});

describe('fmt', () => {
	it('fixes the decimals and drops a minus on zero', () => {
		expect(fmt(3.14159, 2)).toBe('3.14');
		expect(fmt(-0.01, 1)).toBe('0.0');
		expect(fmt(NaN)).toBe('–');
	});
});

/** The shape of a table: every key path with the type of its value (functions with their arity). */
function shape(v: unknown, path = ''): string[] {
	if (typeof v === 'function') return [`${path}: function/${v.length}`];
	if (typeof v !== 'object' || v === null) return [`${path}: ${typeof v}`];
	return Object.entries(v).flatMap(([k, x]) => shape(x, `${path}.${k}`));
}

describe('the string tables', () => {
	it('have the same keys in both languages, the figures’ and pages’ sections included', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('hold each section’s strings under its key', () => {
		for (const [key, section] of Object.entries(sections)) {
			expect(en[key as keyof typeof en], key).toBe(section.en);
			expect(zh[key as keyof typeof zh], key).toBe(section.zh);
		}
	});
});
