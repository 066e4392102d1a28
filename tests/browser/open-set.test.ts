import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hydrated, launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Train until the step counter reaches `steps`, then pause (the open-set test runs on the pause). */
async function trainThenPause(page: Page, steps: number) {
	await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 60_000 });
	await page.getByTestId('train').first().click();
	await page.waitForFunction(
		(n) =>
			Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >= n,
		steps,
		{ timeout: 60_000 }
	);
	await page.getByTestId('train').first().click();
	await page.waitForFunction(
		() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
	);
}

/**
 * The open-set figure's headline once it reports the step the run paused at ("Softmax (L1): 86 % → 4.8 %. …").
 * Steps in flight when Pause was pressed can still land after it, so the figure's step is compared with the
 * step counter as it is at each poll, not as it was read once.
 */
async function headlinePaused(page: Page): Promise<string> {
	await page.waitForFunction(
		() => {
			const shown = Number(
				(document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')
			);
			const tested = Number(document.querySelector('[data-testid="open-set"]')?.getAttribute('data-step'));
			return shown > 0 && tested === shown;
		},
		undefined,
		{ timeout: 60_000 }
	);
	return (await page.getByTestId('open-set-headline').textContent()) ?? '';
}

/** Two "seen → unseen" rates per headline, as numbers. */
function rates(headline: string): number[][] {
	return [...headline.matchAll(/([\d.]+)\s%\s→\s([\d.]+)\s%/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('open set: new people', () => {
	it('the lab at K = 16, D = 3: K and D controls from the URL, the sphere turns by key', async () => {
		const { page, problems } = await open(browser, '/lab/?ids=16&dim=3&n=50');
		await hydrated(page);
		// The schema's K and D controls are in the settings panel.
		expect(await page.locator('#identities').count()).toBe(1);
		expect(await page.locator('#dim').count()).toBe(1);
		await trainThenPause(page, 20);

		const section = page.locator('[data-lab-figure="feature-circle"]');
		await section.scrollIntoViewIfNeeded();
		const sphere = page.getByTestId('sphere-0');
		await sphere.waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('feature-circle').getAttribute('data-dim')).toBe('3');
		expect(await page.getByTestId('feature-circle').getAttribute('data-identities')).toBe('16');
		const before = {
			rotation: await sphere.getAttribute('data-rotation'),
			canvas: await sphere.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL())
		};
		await sphere.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowUp');
		await page.waitForFunction(
			(r) => document.querySelector('[data-testid="sphere-0"]')?.getAttribute('data-rotation') !== r,
			before.rotation
		);
		// Both spheres turn together, and the points are redrawn where they now are.
		expect(await page.getByTestId('sphere-1').getAttribute('data-rotation')).toBe(
			await sphere.getAttribute('data-rotation')
		);
		await page.waitForFunction(
			(was) =>
				(document.querySelector('[data-testid="sphere-0"] canvas') as HTMLCanvasElement).toDataURL() !== was,
			before.canvas
		);

		// Slow motion walks through a 2-D feature: at D = 3 it says so instead of "Inspecting…" for ever.
		await page.locator('[data-lab-figure="slow-motion"]').scrollIntoViewIfNeeded();
		await page
			.locator('[data-testid="slow-motion"] .status')
			.filter({ hasText: /needs embedding dimension 2; this run's features have 3 dimensions/ })
			.waitFor({ timeout: 30_000 });

		expect(problems).toEqual([]);
	});

	it('the embed with ids=32&dim=16 (and n=50, for speed) in its URL trains and tests unseen people', async () => {
		const { page, problems } = await open(browser, '/embed/open-set/?ids=32&dim=16&n=50');
		await hydrated(page);
		await trainThenPause(page, 10);
		const headline = await headlinePaused(page);
		expect(rates(headline), headline).toHaveLength(2);
		// 32 training identities: the seen columns report them, the unseen ones the people never trained on.
		const table = (await page.locator('[data-testid="open-set"] table').first().textContent()) ?? '';
		expect(table).toMatch(/32 \/ /);
		const cells = await page.locator('[data-testid="open-set"] td').allTextContents();
		expect(cells.join(' ')).not.toMatch(/NaN|undefined/);
		for (const [seen, unseen] of rates(headline)) {
			expect(seen).toBeLessThanOrEqual(100);
			expect(unseen).toBeLessThanOrEqual(100);
		}
		expect(problems).toEqual([]);
	});
});
