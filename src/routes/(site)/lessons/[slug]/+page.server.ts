import { error } from '@sveltejs/kit';
import { defaultLang } from '$lib/i18n';
import { withoutProse } from '$lib/lessons/prose';
import { lessonBySlug, lessonSlugs, summaries } from '$lib/server/lessons';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessonSlugs().map((slug) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, 'No such lesson');
	const all = summaries();
	const i = all.en.findIndex((l) => l.slug === params.slug);
	const nav = (j: number) => (j >= 0 && j < all.en.length ? { en: all.en[j], zh: all.zh[j] } : null);
	// Only the prerendered language (the page fetches another when the visitor reads in it: LessonText), and
	// without its notes, which the page's HTML already holds (prose.ts).
	return { lesson: withoutProse(lesson[defaultLang]), previous: nav(i - 1), next: nav(i + 1) };
};
