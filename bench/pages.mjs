// Page weight and Lighthouse for `npm run bench` (also alone: `node bench/run.mjs --only lighthouse,bundle`).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './lib.mjs';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};
const COMPRESS = /^(text\/|application\/(json|manifest\+json|wasm)|image\/svg)/;

/**
 * Serve build/ the way a real static host does: gzip for text (level 9, cached), long cache for the
 * hashed files under _app/immutable/. Lighthouse's simulated network counts transferred bytes, so an
 * uncompressed server would understate every page.
 */
export async function serveCompressed(dir = resolve('build')) {
	const cache = new Map();
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = join(dir, path);
		if (!file.startsWith(dir)) return void ((res.statusCode = 403), res.end());
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		else if (!existsSync(file) && existsSync(file + '.html')) file = file + '.html';
		if (!existsSync(file)) return void ((res.statusCode = 404), res.end('not found'));
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		let body = readFileSync(file);
		res.setHeader('content-type', type);
		res.setHeader(
			'cache-control',
			path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		);
		if (COMPRESS.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
			if (!cache.has(file)) cache.set(file, gzipSync(body, { level: 9 }));
			body = cache.get(file);
			res.setHeader('content-encoding', 'gzip');
			res.setHeader('vary', 'accept-encoding');
		}
		res.setHeader('content-length', body.length);
		res.end(body);
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Every page worth weighing: home, the lesson index and each lesson, the lab, the guide, figures, embeds. */
export function sitePages(dir = resolve('build')) {
	const sub = (d) =>
		existsSync(join(dir, d))
			? readdirSync(join(dir, d), { withFileTypes: true })
					.filter((e) => e.isDirectory() && existsSync(join(dir, d, e.name, 'index.html')))
					.map((e) => `/${d}/${e.name}/`)
			: [];
	return ['/', '/lessons/', ...sub('lessons'), '/lab/', '/teach/', ...sub('figures'), ...sub('embed')];
}

const TRAINING = /\/workers\/worker-[^/]*\.js$|\/tfjs\/|\.wasm$/;

/**
 * The JavaScript a page loads until it is idle: every script response, gzipped with node's zlib at level 9,
 * and whether the training worker (tfjs) was requested. A lesson builds its figures as the reader reaches
 * them, so the page is read to the end first (as tests/browser/budget.test.ts does). The service worker is
 * blocked: it downloads every file of the site for offline use, which is not what the page itself loads.
 */
export async function weighPage(browser, url) {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const sizes = new Map();
	const pending = [];
	let training = false;
	page.on('request', (req) => {
		if (TRAINING.test(req.url())) training = true;
	});
	page.on('worker', (w) => {
		if (TRAINING.test(w.url())) training = true;
	});
	context.on('response', (res) => {
		const type = res.headers()['content-type'] ?? '';
		if (!/\.m?js(\?|$)/.test(res.url()) && !type.includes('javascript')) return;
		pending.push(
			res.body().then(
				(b) => void sizes.set(res.url(), { raw: b.length, gzip: gzipSync(b, { level: 9 }).length }),
				() => undefined
			)
		);
	});
	const doc = await (await page.goto(url, { waitUntil: 'load' }))?.body();
	await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 60_000 });
	await page.waitForLoadState('networkidle');
	const figures = page.locator('[data-lesson-figure]');
	for (let i = 0; i < (await figures.count()); i++) {
		await figures.nth(i).scrollIntoViewIfNeeded();
		await figures.nth(i).locator('[data-figure][data-ready="true"]').waitFor({ timeout: 60_000 });
	}
	await page.waitForLoadState('networkidle');
	await Promise.all(pending);
	await context.close();
	const all = [...sizes.values()];
	return {
		gzip: all.reduce((a, s) => a + s.gzip, 0),
		raw: all.reduce((a, s) => a + s.raw, 0),
		scripts: all.length,
		training,
		// the page itself: its text, inlined styles and start-up data, all before the first paint
		html: doc ? { raw: doc.length, gzip: gzipSync(doc, { level: 9 }).length } : null
	};
}

export async function bundleWeights(browser, base) {
	const pages = {};
	for (const p of sitePages()) {
		pages[p] = await weighPage(browser, new URL(p.slice(1), base).href);
		console.log(
			'js',
			p,
			(pages[p].gzip / 1024).toFixed(1),
			'KB gz',
			pages[p].training ? '(training worker)' : ''
		);
	}
	return {
		method:
			"sum of every script response until network idle (a lesson read to the end), service worker blocked, gzipped by node's zlib at level 9",
		budgetKB: { lessons: 150 },
		pages
	};
}

export const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic'
];

/** The fraction of CPU time spent idle, machine-wide, over `ms` (Linux /proc/stat; null elsewhere). */
async function cpuIdle(ms) {
	const read = () => {
		const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
	};
	if (!existsSync('/proc/stat')) return null;
	const a = read();
	await new Promise((r) => setTimeout(r, ms));
	const b = read();
	return b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : null;
}

/**
 * Waits (up to `maxMs`) until the machine is mostly idle over a 2-second window. Lighthouse multiplies the
 * CPU time it observes by 4, so a run beside another job measures that job too. Waiting is a condition set
 * before each run, whatever it then scores; the idle share it started at is recorded with the run.
 */
async function quietMachine(minIdle = 0.8, maxMs = 60_000) {
	const start = Date.now();
	let idle = await cpuIdle(2000);
	while (idle !== null && idle < minIdle && Date.now() - start < maxMs) idle = await cpuIdle(2000);
	return idle;
}

/** Lighthouse (default mobile config, simulated throttling), `runs` times per page; medians. */
export async function lighthousePages(base, paths, runs = 3) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const out = {};
	for (const path of paths) {
		const results = [];
		for (let i = 0; i < runs; i++) {
			const idleBefore = await quietMachine();
			// a fresh browser per run: no warm caches or leftover state between runs
			const chrome = await chromeLauncher.launch({
				chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
				chromeFlags: CHROME_FLAGS
			});
			try {
				const r = await lighthouse(new URL(path.slice(1), base).href, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility']
				});
				const lhr = r.lhr;
				const items = lhr.audits['network-requests']?.details?.items ?? [];
				results.push({
					performance: Math.round(lhr.categories.performance.score * 100),
					accessibility: Math.round(lhr.categories.accessibility.score * 100),
					lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
					tbtMs: lhr.audits['total-blocking-time'].numericValue,
					cls: lhr.audits['cumulative-layout-shift'].numericValue,
					fcpMs: lhr.audits['first-contentful-paint'].numericValue,
					jsTransferBytes: items
						.filter((it) => it.resourceType === 'Script')
						.reduce((a, it) => a + (it.transferSize ?? 0), 0),
					// how fast Lighthouse found this machine at the time, and how idle it was just before
					benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
					cpuIdleBefore: idleBefore,
					failing: Object.values(lhr.audits)
						.filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
						.map((a) => a.id)
				});
			} finally {
				await chrome.kill();
			}
			const last = results.at(-1);
			console.log(
				'lighthouse',
				path,
				`run ${i + 1}:`,
				last.performance,
				last.accessibility,
				last.failing.join(' ')
			);
		}
		const med = (k) => median(results.map((r) => r[k]));
		out[path] = {
			performance: med('performance'),
			accessibility: med('accessibility'),
			lcpMs: med('lcpMs'),
			tbtMs: med('tbtMs'),
			cls: med('cls'),
			fcpMs: med('fcpMs'),
			jsTransferBytes: med('jsTransferBytes'),
			runs: results
		};
	}
	return out;
}
