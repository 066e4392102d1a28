/**
 * Embeds that obey their settings (issue 19): keys honour `controls=`, one `set` gives one state report, a
 * flood of sets rebuilds the figure a few times rather than 10,000, a sandbox without allow-same-origin says
 * why the frame never starts, and the lab's settings are reachable early in the Tab order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { baseUrl, chromiumFlags, chromiumPath, hydrated, launch, open, watch } from './harness';
import { courseSite, type CourseSite } from './course-site';
import { embedCode, type EmbedChoice } from '../../src/lib/embed/snippet';

let browser: Browser;
let lms: CourseSite;
let served = 0;

beforeAll(async () => {
	browser = await launch();
	lms = await courseSite();
});
afterAll(async () => {
	await browser?.close();
	await lms?.close();
});

const recorder = `<script>
window.got = [];
window.addEventListener('message', function (e) { if (e.data && e.data.type) window.got.push(e.data); });
window.send = function (msg, n) {
  var w = document.querySelector('iframe').contentWindow;
  for (var i = 0; i < (n || 1); i++) w.postMessage(typeof msg === 'function' ? msg(i) : msg, '*');
};
</script>`;

type Got = { type: string; settings?: string; running?: boolean };

async function course(
	choice: Partial<EmbedChoice>,
	iframe: (code: string) => string = (c) => c
): Promise<{ page: Page; frame: Frame; problems: string[] }> {
	const site = new URL(baseUrl());
	const code = embedCode({
		page: new URL('embed/feature-circle/', site).href,
		settings: '',
		lang: 'en',
		controls: 'all',
		parent: lms.origin,
		title: 'Margin Lab',
		height: 500,
		resize: false,
		...choice
	});
	const url = lms.page(
		`/obey-${served++}.html`,
		`<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><body>${recorder}${iframe(code)}</body></html>`
	);
	const context = await browser.newContext({
		viewport: { width: 1000, height: 800 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const problems = watch(page, [site.origin, lms.origin]);
	await page.goto(url);
	const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
	return { page, frame, problems };
}

const got = (page: Page, type = 'margin-lab:state'): Promise<Got[]> =>
	page.evaluate((type) => (window as never as { got: Got[] }).got.filter((g) => g.type === type), type);
const present = (frame: Frame) => frame.evaluate(() => document.documentElement.dataset.present);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an embed obeys controls=', () => {
	it('takes no shortcut under controls=none, and no P under controls=run', async () => {
		for (const controls of ['none', 'run'] as const) {
			const { page, frame, problems } = await course({ controls });
			await frame.waitForSelector('html[data-hydrated="true"]');
			await frame.locator('h1').click();
			await page.keyboard.press('p');
			expect(await present(frame), controls).toBe('false');
			await page.keyboard.press(' ');
			await page.keyboard.press('ArrowRight');
			await pause(700);
			expect(await present(frame), controls).toBe('false');
			expect((await got(page)).filter((s) => s.running)).toEqual([]);
			expect(await frame.locator('[data-testid="step"]').first().textContent()).toContain('0');
			expect(problems).toEqual([]);
			await page.context().close();
		}
	});

	it('sends one state report per set', async () => {
		const { page, frame, problems } = await course({});
		await frame.waitForSelector('[data-figure="feature-circle"][data-ready="true"]');
		await pause(600);
		const before = (await got(page)).length;
		await page.evaluate(() =>
			(window as never as { send: (m: unknown) => void }).send({
				type: 'margin-lab:set',
				settings: { bs: '64' }
			})
		);
		await expect.poll(async () => (await got(page)).length, { timeout: 10_000 }).toBe(before + 1);
		await pause(800);
		const after = await got(page);
		expect(after.slice(before)).toHaveLength(1);
		expect(after.at(-1)!.settings).toContain('bs=64');
		expect(problems).toEqual([]);
		await page.context().close();
	});

	it('applies a flood of 10,000 sets in a few rebuilds', async () => {
		const { page, frame, problems } = await course({});
		await frame.waitForSelector('[data-figure="feature-circle"][data-ready="true"]');
		const after = await got(page);
		const t0 = Date.now();
		await page.evaluate(() =>
			(window as never as { send: (m: (i: number) => unknown, n: number) => void }).send(
				(i) => ({ type: 'margin-lab:set', settings: { n: String(100 + (i % 50)) } }),
				10_000
			)
		);
		await expect
			.poll(async () => (await got(page)).at(-1)?.settings ?? '', { timeout: 15_000, interval: 100 })
			.toContain('n=149');
		const busy = Date.now() - t0;
		const reports = (await got(page)).length - after.length;
		// one report per rebuild: a few frames' worth, not one per message (17 s before)
		expect(reports).toBeLessThan(100);
		expect(busy).toBeLessThan(8_000);
		expect(problems).toEqual([]);
		await page.context().close();
	});

	it('says why it never starts in a sandbox without allow-same-origin, and starts in the builder’s', async () => {
		const bare = await course({}, (c) => c.replace('<iframe ', '<iframe sandbox="allow-scripts" '));
		const note = bare.frame.locator('[data-testid="not-started"]');
		await note.waitFor({ state: 'visible', timeout: 10_000 });
		expect(await note.textContent()).toContain('allow-same-origin');
		await bare.page.context().close();

		const built = await course({ sandbox: true });
		await built.frame.waitForSelector('[data-figure="feature-circle"][data-ready="true"]');
		expect(await built.frame.locator('[data-testid="not-started"]').isVisible()).toBe(false);
		expect(built.problems).toEqual([]);
		await built.page.context().close();
	});
});

describe('the lab’s Tab order', () => {
	it('reaches the settings from a skip link among the first Tab stops', async () => {
		const { page, context } = await open(browser, '/lab/');
		await hydrated(page);
		let at = 0;
		for (let i = 1; i <= 15 && !at; i++) {
			await page.keyboard.press('Tab');
			const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
			if (id === 'skip-settings') at = i;
		}
		expect(at).toBeGreaterThan(0);
		expect(at).toBeLessThanOrEqual(12);
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => !!document.activeElement?.closest('#lab-settings'))).toBe(true);
		await context.close();
	});
});

describe('a backend the URL asks for', () => {
	it('says plainly, outside the collapsed panel, that WebGL is not available', async () => {
		const noGl = await chromium.launch({
			executablePath: chromiumPath,
			args: [
				...chromiumFlags,
				'--disable-webgl',
				'--disable-3d-apis',
				'--disable-gpu',
				'--disable-software-rasterizer'
			]
		});
		try {
			const { page } = await open(noGl, '/lab/?backend=webgl');
			const notice = page.locator('[data-testid="backend-fallback"]');
			await notice.waitFor({ state: 'visible', timeout: 30_000 });
			expect(await notice.textContent()).toBe(
				'WebGL is not available on this device; training runs on WebAssembly.'
			);
			expect(await notice.evaluate((el) => !el.closest('details'))).toBe(true);
		} finally {
			await noGl.close();
		}
	});
});
