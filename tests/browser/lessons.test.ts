import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hydrated, launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('lessons', () => {
	it('keeps a student’s progress across lessons, a language switch and a reload', async () => {
		const { page, problems } = await open(browser, '/lessons/');
		await page.getByRole('link', { name: /Verification, identification/ }).click();
		await page.waitForURL(/\/lessons\/verify-identify\/$/);
		await expect(page.locator('h1').textContent()).resolves.toContain('Verification');

		// Answer the first question, trying options until the page says the answer is correct.
		const quiz = page.locator('form.quiz').first();
		const qid = await quiz.getAttribute('data-question');
		const options = quiz.locator('input[type="radio"]');
		const n = await options.count();
		let answered = false;
		for (let i = 0; i < n && !answered; i++) {
			await options.nth(i).check();
			await quiz.getByRole('button').click();
			answered = (await quiz.getByTestId('verdict').textContent())?.includes('Correct') ?? false;
		}
		expect(answered).toBe(true);

		await page.getByRole('link', { name: /Next lesson/ }).click();
		await page.waitForURL(/\/lessons\/face-space\/$/);
		await page.getByRole('button', { name: '简体中文' }).click();
		await expect(page.locator('h1').textContent()).resolves.toContain('人脸');
		await page.reload();
		await hydrated(page);
		await expect(page.locator('h1').textContent()).resolves.toContain('人脸');

		await page.goto(page.url().replace(/face-space\/$/, ''));
		await hydrated(page);
		const first = page.locator('[data-lesson="verify-identify"] [data-testid="status"]');
		await expect(first.textContent()).resolves.toMatch(/已答对 1 \/ \d 题/);
		const second = page.locator('[data-lesson="face-space"] [data-testid="status"]');
		await expect(second.textContent()).resolves.toContain('已打开');
		expect(qid).toBeTruthy();

		// Resetting clears it.
		await page.getByRole('button', { name: '清除我的学习进度' }).click();
		await expect(first.textContent()).resolves.toContain('未开始');
		await page.reload();
		await hydrated(page);
		await expect(first.textContent()).resolves.toContain('未开始');
		expect(problems).toEqual([]);
	});

	it('renders maths with KaTeX and places live figures inside the notes', async () => {
		const { page, problems } = await open(browser, '/lessons/margins/');
		await expect(page.locator('.katex').count()).resolves.toBeGreaterThan(5);
		await page.locator('[data-figure="target-logits"][data-ready="true"]').waitFor();
		// The directive asks for the custom curve at m1 = 1, m2 = 0.5, m3 = 0: it must lie on ArcFace.
		const custom = await page
			.locator('[data-lesson-figure="target-logits"] path[data-curve="custom"]')
			.getAttribute('d');
		const arc = await page
			.locator('[data-lesson-figure="target-logits"] path[data-curve="arcface"]')
			.getAttribute('d');
		expect(custom).toBe(arc);
		// A citation jumps to its source.
		await page.locator('a.cite').first().click();
		expect(page.url()).toMatch(/#src-/);
		expect(problems).toEqual([]);
	});

	it('prints without site chrome or quiz buttons, with every explanation shown', async () => {
		const { page, problems } = await open(browser, '/lessons/margins/');
		await hydrated(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('header').isVisible()).resolves.toBe(false);
		await expect(page.locator('form.quiz button').first().isVisible()).resolves.toBe(false);
		await expect(page.locator('.sources').isVisible()).resolves.toBe(true);
		expect(problems).toEqual([]);
	});

	it('every lesson opens in both languages without errors', async () => {
		const { page, problems } = await open(browser, '/lessons/');
		const links = await page
			.locator('ol.lessons a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(links).toHaveLength(10);
		for (const href of links) {
			for (const lang of ['en', 'zh']) {
				await page.goto(`${href}?lang=${lang}`);
				// the language comes from ?lang= once the page hydrates (after its figures' chunks load)
				await hydrated(page);
				await expect(page.locator('h1').count()).resolves.toBe(1);
				await expect(page.locator('.katex-error').count()).resolves.toBe(0);
				await expect(page.locator('html').getAttribute('lang')).resolves.toBe(
					lang === 'zh' ? 'zh-Hans' : 'en'
				);
			}
		}
		expect(problems).toEqual([]);
	});
});

describe('instructor guide', () => {
	it('opens in both languages with working links into the site', async () => {
		const { page, problems } = await open(browser, '/teach/');
		await hydrated(page);
		await expect(page.locator('h1').count()).resolves.toBe(1);
		const hrefs = await page
			.locator('.teach a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(5);
		// Links stay on the site and are relative, so the guide works under any sub-path.
		for (const h of hrefs) expect(h).toMatch(/^(\.\.\/|#)/);
		const lab = hrefs.find((h) => h.startsWith('../lab/'));
		expect(lab).toBeTruthy();
		await page.goto(new URL(lab!, page.url()).href);
		await page.locator('[data-testid="train"]').first().waitFor();
		await page.goto(new URL('../teach/?lang=zh', page.url()).href);
		await hydrated(page);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
		expect(problems).toEqual([]);
	});
});
