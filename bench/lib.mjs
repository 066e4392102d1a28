// Helpers for the browser benchmarks: a static server for build/, Debian's chromium, page-side probes.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

export async function serveBuild() {
	const files = sirv(resolve('build'), { extensions: ['html'], etag: true });
	const server = createServer((req, res) => files(req, res, () => ((res.statusCode = 404), res.end())));
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export async function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--enable-unsafe-swiftshader'
		]
	});
}

export const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const summary = (xs) => ({
	median: median(xs),
	min: Math.min(...xs),
	max: Math.max(...xs),
	runs: xs.length,
	values: xs
});

/** The step counter and both models' held-out accuracy as the page shows them. */
export async function readRun(page) {
	return page.evaluate(() => {
		const num = (s) => Number.parseFloat((s ?? '').replace(/[^\d.eE+-]/g, ''));
		const acc = (i) =>
			num(
				document.querySelector(`[data-testid="stats"] tr[data-model="${i}"] [data-stat="test-acc"]`)
					?.textContent
			);
		return {
			step: Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')),
			accA: acc(0),
			accB: acc(1),
			backend: document.querySelector('[data-backend]')?.getAttribute('data-backend') ?? null
		};
	});
}

/** Start recording frame intervals and long tasks in the page. */
export async function startFrameProbe(page) {
	await page.evaluate(() => {
		const w = window;
		w.__frames = [];
		w.__long = [];
		let last = performance.now();
		const tick = (t) => {
			w.__frames.push(t - last);
			last = t;
			if (!w.__stopFrames) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__long.push(e.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
}

export async function stopFrameProbe(page) {
	return page.evaluate(() => {
		const w = window;
		w.__stopFrames = true;
		const f = [...w.__frames].slice(5).sort((a, b) => a - b);
		const p = (q) => f[Math.min(f.length - 1, Math.floor(q * f.length))];
		return {
			frames: f.length,
			p50: p(0.5),
			p95: p(0.95),
			max: f.at(-1),
			longTasks: w.__long.length,
			longestTask: Math.max(0, ...w.__long)
		};
	});
}
