import { describe, expect, it } from 'vitest';
import { fillProse, lacksProse, proseMarker, withoutProse } from '$lib/lessons/prose';
import { allLessons } from '$lib/server/lessons';
import type { RenderedLesson } from '$lib/lessons/types';

describe('lesson notes written once into the page', () => {
	const all = allLessons();
	const find = (slug: string, lang: string) =>
		(all as Record<string, RenderedLesson[]>)[lang]?.find((l) => l.slug === slug) ?? null;

	it('leaves the notes out of the data and keeps figures, questions and sources', () => {
		for (const lesson of all.en) {
			const bare = withoutProse(lesson);
			expect(lacksProse(lesson)).toBe(false);
			expect(lacksProse(bare)).toBe(true);
			expect(bare.segments.filter((s) => s.kind === 'html').every((s) => s.html === '')).toBe(true);
			expect(bare.segments.filter((s) => s.kind === 'figure')).toEqual(
				lesson.segments.filter((s) => s.kind === 'figure')
			);
			expect(bare.questions).toBe(lesson.questions);
			expect(bare.sources).toBe(lesson.sources);
		}
	});

	it('puts every stretch of notes back where its marker is, in both languages', () => {
		for (const lang of ['en', 'zh'] as const) {
			for (const lesson of all[lang]) {
				const page = lesson.segments
					.map((s, i) => (s.kind === 'html' ? `<div>${proseMarker(lesson, i)}</div>` : '<figure></figure>'))
					.join('');
				const want = lesson.segments
					.map((s) => (s.kind === 'html' ? `<div>${s.html}</div>` : '<figure></figure>'))
					.join('');
				expect(fillProse(page, find)).toBe(want);
			}
		}
	});

	it('leaves pages without markers alone, and fails the build on a marker that names nothing', () => {
		expect(fillProse('<p>lab</p><!-- a comment -->', find)).toBe('<p>lab</p><!-- a comment -->');
		const lesson = all.en[0];
		expect(() => fillProse(proseMarker({ slug: 'nope', lang: 'en' }, 0), find)).toThrow(/nope/);
		expect(() => fillProse(proseMarker(lesson, 999), find)).toThrow(/999/);
		const figure = lesson.segments.findIndex((s) => s.kind === 'figure');
		expect(() => fillProse(proseMarker(lesson, figure), find)).toThrow();
	});

	it('does not replace text that only looks like a marker in the notes themselves', () => {
		// `$` patterns in the notes (as in maths) must not be taken as replacement patterns
		const fake: RenderedLesson = { ...all.en[0], segments: [{ kind: 'html', html: '<p>$& $1 $$</p>' }] };
		expect(fillProse(proseMarker(fake, 0), () => fake)).toBe('<p>$& $1 $$</p>');
	});
});
