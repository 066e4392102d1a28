/**
 * The course glossary (lessons/glossary.yaml): one entry per term, in both languages, with the variants the
 * lessons must not use. Pure: no DOM, no Svelte.
 */
import { parse as parseYaml } from 'yaml';
import type { LessonSource } from './types';

export type GlossaryTerm = {
	id: string;
	en: string;
	zh: string;
	def_en: string;
	def_zh: string;
	/** variants of the term the lessons of that language must not use */
	avoid_en: string[];
	avoid_zh: string[];
};

export class GlossaryError extends Error {}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function text(v: unknown, what: string): string {
	if (typeof v !== 'string' || v.trim() === '') throw new GlossaryError(`${what} must be a non-empty string`);
	return v.trim();
}

function words(v: unknown, what: string): string[] {
	if (v === undefined) return [];
	if (!Array.isArray(v)) throw new GlossaryError(`${what} must be a list`);
	return v.map((w, i) => text(w, `${what}[${i}]`));
}

/** Parse and check the glossary file: every term has an id, both languages and both definitions. */
export function parseGlossary(source: string): GlossaryTerm[] {
	let doc: unknown;
	try {
		doc = parseYaml(source);
	} catch (e) {
		throw new GlossaryError(`glossary is not valid YAML: ${(e as Error).message}`);
	}
	const terms = (doc as { terms?: unknown } | null)?.terms;
	if (!Array.isArray(terms) || terms.length === 0) throw new GlossaryError('glossary needs a list of terms');
	const seen = new Set<string>();
	return terms.map((raw, i) => {
		const r = (raw ?? {}) as Record<string, unknown>;
		const id = text(r.id, `term ${i + 1}: id`);
		if (!ID.test(id)) throw new GlossaryError(`term id "${id}" must be lower-case kebab-case`);
		if (seen.has(id)) throw new GlossaryError(`term id "${id}" appears twice`);
		seen.add(id);
		return {
			id,
			en: text(r.en, `${id}: en`),
			zh: text(r.zh, `${id}: zh`),
			def_en: text(r.def_en, `${id}: def_en`),
			def_zh: text(r.def_zh, `${id}: def_zh`),
			avoid_en: words(r.avoid_en, `${id}: avoid_en`),
			avoid_zh: words(r.avoid_zh, `${id}: avoid_zh`)
		};
	});
}

/** The words of a lesson a reader sees, except its source list: title, summary, notes and questions. */
export function lessonWording(l: LessonSource): string {
	const questions = l.questions.flatMap((q) => [q.prompt, ...q.options.flatMap((o) => [o.text, o.feedback])]);
	return [l.title, l.summary, l.body, ...questions].join('\n');
}

/** Each avoided variant of `lang` that the text uses, with the term it should be. */
export function avoidedVariants(
	terms: GlossaryTerm[],
	lang: 'en' | 'zh',
	wording: string
): { variant: string; use: string }[] {
	const lower = wording.toLowerCase();
	return terms.flatMap((t) =>
		(lang === 'en' ? t.avoid_en : t.avoid_zh)
			.filter((v) => lower.includes(v.toLowerCase()))
			.map((variant) => ({ variant, use: t[lang] }))
	);
}
