import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { katexSubset, lessonHtml, renderAllLessons, woff2Only } from '../../scripts/katex-css';

const sheet = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const html = renderAllLessons(resolve('lessons')).flatMap(lessonHtml);

/** The classes named in a rule's selectors, by rule (font faces and at-rules left out). */
function rules(css: string): { selector: string; classes: string[] }[] {
	return [...css.replace(/@font-face\{[^}]*\}/g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].map((m) => ({
		selector: m[1],
		classes: [...m[1].matchAll(/\.([\w-]+)/g)].map((c) => c[1])
	}));
}
const families = (css: string) =>
	new Set(
		[...css.matchAll(/font-family:\s*([\w-]+)/g)].map((m) => m[1]).filter((f) => f.startsWith('KaTeX'))
	);
const faces = (css: string) =>
	new Set([...css.matchAll(/@font-face\{[^}]*font-family:\s*([\w-]+)/g)].map((m) => m[1]));

describe('KaTeX stylesheet cut to the lessons', () => {
	let subset: string;
	beforeAll(async () => {
		subset = await katexSubset(sheet, html);
	});

	it('renders every lesson in both languages (13 each), with maths', () => {
		expect(html.join('').match(/class="katex"/g)?.length).toBeGreaterThan(100);
		expect(renderAllLessons(resolve('lessons'))).toHaveLength(26);
	});

	it('keeps every selector of the full sheet whose classes all appear in the lessons', () => {
		const joined = html.join(' ');
		const used = new Set(joined.match(/class="[^"]*"/g)!.flatMap((c) => c.slice(7, -1).split(/\s+/)));
		const kept = new Set(rules(subset).flatMap((r) => r.selector.split(',')));
		const needed = rules(sheet)
			.flatMap((r) => r.selector.split(','))
			.filter((sel) => [...sel.matchAll(/\.([\w-]+)/g)].every((c) => used.has(c[1])))
			// and whose element names do too (`.katex img`: the lessons have no images in formulas)
			.filter((sel) =>
				[...sel.matchAll(/(?:^|[\s>+~])([a-z]+)\b/g)].every((t) => joined.includes(`<${t[1]}`))
			);
		expect(needed.length).toBeGreaterThan(40);
		expect(needed.filter((sel) => !kept.has(sel))).toEqual([]);
		// the rules that hide KaTeX's MathML copy (kept for screen readers) and draw fraction bars
		expect(subset).toMatch(/\.katex \.katex-mathml\{[^}]*clip-path:inset\(50%\)/);
		expect(subset).toMatch(/\.frac-line\{[^}]*border-bottom-style:solid/);
	});

	it('drops what the lessons never use, and is much smaller', () => {
		const used = html.join(' ');
		for (const gone of ['boxpad', 'cancel-pad', 'fbox', 'overlay']) {
			expect(used).not.toContain(gone);
			expect(subset).not.toContain(`.${gone}`);
		}
		expect(subset.length).toBeLessThan(sheet.length / 2);
	});

	it('keeps a woff2 font face for each KaTeX font the kept rules name, and no other', () => {
		expect(faces(subset)).toEqual(families(subset));
		expect(faces(subset).size).toBeLessThan(faces(sheet).size);
		expect(subset).not.toMatch(/format\(["']?(woff|truetype)["']?\)/);
		const blocks = subset.match(/@font-face\{[^}]*\}/g)!;
		expect(blocks.every((b) => /format\(["']?woff2["']?\)/.test(b))).toBe(true);
	});

	it('leaves only woff2 in a font face’s sources, whatever their order', () => {
		const face =
			'@font-face{font-family:X;src:url(a.ttf) format("truetype"),url(a.woff2) format("woff2"),url(a.woff) format("woff")}';
		expect(woff2Only(face)).toBe('@font-face{font-family:X;src:url(a.woff2) format("woff2")}');
		expect(woff2Only('.katex{font:1em KaTeX_Main}')).toBe('.katex{font:1em KaTeX_Main}');
	});
});
