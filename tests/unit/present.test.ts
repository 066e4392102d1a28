import { describe, expect, it } from 'vitest';
import { presentFromQuery } from '../../src/lib/ui/presenter.svelte';
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
