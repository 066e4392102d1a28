/**
 * Shared set-up for browser tests: one headless Debian chromium per test file, and pages that record every
 * console error, uncaught exception, failed request and request to another origin, so a test can fail on them.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--enable-unsafe-swiftshader',
	// No other host resolves: a request to another origin fails in the browser (and `watch` reports it)
	// without routing every request of every test through Playwright, which cost ≈ 0.2 s per page load.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

export async function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, headless: true });
}

export function baseUrl(): string {
	return inject('baseUrl');
}

export type Opened = { page: Page; context: BrowserContext; problems: string[] };

export type OpenOptions = {
	viewport?: { width: number; height: number };
	/** Extra console messages (substrings) that a test provokes on purpose. */
	allowConsole?: string[];
	context?: BrowserContext;
	reducedMotion?: 'reduce' | 'no-preference';
	/** the site's address, when a test serves it itself (default: the shared test server) */
	base?: string;
	/**
	 * The site registers a service worker that downloads the whole site (≈ 5 MB) into its cache. Tests block
	 * it by default so each fresh context does not repeat that download and every request reaches the
	 * network (and the listeners of `watch`); offline.test.ts allows it.
	 */
	serviceWorkers?: 'allow' | 'block';
	/**
	 * A fresh context has no remembered backend, so every run would first time WebGL, WASM and the CPU (WebGL
	 * compiles its shaders for seconds on this machine's software GPU). Tests remember WASM, as a second visit
	 * does, unless they test that choice (`measureBackends: true`; train.test.ts and offline.test.ts do).
	 */
	measureBackends?: boolean;
};

/** Make `context` a browser that has trained before and remembers WASM (see `measureBackends`). */
export async function rememberWasm(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		try {
			if (location.protocol.startsWith('http')) localStorage.setItem('margin-lab:train-backend', 'wasm');
		} catch {
			// storage blocked in this frame: it measures, as a first visit does
		}
	});
}

/**
 * Record what a person would call broken on `page`: console errors (except messages containing one of
 * `allowConsole`), uncaught exceptions, failed requests, HTTP errors, and any request to an origin outside
 * `origins` (the browser cannot reach other hosts: see `chromiumFlags`).
 */
export function watch(page: Page, origins: string[], allowConsole: string[] = []): string[] {
	const problems: string[] = [];
	const local = (url: string) => {
		const u = new URL(url);
		return u.protocol === 'data:' || u.protocol === 'blob:' || origins.includes(u.origin);
	};
	page.on('request', (req) => {
		if (!local(req.url())) problems.push(`request to another origin: ${req.url()}`);
	});
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const text = msg.text();
		if (!allowConsole.some((a) => text.includes(a))) problems.push(`console error: ${text}`);
	});
	page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
	page.on('requestfailed', (req) => {
		const failure = req.failure()?.errorText ?? '';
		// A request to another origin is already recorded above; a navigation (reload) cancels requests still
		// in flight, which is not a fault of the page.
		if (!local(req.url()) || failure === 'net::ERR_ABORTED') return;
		problems.push(`request failed: ${req.url()} ${failure}`);
	});
	page.on('response', (res) => {
		if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
	});
	return problems;
}

/** Open a path of the built site in a fresh context and start recording problems. */
export async function open(browser: Browser, path: string, opts: OpenOptions = {}): Promise<Opened> {
	const base = new URL(opts.base ?? baseUrl());
	const context =
		opts.context ??
		(await browser.newContext({
			viewport: opts.viewport ?? { width: 1280, height: 900 },
			reducedMotion: opts.reducedMotion ?? 'no-preference',
			serviceWorkers: opts.serviceWorkers ?? 'block'
		}));
	if (!opts.context && !opts.measureBackends) await rememberWasm(context);
	const page = await context.newPage();
	const problems = watch(page, [base.origin], opts.allowConsole);
	await page.goto(new URL(path.replace(/^\//, ''), base).href, { waitUntil: 'load' });
	return { page, context, problems };
}

/** Wait until the figure on the page has read its URL and hydrated. */
export async function figureReady(page: Page, name: string): Promise<void> {
	await page.locator(`[data-figure="${name}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
}

/** Wait until the page has hydrated (the root layout marks <html data-hydrated>). */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 30_000 });
}

/**
 * Scroll through the whole page and back to the top, as a reader would, so that everything built only
 * when scrolled near (a lesson's figures, the lab's settings on a phone) is built, then wait for figure
 * code still loading.
 */
export async function readToEnd(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
		for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
			scrollTo(0, y);
			await frame();
		}
		scrollTo(0, 0);
		await frame();
	});
	await page.waitForFunction(() => !document.querySelector('[data-figure-pending]'), undefined, {
		timeout: 30_000
	});
}
