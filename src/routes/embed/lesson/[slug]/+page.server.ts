import { error } from '@sveltejs/kit';
import { lessonBySlug, lessonSlugs } from '$lib/server/lessons';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessonSlugs().map((slug) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, 'No such lesson');
	return { lesson };
};
