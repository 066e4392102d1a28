/**
 * Every lesson file parsed, checked and rendered, by language in course order. Build-time only: the site's
 * server module reads the files through Vite (`$lib/server/lessons`), the KaTeX stylesheet cut reads them
 * from disk (scripts/katex-css.ts); both render them here, so both see exactly the same HTML.
 * Relative imports with extensions: Vite's config loader reaches this module too.
 */
import { lessonProblems, parseLesson } from './parse.ts';
import { renderLesson } from './render.ts';
import type { RenderedLesson } from './types.ts';

/**
 * `files`: path → Markdown, each path ending in `<lang>/<file>.md`. Files of a language not in `langs`
 * are skipped; a lesson with problems fails the build.
 */
export function renderLessonFiles<L extends string>(
	files: Record<string, string>,
	langs: readonly L[]
): Record<L, RenderedLesson[]> {
	const out = Object.fromEntries(langs.map((l) => [l, []])) as unknown as Record<L, RenderedLesson[]>;
	for (const [path, text] of Object.entries(files)) {
		const lang = path.split('/').at(-2) as L;
		if (!langs.includes(lang)) continue;
		const src = parseLesson(text, path);
		const problems = lessonProblems(src);
		if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
		out[lang].push(renderLesson(src, lang, path));
	}
	for (const lang of langs) out[lang].sort((a, b) => a.order - b.order);
	return out;
}
