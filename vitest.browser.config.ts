import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: Playwright (playwright-core) drives Debian's chromium against the built site on localhost.
export default defineConfig({
	// Browser tests check pages against the site's own pure readers (src/lib/state, src/lib/embed).
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/browser/**/*.test.ts'],
		globalSetup: ['tests/browser/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Two files at a time on two cores: much of a browser test is waiting (for a page to settle, a worker to
		// start, a service worker to install), and no test asserts a time (whole browser run 379 → 351 s here).
		fileParallelism: true,
		maxWorkers: 2,
		environment: 'node'
	}
});
