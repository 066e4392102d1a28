import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Import boundaries (DESIGN.md section 2), as `@typescript-eslint/no-restricted-imports` patterns. A relative
 * path is caught by the folder name it reaches (`../lab/x` like `$lib/lab/x`): folder names under src/lib are
 * unique, so `(../)+lab/` cannot mean another folder. Options of one rule do not merge across config objects,
 * so each folder's list repeats the ones that apply everywhere.
 */
const boundary = (regex, message, allowTypeImports = false) => ({
	regex,
	message,
	caseSensitive: true,
	allowTypeImports
});
const up = String.raw`^(\.\./)+(lib/)?`;
const everywhere = [boundary('^@tensorflow/', 'tfjs is imported only under src/lib/train (the worker).')];
const pureMessage =
	'src/lib/{margins,faces,metrics} are pure TS: no Svelte, DOM, tfjs, d3 or other $lib folders.';
const pure = [
	...everywhere,
	boundary(String.raw`^(svelte|@sveltejs|\$app|\$env)(/|$)|^d3(-|/|$)`, pureMessage),
	boundary(String.raw`^\$lib(/(?!(margins|faces|metrics)(/|$))|/?$)`, pureMessage),
	// the three folders are flat: one '../' reaches src/lib, so only ../margins, ../faces, ../metrics stay inside
	boundary(String.raw`^\.\.(/\.\.)*/?$|^\.\./(\.\./|(?!(margins|faces|metrics)(/|$)))`, pureMessage),
	boundary(String.raw`\.svelte($|\.)`, pureMessage)
];
const figureMessage = 'Figures never train: read the run (src/lib/state), not the worker or its client.';
const figures = [
	...everywhere,
	// Type-only imports (e.g. the Snapshot type) are erased from the bundle and stay allowed.
	boundary(String.raw`^\$lib/train/(client|worker|spawn|session)`, figureMessage, true),
	boundary(`${up}train/(client|worker|spawn|session)`, figureMessage, true),
	boundary(String.raw`[?&](shared)?worker(&|$)`, figureMessage),
	boundary(String.raw`^\$lib/lab(/|$)`, 'The lab may import figures, not the reverse.'),
	boundary(`${up}lab(/|$)`, 'The lab may import figures, not the reverse.')
];
const ui = [
	...everywhere,
	boundary(String.raw`^\$lib/figures(/|$)`, 'Figures build on src/lib/ui, not the reverse.'),
	boundary(`${up}figures(/|$)`, 'Figures build on src/lib/ui, not the reverse.')
];

/** The same patterns for `import('…')` and `new URL('…', import.meta.url)`, which the import rule does not see. */
function restrict(patterns) {
	// esquery's regex literals cannot hold '/': write it as \x2F
	const literal = (p) => `Literal[value=/${p.regex.replaceAll('/', String.raw`\x2F`)}/]`;
	const selectors = patterns.flatMap((p) => [
		{ selector: `ImportExpression > ${literal(p)}.source`, message: p.message },
		{ selector: `NewExpression[callee.name="URL"] > ${literal(p)}.arguments:first-child`, message: p.message }
	]);
	return {
		'@typescript-eslint/no-restricted-imports': ['error', { patterns }],
		'no-restricted-syntax': ['error', ...selectors]
	};
}

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
	{ files: ['src/**'], ignores: ['src/lib/train/**'], rules: restrict(everywhere) },
	{
		files: ['src/lib/margins/**', 'src/lib/faces/**', 'src/lib/metrics/**'],
		rules: {
			...restrict(pure),
			'no-restricted-globals': [
				'error',
				...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'self'].map(
					(name) => ({
						name,
						message: pureMessage
					})
				)
			]
		}
	},
	{ files: ['src/lib/figures/**'], rules: restrict(figures) },
	{ files: ['src/lib/ui/**'], rules: restrict(ui) },
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'bench/results/'] }
);
