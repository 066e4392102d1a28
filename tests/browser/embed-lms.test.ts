/**
 * Embeds as an LMS shows them: a course page that only obeys Canvas's `lti.frameResize` (no Margin Lab
 * script), a training figure whose frame does not jump before Train, citations inside a lesson embed, and
 * the build served with the README's example headers for framing by an LMS.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { hostHeaders } from '../../security-headers.js';
import { baseUrl, launch, watch } from './harness';
import { courseSite, type CourseSite } from './course-site';
import { serveStatic } from './server';
import { embedCode } from '../../src/lib/embed/snippet';

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

/** What Canvas does with the message, and nothing else: no Margin Lab script on the page. */
const canvasResize = `<script>
window.heights = [];
window.addEventListener('message', function (e) {
  var d = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
  if (!d || d.subject !== 'lti.frameResize') return;
  document.querySelectorAll('iframe').forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = d.height + 'px';
  });
});
setInterval(function () {
  var f = document.querySelector('iframe');
  if (f) window.heights.push(Math.round(f.getBoundingClientRect().height));
}, 50);
</script>`;

async function course(
	site: string,
	path: string,
	height: number
): Promise<{ page: Page; frame: Frame; problems: string[] }> {
	const code = embedCode({
		page: new URL(path.replace(/^\//, ''), site).href,
		settings: '',
		lang: 'en',
		controls: 'all',
		parent: '',
		title: 'Margin Lab',
		height,
		resize: false
	});
	const url = lms.page(
		`/canvas-${served++}.html`,
		`<!doctype html><html lang="en"><title>Canvas page</title><link rel="icon" href="data:,"><body><h1>Week 5</h1>${canvasResize}${code}</body></html>`
	);
	const context = await browser.newContext({
		viewport: { width: 1100, height: 900 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const problems = watch(page, [new URL(site).origin, lms.origin]);
	await page.goto(url);
	const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
	await frame.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
	return { page, frame, problems };
}

const frameHeight = (page: Page) =>
	page.evaluate(() => Math.round(document.querySelector('iframe')!.getBoundingClientRect().height));
const contentBottom = (frame: Frame) =>
	frame.evaluate(() => document.querySelector('.embed-frame')!.getBoundingClientRect().bottom);

describe('in Canvas (lti.frameResize only)', () => {
	it('the frame ends at the content, and grows when a citation opens its source in place', async () => {
		const { page, frame, problems } = await course(baseUrl(), '/embed/lesson/verify-identify/', 400);
		await expect.poll(() => frameHeight(page), { timeout: 30_000 }).toBeGreaterThan(1000);
		await expect
			.poll(async () => Math.abs((await contentBottom(frame)) - (await frameHeight(page))))
			.toBeLessThanOrEqual(2);
		expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1)).toBe(true);

		const before = await frameHeight(page);
		const cite = frame.locator('a.cite').first();
		const id = (await cite.getAttribute('href'))!.slice(1);
		await cite.click();
		const note = frame.locator('.cite-note').first();
		await expect(note.textContent()).resolves.toBe(await frame.locator(`[id="${id}"]`).textContent());
		await expect(cite.getAttribute('aria-expanded')).resolves.toBe('true');
		// it opens right there, under the link, and the frame grows to keep it all in view
		const [linkBox, noteBox] = [await cite.boundingBox(), await note.boundingBox()];
		expect(noteBox!.y - linkBox!.y).toBeLessThan(60);
		await expect.poll(() => frameHeight(page)).toBeGreaterThan(before);
		await cite.click();
		await expect(frame.locator('.cite-note').count()).resolves.toBe(0);
		await expect.poll(() => frameHeight(page)).toBe(before);
		expect(problems).toEqual([]);
		await page.context().close();
	});

	it('a training figure keeps its frame height until it has something to draw: no jump', async () => {
		const { page, frame, problems } = await course(baseUrl(), '/embed/feature-circle/', 720);
		await frame.locator('[data-figure="feature-circle"][data-ready="true"]').waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
		const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
		expect(Math.min(...heights)).toBeGreaterThanOrEqual(715);
		expect(Math.max(...heights)).toBeLessThanOrEqual(725);
		expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1)).toBe(true);
		expect(problems).toEqual([]);
		await page.context().close();
	});
});

describe('the README’s headers for framing by an LMS', () => {
	it('let the listed LMS frame an embed, and no other site', async () => {
		const readme = readFileSync('README.md', 'utf8');
		const line = readme
			.split('\n')
			.map((l) => l.trim())
			.find((l) => l.startsWith('Content-Security-Policy:') && l.includes('moodle.example.edu'))!;
		const example = line.slice('Content-Security-Policy: '.length);
		// the example is the site's own policy with LMS origins added to frame-ancestors
		expect(example).toBe(
			hostHeaders['Content-Security-Policy'].replace(
				"frame-ancestors 'self'",
				"frame-ancestors 'self' https://moodle.example.edu https://school.instructure.com https://school.blackboard.com"
			)
		);
		expect(readme).not.toMatch(/^X-Frame-Options:/m);
		// The test's LMS stands in for the Moodle of the example (example.edu does not resolve here).
		const headers = {
			...hostHeaders,
			'Content-Security-Policy': example.replace('https://moodle.example.edu', lms.origin)
		};
		const site = await serveStatic(resolve('build'), '/', { headers });
		try {
			const res = await fetch(site.url + 'embed/target-logits/');
			expect(res.headers.get('x-frame-options')).toBeNull();
			const { page, frame, problems } = await course(site.url, '/embed/target-logits/', 600);
			await frame.locator('[data-figure="target-logits"][data-ready="true"]').waitFor({ timeout: 30_000 });
			await expect.poll(() => frameHeight(page)).toBeGreaterThan(300);
			expect(problems).toEqual([]);
			await page.context().close();

			// Another origin (the same LMS server, reached by another name) is not listed: refused.
			const other = lms.origin.replace('localhost', '127.0.0.1');
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const refused = await context.newPage();
			const errors: string[] = [];
			refused.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			const path = `/refused-${served++}.html`;
			lms.page(
				path,
				`<!doctype html><title>Other</title><iframe src="${site.url}embed/target-logits/"></iframe>`
			);
			await refused.goto(other + path);
			await expect.poll(() => errors.join('\n'), { timeout: 30_000 }).toContain('frame-ancestors');
			await context.close();
		} finally {
			await site.close();
		}
	});
});
