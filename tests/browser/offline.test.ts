/**
 * The classroom cases: the site keeps working offline after a first visit (the service worker answers, the
 * server is gone), it works under a sub-path, and it keeps nothing about a visitor but a few localStorage keys.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hydrated, launch, open } from './harness';
import { serveStatic, type StaticServer } from './server';
import { activeCache } from './sw';

const buildDir = resolve('build');

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const newContext = () =>
	browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });

/** Wait until the service worker has stored the site and controls the page; returns its scope. */
async function installed(page: Page): Promise<string> {
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	// `ready` means active; the worker claims open pages when it activates, so control follows.
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
	return scope;
}

/** Paths (relative to the scope) that the service worker's cache holds. */
async function cachedPaths(page: Page, scope: string): Promise<string[]> {
	const urls = await page.evaluate(async () => {
		const out: string[] = [];
		for (const key of await caches.keys()) {
			for (const req of await (await caches.open(key)).keys()) out.push(req.url);
		}
		return out;
	});
	return urls.map((u) => (u.startsWith(scope) ? u.slice(scope.length) : `OUTSIDE SCOPE: ${u}`));
}

async function trainOnWasm(page: Page, steps: number) {
	await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 180_000 });
	await expect(page.locator('[data-backend]').first().getAttribute('data-backend')).resolves.toBe('wasm');
	await page.getByTestId('train').first().click();
	await page.waitForFunction(
		(n) => Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/\D/g, '')) > n,
		steps,
		{ timeout: 180_000 }
	);
}

