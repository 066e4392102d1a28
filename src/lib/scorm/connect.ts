/**
 * The page's SCORM session: one per document, started the first time a lesson page asks for it. Outside a
 * package (no `scorm=` in the launch URL, or no LMS API around it) there is none, and nothing changes.
 */
import { ScormSession } from './session';

let session: ScormSession | null | undefined;

export function scormSession(): ScormSession | null {
	if (typeof window === 'undefined') return null;
	if (session !== undefined) return session;
	session = ScormSession.start(window, location.search);
	if (session) {
		const s = session;
		// An LMS player closes the SCO by unloading its frame: report the time and finish then.
		addEventListener('pagehide', () => s.finish());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'hidden') s.commit();
		});
	}
	return session;
}

/** The blocks a reader's place is counted in, in page order. */
export function placeBlocks(): HTMLElement[] {
	return [...document.querySelectorAll<HTMLElement>('h2, h3, figure.lesson-figure, form.quiz')];
}

/** The index of the block being read: the last one whose top is in the upper quarter of the view or above. */
export function blockInView(blocks: readonly HTMLElement[]): number {
	let found = 0;
	blocks.forEach((b, i) => {
		if (b.getBoundingClientRect().top <= innerHeight / 4) found = i;
	});
	return found;
}
