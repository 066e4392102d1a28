import { describe, expect, it } from 'vitest';
import {
	allowedSteps,
	BURST_SEC,
	burstCap,
	clampPace,
	Pacer,
	refill,
	simulatePace,
	spend,
	startBudget,
	waitMs
} from '$lib/train/pace';
import { parseToWorker } from '$lib/train/protocol';

describe('pace arithmetic', () => {
	it('clamps a pace to ≥ 1 step/s, and reads null, NaN, ±Infinity and ≤ 0 as "as fast as possible"', () => {
		expect(clampPace(5)).toBe(5);
		expect(clampPace(0.2)).toBe(1);
		for (const v of [null, undefined, Number.NaN, Infinity, -Infinity, 0, -3])
			expect(clampPace(v)).toBeNull();
	});

	it('earns pace × seconds of steps, capped at BURST_SEC worth (at least one step)', () => {
		const b = startBudget(1000);
		expect(b.credit).toBe(1);
		expect(refill(spend(b, 1), 20, 1100).credit).toBeCloseTo(2); // 20 steps/s × 0.1 s
		expect(refill(b, 20, 60_000).credit).toBe(burstCap(20));
		expect(burstCap(20)).toBe(20 * BURST_SEC);
		expect(burstCap(1)).toBe(1);
		// time going backwards (a clock reset) earns nothing
		expect(refill(b, 20, 0).credit).toBe(1);
	});

	it('allows whole steps only, and says how long until the next one', () => {
		const b = { credit: 2.7, at: 0 };
		expect(allowedSteps(b, 64)).toBe(2);
		expect(allowedSteps(b, 1)).toBe(1);
		const left = spend(b, 2);
		expect(allowedSteps(left, 64)).toBe(0);
		expect(waitMs(left, 5)).toBeCloseTo(60); // 0.3 step at 5 steps/s
		expect(waitMs(b, 5)).toBe(0);
	});

	it('a simulated worker keeps the long-run rate at the pace (5, 20 and 100 steps/s)', () => {
		for (const pace of [1, 5, 20, 100]) {
			const steps = simulatePace(pace, 60_000, 2);
			expect(Math.abs(steps - pace * 60) / (pace * 60)).toBeLessThan(0.02);
		}
	});

	it('never runs above the pace with slow read-backs, and falls behind only when steps are too slow', () => {
		expect(simulatePace(20, 30_000, 2, { overheadMs: 40 })).toBeLessThanOrEqual(20 * 30 + 1);
		expect(simulatePace(20, 30_000, 2, { overheadMs: 40 })).toBeGreaterThan(20 * 30 * 0.95);
		// 100 ms a step cannot keep 20 steps/s: as fast as it can, about 10 steps/s
		const slow = simulatePace(20, 30_000, 100);
		expect(slow).toBeGreaterThan(280);
		expect(slow).toBeLessThanOrEqual(300);
		// unpaced: as fast as the steps go
		expect(simulatePace(null, 10_000, 2, { overheadMs: 0 })).toBe(5000);
	});

	it('Pacer measures the paced rate over wall time, and the compute rate within ticks when unpaced', () => {
		const p = new Pacer();
		p.set(5, 0);
		expect(p.take(64, 0)).toBe(1);
		expect(p.take(64, 100)).toBe(0);
		expect(p.delay(100)).toBeCloseTo(100);
		expect(p.take(64, 200)).toBe(1);
		p.restart(0);
		for (let t = 0; t <= 2000; t += 200) p.measure(p.take(64, t), t, t + 1);
		expect(p.rate).toBeCloseTo(5, 1);
		p.set(null, 2000);
		expect(p.take(64, 2000)).toBe(64);
		expect(p.delay(2000)).toBe(0);
		p.rate = 0;
		p.measure(50, 0, 500);
		expect(p.rate).toBe(100);
	});

	it('the pace message parses with a number or null and nothing else', () => {
		expect(parseToWorker({ type: 'pace', stepsPerSec: 5 })).toEqual({ type: 'pace', stepsPerSec: 5 });
		expect(parseToWorker({ type: 'pace', stepsPerSec: null })).not.toBeNull();
		expect(parseToWorker({ type: 'pace', stepsPerSec: '5' })).toBeNull();
		expect(parseToWorker({ type: 'inspect', model: 1, index: 3 })).not.toBeNull();
		expect(parseToWorker({ type: 'inspect', model: 2, index: 3 })).toBeNull();
		expect(parseToWorker({ type: 'inspect', model: 0, index: Number.NaN })).toBeNull();
		expect(parseToWorker({ type: 'evaluate-inverted' })).toEqual({ type: 'evaluate-inverted' });
	});
});
