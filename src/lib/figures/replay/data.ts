/**
 * Replay helpers (pure TS, no DOM): which stats belong to a replayed snapshot, where a replayed index moves
 * when the run thins its recording, and how fast play-back steps.
 */
import type { HistoryPoint } from '$lib/state/run.svelte';
import type { ModelStats } from '$lib/train/protocol';

/** Index of the last item whose step is ≤ `step` (binary search over ascending steps); -1 if none. */
export function indexAtOrBefore(items: readonly { step: number }[], step: number): number {
	let lo = 0;
	let hi = items.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (items[mid].step <= step) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

/**
 * The stats to show with a replayed snapshot: the history point at that step or the nearest earlier one.
 * Before the first point (no stats yet at that step) there are none.
 */
export function statsAt(history: readonly HistoryPoint[], step: number): [ModelStats, ModelStats] | null {
	const i = indexAtOrBefore(history, step);
	return i < 0 ? null : history[i].models;
}

/**
 * Where a replay should point after the recording changed under it (the run thins old snapshots to keep at
 * most a few hundred, which moves indices): the snapshot with the step being replayed, else the nearest
 * earlier one, else the first.
 */
export function reindex(recorded: readonly { step: number }[], step: number): number {
	if (recorded.length === 0) return 0;
	return Math.max(0, indexAtOrBefore(recorded, step));
}

/**
 * Milliseconds between frames of play-back: the whole recording in about 15 s, but never faster than
 * 5 frames a second nor slower than 2, so a short recording does not flash by and a long one stays calm.
 */
export function frameInterval(frames: number): number {
	if (frames <= 1) return 500;
	return Math.round(Math.min(500, Math.max(200, 15000 / frames)));
}

/** The next frame of play-back, or null at the end of the recording. */
export function nextFrame(index: number | null, frames: number): number | null {
	if (frames === 0) return null;
	if (index === null) return 0;
	return index + 1 < frames ? index + 1 : null;
}
