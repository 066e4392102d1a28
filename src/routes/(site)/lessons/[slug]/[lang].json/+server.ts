import { error, json } from '@sveltejs/kit';
import { isLang, languages } from '$lib/i18n';
import { lessonBySlug, lessonSlugs } from '$lib/server/lessons';
import type { EntryGenerator, RequestHandler } from './$types';

/**
 * A lesson's rendered text in one language, as a prerendered file beside the lesson page. A page carries
 * only the language it was prerendered in; the lesson page and the lesson embed fetch the other from here
 * when the visitor reads in it (see LessonText).
 */
export const prerender = true;

export const entries: EntryGenerator = () =>
	lessonSlugs().flatMap((slug) => languages.map((lang) => ({ slug, lang })));

export const GET: RequestHandler = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson || !isLang(params.lang)) error(404, 'No such lesson');
	return json(lesson[params.lang]);
};
