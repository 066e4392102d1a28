import { readFileSync } from 'node:fs';
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

const stepOf = async (page: Page) =>
	Number(((await page.getByTestId('step').first().textContent()) ?? '').replace(/[^\d]/g, ''));

async function ready(page: Page) {
	await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
}

describe('the lab, as a student uses it', () => {
	it('trains, pauses, rewinds, changes the margin, exports, and reloads from a copied link', async () => {
		const { page, context, problems } = await open(browser, '/lab/');
		await ready(page);
		await expect(page.getByTestId('loss-a').inputValue()).resolves.toBe('softmax');
		await expect(page.getByTestId('loss-b').inputValue()).resolves.toBe('arcface');

		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >
				120,
			undefined,
			{ timeout: 120_000 }
		);
		await page.keyboard.press('Escape');
		await page.locator('h1').click();
		await page.keyboard.press(' ');
		await page.waitForFunction(
			() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
		);
		const pausedAt = await stepOf(page);

		// Scrub back to the start of the recording: the replayed circles show an early step.
		// Figures far off screen are not drawn (they would stall the page); scroll the replay into view.
		await page.locator('[data-lab-figure="replay"]').scrollIntoViewIfNeeded();
		const moment = page.locator('[data-testid="replay"] input[type="range"]');
		await moment.focus();
		await page.keyboard.press('Home');
		await expect(page.getByTestId('replay-banner').textContent()).resolves.toMatch(/Replaying step 0\b/);
		const replayed = await page.locator('[data-lab-figure="replay"] figcaption').first().textContent();
		expect(replayed).toMatch(/step 0\b/);
		await page.getByTestId('replay-live').click();
		await expect(page.getByTestId('replay-banner').textContent()).resolves.toMatch(/Live/);

		// Change ArcFace's margin: the URL records it.
		await page.locator('#m2-b').focus();
		for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
		await page.waitForFunction(() => new URL(location.href).searchParams.get('m2b') === '0.55');

		// Export the circle as PNG and the embeddings as CSV.
		const circle = page.locator('[data-lab-figure="feature-circle"]');
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			circle.locator('[data-export="png"]').click()
		]);
		const pngBytes = readFileSync((await png.path())!);
		expect([...pngBytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
		expect(pngBytes.length).toBeGreaterThan(5000);
		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			circle.locator('[data-export="csv"]').click()
		]);
		const lines = readFileSync((await csv.path())!, 'utf8')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('model,loss,step,face,identity,x,y,norm,angle_deg');
		const nTest = (lines.length - 1) / 2;
		expect(nTest).toBeGreaterThan(100);
		expect(lines[1].startsWith('A,softmax,')).toBe(true);
		expect(lines.at(-1)!.startsWith('B,arcface,')).toBe(true);
		const [svg] = await Promise.all([
			page.waitForEvent('download'),
			circle.locator('[data-export="svg"]').click()
		]);
		expect(readFileSync((await svg.path())!, 'utf8')).toMatch(
			/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/
		);
		expect(pausedAt).toBeGreaterThan(100);

		// A copied link reproduces the settings.
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.getByTestId('copy-link').click();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(new URL(link).searchParams.get('m2b')).toBe('0.55');
		const again = await open(browser, new URL(link).pathname + new URL(link).search);
		await ready(again.page);
		await expect(again.page.locator('output[for="m2-b"]').textContent()).resolves.toMatch(/^0\.55/);
		expect(again.problems).toEqual([]);
		expect(problems).toEqual([]);
	});

	it('hides controls named in the URL and opens the keyboard help with ?', async () => {
		const { page, problems } = await open(browser, '/lab/?hide=margins,data,seed,export&b=cosface');
		await ready(page);
		await expect(page.getByTestId('loss-b').inputValue()).resolves.toBe('cosface');
		await expect(page.locator('#m3-b').count()).resolves.toBe(0);
		await expect(page.locator('#per-identity').count()).resolves.toBe(0);
		// the feature circle is built, without its export buttons
		const circle = page.locator('[data-lab-figure="feature-circle"]');
		await circle.locator('[data-when-visible="shown"]').waitFor();
		await expect.poll(() => circle.locator('[data-figure-pending]').count()).toBe(0);
		await expect(page.locator('[data-export]').count()).resolves.toBe(0);
		await page.locator('h1').click();
		await page.keyboard.press('?');
		await expect(page.getByTestId('help').isVisible()).resolves.toBe(true);
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('help').isVisible()).resolves.toBe(false);
		expect(problems).toEqual([]);
	});

	it('on a phone, builds the figures and the settings only as the student scrolls to them', async () => {
		const { page, problems } = await open(browser, '/lab/?m2b=0.3', {
			viewport: { width: 390, height: 844 }
		});
		await hydrated(page);
		const settings = page.locator('aside fieldset');
		await expect(settings.count()).resolves.toBe(0);
		const faces = page.locator('section[aria-labelledby="faces-heading"] canvas');
		await expect(faces.count()).resolves.toBe(0);
		// the figures below the controls too: each is built as it comes within reach
		const circle = page.locator('[data-lab-figure="feature-circle"] [data-when-visible]');
		const exports = page.locator('[data-lab-figure="feature-circle"] [data-export]');
		await expect(circle.getAttribute('data-when-visible')).resolves.toBe('waiting');
		await expect(exports.count()).resolves.toBe(0);
		await page.locator('[data-lab-figure="feature-circle"]').scrollIntoViewIfNeeded();
		await expect.poll(() => circle.getAttribute('data-when-visible')).toBe('shown');
		// its export buttons (PNG and SVG; CSV once there are points) come with it
		await expect.poll(() => exports.count()).toBeGreaterThanOrEqual(2);
		await page.locator('aside').scrollIntoViewIfNeeded();
		await expect.poll(() => settings.count()).toBeGreaterThan(2);
		// built late, it still shows the settings the URL asked for
		await expect(page.locator('output[for="m2-b"]').textContent()).resolves.toMatch(/^0\.30/);

		// the sample faces (and the code that draws them) come when scrolled to: 8 identities × 8 faces
		await page.locator('#faces-heading').scrollIntoViewIfNeeded();
		await expect.poll(() => faces.count()).toBe(64);
		// each is a drawn face, not a blank canvas
		const spread = await faces.evaluateAll((cs) =>
			(cs as HTMLCanvasElement[]).map((c) => {
				const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
				let lo = 255;
				let hi = 0;
				for (let i = 0; i < px.length; i += 4) [lo, hi] = [Math.min(lo, px[i]), Math.max(hi, px[i])];
				return hi - lo;
			})
		);
		expect(Math.min(...spread)).toBeGreaterThan(40);
		expect(problems).toEqual([]);
	});
});
