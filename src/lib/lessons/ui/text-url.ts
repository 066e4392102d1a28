import { resolve } from '$app/paths';
import type { Lang } from '$lib/i18n';
import { pageHydrated } from '$lib/ui/hydrated';
import { lacksProse } from '../prose';
import { isLesson, LessonText } from './lesson-text.svelte';
import type { RenderedLesson } from '../types';

const fileOf = (slug: string, lang: string) =>
	resolve('/(site)/lessons/[slug]/[lang].json', { slug, lang });

/**
 * The text of the lesson a page came with, fetching other languages from the prerendered JSON files. Its
 * notes are in the page only while the prerendered page is being hydrated.
 */
export function lessonText(lesson: RenderedLesson): LessonText {
	return new LessonText(
		lesson,
		(lang: Lang) => fileOf(lesson.slug, lang),
		undefined,
		lacksProse(lesson) && !pageHydrated()
	);
}

/**
 * For a lesson page's load: the lesson as its data has it while the prerendered page is hydrated (its notes
 * are in the HTML), else with its notes fetched, so that a client-side navigation shows them at once. If
 * that fetch fails, the lesson view tries again and says so.
 */
export async function withNotes(lesson: RenderedLesson, get: typeof fetch): Promise<RenderedLesson> {
	if (!lacksProse(lesson) || !pageHydrated()) return lesson;
	try {
		const res = await get(fileOf(lesson.slug, lesson.lang));
		const full: unknown = res.ok ? await res.json() : null;
		return isLesson(full, lesson.slug, lesson.lang) ? full : lesson;
	} catch {
		return lesson;
	}
}
