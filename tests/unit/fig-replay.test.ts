import { describe, expect, it } from 'vitest';
import {
	frameInterval,
	indexAtOrBefore,
	nextFrame,
	reindex,
	statsAt
} from '../../src/lib/figures/replay/data';
import { thin, type HistoryPoint } from '../../src/lib/state/run.svelte';
import type { ModelStats } from '../../src/lib/train/protocol';

function stats(theta: number): ModelStats {
	return { loss: 1, trainAcc: 0.5, testAcc: 0.5, meanThetaDeg: theta, paused: false, diverged: false };
}
const history: HistoryPoint[] = [0, 5, 10, 20].map((step) => ({ step, models: [stats(step), stats(-step)] }));

describe('replay data', () => {
	it('pairs a replayed snapshot with the stats at its step or the nearest earlier one', () => {
		expect(statsAt(history, 10)?.[0].meanThetaDeg).toBe(10);
		expect(statsAt(history, 12)?.[0].meanThetaDeg).toBe(10);
		expect(statsAt(history, 19)?.[1].meanThetaDeg).toBe(-10);
		expect(statsAt(history, 500)?.[0].meanThetaDeg).toBe(20);
		expect(statsAt(history.slice(1), 2)).toBeNull();
		expect(statsAt([], 3)).toBeNull();
	});

	it('finds the last item at or before a step', () => {
		const items = [{ step: 0 }, { step: 4 }, { step: 4 }, { step: 9 }];
		expect(indexAtOrBefore(items, 4)).toBe(2);
		expect(indexAtOrBefore(items, 3)).toBe(0);
		expect(indexAtOrBefore(items, -1)).toBe(-1);
		expect(indexAtOrBefore(items, 100)).toBe(3);
	});

	it('keeps replaying the same step after the run thins its recording', () => {
		const recorded = Array.from({ length: 9 }, (_, i) => ({ step: i * 10 }));
		const replayed = recorded[5].step; // index 5, step 50
		const thinned = thin([...recorded, { step: 90 }], 9);
		const i = reindex(thinned, replayed);
		expect(thinned[i].step).toBeLessThanOrEqual(replayed);
		expect(thinned[i].step).toBe(40);
		expect(reindex(recorded, 50)).toBe(5);
		expect(reindex([], 50)).toBe(0);
		expect(reindex([{ step: 10 }], 5)).toBe(0);
	});

	it('plays back at a calm pace: 2 to 5 frames a second', () => {
		for (const n of [0, 1, 2, 10, 75, 240, 10000]) {
			expect(frameInterval(n)).toBeGreaterThanOrEqual(200);
			expect(frameInterval(n)).toBeLessThanOrEqual(500);
		}
		expect(frameInterval(240)).toBe(200);
		expect(frameInterval(50)).toBe(300);
	});

	it('steps forward from live (the start) to the end of the recording', () => {
		expect(nextFrame(null, 5)).toBe(0);
		expect(nextFrame(0, 5)).toBe(1);
		expect(nextFrame(4, 5)).toBeNull();
		expect(nextFrame(null, 0)).toBeNull();
	});
});
