/** Presenter mode as an instructor uses it on a projector (1920 × 1080). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { figureReady, hydrated, launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const projector = { width: 1920, height: 1080 };
const px = (page: Page, sel: string, prop: string) =>
	page.evaluate(
		([sel, prop]) => Number.parseFloat(getComputedStyle(document.querySelector(sel)!).getPropertyValue(prop)),
		[sel, prop] as const
	);
const step = async (page: Page, testid = 'step') =>
	Number(((await page.locator(`[data-testid="${testid}"]`).first().textContent()) ?? '').replace(/\D/g, ''));

/**
 * Text under `scope` drawn smaller than `min` px, as the room sees it: the computed font size, times the
 * SVG's scale for SVG text (a viewBox drawn smaller than its user units shrinks its text). Maths (KaTeX keeps
 * its own sub- and superscript proportions), screen-reader-only copy and closed or hidden parts are skipped.
 */
const smallText = (page: Page, scope: string, min = 23.9) =>
	page.evaluate(
		([scope, min]) => {
			const out: string[] = [];
			for (const root of document.querySelectorAll(scope))
				for (const el of root.querySelectorAll('*')) {
					if (el.closest('.katex, .visually-hidden, option, [aria-hidden="true"]:not(svg *)')) continue;
					if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
					const r = el.getBoundingClientRect();
					if (r.width < 2 || r.height < 2 || getComputedStyle(el).visibility === 'hidden') continue;
					let size = Number.parseFloat(getComputedStyle(el).fontSize);
					if (el instanceof SVGGraphicsElement) {
						const m = el.getScreenCTM();
						if (m) size *= Math.hypot(m.a, m.b);
					}
					if (size < min)
						out.push(`${size.toFixed(1)} px: ${el.tagName} “${el.textContent!.trim().slice(0, 30)}”`);
				}
			return out;
		},
		[scope, min] as const
	);