describe('offline, after a first visit', () => {
	let server: StaticServer;
	let context: BrowserContext;
	beforeAll(async () => {
		server = await serveStatic(buildDir);
		context = await newContext();
	});
	afterAll(async () => {
		await context?.close();
		await server?.close();
	});

	it('opens lessons and the lab, and trains on WASM, with the server gone', async () => {
		const { page, problems } = await open(browser, '/', { base: server.url, context });
		await hydrated(page);
		const scope = await installed(page);
		expect(scope).toBe(server.url);
		const cached = await cachedPaths(page, scope);
		for (const p of [
			'',
			'lab/',
			'lessons/',
			'lessons/margins/',
			'lessons/margins/__data.json',
			'lessons/margins/zh.json',
			'lessons/margins/en.json',
			'tfjs/tfjs-backend-wasm-simd.wasm'
		])
			expect(cached).toContain(p);
		expect(cached.some((p) => /^_app\/immutable\/workers\/worker-.*\.js$/.test(p))).toBe(true);
		expect(cached.some((p) => p.endsWith('.woff2'))).toBe(true);
		expect(cached.filter((p) => /\.(ttf|woff)$/.test(p) || p.startsWith('OUTSIDE'))).toEqual([]);

		// Really offline: the server is closed (a request the worker did not answer would fail and be
		// recorded in `problems`), and the browser is told it has no network.
		await server.close();
		await context.setOffline(true);

		const lesson = await page.goto(server.url + 'lessons/margins/');
		expect(lesson?.fromServiceWorker()).toBe(true);
		await hydrated(page);
		await page.locator('[data-lesson-figure="target-logits"]').scrollIntoViewIfNeeded();
		await page.locator('[data-figure="target-logits"][data-ready="true"]').waitFor({ timeout: 30_000 });
		await expect(page.locator('.katex').count()).resolves.toBeGreaterThan(5);
		// the Chinese text is a separate file, kept by the worker as well
		await page.getByRole('button', { name: '简体中文' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
		// back in English, the notes come from their own file (the page's copy left with the switch)
		await page.getByRole('button', { name: 'English' }).click();
		await expect.poll(() => page.locator('h1').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
		await expect(page.locator('.notes p').first().textContent()).resolves.toMatch(/[a-z]{4}/);

		// In-app navigation (a link: the page's __data.json comes from the worker too), then a folder without
		// its slash.
		const data = page.waitForResponse((r) => r.url().startsWith(server.url + 'lessons/__data.json'));
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
		expect((await data).fromServiceWorker()).toBe(true);
		await page.waitForURL(server.url + 'lessons/');
		// a lesson reached by a link brings its notes from the worker's copy of its text file
		await page.getByRole('link', { name: /Verification, identification/ }).click();
		await page.waitForURL(server.url + 'lessons/verify-identify/');
		await expect.poll(() => page.locator('.notes').count()).toBeGreaterThan(1);
		await expect(page.locator('.notes p').first().textContent()).resolves.toMatch(/[a-z]{4}/);
		const teach = await page.goto(server.url + 'teach');
		expect(teach?.fromServiceWorker()).toBe(true);
		expect(page.url()).toBe(server.url + 'teach/');

		// The lab with settings in the query string is the cached /lab/ page, and it trains.
		const lab = await page.goto(server.url + 'lab/?backend=wasm&m2b=0.3');
		expect(lab?.fromServiceWorker()).toBe(true);
		// The lab reads its URL once hydrated.
		await page.locator('.lab[data-ready="true"]').waitFor();
		await expect.poll(() => page.locator('#m2-b').inputValue()).toBe('0.3');
		await trainOnWasm(page, 20);
		expect(problems).toEqual([]);
	});
});

describe('a new build', () => {
	it('takes over from the old one and deletes the old offline copy once no old page is open', async () => {
		// a copy of the build, so the test can deploy a "new build" over it
		const dir = mkdtempSync(join(tmpdir(), 'margin-lab-'));
		cpSync(buildDir, dir, { recursive: true });
		let server = await serveStatic(dir);
		const context = await newContext();
		const { page, problems } = await open(browser, '/', { base: server.url, context });
		await hydrated(page);
		const scope = await installed(page);
		const version = JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8')).version as string;
		await expect(page.evaluate(() => caches.keys())).resolves.toEqual([`margin-lab:${scope}:${version}`]);

		// The new build: the same files, with a service worker of another version, deployed on the same host.
		const next = `${version}-next`;
		const sw = join(dir, 'service-worker.js');
		const code = readFileSync(sw, 'utf8');
		expect(code).toContain(version);
		writeFileSync(sw, code.split(version).join(next));
		await server.close();
		server = await serveStatic(dir, '/', { port: Number(new URL(scope).port) });
		// The browser finds the new service-worker.js, installs it (downloading the new build) and lets it take
		// over. The old copy stays while this page of the old build is open (deploy.test.ts: it may still need
		// its files, and a page left for another stays in the back/forward cache); once it is closed, the next
		// page load deletes the old copy.
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
		await expect.poll(() => activeCache(page), { timeout: 60_000 }).toBe(`margin-lab:${scope}:${next}`);
		expect(problems).toEqual([]);
		await page.close();
		const later = await open(browser, 'lessons/', { base: server.url, context });
		await hydrated(later.page);
		await expect
			.poll(() => later.page.evaluate(() => caches.keys()), { timeout: 30_000 })
			.toEqual([`margin-lab:${scope}:${next}`]);
		const res = await later.page.reload();
		expect(res?.fromServiceWorker()).toBe(true);
		expect(later.problems).toEqual([]);
		await context.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	});
});

describe('under a sub-path', () => {
	let server: StaticServer;
	beforeAll(async () => {
		server = await serveStatic(buildDir, '/course/margin-lab/');
	});
	afterAll(async () => {
		await server?.close();
	});

	it('serves every page, follows links, and registers the service worker for the sub-path', async () => {
		const context = await newContext();
		const { page, problems } = await open(browser, '/', { base: server.url, context });
		await hydrated(page);
		const scope = await installed(page);
		expect(scope).toBe(server.url);
		expect(server.url).toMatch(/\/course\/margin-lab\/$/);

		const nav = page.getByRole('navigation', { name: 'Main' });
		await nav.getByRole('link', { name: 'Lessons' }).click();
		await page.waitForURL(server.url + 'lessons/');
		await page.getByRole('link', { name: /Verification, identification/ }).click();
		await page.waitForURL(server.url + 'lessons/verify-identify/');
		await expect(page.locator('h1').textContent()).resolves.toContain('Verification');
		await nav.getByRole('link', { name: 'Lab' }).click();
		await page.waitForURL(server.url + 'lab/');
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 180_000 });

		// Full page loads under the sub-path, answered by the worker, with their scripts resolving.
		for (const path of ['figures/decision-margins/', 'embed/target-logits/?m2=0.4', 'teach/']) {
			const res = await page.goto(server.url + path);
			expect(res?.fromServiceWorker(), path).toBe(true);
			await hydrated(page);
		}
		const cached = await cachedPaths(page, scope);
		expect(cached).toContain('lessons/verify-identify/');
		expect(cached.filter((p) => p.startsWith('OUTSIDE'))).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('privacy', () => {
	it('sets no cookies, and keeps only margin-lab:* keys in localStorage, which reset clears', async () => {
		const { page, context, problems } = await open(browser, '/lessons/verify-identify/');
		await hydrated(page);
		const quiz = page.locator('form.quiz').first();
		await quiz.locator('input[type="radio"]').first().check();
		await quiz.getByRole('button').click();
		await quiz.getByTestId('verdict').waitFor();
		await page.getByRole('button', { name: '简体中文' }).click();
		await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '实验室' }).click();
		await page.waitForURL(/\/lab\/$/);
		// a first visit trains at once; the backends are timed while the lab is idle and the result remembered
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 180_000 });
		await page.waitForFunction(() => localStorage.getItem('margin-lab:train-backend') !== null, undefined, {
			timeout: 180_000
		});

		const storage = () =>
			page.evaluate(() => ({
				cookie: document.cookie,
				keys: Object.keys(localStorage),
				session: Object.keys(sessionStorage)
			}));
		const before = await storage();
		expect(before.cookie).toBe('');
		expect(before.session).toEqual([]);
		expect(before.keys.sort()).toEqual([
			'margin-lab:lang',
			'margin-lab:progress',
			'margin-lab:train-backend'
		]);
		expect(await context.cookies()).toEqual([]);

		await page.goto(page.url().replace(/lab\/$/, 'lessons/'));
		await hydrated(page);
		await page.getByRole('button', { name: '清除我的学习进度' }).click();
		await page.getByRole('status').filter({ hasText: '学习进度已清除' }).waitFor();
		const after = await storage();
		expect(after.keys.sort()).toEqual(['margin-lab:lang', 'margin-lab:train-backend']);
		expect(after.cookie).toBe('');
		expect(await context.cookies()).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});
});
