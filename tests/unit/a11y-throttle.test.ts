import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceThrottle } from '../../src/lib/a11y/throttle';

describe('announceThrottle', () => {
	let said: string[];
	beforeEach(() => {
		vi.useFakeTimers();
		said = [];
	});
	afterEach(() => vi.useRealTimers());

	it('announces at most once per interval while training, always the newest text', () => {
		const th = announceThrottle((s) => said.push(s), { interval: 3000 });
		// Ten updates a second for ten seconds.
		for (let i = 0; i < 100; i++) {
			th.update(`step ${i * 10}`, true);
			vi.advanceTimersByTime(100);
		}
		expect(said.length).toBeGreaterThanOrEqual(3);
		expect(said.length).toBeLessThanOrEqual(4);
		expect(said[0]).toBe('step 0');
		// Each trailing announcement carries the text current when it fired.
		expect(said[1]).toBe('step 290');
	});

	it('never announces two texts less than the interval apart while busy', () => {
		const times: number[] = [];
		const th = announceThrottle(() => times.push(Date.now()), { interval: 3000 });
		for (let i = 0; i < 200; i++) {
			th.update(String(i), true);
			vi.advanceTimersByTime(37);
		}
		for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(3000);
	});

	it('announces the final state when training pauses, once', () => {
		const th = announceThrottle((s) => said.push(s), { interval: 3000, settle: 400 });
		th.update('step 0', true);
		vi.advanceTimersByTime(100);
		th.update('step 10', true);
		vi.advanceTimersByTime(100);
		th.update('step 20', false); // paused here
		vi.advanceTimersByTime(5000);
		expect(said).toEqual(['step 0', 'step 20']);
		th.update('step 20', false);
		vi.advanceTimersByTime(5000);
		expect(said).toEqual(['step 0', 'step 20']);
	});

	it('when idle, waits for changes to settle and says only where they stopped', () => {
		const th = announceThrottle((s) => said.push(s), { settle: 400 });
		for (let m = 0; m <= 10; m++) {
			th.update(`m = ${m / 10}`, false);
			vi.advanceTimersByTime(50);
		}
		expect(said).toEqual([]);
		vi.advanceTimersByTime(400);
		expect(said).toEqual(['m = 1']);
	});

	it('skips a repeat of what was just said, and dispose cancels what is pending', () => {
		const th = announceThrottle((s) => said.push(s), { interval: 3000 });
		th.update('a', true);
		th.update('a', true);
		vi.advanceTimersByTime(3000);
		expect(said).toEqual(['a']);
		th.update('b', false);
		th.dispose();
		vi.advanceTimersByTime(10_000);
		expect(said).toEqual(['a']);
	});
});