describe('presenter mode', () => {
	it('?present=1 enlarges type and lines, hides secondary UI, and P leaves it', async () => {
		const normal = await open(browser, '/figures/target-logits/', { viewport: projector });
		await figureReady(normal.page, 'target-logits');
		const base = {
			font: await px(normal.page, 'h1', 'font-size'),
			stroke: await px(normal.page, 'path[data-curve="arcface"]', 'stroke-width')
		};
		await normal.context.close();

		const { page, problems } = await open(browser, '/figures/target-logits/?present=1', {
			viewport: projector
		});
		await figureReady(page, 'target-logits');
		await page.locator('html[data-present="true"]').waitFor();
		expect(await px(page, 'h1', 'font-size')).toBeGreaterThan(base.font * 1.15);
		expect(await px(page, 'path[data-curve="arcface"]', 'stroke-width')).toBeGreaterThanOrEqual(
			base.stroke * 1.5
		);
		expect(await page.locator('header nav').isVisible()).toBe(false);
		expect(await page.locator('[data-testid="present-toggle"]').getAttribute('aria-pressed')).toBe('true');
		// The whole chart fits on the 16:9 screen.
		const box = await page.locator('[data-figure="target-logits"] svg').first().boundingBox();
		expect(box!.height).toBeLessThanOrEqual(projector.height);
		expect(box!.width).toBeGreaterThan(1000);

		await page.locator('body').press('p');
		await page.locator('html[data-present="false"]').waitFor();
		expect(await page.locator('header nav').isVisible()).toBe(true);
		expect(problems).toEqual([]);
	});

	it('the toggle lasts from page to page in the tab, not in a new one', async () => {
		const { page, context, problems } = await open(browser, '/lessons/', { viewport: projector });
		await hydrated(page);
		await page.locator('[data-testid="present-toggle"]').click();
		await page.locator('html[data-present="true"]').waitFor();
		await page.goto(page.url().replace(/lessons\/$/, 'lab/'));
		await hydrated(page);
		expect(await page.locator('html').getAttribute('data-present')).toBe('true');
		const other = await context.newPage();
		await other.goto(page.url());
		await other.locator('html[data-hydrated="true"]').waitFor();
		expect(await other.locator('html').getAttribute('data-present')).toBe('false');
		expect(problems).toEqual([]);
	});

	it('on the lab: a large step counter stays in view and both circles fit one screen', async () => {
		const { page, problems } = await open(browser, '/lab/?present=1&backend=wasm', { viewport: projector });
		await hydrated(page);
		const train = page.locator('[data-testid="train"]');
		await expect.poll(() => train.isEnabled(), { timeout: 60_000 }).toBe(true);
		await page.keyboard.press('Space');
		await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThan(10);
		// issue 17, bug 4: → right after pausing is one step on from where the run paused, and the figures
		// show the step the counter shows (not one from before the pause)
		await page.evaluate(() => {
			const el = document.querySelector('[data-testid="step"]')!;
			const seen: number[] = [];
			(window as unknown as { seenSteps: number[] }).seenSteps = seen;
			new MutationObserver(() => seen.push(Number((el.textContent ?? '').replace(/\D/g, '')))).observe(el, {
				subtree: true,
				characterData: true,
				childList: true
			});
		});
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowRight');
		const shown = () =>
			page.evaluate(() => {
				const s = document.querySelector('[data-testid="circle-summary"]')?.textContent ?? '';
				return [...s.matchAll(/step ([\d,]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));
			});
		await expect.poll(() => train.getAttribute('aria-pressed')).toBe('false');
		const settled = async () => {
			const seen = await page.evaluate(() => (window as unknown as { seenSteps: number[] }).seenSteps);
			const [a, b] = await shown();
			const now = await step(page);
			return seen.length >= 2 && seen.at(-1)! - seen.at(-2)! === 1 && a === now && b === now;
		};
		await expect.poll(settled, { timeout: 10_000 }).toBe(true);
		const paused = await step(page);
		await page.keyboard.press('ArrowRight');
		await expect
			.poll(async () => [await step(page), ...(await shown())])
			.toEqual([paused + 1, paused + 1, paused + 1]);
		await page.evaluate(() => document.querySelector('[data-lab-figure="feature-circle"]')!.scrollIntoView());
		await page.evaluate(() => window.scrollBy(0, 600));
		const counter = await page.locator('[data-testid="step"]').boundingBox();
		expect(counter!.y).toBeGreaterThanOrEqual(0);
		expect(counter!.y + counter!.height).toBeLessThan(projector.height / 4);
		expect(await px(page, '[data-testid="step"]', 'font-size')).toBeGreaterThanOrEqual(32);
		await page.evaluate(() =>
			document.querySelector('[data-testid="feature-circle"]')!.scrollIntoView({ block: 'center' })
		);
		const circles = await page.locator('[data-testid="feature-circle"]').boundingBox();
		expect(circles!.height).toBeLessThanOrEqual(projector.height);

		// The run bar, stats, captions, summaries, legends and chart labels (SVG too) read from the back: ≥ 24 px.
		expect(await smallText(page, 'main')).toEqual([]);
		// A jump to each figure lands its heading below the sticky bar; the circles' whole pair is on screen.
		const ids = await page.locator('section[data-lab-figure] h2').evaluateAll((hs) => hs.map((h) => h.id));
		for (const id of ids) {
			await page.evaluate((id) => (location.hash = id), id);
			const section = page.locator(`section:has(> h2#${id})`);
			await expect
				.poll(() =>
					section.evaluate(
						(s) => !s.querySelector('[data-figure-pending]') && !!s.querySelector('svg, canvas, button')
					)
				)
				.toBe(true);
			const [heading, bar] = await page.evaluate((id) => {
				const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
				return [r(`#${id}`).top, r('[data-testid="step"]').bottom];
			}, id);
			expect(heading, id).toBeGreaterThanOrEqual(bar);
			expect(await smallText(page, `section:has(> h2#${id})`), id).toEqual([]);
			if (id === 'feature-circle-heading') {
				const pair = await page.locator('[data-testid="feature-circle"]').boundingBox();
				expect(pair!.y + pair!.height).toBeLessThanOrEqual(projector.height);
				expect(pair!.width).toBeGreaterThan(1100);
			}
		}
		expect(problems).toEqual([]);
	});

	it('on a lesson, Space trains the lesson’s figures while presenting', async () => {
		const { page, problems } = await open(browser, '/lessons/softmax-vs-arcface/?present=1', {
			viewport: projector
		});
		await hydrated(page);
		// the instructor scrolls to the figure, which is built as it comes near
		await page.locator('[data-lesson-figure="feature-circle"]').first().scrollIntoViewIfNeeded();
		const train = page.locator('[data-testid="train"]').first();
		await train.waitFor();
		await page.locator('body').press('Space');
		await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThan(5);
		await page.locator('body').press('Space');
		await expect.poll(() => train.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('false');

		// The lesson uses the projector: figures as wide as the screen, circles far larger than a desk column's
		// 430 px, and with the figure's top at the top of the screen its circles are whole.
		const figure = page.locator('[data-lesson-figure="feature-circle"]').first();
		expect((await figure.boundingBox())!.width).toBeGreaterThan(1600);
		const stage = await figure.locator('[data-testid="feature-circle"] canvas').first().boundingBox();
		expect(stage!.width).toBeGreaterThanOrEqual(600);
		await figure.evaluate((f) => f.scrollIntoView({ block: 'start' }));
		const pair = await figure.locator('[data-testid="feature-circle"]').boundingBox();
		expect(pair!.y).toBeGreaterThanOrEqual(0);
		expect(pair!.y + pair!.height).toBeLessThanOrEqual(projector.height);
		// Prose, captions, run controls and the figure's labels: ≥ 24 px (maths keeps KaTeX's proportions).
		expect(await smallText(page, 'main')).toEqual([]);
		expect(await px(page, '.notes p', 'font-size')).toBeGreaterThanOrEqual(26);
		expect(problems).toEqual([]);
	});
});

describe('the lab on a phone', () => {
	it('keeps a run bar on screen, shows both circles at once and never scrolls sideways', async () => {
		const phone = { width: 390, height: 844 };
		const { page, problems } = await open(browser, '/lab/', { viewport: phone });
		await hydrated(page);
		const bar = page.locator('[data-testid="run-bar"]');
		// At the top the page's own controls are in view, and the compact bar stays out of the way.
		expect(await bar.isVisible()).toBe(false);
		expect(await page.locator('[data-testid="to-settings"]').isVisible()).toBe(true);
		const train = page.locator('[data-testid="train"]');
		await expect.poll(() => train.isEnabled(), { timeout: 60_000 }).toBe(true);
		await train.click();

		await page.locator('[data-lab-figure="feature-circle"]').scrollIntoViewIfNeeded();
		const pair = page.locator('[data-testid="feature-circle"]');
		await pair.waitFor();
		await pair.evaluate((p) => p.scrollIntoView({ block: 'center' }));
		await expect.poll(() => bar.isVisible()).toBe(true);
		const inView = (b: { y: number; height: number } | null, bottom = phone.height) =>
			!!b && b.y >= 0 && b.y + b.height <= bottom;
		const barBox = await bar.boundingBox();
		expect(inView(barBox)).toBe(true);
		// both circles at once, neither under the bar
		const stages = await pair.locator('canvas').evaluateAll((cs) =>
			cs.map((c) => {
				const r = c.getBoundingClientRect();
				return { y: r.top, height: r.height, width: r.width };
			})
		);
		expect(stages).toHaveLength(2);
		for (const s of stages) {
			expect(inView(s, barBox!.y)).toBe(true);
			expect(s.width).toBeGreaterThanOrEqual(150);
		}
		// the bar's counter follows the run
		const before = await step(page, 'run-bar-step');
		await expect.poll(() => step(page, 'run-bar-step'), { timeout: 30_000 }).toBeGreaterThan(before);

		// Its jump link reaches the settings; the bar stays, and pauses the run from there.
		await page.locator('[data-testid="run-bar-settings"]').click();
		await expect
			.poll(() => page.evaluate(() => document.getElementById('lab-settings')!.getBoundingClientRect().top))
			.toBeLessThan(phone.height / 2);
		expect(inView(await bar.boundingBox())).toBe(true);
		await page.locator('[data-testid="run-bar-train"]').click();
		await expect.poll(() => train.getAttribute('aria-pressed')).toBe('false');

		// Nothing wider than a small phone, wherever one is on the page.
		await page.setViewportSize({ width: 360, height: 740 });
		for (const id of await page
			.locator('section[data-lab-figure] h2')
			.evaluateAll((hs) => hs.map((h) => h.id))) {
			await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), id);
			await expect.poll(() => page.locator(`section:has(> h2#${id}) [data-figure-pending]`).count()).toBe(0);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(360);
		}
		expect(problems).toEqual([]);
	});
});
