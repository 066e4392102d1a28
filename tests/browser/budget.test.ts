/**
 * The performance budget of lesson pages: every lesson loads at most 150 KB of JavaScript (gzipped), its
 * figures' code included once the reader has scrolled to each, and no training worker (tfjs) until a figure
 * trains. Sizes are the response bodies of every script the page
 * requests, gzipped here with node's zlib at level 9 (what a static host's precompressed files would be),
 * so the numbers do not depend on how the test server compresses.
 */
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hydrated, launch, open, rememberWasm } from './harness';

const BUDGET_KB = 150;
/** The training worker's bundle (tfjs) and the tfjs WebAssembly files. */
const TRAINING = /\/workers\/worker-[^/]*\.js$|\/tfjs\/|\.wasm$/;

const lessons = readdirSync(resolve('build/lessons'), { withFileTypes: true })
	.filter((d) => d.isDirectory() && existsSync(resolve('build/lessons', d.name, 'index.html')))
	.map((d) => d.name);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

type Weighed = { page: Page; problems: string[]; scripts: Map<string, number>; workers: string[] };

/** Open a page, recording every script response (gzipped size) and every worker the page starts. */
async function weigh(path: string): Promise<Weighed> {
	const context: BrowserContext = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		// the service worker would fetch the whole site, worker and .wasm included, for offline use
		serviceWorkers: 'block'
	});
	await rememberWasm(context);
	const scripts = new Map<string, number>();
	const pending: Promise<void>[] = [];
	const requested: string[] = [];
	context.on('request', (req) => requested.push(req.url()));
	context.on('response', (res) => {
		const url = res.url();
		const type = res.headers()['content-type'] ?? '';
		if (!/\.m?js(\?|$)/.test(url) && !type.includes('javascript')) return;
		pending.push(
			res.body().then(
				(body) => void scripts.set(url, gzipSync(body, { level: 9 }).length),
				() => undefined
			)
		);
	});
	const workers: string[] = [];
	context.on('page', (p) => p.on('worker', (w) => workers.push(w.url())));
	const { page, problems } = await open(browser, path, { context });
	await hydrated(page);
	await page.waitForLoadState('networkidle');
	// A lesson builds its figures as the reader reaches them: read to the end, so their code counts too.
	const figures = page.locator('[data-lesson-figure]');
	for (let i = 0; i < (await figures.count()); i++) {
		await figures.nth(i).scrollIntoViewIfNeeded();
		await figures.nth(i).locator('[data-figure][data-ready="true"]').waitFor();
	}
	await page.waitForLoadState('networkidle');
	await Promise.all(pending);
	for (const url of requested) if (TRAINING.test(url)) workers.push(url);
	return { page, problems, scripts, workers };
}

const kb = (bytes: number) => bytes / 1024;

describe('lesson pages stay within the JavaScript budget', () => {
	it('finds the built lessons', () => {
		expect(lessons.length).toBeGreaterThan(5);
	});

	for (const slug of lessons) {
		it(`/lessons/${slug}/ loads ≤ ${BUDGET_KB} KB of gzipped JS and no training worker`, async () => {
			const { page, problems, scripts, workers } = await weigh(`/lessons/${slug}/`);
			const total = [...scripts.values()].reduce((a, b) => a + b, 0);
			expect(scripts.size).toBeGreaterThan(0);
			expect(kb(total), `gzipped JS of /lessons/${slug}/`).toBeLessThanOrEqual(BUDGET_KB);
			expect(workers).toEqual([]);
			expect([...scripts.keys()].filter((u) => TRAINING.test(u))).toEqual([]);
			expect(problems).toEqual([]);
			await page.context().close();
		});
	}

	it('starts the training worker only when Train is pressed, and then trains', async () => {
		const { page, problems, workers } = await weigh('/lessons/softmax-vs-arcface/');
		expect(workers).toEqual([]);
		const train = page.getByTestId('train').first();
		await expect(train.isEnabled()).resolves.toBe(true);
		await expect(page.getByTestId('idle-note').first().textContent()).resolves.toMatch(/Press Train/);
		const started = page.waitForEvent('worker', { timeout: 60_000 });
		await train.click();
		const worker = await started;
		expect(worker.url()).toMatch(/\/workers\/worker-/);
		// The start waits for the run to be built, then steps advance on their own.
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >=
				5,
			null,
			{ timeout: 120_000 }
		);
		await expect(train.getAttribute('aria-pressed')).resolves.toBe('true');
		await train.click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
		);
		expect(problems).toEqual([]);
		await page.context().close();
	});
});
