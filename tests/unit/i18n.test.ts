import { describe, expect, it } from 'vitest';
import { count, fmt } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { zh } from '$lib/i18n/zh';

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
