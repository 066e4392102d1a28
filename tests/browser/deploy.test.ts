/**
 * A deploy must never break a page that is open: a tab of the old build keeps loading the old build's files
 * (its training worker above all) after the new service worker has taken over, and the host no longer has
 * them. The test serves a copy of the build, opens pages under its service worker, "deploys" a second build
 * whose training-worker file has another name on the same host, and trains on both sides of the deploy.
 *
 * The suite runs the lesson case once: it fails without the fix every time. The lab case (three reloads across
 * the deploy) hits the race only some of the time, so it runs when `DEPLOY_TRIALS` is set (the bench's
 * reliability run sets it to 20 and repeats both cases that often).
 */
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hydrated, launch, watch, rememberWasm } from './harness';
import { serveStatic, type StaticServer } from './server';
import { activeCache } from './sw';

const buildDir = resolve('build');
const trials = Math.max(1, Number(process.env.DEPLOY_TRIALS) || 1);
const labCase = Boolean(process.env.DEPLOY_TRIALS);

let browser: Browser;
let builds: { a: string; b: string; c: string };
beforeAll(async () => {
	browser = await launch();
	builds = twoBuilds();
});
afterAll(async () => {
	await browser?.close();
	for (const dir of Object.values(builds ?? {})) rmSync(dir, { recursive: true, force: true });
});

function textFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return textFiles(path);
		return /\.(js|html|json)$/.test(name) ? [path] : [];
	});
}

/**
 * Build A (a copy of build/); build B, another version whose training worker has another file name; build C,
 * the same as A but for its version and without A's training worker (what an old page finds on a host that
 * has moved on, with no service worker to keep A's files).
 */
function twoBuilds(): { a: string; b: string; c: string } {
	const a = mkdtempSync(join(tmpdir(), 'margin-lab-a-'));
	cpSync(buildDir, a, { recursive: true });
	const b = mkdtempSync(join(tmpdir(), 'margin-lab-b-'));
	cpSync(buildDir, b, { recursive: true });
	const version = JSON.parse(readFileSync(join(a, '_app/version.json'), 'utf8')).version as string;
	const workers = join(b, '_app/immutable/workers');
	const worker = readdirSync(workers).find((f) => /^worker-.*\.js$/.test(f));
	if (!worker) throw new Error('no training worker in the build');
	const renamed = worker.replace(/^worker-[^.]+/, 'worker-NextBuild');
	renameSync(join(workers, worker), join(workers, renamed));
	for (const file of textFiles(b)) {
		const text = readFileSync(file, 'utf8');
		const next = text.split(worker).join(renamed).split(version).join(`${version}-next`);
		if (next !== text) writeFileSync(file, next);
	}
	const c = mkdtempSync(join(tmpdir(), 'margin-lab-c-'));
	cpSync(buildDir, c, { recursive: true });
	rmSync(join(c, '_app/immutable/workers', worker));
	writeFileSync(join(c, '_app/version.json'), JSON.stringify({ version: `${version}-next` }));
	return { a, b, c };
}

/** Wait until the service worker has stored the site and controls the page. */
async function controlled(page: Page): Promise<void> {
	await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 60_000
	});
}

const stepOf = (page: Page) =>
	page.evaluate(() =>
		Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/\D/g, ''))
	);

/** Press Train and see the step counter pass 5: the page's training worker started and trains. */
async function trains(page: Page): Promise<void> {
	await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 120_000 });
	await page.getByTestId('train').first().click();
	await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThan(5);
	expect(await page.getByRole('alert').count()).toBe(0);
}

describe('a deploy while pages are open', () => {
	let server: StaticServer;
	let context: BrowserContext;
	let port: number;

	async function deploy(dir: string) {
		await server.close();
		server = await serveStatic(dir, '/', { port });
	}

	beforeAll(async () => {
		server = await serveStatic(builds.a);
		port = Number(new URL(server.url).port);
	});
	afterAll(async () => {
		await server?.close();
	});

	for (let trial = 1; trial <= trials; trial++) {
		it.runIf(labCase)(`the lab reloaded three times across the deploy trains (trial ${trial})`, async () => {
			await deploy(builds.a);
			context = await browser.newContext({ serviceWorkers: 'allow' });
			await rememberWasm(context);
			const page = await context.newPage();
			const problems = watch(page, [new URL(server.url).origin]);
			await page.goto(server.url + 'lab/');
			await hydrated(page);
			await controlled(page);
			await deploy(builds.b);
			for (let i = 0; i < 3; i++) {
				await page.reload({ waitUntil: 'load' });
				await page.waitForTimeout(1500);
			}
			await hydrated(page);
			await trains(page);
			expect(problems).toEqual([]);
			await context.close();
		});

		it(`a lesson opened before the deploy trains after it (trial ${trial})`, async () => {
			await deploy(builds.a);
			context = await browser.newContext({ serviceWorkers: 'allow' });
			await rememberWasm(context);
			const old = await context.newPage();
			const problems = watch(old, [new URL(server.url).origin]);
			await old.goto(server.url + 'lessons/softmax-vs-arcface/');
			await hydrated(old);
			await controlled(old);
			await deploy(builds.b);
			// Another tab of the same visitor loads a page: the browser finds the new service worker, which
			// installs and takes over while the old lesson is still open.
			const other = await context.newPage();
			await other.goto(server.url + 'lessons/');
			const next = JSON.parse(readFileSync(join(builds.b, '_app/version.json'), 'utf8')).version as string;
			await expect.poll(() => activeCache(other), { timeout: 60_000 }).toContain(next);
			await other.waitForFunction(() => navigator.serviceWorker.controller !== null);
			// The lesson builds a figure when it is scrolled near: from the old build's chunks, after the deploy.
			await old.locator('[data-figure-pending]').first().scrollIntoViewIfNeeded();
			await trains(old);
			expect(problems).toEqual([]);
			// Once the old tab is gone, the next page load clears the old build's files.
			await old.close();
			await other.reload();
			await expect
				.poll(() => other.evaluate(() => caches.keys()), { timeout: 30_000 })
				.toEqual([expect.stringContaining(next)]);
			await context.close();
		});
	}

	it('a page whose training code is gone says a new version is out and offers a reload', async () => {
		await deploy(builds.a);
		context = await browser.newContext({ serviceWorkers: 'block' });
		await rememberWasm(context);
		const page = await context.newPage();
		const problems = watch(page, [new URL(server.url).origin]);
		await page.goto(server.url + 'lessons/softmax-vs-arcface/');
		await hydrated(page);
		await deploy(builds.c);
		await page.locator('[data-figure-pending]').first().scrollIntoViewIfNeeded();
		await page.locator('[data-testid="train"]:not([disabled])').first().click();
		const notice = page.getByTestId('new-version').first();
		await notice.waitFor({ timeout: 60_000 });
		expect(problems.filter((p) => !/workers\/worker-/.test(p))).toEqual([]);
		await notice.getByRole('button').click();
		await page.waitForLoadState('load');
		await hydrated(page);
		await expect.poll(() => page.getByTestId('new-version').count()).toBe(0);
		await context.close();
	});
});
