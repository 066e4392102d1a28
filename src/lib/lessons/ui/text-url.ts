import { resolve } from '$app/paths';
import type { Lang } from '$lib/i18n';
import { LessonText } from './lesson-text.svelte';
import type { RenderedLesson } from '../types';

/** The text of the lesson a page came with, fetching other languages from the prerendered JSON files. */
export function lessonText(lesson: RenderedLesson): LessonText {
	return new LessonText(lesson, (lang: Lang) =>
		resolve('/(site)/lessons/[slug]/[lang].json', { slug: lesson.slug, lang })
	);
}
