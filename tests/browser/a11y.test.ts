import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hydrated, launch, open } from './harness';

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

/** Run axe on the page as it is now; one line per violation, naming the offending nodes. */
async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page: page as never }).withTags(tags).analyze();
	return result.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
	);
}

/** At most `n` page loads at once: two cores, and each run figure starts a worker. */
function limiter(n: number) {
	let active = 0;
	const waiting: (() => void)[] = [];
	return async <T>(job: () => Promise<T>): Promise<T> => {
		if (active >= n) await new Promise<void>((r) => waiting.push(r));
		active++;
		try {
			return await job();
		} finally {
			active--;
			waiting.shift()?.();
		}
	};
}
const slot = limiter(2);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Open a page tall enough that lazily drawn figures (rendered near the screen) are all on it. */
async function ready(path: string) {
	const opened = await open(browser, path, { viewport: { width: 1280, height: 2400 } });
	await hydrated(opened.page);
	// Figures mark themselves ready once they have read their URL settings.
	await opened.page.waitForFunction(
		() =>
			[...document.querySelectorAll('[data-figure]')].every((f) => f.getAttribute('data-ready') === 'true'),
		undefined,
		{ timeout: 30_000 }
	);
	return opened;
}

describe('accessibility (axe-core, WCAG 2.x A/AA + best practice)', () => {
	it('finds the prerendered pages', () => {
		expect(routes).toContain('/');
		expect(routes).toContain('/lab/');
		expect(routes).toContain('/teach/');
		expect(routes.filter((r) => r.startsWith('/lessons/')).length).toBeGreaterThanOrEqual(11);
		expect(routes.filter((r) => r.startsWith('/embed/')).length).toBeGreaterThanOrEqual(10);
	});

	describe.concurrent('every page in both languages', () => {
		for (const route of routes)
			for (const lang of ['en', 'zh'])
				it(`${route}?lang=${lang} has no violations`, ({ expect }) =>
					slot(async () => {
						const { page, context, problems } = await ready(`${route}?lang=${lang}`);
						try {
							expect(await violations(page)).toEqual([]);
							expect(problems).toEqual([]);
						} finally {
							await context.close();
						}
					}));
	});

	it('the lab after a few training steps, and with the keyboard help open', async () => {
		const { page, context, problems } = await ready('/lab/?pace=20');
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/\D/g, '')) >= 30,
			undefined,
			{ timeout: 120_000 }
		);
		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
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
