/**
 * Every link between the site's own pages, read from the built HTML: it points at a file that exists, and a
 * page link ends in '/' (pages are folders). A link without the slash works once the page has hydrated (the
 * router fixes it) but not when clicked before, or opened in a new tab, on a plain static server.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const build = resolve('build');

function pages(dir = build): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...pages(p));
		else if (name === 'index.html') out.push(p);
	}
	return out;
}

describe('links between pages', () => {
	const files = pages();

	it('finds the built pages', () => {
		expect(files.length).toBeGreaterThan(30);
	});

	it('lead to files that exist, with a slash on every page link', () => {
		const bad: string[] = [];
		let checked = 0;
		for (const file of files) {
			const html = readFileSync(file, 'utf8');
			const from = relative(build, file).split(sep).join('/');
			for (const [, href] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
				if (/^([a-z]+:|#|\/\/)/i.test(href)) continue;
				const path = href.replace(/&amp;/g, '&').split(/[?#]/)[0];
				checked++;
				const target = resolve(dirname(file), path);
				if (!target.startsWith(build)) bad.push(`${from}: ${href} leaves the site`);
				else if (!/\.[a-z0-9]+$/i.test(path) && !path.endsWith('/'))
					bad.push(`${from}: ${href} has no slash`);
				else if (!existsSync(path.endsWith('/') || path === '' ? join(target, 'index.html') : target))
					bad.push(`${from}: ${href} is missing`);
			}
		}
		expect(checked).toBeGreaterThan(200);
		expect(bad).toEqual([]);
	});
});
