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
		// One file at a time: two at a time saved ~30 s on this CPU-bound machine but flaked once (the 4K layout test).
		fileParallelism: false,
		environment: 'node'
	}
});
