/** All lessons of both languages, parsed and rendered once at build time. */
import { languages, type Lang } from '$lib/i18n';
import { lessonProblems, parseLesson } from '$lib/lessons/parse';
import { renderLesson } from '$lib/lessons/render';
import type { LessonSummary, RenderedLesson } from '$lib/lessons/types';

const files = import.meta.glob('/lessons/*/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

function build(): Record<Lang, RenderedLesson[]> {
	const out = { en: [], zh: [] } as Record<Lang, RenderedLesson[]>;
	for (const [path, text] of Object.entries(files)) {
		const lang = path.split('/')[2] as Lang;
		if (!languages.includes(lang)) continue;
		const src = parseLesson(text, path);
		const problems = lessonProblems(src);
		if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
		out[lang].push(renderLesson(src, lang, path));
	}
	for (const lang of languages) out[lang].sort((a, b) => a.order - b.order);
	return out;
}

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
