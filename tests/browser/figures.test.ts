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

const pathD = (page: Page, sel: string) => page.locator(sel).getAttribute('d');

describe('home page', () => {
	it('says what the site is and links to both figures', async () => {
		const { page, problems } = await open(browser, '/');
		await expect(page.locator('h1').textContent()).resolves.toContain('Margin Lab');
		await page.getByRole('link', { name: 'Decision margins' }).first().click();
		await figureReady(page, 'decision-margins');
		expect(page.url()).toMatch(/\/figures\/decision-margins\/$/);
		expect(problems).toEqual([]);
	});
});

describe('target-logit curves', () => {
	it('draws the six paper curves and the custom one, and redraws the custom curve when m2 moves', async () => {
		const { page, problems } = await open(browser, '/figures/target-logits/');
		await figureReady(page, 'target-logits');
		for (const c of ['softmax', 'sphereface', 'arcface', 'cosface', 'cm1', 'cm2', 'custom'])
			await expect(page.locator(`path[data-curve="${c}"]`).count()).resolves.toBe(1);
		const before = await pathD(page, 'path[data-curve="custom"]');
		const arcBefore = await pathD(page, 'path[data-curve="arcface"]');
		await page.locator('#target-logits-m2').focus();
		for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
		await expect(page.locator('output[for="target-logits-m2"]').textContent()).resolves.toBe('0.35');
		const after = await pathD(page, 'path[data-curve="custom"]');
		expect(after).not.toBe(before);
		// Only the custom curve depends on the sliders.
		expect(await pathD(page, 'path[data-curve="arcface"]')).toBe(arcBefore);
		// With m1 = 1, m2 = 0.35, m3 = 0.1 the custom curve equals CM-like values: check the readout at 60°.
		const summary = await page.getByTestId('summary').textContent();
		const expected = (Math.cos((60 * Math.PI) / 180 + 0.35) - 0.1).toFixed(3);
		expect(summary).toContain(`Custom ${expected}`);
		// The address bar now holds the setting, so a copied link reproduces the view.
		expect(new URL(page.url()).searchParams.get('m2')).toBe('0.35');
		await page.reload();
		await figureReady(page, 'target-logits');
		await expect(page.locator('output[for="target-logits-m2"]').textContent()).resolves.toBe('0.35');
		expect(problems).toEqual([]);
	});

	it('rewrites a non-canonical link into its canonical form without errors', async () => {
		const { page, problems } = await open(
			browser,
			'/figures/target-logits/?curves=custom,arcface&m2=0.7&junk=1'
		);
		await figureReady(page, 'target-logits');
		await page.waitForFunction(() => new URL(location.href).searchParams.get('curves') === 'arcface,custom');
		const url = new URL(page.url());
		expect(url.searchParams.get('m2')).toBe('0.7');
		// Parameters the figure does not own are left alone.
		expect(url.searchParams.get('junk')).toBe('1');
		expect(problems).toEqual([]);
	});

	it('reads values at θ from the keyboard and hides a curve when it is unticked', async () => {
		const { page, problems } = await open(browser, '/figures/target-logits/');
		await figureReady(page, 'target-logits');
		await page.locator('#target-logits-theta').focus();
		await page.keyboard.press('Home');
		const summary = await page.getByTestId('summary').textContent();
		// At θ = 20°: softmax cos 20° and ArcFace cos(20° + 0.5 rad).
		expect(summary).toContain('θ = 20°');
		expect(summary).toContain(`Softmax ${Math.cos((20 * Math.PI) / 180).toFixed(3)}`);
		expect(summary).toContain(`ArcFace (m2 = 0.5) ${Math.cos((20 * Math.PI) / 180 + 0.5).toFixed(3)}`);
		await page.locator('input[data-curve-toggle="sphereface"]').uncheck();
		await expect(page.locator('path[data-curve="sphereface"]').count()).resolves.toBe(0);
		expect(await page.getByTestId('summary').textContent()).not.toContain('SphereFace');
		expect(problems).toEqual([]);
	});

	it('widens to 0°–180° and shows the fallback and the easy margin', async () => {
		const { page, problems } = await open(browser, '/figures/target-logits/');
		await figureReady(page, 'target-logits');
		await expect(page.locator('path[data-curve="fallback"]').count()).resolves.toBe(0);
		await page.getByRole('radio', { name: /^0°–180°/ }).check();
		await expect(page.locator('path[data-curve="fallback"]').count()).resolves.toBe(1);
		await expect(page.locator('path[data-curve="easy"]').count()).resolves.toBe(1);
		await page.locator('#target-logits-theta').focus();
		await page.keyboard.press('End');
		const summary = (await page.getByTestId('summary').textContent()) ?? '';
		// At 180°: the fallback gives cos θ − m·sin m, the easy margin plain cos θ.
		expect(summary).toContain(`ArcFace + insightface fallback ${(-1 - 0.5 * Math.sin(0.5)).toFixed(3)}`);
		expect(summary).toContain('ArcFace + easy margin -1.000');
		expect(problems).toEqual([]);
	});
});

