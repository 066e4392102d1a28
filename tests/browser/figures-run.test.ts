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

/** Press Train (the run is built then). */
async function train(page: Page) {
	await hydrated(page);
	await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
	await page.getByTestId('train').first().click();
}

/** Train the page's run for a while, then pause it. */
async function trainThenPause(page: Page, steps: number) {
	await train(page);
	await pauseAt(page, steps);
}

/** Pause a training run once it has reached `steps`. */
async function pauseAt(page: Page, steps: number) {
	await page.waitForFunction(
		(n) =>
			Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >= n,
		steps,
		{ timeout: 120_000 }
	);
	await page.getByTestId('train').first().click();
	await page.waitForFunction(
		() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
	);
}

describe('run figures on their own pages', () => {
	it('inversion: trained networks recognise upright faces far better than inverted ones', async () => {
		const { page, problems } = await open(browser, '/figures/inversion/');
		await trainThenPause(page, 200);
		await page.getByTestId('inversion-run').click();
		const summary = page.getByTestId('inversion-summary');
		await page.waitForFunction(() =>
			/upright \d/.test(document.querySelector('[data-testid="inversion-summary"]')?.textContent ?? '')
		);
		const text = (await summary.textContent()) ?? '';
		const pairs = [...text.matchAll(/upright ([\d.]+) %, inverted ([\d.]+) %/g)].map((m) => [
			Number(m[1]),
			Number(m[2])
		]);
		expect(pairs).toHaveLength(2);
		for (const [up, inv] of pairs) {
			expect(up).toBeGreaterThan(80);
			expect(inv).toBeLessThan(up - 30);
		}
		expect(problems).toEqual([]);
	});

	it('slow motion: walks one face through every stage with the real numbers', async () => {
		const { page, problems } = await open(browser, '/figures/slow-motion/');
		// while training, the walk-through follows the run (issue 17, bug 2: it froze at step 2, or "Inspecting…")
		await train(page);
		const live = await page.waitForFunction(
			() => {
				const status = document.querySelector('[data-testid="slow-motion"] .status')?.textContent ?? '';
				const shown = Number(/from step ([\d,]+)/.exec(status)?.[1]?.replace(/,/g, '') ?? -1);
				const now = Number(
					(document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')
				);
				const running =
					document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'true';
				return running && shown >= 60 && document.querySelector('[data-testid="slow-motion-formulas"]')
					? { status, shown, now }
					: null;
			},
			undefined,
			{ timeout: 120_000, polling: 200 }
		);
		const during = (await live.jsonValue()) as { status: string; shown: number; now: number };
		expect(during.status).not.toMatch(/Inspecting/);
		// the walk-through's step comes from the worker at inspection time, the counter from throttled stats:
		// it may run a tick (≤ 64 steps) ahead of the counter, and it must not lag far behind it
		expect(during.shown).toBeLessThanOrEqual(during.now + 64);
		expect(during.shown).toBeGreaterThan(during.now - 200);
		await pauseAt(page, 100);
		await page.getByTestId('slow-motion-formulas').waitFor({ timeout: 60_000 });
		const first = await page.getByTestId('slow-motion-formulas').textContent();
		expect(first).toMatch(/x = \(-?[\d.]+, -?[\d.]+\)|x = \(−?[\d.]+, −?[\d.]+\)/);
		const seen = new Set<string>();
		for (let i = 0; i < 12; i++) {
			seen.add((await page.getByTestId('slow-motion-formulas').textContent()) ?? '');
			const next = page.getByTestId('slow-motion-next');
			if (await next.isDisabled()) break;
			await next.click();
		}
		expect(seen.size).toBeGreaterThanOrEqual(8);
		const summary = (await page.getByTestId('slow-motion-summary').textContent()) ?? '';
		expect(summary).toMatch(/θ_y [\d.]+°/);
		expect(summary).not.toMatch(/NaN/);
		expect(problems).toEqual([]);
	});
});
