import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const routes = [
	'/',
	'/figures/target-logits/',
	'/figures/decision-margins/',
	'/embed/target-logits/',
	'/embed/decision-margins/',
	'/lessons/',
	'/lessons/margins/',
	'/lab/',
	'/figures/',
	'/figures/feature-circle/',
	'/teach/'
];

describe('accessibility (axe-core)', () => {
	for (const lang of ['en', 'zh'])
		for (const route of routes) {
			it(`${route} in ${lang} has no violations`, async () => {
				const { page, context, problems } = await open(browser, `${route}?lang=${lang}`);
				await page.locator('html[data-hydrated="true"]').waitFor();
				await page.waitForTimeout(300);
				const result = await new AxeBuilder({ page: page as never }).analyze();
				const found = result.violations.map(
					(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
				);
				expect(found).toEqual([]);
				expect(problems).toEqual([]);
				await context.close();
			});
		}
});
