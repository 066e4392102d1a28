import { defineConfig } from 'vitest/config';

// Browser tests: Playwright (playwright-core) drives Debian's chromium against the built site on localhost.
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		globalSetup: ['tests/browser/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Two cores: one browser at a time keeps timings sane.
		fileParallelism: false,
		environment: 'node'
	}
});
