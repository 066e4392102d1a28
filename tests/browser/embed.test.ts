import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { figureReady, launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function noNaN(page: Page) {
	const text = await page.locator('body').innerText();
	expect(text).not.toMatch(/NaN|Infinity|undefined/);
	const attrs = await page.evaluate(() =>
		[...document.querySelectorAll('svg *')].flatMap((el) => [...el.attributes].map((a) => a.value))
	);
	expect(attrs.filter((v) => /NaN|Infinity/.test(v))).toEqual([]);
}

describe('embed routes', () => {
	it('renders one figure without site chrome, with settings from the URL', async () => {
		const { page, problems } = await open(browser, '/embed/target-logits/?curves=arcface,custom&m2=0.7');
		await figureReady(page, 'target-logits');
		await expect(page.locator('header').count()).resolves.toBe(0);
		await expect(page.locator('path[data-curve]').count()).resolves.toBe(2);
		await expect(page.locator('output[for="target-logits-m2"]').textContent()).resolves.toBe('0.70');
		await noNaN(page);
		expect(problems).toEqual([]);
	});

	it('reads the decision-margin loss and clamps its margin to that loss', async () => {
		const { page, problems } = await open(browser, '/embed/decision-margins/?loss=cosface&m=99&view=plane');
		await figureReady(page, 'decision-margins');
		await expect(page.locator('output[for="decision-margins-m"]').textContent()).resolves.toBe('0.80');
		await expect(page.locator('[data-testid="wedge"]').count()).resolves.toBe(0);
		await noNaN(page);
		expect(problems).toEqual([]);
	});

	const hostile = [
		'?m1=NaN&m2=Infinity&m3=-1e999&range=%00&curves=%3Cscript%3Ealert(1)%3C/script%3E',
		'?m1=1e309&m2=0x10&m3=&curves=,,,&range=wide&range=paper',
		'?curves=' + 'arcface,'.repeat(500) + '&m2=' + '9'.repeat(400),
		'?%E0%A4%A=1&m2=%ZZ&lang=%ff',
		'?loss=__proto__&m=constructor&phi=-5&view=toString',
		'?loss=sphereface&m=0&phi=1e5',
		'?loss=arcface&m=1.2&phi=20'
	];
	for (const q of hostile) {
		for (const name of ['target-logits', 'decision-margins']) {
			it(`${name} survives ${q.slice(0, 60)}`, async () => {
				const { page, problems } = await open(browser, `/embed/${name}/${q}`);
				await figureReady(page, name);
				await expect(page.locator('h1').count()).resolves.toBe(1);
				await noNaN(page);
				expect(problems).toEqual([]);
			});
		}
	}
});
