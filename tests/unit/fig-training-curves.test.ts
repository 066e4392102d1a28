import { describe, expect, it } from 'vitest';
import {
	domainOf,
	formatLoss,
	lastDefined,
	logTickLabel,
	logTicks,
	lossDomain,
	metricValue,
	nearestIndex,
	readoutIndex,
	series,
	spreadLabels,
	stepDomain,
	thetaDomain
} from '../../src/lib/figures/training-curves/data';
import type { HistoryPoint } from '../../src/lib/state/run.svelte';
import type { ModelStats } from '../../src/lib/train/protocol';

function stats(loss: number, acc: number, theta: number): ModelStats {
	return { loss, trainAcc: acc, testAcc: acc, meanThetaDeg: theta, paused: false, diverged: false };
}
function point(step: number, a: ModelStats, b: ModelStats): HistoryPoint {
	return { step, models: [a, b] };
}

const history: HistoryPoint[] = [
	point(0, stats(2.08, 0.125, 90), stats(130, 0.125, 91)),
	point(10, stats(1.2, 0.5, 60), stats(40, 0.4, 70)),
	point(20, stats(Number.NaN, 0.7, 40), stats(Infinity, 0.6, Number.NaN)),
	point(30, stats(0.05, 0.95, 20), stats(3, 0.9, 15))
];

describe('training-curves data', () => {
	it('reads loss, held-out accuracy in % and mean θ_y from the stats', () => {
		const s = stats(1.5, 0.875, 42);
		expect(metricValue(s, 'loss')).toBe(1.5);
		expect(metricValue(s, 'acc')).toBe(87.5);
		expect(metricValue(s, 'theta')).toBe(42);
		expect(metricValue(undefined, 'loss')).toBeNull();
	});

	it('turns NaN, ±Infinity and non-positive losses into gaps', () => {
		expect(metricValue(stats(Number.NaN, 0.5, 10), 'loss')).toBeNull();
		expect(metricValue(stats(-Infinity, 0.5, 10), 'loss')).toBeNull();
		expect(metricValue(stats(0, 0.5, 10), 'loss')).toBeNull();
		expect(metricValue(stats(1, Number.NaN, 10), 'acc')).toBeNull();
		const loss = series(history, 1, 'loss');
		expect(loss.map((p) => p[0])).toEqual([0, 10, 20, 30]);
		expect(loss[2][1]).toBeNull();
		expect(series(history, 1, 'theta')[2][1]).toBeNull();
		for (const m of [0, 1] as const)
			for (const metric of ['loss', 'acc', 'theta'] as const)
				for (const [, v] of series(history, m, metric)) expect(v === null || Number.isFinite(v)).toBe(true);
	});

	it('finds where the direct labels go: the last drawable point', () => {
		expect(lastDefined(series(history, 0, 'loss'))).toEqual([30, 0.05]);
		expect(
			lastDefined([
				[0, 1],
				[5, null]
			])
		).toEqual([0, 1]);
		expect(lastDefined([])).toBeNull();
	});

	it('spans whole decades on the log loss axis, ignoring gaps', () => {
		expect(lossDomain(history)).toEqual([0.01, 1000]);
		expect(lossDomain([])).toEqual([0.1, 10]);
		const flat = [point(0, stats(2, 0, 0), stats(2, 0, 0))];
		const [lo, hi] = lossDomain(flat);
		expect(hi).toBeGreaterThan(lo);
		expect(domainOf(history, 'acc')).toEqual([0, 100]);
	});

	it('draws θ_y from 0° to at least 90°, widening in steps of 30°', () => {
		expect(thetaDomain(history)).toEqual([0, 120]);
		expect(thetaDomain([])).toEqual([0, 90]);
		expect(thetaDomain([point(0, stats(1, 0, 45), stats(1, 0, 30))])).toEqual([0, 90]);
	});

	it('gives a non-empty step range even for an empty or one-point history', () => {
		expect(stepDomain([])).toEqual([0, 1]);
		expect(stepDomain([history[1]])).toEqual([10, 11]);
		expect(stepDomain(history)).toEqual([0, 30]);
	});

	it('ticks the log axis at powers of ten, thinned when there are many', () => {
		expect(logTicks([0.01, 1000])).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
		expect(logTicks([1, 10])).toEqual([1, 2, 5, 10]);
		const many = logTicks([1e-4, 1e6], 4);
		expect(many.length).toBeLessThanOrEqual(4);
		expect(many.at(-1)).toBe(1e6);
		expect(logTickLabel(0.01)).toBe('0.01');
		expect(logTickLabel(1e6)).toBe('1e6');
		expect(logTickLabel(1e-4)).toBe('1e-4');
	});

	it('finds the readout point nearest a step, or the newest when following', () => {
		expect(nearestIndex(history, 14)).toBe(1);
		expect(nearestIndex(history, 16)).toBe(2);
		expect(nearestIndex(history, -5)).toBe(0);
		expect(nearestIndex(history, 1e9)).toBe(3);
		expect(nearestIndex([], 3)).toBe(-1);
		expect(readoutIndex(history, null)).toBe(3);
		expect(readoutIndex([], null)).toBe(-1);
		expect(readoutIndex(history, 10)).toBe(1);
	});

	it('formats losses without NaN', () => {
		expect(formatLoss(null)).toBe('–');
		expect(formatLoss(Number.NaN)).toBe('–');
		expect(formatLoss(130.4)).toBe('130');
		expect(formatLoss(2.0794)).toBe('2.08');
		expect(formatLoss(0.0123)).toBe('0.012');
		expect(formatLoss(3e7)).toBe('3.0e+7');
	});

	it('moves colliding end labels apart and keeps them in the plot', () => {
		const [a, b] = spreadLabels([50, 52], 16, 0, 200);
		expect(Math.abs(a - b)).toBeGreaterThanOrEqual(16);
		const [c, d] = spreadLabels([199, 200], 16, 0, 200);
		expect(Math.max(c, d)).toBeLessThanOrEqual(200);
		expect(Math.abs(c - d)).toBeGreaterThanOrEqual(16);
		expect(spreadLabels([10, 100], 16, 0, 200)).toEqual([10, 100]);
	});
});
