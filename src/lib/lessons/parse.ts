/** Read a lesson file: YAML front matter checked field by field, with errors that name the file. */
import { parse as parseYaml } from 'yaml';
import type { LessonSource, Question, Source } from './types';

export class LessonError extends Error {}

function fail(file: string, msg: string): never {
	throw new LessonError(`${file}: ${msg}`);
}

function str(file: string, v: unknown, what: string): string {
	if (typeof v !== 'string' || v.trim() === '') fail(file, `${what} must be a non-empty string`);
	return v;
}

function list(file: string, v: unknown, what: string): unknown[] {
	if (!Array.isArray(v)) fail(file, `${what} must be a list`);
	return v;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function parseLesson(text: string, file: string): LessonSource {
	const m = text.replace(/\r\n/g, '\n').match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
	if (!m) fail(file, 'no front matter (a block between --- lines at the top)');
	let meta: Record<string, unknown>;
	try {
		meta = parseYaml(m[1]) as Record<string, unknown>;
	} catch (e) {
		fail(file, `front matter is not valid YAML: ${(e as Error).message}`);
	}
	if (!meta || typeof meta !== 'object') fail(file, 'front matter must be a mapping');

	const slug = str(file, meta.slug, 'slug');
	if (!SLUG.test(slug)) fail(file, `slug "${slug}" must be lower-case kebab-case`);
	const order = meta.order;
	if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) fail(file, 'order must be 1, 2, …');

	const figures = list(file, meta.figures ?? [], 'figures').map((f) => str(file, f, 'a figure name'));
	const sources: Source[] = list(file, meta.sources, 'sources').map((s, i) => {
		const o = s as Record<string, unknown>;
		return { id: str(file, o?.id, `sources[${i}].id`), text: str(file, o?.text, `sources[${i}].text`) };
	});
	const questions: Question[] = list(file, meta.questions, 'questions').map((q, i) => {
		const o = q as Record<string, unknown>;
		const where = `questions[${i}]`;
		const options = list(file, o?.options, `${where}.options`).map((opt, j) => {
			const p = opt as Record<string, unknown>;
			if (p?.correct !== undefined && typeof p.correct !== 'boolean')
				fail(file, `${where}.options[${j}].correct must be true or false`);
			return {
				text: str(file, p?.text, `${where}.options[${j}].text`),
				correct: p?.correct === true,
				feedback: str(file, p?.feedback, `${where}.options[${j}].feedback`)
			};
		});
		return { id: str(file, o?.id, `${where}.id`), prompt: str(file, o?.prompt, `${where}.prompt`), options };
	});

	return {
		title: str(file, meta.title, 'title'),
		slug,
		order,
		summary: str(file, meta.summary, 'summary'),
		figures,
		sources,
		questions,
		body: m[2]
	};
}

/** Structural rules every lesson must keep; returns the problems found (empty when sound). */
export function lessonProblems(l: LessonSource): string[] {
	const out: string[] = [];
	const ids = l.sources.map((s) => s.id);
	if (new Set(ids).size !== ids.length) out.push('duplicate source ids');
	if (l.questions.length < 2 || l.questions.length > 4) out.push(`${l.questions.length} questions (want 2–4)`);
	const qids = l.questions.map((q) => q.id);
	if (new Set(qids).size !== qids.length) out.push('duplicate question ids');
	for (const q of l.questions) {
		const right = q.options.filter((o) => o.correct).length;
		if (right !== 1) out.push(`question ${q.id} has ${right} correct options (want exactly 1)`);
		if (q.options.length < 2) out.push(`question ${q.id} has fewer than 2 options`);
	}
	const placed = [...l.body.matchAll(/^::figure\s+(\S+)/gm)].map((x) => x[1]);
	if (placed.join(',') !== l.figures.join(','))
		out.push(`figures in the body (${placed.join(', ')}) differ from front matter (${l.figures.join(', ')})`);
	const cited = new Set([...l.body.matchAll(/\[@([\w-]+)\]/g)].map((x) => x[1]));
	for (const c of cited) if (!ids.includes(c)) out.push(`citation [@${c}] has no source`);
	for (const id of ids) if (!cited.has(id)) out.push(`source ${id} is never cited`);
	return out;
}

/** A plain page (the instructor guide): front matter with a title and summary, then Markdown. */
export function parsePage(text: string, file: string): { title: string; summary: string; body: string } {
	const m = text.replace(/\r\n/g, '\n').match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
	if (!m) fail(file, 'no front matter (a block between --- lines at the top)');
	let meta: Record<string, unknown>;
	try {
		meta = parseYaml(m[1]) as Record<string, unknown>;
	} catch (e) {
		fail(file, `front matter is not valid YAML: ${(e as Error).message}`);
	}
	return { title: str(file, meta?.title, 'title'), summary: str(file, meta?.summary, 'summary'), body: m[2] };
}
