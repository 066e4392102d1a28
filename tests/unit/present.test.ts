import { describe, expect, it } from 'vitest';
import { chartTextScale, presentFromQuery } from '../../src/lib/ui/presenter.svelte';
import { chartBox } from '../../src/lib/figures/chart';
import { isPresenterKey, labAction } from '../../src/lib/lab/keys';

describe('presenter mode from the URL', () => {
	it('reads on and off words, and nothing else', () => {
		for (const on of ['1', 'true', 'ON', ' yes ']) expect(presentFromQuery(`?present=${on}`)).toBe(true);
		for (const off of ['0', 'false', 'off', 'no']) expect(presentFromQuery(`?present=${off}`)).toBe(false);
		for (const junk of [
			'',
			'?present=',
			'?present=2',
			'?present=%00',
			'?present=' + 'x'.repeat(5000),
			'?%E0%A4%A=1'
		])
			expect(presentFromQuery(junk)).toBeNull();
	});
});

describe('the P key', () => {
	it('toggles presenter mode unless typed into a field or with a modifier', () => {
		expect(isPresenterKey({ key: 'p', targetTag: 'BODY' })).toBe(true);
		expect(isPresenterKey({ key: 'P', targetTag: 'BUTTON' })).toBe(true);
		expect(isPresenterKey({ key: 'p', targetTag: 'INPUT' })).toBe(false);
		expect(isPresenterKey({ key: 'p', targetTag: 'DIV', targetEditable: true })).toBe(false);
		expect(isPresenterKey({ key: 'p', ctrlKey: true })).toBe(false);
		expect(isPresenterKey({ key: 'q' })).toBe(false);
		// and it is not one of the lab's own keys
		expect(labAction({ key: 'p', targetTag: 'BODY' })).toBeNull();
	});
});

describe('chart text in presenter mode', () => {
	it('grows with the screen as app.css’s --chart-font does, and only while presenting', () => {
		expect(chartTextScale(false, 1920)).toBe(1);
		// 1.25 vw = 24 px on a 1080p projector, 19 px at least on a small one
		expect(chartTextScale(true, 1920) * 13).toBeCloseTo(24, 6);
		expect(chartTextScale(true, 1024) * 13).toBeCloseTo(19, 6);
		expect(chartTextScale(true, 3840) * 13).toBeCloseTo(48, 6);
		for (const bad of [NaN, 0, -5, Infinity]) expect(chartTextScale(true, bad)).toBe(1);
	});

	it('widens a chart’s margins by it and keeps the plot area’s height', () => {
		const margin = { top: 10, right: 20, bottom: 30, left: 40 };
		const plain = chartBox(600, 300, margin);
		const big = chartBox(600, 300, margin, 2);
		expect(big.margin).toEqual({ top: 20, right: 40, bottom: 60, left: 80 });
		expect(big.innerHeight).toBe(plain.innerHeight);
		expect(big.innerWidth).toBe(600 - 120);
		// a factor below 1 or unreadable changes nothing
		for (const k of [0.5, NaN, -1]) expect(chartBox(600, 300, margin, k)).toEqual(plain);
	});
});
