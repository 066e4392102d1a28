/**
 * Issue 17, part B: the home page's ways in and picture, the 404 page a host sends, and the layout bugs a
 * student met on a phone (quiz, progress after "Next lesson", wide maths, lesson 10's curve note, the
 * placeholders, the figure labels). Few page loads: one phone context walks through the lessons.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hydrated, launch, open } from './harness';
import { serveStatic, type StaticServer } from './server';

let browser: Browser;
let sub: StaticServer;
beforeAll(async () => {
	browser = await launch();
	// a host that sends build/404.html for every missing path, with the site under a sub-path
	sub = await serveStatic(resolve('build'), '/course/margin-lab/', { notFound: '404.html' });
});
afterAll(async () => {
	await browser?.close();
	await sub?.close();
});

const phone = { width: 360, height: 800 };
const overflowX = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('issue 17 part B', () => {
	it('home page: a plain sentence, three ways in and the circles of a real run, in both languages', async () => {
		const { page, problems } = await open(browser, '/', { viewport: { width: 390, height: 844 } });
		await hydrated(page);
		const ways = page.locator('.ways a');
		await expect(ways.count()).resolves.toBe(3);
		const hrefs = await ways.evaluateAll((as) =>
			as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)
		);
		expect(hrefs).toEqual(['/lessons/verify-identify/', '/lab/', '/teach/']);
		// two panels of the same faces, eight identities' colours each
		const colours = await page
			.locator('[data-home-panel]')
			.evaluateAll((svgs) =>
				svgs.map((s) => new Set([...s.querySelectorAll('use')].map((u) => u.getAttribute('data-id'))).size)
			);
		expect(colours).toEqual([8, 8]);
		// the three ways in come before the picture and the figure cards, and all fit the phone's first screen
		const lastWay = await ways.nth(2).boundingBox();
		expect(lastWay!.y + lastWay!.height).toBeLessThan(844);
		expect(await overflowX(page)).toBe(0);
		await page.getByRole('button', { name: '简体中文' }).click();
		await expect.poll(() => ways.first().textContent()).toContain('开始学习课程');
		await expect(page.locator('.home-circles figcaption').textContent()).resolves.toMatch(/种子 \d+/);
		expect(problems).toEqual([]);
	});

	it('404.html: sent for any missing path, in the visitor’s language, links back into the site', async () => {
		const context = await browser.newContext({ viewport: phone });
		const page = await context.newPage();
		const res = await page.goto(`${sub.url}no/such/page/`);
		expect(res?.status()).toBe(404);
		await expect(page.locator('h1:visible').textContent()).resolves.toBe('Page not found');
		// the script found the site's root under the sub-path
		await page.locator('html[data-root="/course/margin-lab/"]').waitFor();
		await page.locator('section[lang="en"]').getByRole('link', { name: 'Go to the home page' }).click();
		await page.waitForURL(`${sub.url}`);
		await hydrated(page);
		await page.goto(`${sub.url}lessons/nope/?lang=zh`);
		await expect(page.locator('h1:visible').textContent()).resolves.toBe('找不到这个页面');
		await expect(page.locator('h1:visible').count()).resolves.toBe(1);
		await page.locator('html[data-root]').waitFor();
		const href = await page.locator('a:visible').first().getAttribute('href');
		expect(href).toBe('/course/margin-lab/?lang=zh');
		await context.close();
	});

	it('a student on a phone: quiz, "Next lesson" progress, wide maths, lesson 10 and the figures', async () => {
		const { page, problems } = await open(browser, '/lessons/verify-identify/', { viewport: phone });
		await hydrated(page);
		// Answer the first question wrong, then right.
		const quiz = page.locator('form.quiz').first();
		const options = quiz.locator('input[type="radio"]');
		const n = await options.count();
		let verdict = '';
		for (let i = 0; i < n && !verdict.startsWith('✓'); i++) {
			await options.nth(i).check();
			await quiz.getByRole('button').click();
			verdict = ((await quiz.getByTestId('verdict').textContent()) ?? '').trim();
			expect(await overflowX(page), 'no sideways scroll after "Check answer"').toBe(0);
		}
		expect(verdict).toMatch(/^✓ Correct\. /);
		expect(verdict).not.toMatch(/^✓ Correct\.\s+(Right|Correct|Yes)\b/);
		// the question sits inside its box, below the top border; marks don't squeeze the option text
		const [fieldset, legend] = await Promise.all([
			quiz.locator('fieldset').boundingBox(),
			quiz.locator('legend').boundingBox()
		]);
		expect(legend!.y).toBeGreaterThan(fieldset!.y + 1);
		const text = await quiz.locator('label.right .text').boundingBox();
		expect(text!.width).toBeGreaterThan(200);

		// "Next lesson" twice (in-site navigation, no reload), then the index by the menu
		await page.getByRole('link', { name: /Next lesson/ }).click();
		await page.waitForURL(/\/face-space\/$/);
		await page.getByRole('link', { name: /Next lesson/ }).click();
		await page.waitForURL(/\/softmax-limits\/$/);
		await page.locator('header nav').getByRole('link', { name: 'Lessons' }).click();
		await page.waitForURL(/\/lessons\/$/);
		await expect
			.poll(() => page.locator('[data-lesson="softmax-limits"] [data-testid="status"]').textContent())
			.toContain('Opened');

		// lesson 5's wide equation scrolls in its own box, which shows it and takes keyboard focus
		await page.goto(page.url() + 'margins/');
		await hydrated(page);
		const wide = page.locator('.notes [data-scrolls]').first();
		await wide.waitFor();
		const cue = await wide.evaluate((el) => ({
			bg: getComputedStyle(el).backgroundImage,
			tab: el.tabIndex,
			more: el.scrollWidth - el.clientWidth
		}));
		expect(cue.more).toBeGreaterThan(0);
		expect(cue.bg).toContain('gradient');
		expect(cue.tab).toBe(0);
		expect(await overflowX(page)).toBe(0);

		// lesson 10's curve figure: the note is a key entry, the shaded band a positive width
		await page.goto(page.url().replace(/margins\/$/, 'limits-open-questions/'));
		await hydrated(page);
		await page.locator('[data-lesson-figure="target-logits"]').scrollIntoViewIfNeeded();
		await page.getByTestId('turn-key').waitFor();
		const band = await page.locator('rect.turn').evaluate((r) => Number(r.getAttribute('width')));
		expect(band).toBeGreaterThan(0);

		// decision margins: the y title clear of its tick labels
		await page.goto(page.url().replace(/lessons\/limits-open-questions\/$/, 'figures/decision-margins/'));
		await hydrated(page);
		const gap = await page
			.locator('.plane svg')
			.first()
			.evaluate((svg) => {
				const side = [...svg.querySelectorAll('text')].filter((t) => /°$/.test(t.textContent ?? ''));
				const title = [...svg.querySelectorAll('text.label')].find((t) =>
					t.getAttribute('transform')?.includes('rotate')
				);
				const right = title!.getBoundingClientRect().right;
				const ticks = side.filter(
					(t) => t.getBoundingClientRect().right <= svg.getBoundingClientRect().left + 80
				);
				return Math.min(...ticks.map((t) => t.getBoundingClientRect().left)) - right;
			});
		expect(gap).toBeGreaterThanOrEqual(3);

		// inversion before a test: its status line once, not repeated by the summary under it
		await page.goto(page.url().replace(/decision-margins\/$/, 'inversion/'));
		await hydrated(page);
		const status = ((await page.locator('[data-testid="inversion"] .status').textContent()) ?? '').trim();
		expect(status.length).toBeGreaterThan(0);
		const copies = await page.evaluate(
			(text) =>
				[...document.querySelectorAll<HTMLElement>('[data-testid="inversion"] *')].filter(
					(el) => el.children.length === 0 && el.offsetParent !== null && el.textContent?.trim() === text
				).length,
			status
		);
		expect(copies).toBe(1);
		expect(problems).toEqual([]);
	});

	it('θ-distribution on a phone, the ROC legend and the lab stats table', async () => {
		const { page, problems } = await open(browser, '/figures/pair-angles/', { viewport: phone });
		await hydrated(page);
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 60_000 });
		await page.getByTestId('train').first().click();
		await page.locator('.roc .legend line.key').first().waitFor({ state: 'attached', timeout: 60_000 });
		await page.getByTestId('train').first().click();
		const strokes = await page
			.locator('.roc .legend line.key')
			.evaluateAll((ls) => ls.map((l) => [getComputedStyle(l).stroke, l.getAttribute('stroke')]));
		for (const [computed, attr] of strokes) {
			const probe = await page.evaluate((c) => {
				const d = document.createElement('div');
				d.style.color = c!;
				document.body.append(d);
				const rgb = getComputedStyle(d).color;
				d.remove();
				return rgb;
			}, attr);
			expect(computed).toBe(probe);
		}

		await page.goto(page.url().replace(/pair-angles\/$/, 'theta-distribution/'));
		await hydrated(page);
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 60_000 });
		await page.getByTestId('train').first().click();
		await page.locator('.peak-label').first().waitFor({ timeout: 60_000 });
		await page.getByTestId('train').first().click();
		const layout = await page.locator('[data-testid="theta-distribution"]').evaluate((root) => {
			const labels = [...root.querySelectorAll<SVGGraphicsElement>('.peak-label')].map((t) =>
				t.getBoundingClientRect()
			);
			const curves = [...root.querySelectorAll<SVGGraphicsElement>('path.curve')].map((c) =>
				c.getBoundingClientRect()
			);
			const options = [...root.querySelectorAll<HTMLElement>('.pick label')].map(
				(l) => l.getBoundingClientRect().height < 2.2 * parseFloat(getComputedStyle(l).fontSize)
			);
			return {
				above: Math.max(...labels.map((l) => l.bottom)) <= Math.min(...curves.map((c) => c.top)) + 1,
				options
			};
		});
		expect(layout.above).toBe(true);
		// each option on one line, not broken inside its text
		expect(layout.options).not.toContain(false);
		expect(await overflowX(page)).toBe(0);

		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(page.url().replace(/figures\/theta-distribution\/$/, 'lab/'));
		await hydrated(page);
		await expect(page.locator('tr[data-model="0"] th').first().textContent()).resolves.toMatch(
			/^Model A\s·\s/
		);
		expect(problems).toEqual([]);
	});
});
