/**
 * Wide display maths and tables in a lesson scroll sideways inside their own box on a phone. app.css draws
 * the visible cue (shadows at an edge with more content); this attachment makes each box that really
 * overflows reachable from the keyboard (tabindex 0, so arrow keys scroll it) and names it for screen
 * readers, and undoes that when the box fits again (rotation, a wider window).
 */
import type { Attachment } from 'svelte/attachments';

const WIDE = '.katex-display, table';

export function overflows(el: { scrollWidth: number; clientWidth: number }): boolean {
	return el.scrollWidth > el.clientWidth + 1;
}

export function scrollCues(label: string): Attachment<HTMLElement> {
	return (root) => {
		const mark = () => {
			for (const el of root.querySelectorAll<HTMLElement>(WIDE)) {
				// A table keeps its own role and caption; an equation box becomes a named group (not a landmark
				// region: a page has several, and landmarks must be unique).
				const named = !(el instanceof HTMLTableElement);
				if (overflows(el)) {
					el.dataset.scrolls = 'true';
					el.tabIndex = 0;
					if (named) {
						el.setAttribute('role', 'group');
						el.setAttribute('aria-label', label);
					}
				} else if (el.dataset.scrolls) {
					delete el.dataset.scrolls;
					el.removeAttribute('tabindex');
					if (named) {
						el.removeAttribute('role');
						el.removeAttribute('aria-label');
					}
				}
			}
		};
		mark();
		if (typeof ResizeObserver === 'undefined') return;
		const ro = new ResizeObserver(mark);
		ro.observe(root);
		return () => ro.disconnect();
	};
}
