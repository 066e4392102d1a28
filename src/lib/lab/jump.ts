/** A same-page jump in the lab that lands where it should although the page grows around its target. */

/**
 * Jump to `id`. The figures near it are built only as it comes into view, and growing they push it down the
 * page: follow it for a moment until they settle, unless the visitor starts scrolling themselves.
 */
export function jumpTo(e: MouseEvent, id: string): void {
	const target = document.getElementById(id);
	if (!target) return;
	e.preventDefault();
	target.scrollIntoView();
	if (target.tabIndex >= 0 || target.hasAttribute('tabindex')) target.focus({ preventScroll: true });
	let stopped = false;
	const stop = () => (stopped = true);
	const inputs = ['wheel', 'touchstart', 'keydown'] as const;
	for (const ev of inputs) window.addEventListener(ev, stop, { once: true, passive: true });
	let last = target.getBoundingClientRect().top;
	let calm = 0;
	let frames = 0;
	const follow = () => {
		if (stopped) return;
		const top = target.getBoundingClientRect().top;
		if (Math.abs(top - last) > 1) {
			target.scrollIntoView();
			calm = 0;
		} else calm++;
		last = target.getBoundingClientRect().top;
		if (calm < 30 && ++frames < 300) requestAnimationFrame(follow);
		else for (const ev of inputs) window.removeEventListener(ev, stop);
	};
	requestAnimationFrame(follow);
}
