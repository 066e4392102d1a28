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
			// No type-aware rules are on (svelte-check does the type checking), so no TypeScript project
			// service: building it for every .svelte file took ESLint from 13 s to 32 s.
			parserOptions: {
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
		// Numbers go through `count()` in src/lib/i18n/number.ts: the first toLocaleString() call starts the ICU
		// formatter (tens of milliseconds of main-thread time on a phone) and follows the device's locale.
		files: ['src/**'],
		rules: {
			'no-restricted-properties': [
				'error',
				{ property: 'toLocaleString', message: 'Use count() from $lib/i18n/number.' }
			]
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
