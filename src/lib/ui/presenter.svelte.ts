/**
 * Presenter mode: large type and strokes, high contrast and the secondary UI hidden, for a projector. On with
 * `?present=1` or the header toggle (or the P key); the choice lasts for the browser tab (sessionStorage), so a
 * projector computer keeps it from page to page while a student's own browser never gets stuck in it.
 */
import { getContext, setContext } from 'svelte';
import { readStored, writeStored } from '$lib/state/storage';
import type { KeyScope } from '$lib/lab/keys';

export const STORAGE_KEY = 'margin-lab:present';

/** `present=` in a query string: true/false when it says so, null when absent or unreadable. */
export function presentFromQuery(search: string): boolean | null {
	let v: string | null;
	try {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never kept
		v = new URLSearchParams(search).get('present');
	} catch {
		return null;
	}
	if (v === null) return null;
	const s = v.trim().toLowerCase();
	if (['1', 'true', 'on', 'yes'].includes(s)) return true;
	if (['0', 'false', 'off', 'no'].includes(s)) return false;
	return null;
}

/**
 * How much larger chart text is in presenter mode than a chart's margins were drawn for (13 px): app.css sets
 * `--chart-font: max(19px, 1.25vw)` there, so 24 px (×1.85) on a 1080p projector. Charts widen their margins by
 * this factor so that larger tick labels and axis titles still fit. 1 outside presenter mode.
 */
export function chartTextScale(on: boolean, viewportWidth: number): number {
	if (!on || !Number.isFinite(viewportWidth) || viewportWidth <= 0) return 1;
	return Math.max(19, 0.0125 * viewportWidth) / 13;
}

export class Presenter {
	on = $state(false);
	#width = $state(0);
	/** the factor charts widen their margins by (see chartTextScale) */
	textScale = $derived(chartTextScale(this.on, this.#width));
	/** the shortcuts this page allows; an embed narrows them to its `controls=` before mount */
	keys = $state<KeyScope>('all');

	/** Read the URL, else what this tab chose before (not in an embed that hides P). Call once on mount. */
	init(search: string) {
		if (typeof window !== 'undefined') {
			this.#width = window.innerWidth;
			window.addEventListener('resize', () => (this.#width = window.innerWidth), { passive: true });
		}
		const fromUrl = presentFromQuery(search);
		if (fromUrl !== null) this.set(fromUrl);
		else if (this.keys === 'all') this.on = readStored(STORAGE_KEY, 'session') === '1';
	}

	set(on: boolean) {
		this.on = on;
		// storage blocked (sandboxed iframe): the mode lasts for this page
		writeStored(STORAGE_KEY, on ? '1' : '0', 'session');
	}

	toggle() {
		this.set(!this.on);
	}
}

const KEY = Symbol('presenter');

export function providePresenter(p: Presenter): Presenter {
	return setContext(KEY, p);
}

export function usePresenter(): Presenter {
	return getContext<Presenter>(KEY);
}
