import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { fileHref, manifest, packages, readLessons, zipPackage } from '../../scripts/package-scorm.mjs';

/**
 * A strict check that `text` is well-formed XML (one root, every tag closed in order, attributes quoted
 * and unique, `&` only in entities); returns the elements as [name, attributes] in document order.
 */
function parseXml(text: string): [string, Record<string, string>][] {
	const body = text.replace(/^<\?xml [^?]*\?>\s*/, '');
	expect(body.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/&/);
	const stack: string[] = [];
	const out: [string, Record<string, string>][] = [];
	let roots = 0;
	const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
	for (const m of body.matchAll(tag)) {
		if (m[6]) throw new Error(`stray < at ${m.index}`);
		if (m[5] !== undefined) {
			if (stack.length === 0 && m[5].trim()) throw new Error('text outside the root');
			continue;
		}
		const [, close, name, attrs, selfClose] = m;
		if (close) {
			expect(stack.pop()).toBe(name);
			continue;
		}
		if (stack.length === 0) roots++;
		const a: Record<string, string> = {};
		for (const [, k, v] of attrs.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
			expect(a[k], `attribute ${k} twice`).toBeUndefined();
			a[k] = v
				.replace(/&quot;/g, '"')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&amp;/g, '&');
		}
		out.push([name, a]);
		if (!selfClose) stack.push(name);
	}
	expect(stack).toEqual([]);
	expect(roots).toBe(1);
	return out;
}

const dir = mkdtempSync(join(tmpdir(), 'scorm-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small stand-in for build/: the pages the packages launch, and a file whose name needs escaping. */
function fakeBuild(slugs: string[]): string {
	const files = [
		'index.html',
		'_app/immutable/start.js',
		'tfjs/tfjs-backend-wasm-simd.wasm',
		'figures/a b&c/index.html',
		...slugs.flatMap((s) => [`lessons/${s}/index.html`, `embed/lesson/${s}/index.html`])
	];
	for (const f of files) {
		mkdirSync(dirname(join(dir, f)), { recursive: true });
		writeFileSync(join(dir, f), `file ${f}`);
	}
	return dir;
}

describe('SCORM packages', () => {
	const lessons = readLessons();
	const all = packages(lessons, 75);
	const build = fakeBuild(lessons.map((l) => l.slug));

	it('are the course and one per lesson, each with its mastery score and launch flag', () => {
		expect(all.map((p) => p.name)).toEqual([
			'margin-lab-course',
			...lessons.map((l) => `margin-lab-${l.slug}`)
		]);
		const total = lessons.reduce((n, l) => n + l.questions, 0);
		expect(total).toBeGreaterThan(20);
		expect(all[0].launch).toBe(
			`lessons/${lessons[0].slug}/index.html?scorm=course&total=${total}&mastery=75`
		);
		expect(all[1].launch).toBe(
			`embed/lesson/${lessons[0].slug}/index.html?scorm=${lessons[0].slug}&mastery=75`
		);
	});

	for (const pkg of [all[0], all[3]]) {
		it(`${pkg.name}: a well-formed SCORM 1.2 manifest that lists every file of the zip, which resolve`, () => {
			const zip = unzipSync(zipPackage(pkg, build));
			const names = Object.keys(zip);
			expect(names[0]).toBe('imsmanifest.xml');
			const text = strFromU8(zip['imsmanifest.xml']);
			const els = parseXml(text);
			const [rootName, root] = els[0];
			expect(rootName).toBe('manifest');
			expect(root.xmlns).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
			expect(root['xmlns:adlcp']).toBe('http://www.adlnet.org/xsd/adlcp_rootv1p2');
			expect(text).toMatch(/<schema>ADL SCORM<\/schema>\s*<schemaversion>1\.2<\/schemaversion>/);
			expect(text).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');

			const item = els.find(([n]) => n === 'item')![1];
			const resources = els.filter(([n]) => n === 'resource').map(([, a]) => a);
			expect(resources).toHaveLength(1);
			const sco = resources[0];
			expect(item.identifierref).toBe(sco.identifier);
			expect(sco['adlcp:scormtype']).toBe('sco');
			expect(sco.type).toBe('webcontent');

			const listed = els.filter(([n]) => n === 'file').map(([, a]) => a.href);
			const inZip = names.filter((n) => n !== 'imsmanifest.xml');
			// every file listed is in the zip, and every file of the zip is listed
			expect(listed.map(decodeURIComponent).sort()).toEqual([...inZip].sort());
			// hrefs are relative and resolve inside the package; the launch page (without its query) is a file
			for (const href of [...listed, sco.href]) {
				expect(href).not.toMatch(/^(\/|[a-z]+:)/i);
				const path = decodeURIComponent(new URL(href, 'https://lms.example/pkg/').pathname.slice(5));
				expect(inZip, href).toContain(path);
			}
			expect(listed).toContain(fileHref('figures/a b&c/index.html'));
			expect(text).toContain('figures/a%20b%26c/index.html');
		});
	}

	it('escapes what XML needs in titles', () => {
		const text = manifest({ name: 'x', title: 'A & B <c> "d"', launch: 'a.html?x=1&y=2', mastery: 1 }, []);
		expect(parseXml(text).find(([n]) => n === 'title')![1]).toEqual({});
		expect(text).toContain('A &amp; B &lt;c&gt; &quot;d&quot;');
		expect(text).toContain('href="a.html?x=1&amp;y=2"');
	});
});
