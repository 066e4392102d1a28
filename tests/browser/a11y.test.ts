import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hydrated, launch, open, rememberWasm, type OpenOptions } from './harness';

/** Every prerendered page: each `index.html` under build/, as a route ending in '/'. */
function builtRoutes(dir = resolve('build')): string[] {
	const found: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (name === 'index.html') {
				const rel = relative(dir, d).split(sep).join('/');
				found.push(rel ? `/${rel}/` : '/');
			}
		}
	};
	walk(dir);
	return found.sort();
}

const routes = builtRoutes();
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Run axe on the page as it is now; one line per violation, naming the offending nodes.
 *
 * Legacy mode runs one `axe.run` in the page (same-origin frames included). The default mode opens an extra
 * blank page to finish each run, which took about as long as the checks themselves (a lesson: 3.7 s → 1.8 s);
 * the site's pages hold no cross-origin frames, which are all that legacy mode leaves out.
 */
async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page: page as never })
		.setLegacyMode(true)
		.withTags(tags)
		.options({ resultTypes: ['violations'] })
		.analyze();
	return result.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
	);
}

/**
 * Two pages at a time (two cores, and each run figure starts a worker), each in one of two long-lived browser
 * contexts: opening a page in an existing context is much cheaper than a fresh context per page.
 */
const pool: BrowserContext[] = [];
const waiting: ((c: BrowserContext) => void)[] = [];
async function withContext<T>(job: (c: BrowserContext) => Promise<T>): Promise<T> {
	const context = pool.pop() ?? (await new Promise<BrowserContext>((r) => waiting.push(r)));
	try {
		return await job(context);
	} finally {
		const next = waiting.shift();
		if (next) next(context);
		else pool.push(context);
	}
}

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	for (let i = 0; i < 2; i++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await rememberWasm(context);
		pool.push(context);
	}
});
afterAll(async () => {
	await browser?.close();
});

async function ready(path: string, opts: OpenOptions = {}) {
	const opened = await open(browser, path, opts);
	await hydrated(opened.page);
	// a lesson's Chinese text is fetched after hydration: check the page once it is there
	if (/lessons?\/[^/]+\/\?lang=zh/.test(path))
		await opened.page.waitForFunction(() =>
			/[\u4e00-\u9fff]/.test(document.querySelector('h1')?.textContent ?? '')
		);
	// Figures mark themselves ready once they have read their URL settings.
	await opened.page.waitForFunction(
		() =>
			[...document.querySelectorAll('[data-figure]')].every((f) => f.getAttribute('data-ready') === 'true'),
		undefined,
		{ timeout: 30_000 }
	);
	return opened;
}

/**
 * axe once per kind of page. Pages of one kind share their components, so a second one adds text, not
 * structure: every lesson is `lessons/[slug]` (LessonBody, LessonFigure, Quiz, KaTeX), every lesson embed
 * `embed/lesson/[slug]`, every figure embed `embed/[name]` (the figure alone, or in RunFrame). Each figure's
 * own component differs, so every figure page is checked, in English; Chinese changes only the strings of
 * the same markup (tests/unit/i18n.test.ts checks both tables have every key), so it is checked on the pages
 * with their own layout and on one formula and one run figure. The two lessons hold the most figure kinds,
 * a quiz and display maths (formula and run figures, three run figures).
 */
const formulaFigures = ['decision-margins', 'face-gallery', 'target-logits'];
const runFigures = [
	'feature-circle',
	'inversion',
	'open-set',
	'pair-angles',
	'replay',
	'slow-motion',
	'theta-distribution',
	'training-curves'
];
const both = (route: string) => [`${route}?lang=en`, `${route}?lang=zh`];
const checked = [
	...both('/'),
	...both('/lessons/'),
	...both('/lessons/margins/'),
	...both('/lessons/softmax-vs-arcface/'),
	// the lab, the guide and the glossary share their components with pages checked in Chinese here
	'/lab/?lang=en',
	'/teach/?lang=en',
	'/glossary/?lang=en',
	...both('/figures/'),
	...both('/experiments/'),
	'/experiments/inversion/?lang=en',
	'/experiments/morph/?lang=zh',
	'/experiments/caricature/?lang=en',
	...[...formulaFigures, ...runFigures].map((n) => `/figures/${n}/?lang=en`),
	'/figures/target-logits/?lang=zh',
	'/figures/pair-angles/?lang=zh',
	'/figures/open-set/?lang=zh',
	...both('/embed/target-logits/'),
	'/embed/training-curves/?lang=en',
	...both('/embed/lesson/margins/')
];
/**
 * Pages axe does not see, loaded here without console errors, except those other files already load so:
 * every lesson in both languages (lessons.test.ts, budget.test.ts), every figure's embed (fuzz.test.ts),
 * each experiment run through by a scripted participant (experiments.test.ts).
 */
