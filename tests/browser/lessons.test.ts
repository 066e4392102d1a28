import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, hydrated, launch, open } from './harness';

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
		// the Chinese text of a lesson is fetched when first asked for
		await page.getByRole('button', { name: '简体中文' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toContain('人脸');
		await page.reload();
		await hydrated(page);
		await expect.poll(() => page.locator('h1').textContent()).toContain('人脸');

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
		// KaTeX's stylesheet, cut to what the lessons use, still hides the MathML copy (kept for screen
		// readers) and lays out the visible formula; rules the lessons never need are gone
		const mathml = await page.locator('.katex-mathml').first().boundingBox();
		expect(mathml!.width * mathml!.height).toBeLessThanOrEqual(1);
		const drawn = await page.locator('.katex-display .katex-html').first().boundingBox();
		expect(drawn!.width).toBeGreaterThan(50);
		const css = await page.locator('style').allTextContents();
		expect(css.join('')).toContain('.katex .mfrac .frac-line');
		expect(css.join('')).not.toMatch(/\.fbox|format\("truetype"\)/);
		// a lesson's figure is built when the reader scrolls near it
		await page.locator('[data-lesson-figure="target-logits"]').scrollIntoViewIfNeeded();
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
		// figures nobody scrolled to are built for the printout, with their pictures drawn
		const figures = await page.locator('[data-lesson-figure]').count();
		expect(figures).toBeGreaterThan(1);
		await expect.poll(() => page.locator('[data-figure-pending]').count()).toBe(0);
		await expect
			.poll(() => page.locator('[data-lesson-figure] [data-figure] svg').count())
			.toBeGreaterThanOrEqual(figures);
		expect(problems).toEqual([]);
	});

	it('builds a long lesson’s figures only as a phone scrolls to them, without loading training', async () => {
		const { page, problems } = await open(browser, '/lessons/softmax-vs-arcface/', {
			viewport: { width: 390, height: 844 }
		});
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await hydrated(page);
		const figures = page.locator('[data-lesson-figure]');
		const n = await figures.count();
		expect(n).toBe(4);
		await expect(page.locator('[data-lesson-figure] [data-figure-pending]').count()).resolves.toBe(n);
		for (let i = 0; i < n; i++) {
			await figures.nth(i).scrollIntoViewIfNeeded();
			await figures.nth(i).locator('[data-figure][data-ready="true"]').waitFor();
		}
		await expect.poll(() => page.locator('[data-lesson-figure] [data-figure-pending]').count()).toBe(0);
		// the run figures wait for Train: no worker, no tfjs
		expect(requests.filter((u) => /worker|tfjs|\.wasm/.test(u))).toEqual([]);
		expect(problems).toEqual([]);
	});

	it('fetches a lesson’s other language when the reader switches, and keeps the text when it cannot', async () => {
		const { page, problems } = await open(browser, '/lessons/margins/');
		await hydrated(page);
		const json: string[] = [];
		page.on('request', (r) => r.url().endsWith('.json') && json.push(new URL(r.url()).pathname));
		const en = await page.locator('.notes p').first().textContent();
		await page.getByRole('button', { name: '简体中文' }).click();
		await expect.poll(() => page.locator('.notes p').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
		expect(json).toEqual(['/lessons/margins/zh.json']);
		await expect(page.locator('h1').textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
		// back to English: the page's own notes left the screen with the switch, so they come from their file
		await page.getByRole('button', { name: 'English' }).click();
		await expect.poll(() => page.locator('.notes p').first().textContent()).toBe(en);
		expect(json).toEqual(['/lessons/margins/zh.json', '/lessons/margins/en.json']);
		// and from then on switching fetches nothing
		await page.getByRole('button', { name: '简体中文' }).click();
		await expect.poll(() => page.locator('.notes p').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
		expect(json).toHaveLength(2);

		// a broken file (a half-copied deployment): the English text stays, with a note saying why
		const broken = await open(browser, '/lessons/margins/');
		await broken.page.route('**/zh.json', (r) => r.fulfill({ status: 200, body: '<html>' }));
		await hydrated(broken.page);
		await broken.page.getByRole('button', { name: '简体中文' }).click();
		await expect.poll(() => broken.page.getByRole('status').filter({ hasText: '未能加载' }).count()).toBe(1);
		await expect(broken.page.locator('.notes p').first().textContent()).resolves.toBe(en);
		expect([...problems, ...broken.problems]).toEqual([]);
		await broken.context.close();
	});

	it('carries its notes once in the page, and brings them along on a link followed inside the site', async () => {
		const { page, problems } = await open(browser, '/lessons/margins/');
		await hydrated(page);
		// the notes are in the HTML once: not again in the data the page hydrates from
		const html = await (await page.request.get(page.url())).text();
		const first = (await page.locator('.notes p').first().textContent())!.trim();
		expect(first.length).toBeGreaterThan(40);
		const piece = first.slice(0, 40);
		expect(html.split(piece)).toHaveLength(2);

		// a client-side navigation: no page load, and the next lesson's notes are all there
		const documents: string[] = [];
		page.on('request', (r) => r.resourceType() === 'document' && documents.push(r.url()));
		await page.getByRole('link', { name: /Next lesson/ }).click();
		await page.waitForURL(/\/lessons\/decision-margins\/$/);
		await expect.poll(() => page.locator('h1').textContent()).toContain('Decision margins');
		const next = await (await page.request.get(page.url())).text();
		const shown = await page.locator('.notes').allTextContents();
		expect(shown.length).toBeGreaterThan(1);
		for (const notes of shown) expect(notes.trim().length).toBeGreaterThan(40);
		// the same notes as the prerendered page of that lesson
		const prerendered = await page.evaluate(
			(h) =>
				[...new DOMParser().parseFromString(h, 'text/html').querySelectorAll('.notes')].map(
					(n) => n.textContent
				),
			next
		);
		expect(shown).toEqual(prerendered);
		expect(documents).toEqual([]);
		expect(problems).toEqual([]);
	});

	it('every lesson opens in both languages without errors', async () => {
		const { page, problems } = await open(browser, '/lessons/');
		const links = await page
			.locator('ol.lessons a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(links).toHaveLength(readdirSync('lessons/en').filter((f) => f.endsWith('.md')).length);
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
				if (lang === 'zh')
					await expect.poll(() => page.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
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
			.locator('.teach .notes a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(5);
		// The guide's links stay on the site and are relative, so it works under any sub-path.
		for (const h of hrefs) expect(h).toMatch(/^(\.\.\/|#)/);
		const lab = hrefs.find((h) => h.startsWith('../lab/'));
		expect(lab).toBeTruthy();
		// the class view's link (resolve('/experiments/'), absolute once hydrated) reaches the experiments
		const experiments = await page.locator('.class-results a').first().getAttribute('href');
		await page.goto(new URL(experiments!, page.url()).href);
		await expect(page.locator('h1').textContent()).resolves.toMatch(/Experiments/);
		await page.goto(new URL(lab!, new URL('teach/', baseUrl())).href);
		await page.locator('[data-testid="train"]').first().waitFor();
		await page.goto(new URL('../teach/?lang=zh', page.url()).href);
		await hydrated(page);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
		expect(problems).toEqual([]);
	});
});
