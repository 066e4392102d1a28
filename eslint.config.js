import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		// Lesson HTML is rendered at build time from the repository's own Markdown (marked + KaTeX), never from
		// anything a visitor supplies, so placing it with {@html} is safe.
		files: [
			'src/lib/lessons/ui/**/*.svelte',
			'src/routes/(site)/lessons/**/*.svelte',
			'src/routes/(site)/teach/*.svelte'
		],
		rules: { 'svelte/no-at-html-tags': 'off' }
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'bench/results/'] }
);