describe('decision margins', () => {
	it('shows the constant ArcFace gap and moves the boundary with the margin slider', async () => {
		const { page, problems } = await open(browser, '/figures/decision-margins/');
		await figureReady(page, 'decision-margins');
		await expect(page.getByTestId('summary').textContent()).resolves.toContain('the gap is 28.6°');
		const before = await pathD(page, '[data-testid="boundary-1"]');
		await page.locator('#decision-margins-m').focus();
		for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
		const after = await pathD(page, '[data-testid="boundary-1"]');
		expect(after).not.toBe(before);
		// m = 0.6 rad is 34.4° at every θ1.
		const text = await page.getByTestId('summary').textContent();
		expect(text).toContain('m = 0.60');
		expect(text?.match(/the gap is 34\.4°/g)?.length).toBe(3);
		expect(problems).toEqual([]);
	});

	it('switches to CosFace, whose angular gap changes with θ1, and to softmax, which has none', async () => {
		const { page, problems } = await open(browser, '/figures/decision-margins/');
		await figureReady(page, 'decision-margins');
		await page.getByRole('radio', { name: /^CosFace/ }).check();
		await expect(page.locator('output[for="decision-margins-m"]').textContent()).resolves.toBe('0.35');
		const text = (await page.getByTestId('summary').textContent()) ?? '';
		const gaps = [...text.matchAll(/the gap is ([\d.]+)°/g)].map((m) => Number(m[1]));
		expect(gaps).toHaveLength(3);
		expect(gaps[0]).toBeGreaterThan(gaps[1]);
		expect(gaps[1]).toBeGreaterThan(gaps[2]);
		await page.getByRole('radio', { name: 'Softmax', exact: true }).check();
		await expect(page.locator('[data-testid="margin-area"]').count()).resolves.toBe(0);
		await expect(page.getByTestId('summary').textContent()).resolves.toContain('no margin');
		expect(problems).toEqual([]);
	});
});

describe('language', () => {
	it('opens in Chinese from ?lang=zh and keeps the choice after switching', async () => {
		const { page, problems } = await open(browser, '/figures/target-logits/?lang=zh');
		await figureReady(page, 'target-logits');
		await expect(page.locator('h1').textContent()).resolves.toBe('目标 logit 曲线');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('h1').textContent()).resolves.toBe('Target-logit curves');
		expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
		await page.reload();
		await figureReady(page, 'target-logits');
		await expect(page.locator('h1').textContent()).resolves.toBe('Target-logit curves');
		await page.getByRole('button', { name: '简体中文' }).click();
		await page.reload();
		await figureReady(page, 'target-logits');
		await expect(page.locator('h1').textContent()).resolves.toBe('目标 logit 曲线');
		expect(problems).toEqual([]);
	});
});

describe('small screens', () => {
	for (const path of ['/', '/figures/target-logits/', '/figures/decision-margins/']) {
		it(`${path} fits a 360 px phone without sideways scrolling`, async () => {
			const { page, problems } = await open(browser, path, { viewport: { width: 360, height: 740 } });
			await page.locator('html[data-hydrated="true"]').waitFor();
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			expect(problems).toEqual([]);
		});
	}
});
