/**
 * Keyboard, focus, reduced motion, small and large screens: what axe cannot see by reading the DOM once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hydrated, launch, open, readToEnd, type OpenOptions, rememberWasm } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function ready(path: string, opts: OpenOptions = {}) {
	const opened = await open(browser, path, opts);
	await hydrated(opened.page);
	await opened.page.waitForFunction(
		() =>
			[...document.querySelectorAll('[data-figure]')].every((f) => f.getAttribute('data-ready') === 'true'),
		undefined,
		{ timeout: 30_000 }
	);
	return opened;
}

type Focused = { what: string; outline: string; width: number; visible: boolean } | null;

/** Describe the focused element and the outline it draws. */
const focused = (page: Page): Promise<Focused> =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		const cs = getComputedStyle(el);
		const r = el.getBoundingClientRect();
		const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${
			el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''
		} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}”`;
		return {
			what,
			outline: cs.outlineStyle,
			width: parseFloat(cs.outlineWidth),
			visible: r.width > 0 && r.height > 0 && el.matches(':focus-visible')
		};
	});

/** Tab through the page (at most `max` stops); every stop must show a focus ring of 2 px or more. */
async function tabThrough(page: Page, max: number): Promise<string[]> {
	const seen: string[] = [];
	const bad: string[] = [];
	await page.locator('body').click({ position: { x: 1, y: 1 } });
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (!f) continue;
		if (seen.length > 3 && f.what === seen[0]) break; // wrapped around
		seen.push(f.what);
		if (!f.visible || f.outline === 'none' || f.width < 2) bad.push(`${f.what}: ${f.outline} ${f.width}px`);
	}
	expect(bad).toEqual([]);
	return seen;
}

describe('keyboard and focus', () => {
	it('tabs through the lab with a visible focus ring on every stop; sliders follow the arrow keys', async () => {
		const { page, context, problems } = await ready('/lab/?lang=en');
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
		const stops = await tabThrough(page, 80);
		expect(stops.length).toBeGreaterThan(20);
		expect(stops.some((s) => s.includes('[train]'))).toBe(true);

		const slider = page.locator('input[type="range"]:not([disabled])').first();
		await slider.focus();
		const before = await slider.inputValue();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		expect(await slider.inputValue()).not.toBe(before);
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		expect(await slider.inputValue()).toBe(before);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('tabs through a figure page; its sliders change the figure from the keyboard', async () => {
		const { page, context, problems } = await ready('/figures/decision-margins/?lang=zh');
		const stops = await tabThrough(page, 60);
		expect(stops.some((s) => s.startsWith('input#'))).toBe(true);

		const summary = page.getByTestId('summary');
		const live = page.locator('[data-live-summary]');
		await page.waitForFunction(() => !!document.querySelector('[data-live-summary]')?.textContent);
		const [before, liveBefore] = [await summary.textContent(), await live.textContent()];
		const slider = page.locator('input[type="range"][id$="-m"]');
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('End');
		expect(await slider.inputValue()).toBe(await slider.getAttribute('max'));
		expect(await summary.textContent()).not.toBe(before);
		// The live region catches up once the slider rests.
		await page.waitForFunction(
			(b) => (document.querySelector('[data-live-summary]')?.textContent ?? b) !== b,
			liveBefore
		);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('reduced motion', () => {
	it('no element moves: every transition and animation lasts 0 s, and scrolling jumps', async () => {
		const { page, context, problems } = await ready('/lessons/margins/', { reducedMotion: 'reduce' });
		await page.getByRole('button').first().focus();
		const moving = await page.evaluate(() => {
			const long = (v: string) => v.split(',').some((d) => parseFloat(d) > 0);
			return [...document.querySelectorAll('*')]
				.flatMap((el) => [el, ...(['::before', '::after'] as const).map((p) => ({ el, p }))])
				.map((x) => {
					const [el, p] = x instanceof Element ? [x, undefined] : [x.el, x.p];
					const cs = getComputedStyle(el, p);
					return long(cs.transitionDuration) || long(cs.animationDuration)
						? `${el.tagName}${p ?? ''}.${el.className}`
						: null;
				})
				.filter((s) => s !== null);
		});
		expect(moving).toEqual([]);
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
		expect(problems).toEqual([]);
		await context.close();
	});
});

const keyRoutes = ['/', '/lessons/margins/', '/lab/', '/figures/target-logits/', '/embed/decision-margins/'];

/** Widths of the page and of its widest chart. */
const layout = (page: Page) =>
	page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		inner: window.innerWidth,
		svg: Math.max(0, ...[...document.querySelectorAll('svg')].map((s) => s.getBoundingClientRect().width))
	}));

describe('small and large screens', () => {
	const svgAt360: Record<string, number> = {};

	it('at 360 × 740: no sideways scrolling, no text under 12 px, touch targets of 44 px', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
		await rememberWasm(context);
		const found: string[] = [];
		for (const route of keyRoutes) {
			const { page, problems } = await ready(route, { context });
			// what a phone builds only when scrolled near is checked too
			await readToEnd(page);
			if (route.startsWith('/lab/')) expect(await page.locator('aside fieldset').count()).toBeGreaterThan(2);
			const l = await layout(page);
			svgAt360[route] = l.svg;
			if (l.scroll > l.inner) found.push(`${route}: page is ${l.scroll}px wide`);
			const small = await page.evaluate(() => {
				const out: string[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let n = walker.nextNode(); n; n = walker.nextNode()) {
					const el = n.parentElement;
					if (!el || !n.textContent?.trim() || el.closest('.visually-hidden, .katex, [aria-hidden="true"]'))
						continue;
					const r = el.getBoundingClientRect();
					if (r.width === 0 || r.height === 0) continue;
					const size = parseFloat(getComputedStyle(el).fontSize);
					if (size < 12)
						out.push(`${el.tagName}.${el.getAttribute('class')} “${n.textContent.trim()}” ${size}px`);
				}
				return [...new Set(out)].slice(0, 10);
			});
			found.push(...small.map((s) => `${route}: text ${s}`));
			const targets = await page.evaluate(() =>
				[...document.querySelectorAll('button, input[type="range"], select, summary')]
					.map((el) => ({ el, r: el.getBoundingClientRect() }))
					.filter(({ r }) => r.width > 0 && r.height > 0)
					.filter(({ el, r }) => r.height < 44 || (el.tagName === 'BUTTON' && r.width < 44))
					.map(
						({ el, r }) =>
							`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${(el.textContent ?? '').trim().slice(0, 20)}” ${Math.round(r.width)}×${Math.round(r.height)}`
					)
			);
			found.push(...targets.map((s) => `${route}: small target ${s}`));
			expect(problems).toEqual([]);
			await page.close();
		}
		expect(found).toEqual([]);
		await context.close();
	});

	it('at 3840 × 2160: no sideways scrolling, and the figures grow', async () => {
		const context = await browser.newContext({ viewport: { width: 3840, height: 2160 } });
		await rememberWasm(context);
		const found: string[] = [];
		for (const route of keyRoutes) {
			const { page, problems } = await ready(route, { context });
			// Lessons and the lab build their figures as they come near the screen: bring the first one near
			// (a lesson's may start below the fold) and give the charts time to appear.
			await page.evaluate(() => document.querySelector('[data-figure-pending]')?.scrollIntoView());
			if (route !== '/')
				await expect
					.poll(async () => (await layout(page)).svg, { timeout: 30_000 })
					.toBeGreaterThan((svgAt360[route] ?? 0) * 1.5);
			const l = await layout(page);
			if (l.scroll > l.inner) found.push(`${route}: page is ${l.scroll}px wide`);
			if (route !== '/' && !(l.svg > (svgAt360[route] ?? 0) * 1.5))
				found.push(`${route}: widest chart ${l.svg}px (at 360: ${svgAt360[route]}px)`);
			expect(problems).toEqual([]);
			await page.close();
		}
		expect(found).toEqual([]);
		await context.close();
	});
});