const loadedElsewhere = (r: string) =>
	/^\/lessons\/[^/]+\/$/.test(r) ||
	/^\/experiments\/[^/]+\/$/.test(r) ||
	[...formulaFigures, ...runFigures].some((n) => r === `/embed/${n}/`);
const unchecked = routes.filter((r) => !checked.some((c) => c.startsWith(`${r}?`)) && !loadedElsewhere(r));

describe('accessibility (axe-core, WCAG 2.x A/AA + best practice)', () => {
	it('finds the prerendered pages, and every page the sweep names is one of them', () => {
		expect(routes).toContain('/');
		expect(routes).toContain('/lab/');
		expect(routes).toContain('/teach/');
		expect(routes.filter((r) => r.startsWith('/lessons/')).length).toBeGreaterThanOrEqual(11);
		expect(routes.filter((r) => r.startsWith('/embed/')).length).toBeGreaterThanOrEqual(10);
		expect(routes.filter((r) => /^\/figures\/[^/]+\/$/.test(r)).sort()).toEqual(
			[...formulaFigures, ...runFigures].map((n) => `/figures/${n}/`).sort()
		);
		for (const path of checked) expect(routes).toContain(path.split('?')[0]);
	});

	describe.concurrent('one page of each kind', () => {
		for (const path of checked)
			it(`${path} has no violations`, ({ expect }) =>
				withContext(async (context) => {
					const { page, problems } = await ready(path, { context });
					try {
						expect(await violations(page)).toEqual([]);
						expect(problems).toEqual([]);
					} finally {
						await page.close();
					}
				}));
	});

	it('leaves lesson embeds to the load check', () => {
		expect(unchecked.length).toBeGreaterThanOrEqual(9);
		expect(unchecked.every((r) => r.startsWith('/embed/lesson/'))).toBe(true);
	});

	describe.concurrent('every other page', () => {
		for (const route of unchecked)
			it(`${route} loads without errors`, ({ expect }) =>
				withContext(async (context) => {
					const { page, problems } = await ready(route, { context });
					try {
						expect(problems).toEqual([]);
					} finally {
						await page.close();
					}
				}));
	});

	it('the lab after a few training steps, and with the keyboard help open', async () => {
		// Tall enough that the lab's lazily drawn figures (rendered near the screen) are all on it.
		const { page, context, problems } = await ready('/lab/?pace=20', {
			viewport: { width: 1280, height: 2400 }
		});
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/\D/g, '')) >= 30,
			undefined,
			{ timeout: 120_000 }
		);
		// While training, each live region speaks at most once every 3 s (the visible text changes far faster).
		const changes = await page.evaluate(
			() =>
				new Promise<{ live: number[][]; visible: number }>((resolve) => {
					const regions = [...document.querySelectorAll('[data-live-summary]')];
					const live = regions.map(() => [] as number[]);
					let visible = 0;
					const observers = regions.map((el, k) => {
						const o = new MutationObserver(() => live[k].push(performance.now()));
						o.observe(el, { childList: true, characterData: true, subtree: true });
						const shown = el.previousElementSibling;
						if (shown)
							new MutationObserver(() => visible++).observe(shown, {
								childList: true,
								characterData: true,
								subtree: true
							});
						return o;
					});
					setTimeout(() => {
						observers.forEach((o) => o.disconnect());
						resolve({ live, visible });
					}, 7000);
				})
		);
		expect(changes.live.length).toBeGreaterThan(2);
		expect(changes.visible).toBeGreaterThan(changes.live.flat().length);
		for (const times of changes.live)
			for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(2900);

		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
		);
		// Once paused, each live region catches up with the final state.
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-live-summary]')].every(
				(el) => el.textContent?.trim() === el.previousElementSibling?.textContent?.replace(/\s+/g, ' ').trim()
			)
		);
		expect(await violations(page)).toEqual([]);

		await page.keyboard.press('?');
		await page.getByTestId('help').waitFor({ state: 'visible' });
		expect(await violations(page)).toEqual([]);
		await page.keyboard.press('Escape');
		await page.getByTestId('help').waitFor({ state: 'hidden' });
		expect(problems).toEqual([]);
		await context.close();
	});
});
