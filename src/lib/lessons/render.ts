/**
 * Build-time rendering of lessons: Markdown to HTML, maths through KaTeX (errors fail the build),
 * citations to numbered links, and `::figure` lines to figure segments. Runs in Node only.
 */
import { Marked } from 'marked';
import markedKatex from 'marked-katex-extension';
import type { LessonSource, Question, RenderedLesson, Segment } from './types';

const FIGURE_LINE = /^::figure[ \t]+([a-z0-9-]+)((?:[ \t]+[a-z0-9]+=[^\s]*)*)[ \t]*$/gm;

function markdown(): Marked {
	return new Marked({ gfm: true }, markedKatex({ throwOnError: true, nonStandard: true }));
}

const md = markdown();

/** Replace `[@id]` with a numbered link to the source list. */
export function linkCitations(text: string, ids: string[], file: string): string {
	return text.replace(/\[@([\w-]+)\]/g, (_, id: string) => {
		const n = ids.indexOf(id);
		if (n < 0) throw new Error(`${file}: citation [@${id}] has no entry in sources`);
		return `<a class="cite" href="#src-${id}">[${n + 1}]</a>`;
	});
}

export function renderBlock(text: string): string {
	return md.parse(text, { async: false });
}

export function renderInline(text: string): string {
	return md.parseInline(text, { async: false });
}

/** Turn `key=value key=value` into a query string, as the figure's URL would carry it. */
export function directiveQuery(args: string): string {
	const p = new URLSearchParams();
	for (const pair of args.trim().split(/\s+/).filter(Boolean)) {
		const i = pair.indexOf('=');
		p.set(pair.slice(0, i), pair.slice(i + 1));
	}
	return p.toString();
}

export function splitSegments(body: string, ids: string[], file: string): Segment[] {
	const segments: Segment[] = [];
	let last = 0;
	const push = (chunk: string) => {
		if (chunk.trim()) segments.push({ kind: 'html', html: renderBlock(linkCitations(chunk, ids, file)) });
	};
	for (const m of body.matchAll(FIGURE_LINE)) {
		push(body.slice(last, m.index));
		segments.push({ kind: 'figure', name: m[1], query: directiveQuery(m[2] ?? '') });
		last = (m.index ?? 0) + m[0].length;
	}
	push(body.slice(last));
	return segments;
}

function renderQuestion(q: Question): Question {
	return {
		id: q.id,
		prompt: renderInline(q.prompt),
		options: q.options.map((o) => ({
			text: renderInline(o.text),
			correct: o.correct,
			feedback: renderInline(o.feedback)
		}))
	};
}

export function renderLesson(src: LessonSource, lang: string, file: string): RenderedLesson {
	const ids = src.sources.map((s) => s.id);
	return {
		lang,
		slug: src.slug,
		order: src.order,
		title: src.title,
		summary: src.summary,
		figures: src.figures,
		segments: splitSegments(src.body, ids, file),
		questions: src.questions.map(renderQuestion),
		sources: src.sources.map((s) => ({ id: s.id, text: renderInline(s.text) }))
	};
}
