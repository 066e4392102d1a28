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

describe('a lab run with many identities and a higher dimension', () => {
	it('builds K = 32, D = 16 from the URL, trains, and answers an open-set evaluation from the worker', async () => {
		const { page, problems } = await open(browser, '/lab/?ids=32&dim=16&n=100&debug=1');
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
		// the data controls show what the URL asked for
		await expect(page.locator('#identities').getAttribute('aria-valuetext')).resolves.toBe('32');
		await expect(page.locator('#dim').getAttribute('aria-valuetext')).resolves.toBe('16');
		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >
				30,
			undefined,
			{ timeout: 60_000 }
		);
		// asked while training: the worker answers between ticks, and training carries on
		await page.evaluate(() => window.marginLab?.evaluateOpenSet());
		await page.waitForFunction(() => window.marginLab?.openSet() != null, undefined, { timeout: 30_000 });
		const r = await page.evaluate(() => {
			const e = window.marginLab!.openSet()!;
			return {
				dim: e.dim,
				k: e.trainIdentities,
				seen: e.seenIdentities,
				unseen: e.unseenLabels.length,
				gallery: e.gallerySize,
				ms: [e.renderMs, e.embedMs, e.analysisMs],
				reports: e.models.map((m) => ({
					features: m.unseenFeatures.length,
					tar: m.unseen.verification.tarAtFar.map((p) => p.rate),
					rank1: m.unseen.identification.map((i) => i.rank1),
					seenRank1: m.seen.identification[0].rank1
				}))
			};
		});
		console.log(`open-set in Chromium (render, embed, analysis ms): ${r.ms.map(Math.round).join(', ')}`);
		expect(r).toMatchObject({ dim: 16, k: 32, seen: 32, unseen: 1280, gallery: 32 });
		for (const m of r.reports) {
			expect(m.features).toBe(1280 * 16);
			expect(m.tar.every((v) => v !== null && v >= 0 && v <= 1)).toBe(true);
			// well above chance (1 in 32) once trained a little, on people it has seen
			expect(m.seenRank1).toBeGreaterThan(1 / 32);
		}
		expect(problems).toEqual([]);
		await page.close();
	});
});
