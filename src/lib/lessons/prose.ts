/**
 * A prerendered lesson page carries its notes once, as HTML, not a second time inside the data the page
 * hydrates from. That copy made the longest lesson's page about a quarter larger (27.4 KB gzip instead of
 * 21.6), and all of it arrived before the first paint.
 *
 * How: the page data holds the lesson with its notes left out (`withoutProse`). Where a stretch of notes
 * goes, the lesson view renders a marker (an empty <template>); the server hook writes the notes in its place
 * (`fillProse`). On hydration the view renders the same marker, and Svelte keeps the server's HTML for an
 * `{@html}` block. A page reached by client-side navigation has no notes in its HTML, so its load fetches
 * the whole text first (`withNotes` in ui/text-url.ts).
 */
import type { RenderedLesson } from './types';

// An inert, empty element rather than a comment: SvelteKit warns (rightly, in general) when
// transformPageChunk removes comments, since Svelte hydrates by them. Left unreplaced it would show nothing.
const MARKER = /<template data-lesson-prose="([a-z0-9-]+) ([a-z]+) (\d+)"><\/template>/g;

/** What the view renders in place of the i-th segment of a lesson whose notes live in the page. */
export function proseMarker(lesson: Pick<RenderedLesson, 'slug' | 'lang'>, i: number): string {
	return `<template data-lesson-prose="${lesson.slug} ${lesson.lang} ${i}"></template>`;
}

/** The lesson with every stretch of notes emptied: what the page data carries. */
export function withoutProse(lesson: RenderedLesson): RenderedLesson {
	return {
		...lesson,
		segments: lesson.segments.map((s) => (s.kind === 'html' ? { kind: 'html', html: '' } : s))
	};
}

/** True when the lesson's notes are not in it (they are in the page, or still to be fetched). */
export function lacksProse(lesson: RenderedLesson): boolean {
	return lesson.segments.some((s) => s.kind === 'html' && s.html === '');
}

/**
 * Writes the notes into a rendered page in place of each marker. `find` gives the whole lesson; a marker
 * naming a lesson or segment that does not exist is a build error, not a silently empty page.
 */
export function fillProse(
	html: string,
	find: (slug: string, lang: string) => RenderedLesson | null,
	root = '/'
): string {
	return html.replace(MARKER, (_, slug: string, lang: string, i: string) => {
		const seg = find(slug, lang)?.segments[Number(i)];
		if (seg?.kind !== 'html') throw new Error(`No notes for lesson ${slug} (${lang}), segment ${i}`);
		return siteLinks(seg.html, root);
	});
}

/**
 * A lesson links to a site page other than a lesson with a root path, `[the experiments](/experiments/)`,
 * because the lesson page and the lesson embed sit at different depths. This writes `root` (the way from
 * the page to the site's root: `../../` in a prerendered page, the base path after a client-side
 * navigation) in front of each such link, so the site still works under any sub-path.
 */
export function siteLinks(html: string, root: string): string {
	return html.replace(/href="\/(?!\/)/g, `href="${root}`);
}

/** The way from a page's path to the site root, e.g. `../../` from `/lessons/margins/`. */
export function rootFrom(pathname: string): string {
	return '../'.repeat(pathname.split('/').filter(Boolean).length) || './';
}
