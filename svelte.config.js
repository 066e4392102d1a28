import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { writeFileSync } from 'node:fs';
import { cspDirectives } from './security-headers.js';

/**
 * adapter-static, then build/404.html: the page static hosts send for a missing address. SvelteKit's own
 * `fallback` page loads its scripts from absolute `/_app/…` paths, which break when the site lives under a
 * sub-path, so the page is one self-contained file instead (scripts/not-found-page.ts explains it).
 * @param {Parameters<typeof adapter>[0]} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticWithNotFound(options) {
	const inner = adapter(options);
	return {
		...inner,
		name: 'adapter-static + 404.html',
		async adapt(builder) {
			await inner.adapt(builder);
			const { runnerImport } = await import('vite');
			const { module } = await runnerImport('./scripts/not-found-page.ts', { configFile: false });
			writeFileSync(`${options?.pages ?? 'build'}/404.html`, module.notFoundPage());
			builder.log.minor('Wrote 404.html');
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	onwarn: (warning, handler) => {
		// Accessibility warnings are errors in this project.
		if (warning.code.startsWith('a11y')) throw new Error(`${warning.filename}: ${warning.message}`);
		handler(warning);
	},
	kit: {
		adapter: staticWithNotFound({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { relative: true },
		// Inline the (small, per-component) stylesheets into each page: 20-odd render-blocking CSS requests
		// cost a slow phone several round trips before the first paint (Lighthouse FCP 2.5 s → see BENCHMARKS.md).
		inlineStyleThreshold: Infinity,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Each prerendered page gets a <meta http-equiv="content-security-policy"> with the hash of its inline
		// start-up script; security-headers.js explains every directive and the headers a host should add.
		csp: { mode: 'hash', directives: cspDirectives },
		// src/service-worker.ts is registered by the root layout once the page has settled
		// (src/lib/offline/register.ts), not at `load`.
		serviceWorker: { register: false }
	}
};

export default config;
