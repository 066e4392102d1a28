import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// the training worker (src/lib/train/worker.ts): an ES module, without tfjs's ~1,300 @license comments
	worker: { format: 'es', rolldownOptions: { output: { comments: { legal: false } } } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
