import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { lessonProblems, parseLesson } from '../../src/lib/lessons/parse';
import { directiveQuery, renderLesson, splitSegments } from '../../src/lib/lessons/render';
import { plannedFigures } from '../../src/lib/figures/names';
import { figures } from '../../src/lib/figures/registry';

const root = join(__dirname, '../../lessons');
const langs = ['en', 'zh'] as const;
const files = readdirSync(join(root, 'en')).filter((f) => f.endsWith('.md'));
const load = (lang: string, f: string) =>
	parseLesson(readFileSync(join(root, lang, f), 'utf8'), `${lang}/${f}`);

describe('lesson files', () => {
	it('exist as fourteen numbered lessons with the same file names in both languages', () => {
		expect(files).toHaveLength(14);
		expect(readdirSync(join(root, 'zh')).filter((f) => f.endsWith('.md'))).toEqual(files);
	});

	for (const f of files) {
		describe(f, () => {
			const [en, zh] = langs.map((l) => load(l, f));

			it('keeps every structural rule (questions, citations, figures)', () => {
				expect(lessonProblems(en)).toEqual([]);
				expect(lessonProblems(zh)).toEqual([]);
				expect(f).toBe(`${String(en.order).padStart(2, '0')}-${en.slug}.md`);
			});

			it('carries the same figures, questions and sources in both languages', () => {
				expect(zh.slug).toBe(en.slug);
				expect(zh.order).toBe(en.order);
				expect(zh.figures).toEqual(en.figures);
				const directives = (l: typeof en) => [...l.body.matchAll(/^::figure.*$/gm)].map((m) => m[0].trim());
				expect(directives(zh)).toEqual(directives(en));
				expect(zh.sources.map((s) => s.id)).toEqual(en.sources.map((s) => s.id));
				const shape = (l: typeof en) =>
					l.questions.map((q) => ({
						id: q.id,
						n: q.options.length,
						right: q.options.findIndex((o) => o.correct)
					}));
				expect(shape(zh)).toEqual(shape(en));
			});

			it('gives every option feedback and exactly one correct answer', () => {
				for (const l of [en, zh])
					for (const q of l.questions) {
						expect(q.options.filter((o) => o.correct)).toHaveLength(1);
						for (const o of q.options) expect(o.feedback.trim().length).toBeGreaterThan(10);
					}
			});

			it('places only figures that the site has built and registered', () => {
				for (const name of en.figures) {
					expect(plannedFigures).toContain(name);
					expect(Object.keys(figures)).toContain(name);
				}
			});

			it('renders with KaTeX and numbered citations, without errors', () => {
				for (const [lang, l] of [
					['en', en],
					['zh', zh]
				] as const) {
					const r = renderLesson(l, lang, f);
					const html = r.segments.map((s) => (s.kind === 'html' ? s.html : '')).join('');
					expect(html).not.toContain('katex-error');
					expect(html).not.toMatch(/\[@[\w-]+\]/);
					if (/\$[^$]+\$/.test(l.body)) expect(html).toContain('class="katex"');
					expect(
						r.segments.filter((s) => s.kind === 'figure').map((s) => s.kind === 'figure' && s.name)
					).toEqual(l.figures);
				}
			});
		});
	}
});

describe('figure registry', () => {
	it('registers every figure the course plans, each decoding an empty or hostile query', () => {
		for (const name of plannedFigures) {
			const def = figures[name];
			expect(def, name).toBeDefined();
			expect(def.name).toBe(name);
			expect(() => def.decode('')).not.toThrow();
			expect(() => def.decode('a=%ZZ&m2=NaN&seed=-1&curves=<x>')).not.toThrow();
			expect(def.encode(def.decode('')).toString()).toBe('');
		}
	});

	it('marks exactly the figures that train (those reading the lab settings) as training', () => {
		const trains = plannedFigures.filter((n) => figures[n].trains);
		const readLab = plannedFigures.filter((n) => 'pace' in (figures[n].decode('') as object));
		expect(trains).toEqual(readLab);
		expect(trains).toHaveLength(8);
	});
});

describe('lesson rendering', () => {
	it('turns directive settings into a query string', () => {
		expect(directiveQuery(' a=softmax b=arcface')).toBe('a=softmax&b=arcface');
		expect(directiveQuery('')).toBe('');
	});

	it('splits notes around figures and numbers citations by source order', () => {
		const segs = splitSegments('Text [@b].\n\n::figure target-logits m2=0.3\n\nMore [@a].', ['a', 'b'], 't');
		expect(segs.map((s) => s.kind)).toEqual(['html', 'figure', 'html']);
		expect(segs[0].kind === 'html' && segs[0].html).toContain('href="#src-b">[2]</a>');
		expect(segs[1]).toEqual({ kind: 'figure', name: 'target-logits', query: 'm2=0.3' });
	});

	it('fails loudly on an unknown citation and on broken maths', () => {
		expect(() => splitSegments('See [@nope].', ['a'], 'x.md')).toThrow(/nope/);
		expect(() => splitSegments('Bad $\\frac{1$ maths.', [], 'x.md')).toThrow();
		expect(() => katex.renderToString('\\frac{1}{2}', { throwOnError: true })).not.toThrow();
	});

	it('rejects malformed front matter with the file named', () => {
		expect(() => parseLesson('no front matter', 'x.md')).toThrow(/x\.md/);
		expect(() => parseLesson('---\ntitle: [\n---\n', 'y.md')).toThrow(/y\.md/);
		expect(() =>
			parseLesson(
				'---\ntitle: T\nslug: Bad Slug\norder: 1\nsummary: S\nsources: []\nquestions: []\n---\n',
				'z.md'
			)
		).toThrow(/slug/);
	});
});
