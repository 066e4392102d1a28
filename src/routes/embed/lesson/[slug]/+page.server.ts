import { error } from '@sveltejs/kit';
import { defaultLang } from '$lib/i18n';
import { withoutProse } from '$lib/lessons/prose';
import { lessonBySlug, lessonSlugs } from '$lib/server/lessons';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessonSlugs().map((slug) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, 'No such lesson');
	// Only the prerendered language (the embed fetches another when asked for it: LessonText), and without
	// its notes, which the page's HTML already holds (prose.ts).
	return { lesson: withoutProse(lesson[defaultLang]) };
};
