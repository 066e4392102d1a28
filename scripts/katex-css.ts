/**
 * KaTeX's stylesheet cut down to what this site's lessons use. The whole sheet (25 KB, 252 rules and 20 font
 * faces in three formats each) was inlined into every lesson page; these lessons need about a quarter of it.
 * The build renders every lesson in both languages exactly as the site does, and PurgeCSS keeps each rule
 * whose classes appear in that HTML, and each font face those rules name, in woff2 only: every browser the
 * site supports reads woff2, and the service worker never cached the other two formats.
 *
 * Used by the Vite plugin in vite.config.ts for production builds; the dev server serves the whole sheet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PurgeCSS } from 'purgecss';
import { renderLessonFiles } from '../src/lib/lessons/catalog.ts';
import type { RenderedLesson } from '../src/lib/lessons/types.ts';

/** Every piece of HTML a lesson can put on a page: notes, questions with options and feedback, sources. */
export function lessonHtml(lesson: RenderedLesson): string[] {
	return [
		...lesson.segments.map((s) => (s.kind === 'html' ? s.html : '')),
		...lesson.questions.flatMap((q) => [q.prompt, ...q.options.flatMap((o) => [o.text, o.feedback])]),
		...lesson.sources.map((s) => s.text)
	];
}

/** All lessons under `dir` (lessons/<lang>/*.md, every language folder), rendered as the site renders them. */
export function renderAllLessons(dir: string): RenderedLesson[] {
	const langs = readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name);
	const files = Object.fromEntries(
		langs.flatMap((lang) =>
			readdirSync(join(dir, lang))
				.filter((f) => f.endsWith('.md'))
				.map((f) => [join(dir, lang, f), readFileSync(join(dir, lang, f), 'utf8')])
		)
	);
	return Object.values(renderLessonFiles(files, langs)).flat();
}

/** Drop every font format but woff2 from the `src` lists of @font-face rules. */
export function woff2Only(css: string): string {
	return css.replace(/@font-face\{[^}]*\}/g, (face) =>
		face.replace(/src:([^;}]*)/, (_, list: string) => {
			const kept = list.split(/,(?=\s*url\()/).filter((s) => /format\(["']?woff2["']?\)/.test(s));
			return `src:${kept.join(',')}`;
		})
	);
}

/** The rules of `css` that some element in `html` can match, and the font faces those rules use. */
export async function katexSubset(css: string, html: string[]): Promise<string> {
	const [out] = await new PurgeCSS().purge({
		content: [{ raw: html.join('\n'), extension: 'html' }],
		css: [{ raw: css }],
		fontFace: true,
		keyframes: true
	});
	return woff2Only(out.css);
}
