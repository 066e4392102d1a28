import { resolve } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { katexSubset, lessonHtml, renderAllLessons } from './scripts/katex-css.ts';

/**
 * In a production build, KaTeX's stylesheet keeps only the rules and fonts the lessons use
 * (scripts/katex-css.ts). Every lesson page inlines it, so its size is paid before each first paint.
 */
function katexCss(): Plugin {
	let html: string[] | undefined;
	return {
		name: 'margin-lab:katex-css',
		apply: 'build',
		enforce: 'pre',
		async transform(code, id) {
			if (!/\/katex\/dist\/katex(\.min)?\.css$/.test(id.split('?')[0])) return null;
			html ??= renderAllLessons(resolve('lessons')).flatMap(lessonHtml);
			return { code: await katexSubset(code, html), map: null };
		}
	};
}

export default defineConfig({
	plugins: [katexCss(), sveltekit()],
	// Fonts stay files: the CSP (security-headers.js) allows fonts from the site only, not data: URLs, and the
	// service worker precaches the woff2 files.
	build: { assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined) },
	// the training worker (src/lib/train/worker.ts): an ES module, without tfjs's ~1,300 @license comments
	worker: { format: 'es', rolldownOptions: { output: { comments: { legal: false } } } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Vitest's default is one worker per core less one: a single worker on a 2-core machine, which ran the
		// files one after another (126 s; 69 s with two workers, when the leak test took 5,000 steps beside the rest).
		maxWorkers: 2,
		// tfjs tests take 1–3 s on a quiet machine; a shared, loaded one has stretched them past the 5 s default
		testTimeout: 30_000
	}
});
