/** All lessons of both languages, parsed and rendered once at build time. */
import { languages, type Lang } from '$lib/i18n';
import { renderLessonFiles } from '$lib/lessons/catalog';
import type { LessonSummary, RenderedLesson } from '$lib/lessons/types';

const files = import.meta.glob('/lessons/*/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const build = () => renderLessonFiles(files, languages);

let cache: Record<Lang, RenderedLesson[]> | undefined;

export function allLessons(): Record<Lang, RenderedLesson[]> {
	cache ??= build();
	return cache;
}

export function lessonSlugs(): string[] {
	return allLessons().en.map((l) => l.slug);
}

export function summaries(): Record<Lang, LessonSummary[]> {
	const all = allLessons();
	const pick = (l: RenderedLesson): LessonSummary => ({
		slug: l.slug,
		order: l.order,
		title: l.title,
		summary: l.summary,
		questionIds: l.questions.map((q) => q.id)
	});
	return { en: all.en.map(pick), zh: all.zh.map(pick) };
}

export function lessonBySlug(slug: string): Record<Lang, RenderedLesson> | null {
	const all = allLessons();
	const en = all.en.find((l) => l.slug === slug);
	const zh = all.zh.find((l) => l.slug === slug);
	return en && zh ? { en, zh } : null;
}
