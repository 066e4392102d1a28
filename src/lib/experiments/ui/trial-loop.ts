/**
 * Presenting one trial on animation frames. Why a small hand-written loop and not jsPsych (MIT, 8.3 on npm,
 * the field's standard): jsPsych takes over a display element with its own DOM, CSS and plugin lifecycle,
 * while our stimuli are canvases drawn by the site's renderer inside Svelte pages that must follow the
 * site's i18n tables, presenter mode, phone layout, CSP and axe checks, and store rows in the site's own
 * format (data.ts). What jsPsych would give us for timing is what this file does in ~100 lines: draw each
 * phase inside a requestAnimationFrame callback, take its onset from that frame's timestamp, switch phases
 * on frame boundaries (half a frame early, so a 500 ms phase lasts the nearest whole number of frames), and
 * measure every displayed duration from the onsets actually drawn. RTs are taken from the onset of the last
 * phase on the same performance.now() clock (rAF timestamps and event.timeStamp share it).
 */

export type PhaseKind = 'fixation' | 'study' | 'mask' | 'test' | 'blank' | 'feedback';

export interface Phase {
	kind: PhaseKind;
	/** how long to show it, ms; null: until the trial is answered (only the last phase) */
	ms: number | null;
}

export interface FrameClock {
	request(cb: (t: number) => void): number;
	cancel(id: number): void;
}

export const browserClock: FrameClock = {
	request: (cb) => requestAnimationFrame(cb),
	cancel: (id) => cancelAnimationFrame(id)
};

/** The frame interval assumed before two frames have been seen (60 Hz). */
export const DEFAULT_FRAME_MS = 1000 / 60;

export interface Presentation {
	/** resolves with the onset (frame timestamp) of the last phase once it is drawn */
	responseOnset: Promise<number>;
	/** onsets of every phase drawn so far (frame timestamps, ms) */
	onsets: number[];
	/** the measured frame interval (median of the intervals seen), ms */
	frameMs(): number;
	/** stop drawing (the page went away or the student stopped) */
	cancel(): void;
}

/**
 * Draws `phases` one after another on animation frames: `draw(kind)` is called inside the frame's callback.
 * A phase with `ms` is replaced on the first frame at least `ms − frame/2` after its onset.
 */
export function present(
	phases: Phase[],
	draw: (kind: PhaseKind) => void,
	clock: FrameClock = browserClock
): Presentation {
	const onsets: number[] = [];
	const intervals: number[] = [];
	let last = NaN;
	let id = 0;
	let cancelled = false;
	let resolve: (t: number) => void = () => {};
	const responseOnset = new Promise<number>((r) => (resolve = r));
	const frameMs = () => {
		if (intervals.length === 0) return DEFAULT_FRAME_MS;
		const s = [...intervals].sort((a, b) => a - b);
		return s[s.length >> 1];
	};
	const show = (i: number, t: number) => {
		draw(phases[i].kind);
		onsets[i] = t;
		if (i === phases.length - 1) resolve(t);
	};
	const tick = (t: number) => {
		if (cancelled) return;
		if (Number.isFinite(last) && t > last) intervals.push(t - last);
		last = t;
		const i = onsets.length - 1;
		if (i < 0) show(0, t);
		else {
			const p = phases[i];
			if (p.ms !== null && t - onsets[i] >= p.ms - frameMs() / 2) show(i + 1, t);
		}
		if (onsets.length < phases.length) id = clock.request(tick);
	};
	if (phases.length > 0) id = clock.request(tick);
	return {
		responseOnset,
		onsets,
		frameMs,
		cancel() {
			cancelled = true;
			clock.cancel(id);
		}
	};
}

/** Measured duration of phase `kind` (to the next phase's onset), or null when it was not shown. */
export function shownFor(phases: Phase[], onsets: number[], kind: PhaseKind): number | null {
	const i = phases.findIndex((p) => p.kind === kind);
	if (i < 0 || onsets[i] === undefined || onsets[i + 1] === undefined) return null;
	return Math.round((onsets[i + 1] - onsets[i]) * 10) / 10;
}
