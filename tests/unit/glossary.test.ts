import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { avoidedVariants, lessonWording, parseGlossary } from '../../src/lib/lessons/glossary';
import { parseLesson } from '../../src/lib/lessons/parse';

const root = join(__dirname, '../../lessons');
const terms = parseGlossary(readFileSync(join(root, 'glossary.yaml'), 'utf8'));
const langs = ['en', 'zh'] as const;

describe('glossary', () => {
	it('gives every term both languages and a definition in each', () => {
		expect(terms.length).toBeGreaterThan(10);
		for (const t of terms) {
			for (const v of [t.en, t.zh, t.def_en, t.def_zh]) expect(v.trim(), t.id).not.toBe('');
			expect(/[\u4e00-\u9fff]/.test(t.zh), `${t.id}: zh is Chinese`).toBe(true);
			expect(/[\u4e00-\u9fff]/.test(t.def_zh), `${t.id}: def_zh is Chinese`).toBe(true);
			expect(/[\u4e00-\u9fff]/.test(t.en + t.def_en), `${t.id}: en has no Chinese`).toBe(false);
		}
	});

	it('never lists the chosen term, or any other term, as a variant to avoid', () => {
		for (const t of terms)
			for (const other of terms) {
				for (const v of t.avoid_zh) expect(other.zh.includes(v), `${t.id} avoids ${v}`).toBe(false);
				for (const v of t.avoid_en) expect(other.en.includes(v), `${t.id} avoids ${v}`).toBe(false);
			}
	});

	it('rejects a glossary with a missing language, a duplicate id or no terms', () => {
		expect(() => parseGlossary('terms:\n  - id: a\n    en: A\n    def_en: x\n    def_zh: y\n')).toThrow(/zh/);
		const one = '  - id: a\n    en: A\n    zh: 甲\n    def_en: x\n    def_zh: 乙\n';
		expect(() => parseGlossary(`terms:\n${one}${one}`)).toThrow(/twice/);
		expect(() => parseGlossary('terms: []')).toThrow();
		expect(() => parseGlossary('terms: [')).toThrow(/YAML/);
	});

	it('finds an avoided variant in a text, and none in a clean one', () => {
		expect(avoidedVariants(terms, 'zh', '猕猴的面孔斑块')).toContainEqual({
			variant: '面孔斑块',
			use: '面孔区块'
		});
		expect(avoidedVariants(terms, 'zh', '猕猴的面孔区块')).toEqual([]);
	});

	for (const lang of langs) {
		const files = readdirSync(join(root, lang)).filter((f) => f.endsWith('.md'));
		for (const f of files)
			it(`${lang}/${f} uses only the glossary's terms`, () => {
				const lesson = parseLesson(readFileSync(join(root, lang, f), 'utf8'), `${lang}/${f}`);
				expect(avoidedVariants(terms, lang, lessonWording(lesson))).toEqual([]);
			});
	}
});
