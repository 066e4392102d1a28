/**
 * The import boundaries in eslint.config.js (DESIGN.md section 2), checked on small snippets: each one that
 * crosses a boundary is reported, and a legal neighbour of each is not.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });
const boundaryRules = new Set([
	'@typescript-eslint/no-restricted-imports',
	'no-restricted-syntax',
	'no-restricted-globals'
]);

/** The boundary rules `code` breaks as the file `filePath` (a .svelte file gets the code as its script). */
async function broken(filePath: string, code: string): Promise<string[]> {
	const text = filePath.endsWith('.svelte') ? `<script lang="ts">\n${code}\n</script>\n` : `${code}\n`;
	const [result] = await eslint.lintText(text, { filePath });
	const fatal = result.messages.filter((m) => m.fatal);
	expect(fatal).toEqual([]);
	return result.messages.filter((m) => boundaryRules.has(m.ruleId ?? '')).map((m) => m.ruleId!);
}

type Case = [file: string, code: string];

const crossing: Case[] = [
	// tfjs only under src/lib/train
	['src/lib/state/x.ts', `import * as tf from '@tensorflow/tfjs'; export { tf };`],
	['src/routes/(site)/lab/+page.svelte', `import '@tensorflow/tfjs-backend-wasm';`],
	['src/lib/figures/x.ts', `export const load = () => import('@tensorflow/tfjs');`],
	['src/lib/ui/x.ts', `import '@tensorflow/tfjs';`],
	// pure maths: no Svelte, SvelteKit, tfjs or d3
	['src/lib/margins/x.ts', `import 'svelte';`],
	['src/lib/faces/x.ts', `import 'svelte/reactivity';`],
	['src/lib/metrics/x.ts', `import '$app/state';`],
	['src/lib/margins/x.ts', `import '$env/static/public';`],
	['src/lib/faces/x.ts', `import '@tensorflow/tfjs';`],
	['src/lib/metrics/x.ts', `import 'd3';`],
	['src/lib/metrics/x.ts', `import 'd3-dsv';`],
	// … nor other $lib folders, by alias, by relative path or dynamically, nor components
	['src/lib/margins/x.ts', `import '$lib/state/storage';`],
	['src/lib/faces/x.ts', `import '$lib/train/heads';`],
	['src/lib/metrics/x.ts', `import '$lib';`],
	['src/lib/margins/x.ts', `import '../state/storage';`],
	['src/lib/faces/x.ts', `import '../../routes/+layout';`],
	['src/lib/metrics/x.ts', `import '..';`],
	['src/lib/metrics/x.ts', `export { count } from '../i18n/number';`],
	['src/lib/margins/x.ts', `export const load = () => import('$lib/i18n');`],
	['src/lib/faces/x.ts', `import './Face.svelte';`],
	['src/lib/metrics/x.ts', `import '$lib/metrics/Chart.svelte';`],
	// … nor the DOM
	['src/lib/margins/x.ts', `export const w = window.innerWidth;`],
	['src/lib/faces/x.ts', `export const c = document.createElement('canvas');`],
	['src/lib/metrics/x.ts', `export const v = localStorage.getItem('a');`],
	['src/lib/metrics/x.ts', `export const v = sessionStorage.getItem('a');`],
	['src/lib/margins/x.ts', `export const l = navigator.language;`],
	['src/lib/faces/x.ts', `export const h = location.href;`],
	['src/lib/metrics/x.ts', `self.postMessage(1);`],
	// figures never reach the training worker or its client …
	[
		'src/lib/figures/x/X.svelte',
		`import { TrainerClient } from '$lib/train/client.svelte'; new TrainerClient();`
	],
	['src/lib/figures/x/data.ts', `import '$lib/train/worker';`],
	['src/lib/figures/x/data.ts', `import '$lib/train/spawn';`],
	['src/lib/figures/x/data.ts', `import '$lib/train/session';`],
	['src/lib/figures/x/data.ts', `import '../../train/client.svelte';`],
	['src/lib/figures/data.ts', `import { spawnWorker } from '../train/spawn'; spawnWorker();`],
	['src/lib/figures/x/data.ts', `import Worker from './helper?worker'; new Worker();`],
	['src/lib/figures/x/data.ts', `import url from '../../train/worker?worker&url'; export { url };`],
	['src/lib/figures/x/data.ts', `export const load = () => import('$lib/train/client.svelte');`],
	['src/lib/figures/x/data.ts', `new Worker(new URL('../../train/worker.ts', import.meta.url));`],
	// … nor the lab
	['src/lib/figures/RunFrame.svelte', `import RunControls from '$lib/lab/RunControls.svelte'; RunControls;`],
	['src/lib/figures/RunFrame.svelte', `import '../lab/RunControls.svelte';`],
	['src/lib/figures/run/X.svelte', `import { keys } from '../../lab/keys'; keys;`],
	// ui does not import figures
	['src/lib/ui/FigureCards.svelte', `import { figures } from '$lib/figures/registry'; figures;`],
	['src/lib/ui/x.ts', `export * from '../figures/palette';`]
];

const legal: Case[] = [
	['src/lib/train/worker.ts', `import * as tf from '@tensorflow/tfjs'; export { tf };`],
	['src/lib/margins/x.ts', `import './vec';`],
	['src/lib/margins/x.ts', `import { mulberry32 } from '../faces/rng'; mulberry32;`],
	['src/lib/metrics/x.ts', `import '$lib/margins';`],
	['src/lib/faces/x.ts', `import '$lib/metrics/angles';`],
	['src/lib/margins/x.ts', `export function at(location: number) { return location; }`],
	[
		'src/lib/figures/x/X.svelte',
		`import type { Snapshot } from '$lib/train/client.svelte'; let s: Snapshot;`
	],
	[
		'src/lib/figures/x/data.ts',
		`import type { Snapshot } from '../../train/client.svelte'; export type S = Snapshot;`
	],
	[
		'src/lib/figures/x/data.ts',
		`import type { LossName } from '$lib/train/protocol'; export type L = LossName;`
	],
	['src/lib/figures/x/data.ts', `import { flipRows } from '$lib/train/flip'; flipRows;`],
	['src/lib/figures/x/data.ts', `new Worker(new URL('./analysis.worker.ts', import.meta.url));`],
	['src/lib/figures/RunFrame.svelte', `import { useRun } from '$lib/state/run.svelte'; useRun;`],
	['src/lib/figures/RunFrame.svelte', `import Controls from './run/RunControls.svelte'; Controls;`],
	['src/lib/figures/x/X.svelte', `import { syncQuery } from '$lib/ui/query-sync.svelte'; syncQuery;`],
	['src/lib/lab/LabFigures.svelte', `import { figures } from '$lib/figures/registry'; figures;`],
	['src/lib/lab/X.svelte', `import RunControls from '../figures/run/RunControls.svelte'; RunControls;`],
	['src/lib/ui/x.ts', `import { readStored } from '$lib/state/storage'; readStored;`],
	['src/lib/ui/x.ts', `import './url';`]
];

describe('import boundaries (eslint.config.js)', () => {
	// The first lint loads the config and its plugins (seconds): not inside a test's time limit.
	beforeAll(() => eslint.lintText('', { filePath: 'src/lib/x.svelte' }), 60_000);

	it.each(crossing)('%s: `%s` is reported', async (file, code) => {
		expect(await broken(file, code)).not.toEqual([]);
	});

	it.each(legal)('%s: `%s` is allowed', async (file, code) => {
		expect(await broken(file, code)).toEqual([]);
	});
});
