/**
 * Paces what a live region says. A training figure's summary changes up to ten times a second; read out at that
 * rate a screen reader never finishes a sentence. While `busy` (training), at most one announcement goes out per
 * `interval`, always the newest text; once idle again, the newest text goes out after a short `settle` (so a
 * slider dragged across its range is announced once, where it stops). The final state is always announced.
 * Pure TypeScript: timers only, no DOM.
 */
export type AnnounceThrottle = {
	/** Offer the current text; `busy` is true while the figure is changing by itself (training). */
	update(text: string, busy: boolean): void;
	/** Stop any pending announcement. */
	dispose(): void;
};

export type ThrottleOptions = {
	/** Least time between two announcements while busy (ms). */
	interval?: number;
	/** Wait for changes to stop this long when idle before announcing (ms). */
	settle?: number;
};

export function announceThrottle(
	announce: (text: string) => void,
	{ interval = 3000, settle = 400 }: ThrottleOptions = {}
): AnnounceThrottle {
	let said: string | null = null;
	let pending = '';
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | null = null;

	const clear = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
	};
	const flush = () => {
		timer = null;
		last = Date.now();
		if (pending === said) return;
		said = pending;
		announce(pending);
	};

	return {
		update(text, busy) {
			pending = text;
			if (!busy) {
				// Idle: the newest text, once things stop changing.
				clear();
				if (text === said) return;
				timer = setTimeout(flush, settle);
				return;
			}
			if (timer !== null) return; // an announcement is already due; it will carry the newest text
			const wait = last + interval - Date.now();
			if (wait <= 0) flush();
			else timer = setTimeout(flush, wait);
		},
		dispose: clear
	};
}
