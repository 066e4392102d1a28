/**
 * Hostile input in a real browser: random and malformed query strings loaded into the lab and the embeds,
 * and over a thousand random postMessages sent to them from a course page on another origin. Every
 * page renders, every slider stays inside its range, what an embed reports is canonical, nothing is thrown.
 * (tests/unit/fuzz.test.ts sends tens of thousands of the same kind of inputs through the readers in Node.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { baseUrl, launch, watch, rememberWasm } from './harness';
import { courseSite, type CourseSite } from './course-site';
import { canonical, codecs } from '../support/figure-codecs';
import { randomMessage, randomQuery, rng } from '../support/fuzz-inputs';

let browser: Browser;
let course: CourseSite;
let parentOrigin = '';

beforeAll(async () => {
	browser = await launch();
	course = await courseSite();
	parentOrigin = course.origin;
});
afterAll(async () => {
	await browser?.close();
	await course?.close();
});

const figureNames = Object.keys(codecs);

/** A new page in `context` and the list of what goes wrong on it (see `watch`). */
async function recordingPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
	const page = await context.newPage();
	return { page, problems: watch(page, [new URL(baseUrl()).origin, parentOrigin]) };
}

/** The page (or frame) renders, has no NaN on show, and every slider sits inside its own range. */
async function sane(target: Page | Frame, label: string) {
	const found = await target.evaluate(() => {
		const out: string[] = [];
		if (!document.querySelector('h1')) out.push('no heading');
		// Figures and the lab, not the lesson prose (which may well say "undefined" of a cosine).
		const parts = [...document.querySelectorAll<HTMLElement>('[data-figure], .lab')];
		const text = parts.map((el) => el.innerText).join('\n');
		if (/\bNaN\b|Infinity|undefined/.test(text))
			out.push(`text: ${text.match(/.{0,30}(NaN|Infinity|undefined).{0,30}/)?.[0]}`);
		for (const el of document.querySelectorAll<HTMLInputElement>('input[type="range"]')) {
			const [v, lo, hi] = [Number(el.value), Number(el.min), Number(el.max)];
			if (!Number.isFinite(v) || v < lo || v > hi)
				out.push(`slider ${el.id}=${el.value} outside [${el.min}, ${el.max}]`);
		}
		for (const el of document.querySelectorAll('svg [d], svg [cx], svg [x1], svg [transform]'))
			for (const a of el.attributes)
				if (/NaN|Infinity/.test(a.value)) out.push(`svg ${a.name}=${a.value.slice(0, 40)}`);
		return out;
	});
	expect(found, label).toEqual([]);
}

describe('random query strings', () => {
	// tests/unit/fuzz.test.ts sends thousands of hostile queries through each reader these pages use; here each
	// kind of page (the lab, every figure's embed, a lesson embed: they share one component) shows that it
	// renders what its reader gives, so two seeded loads each, in 2 lanes (the machine has 2 cores).
	const routes = ['lab/', ...figureNames.map((n) => `embed/${n}/`), 'embed/lesson/margins/'];
	const PER_ROUTE = 2;
	it(`${routes.length * PER_ROUTE} loads of the lab and every embed render, clamped, without errors`, async () => {
		const r = rng(20261130);
		const jobs = routes.flatMap((route) => Array.from({ length: PER_ROUTE }, () => route + randomQuery(r)));
		const lane = async (mine: string[]) => {
			const context = await browser.newContext({
				viewport: { width: 1024, height: 800 },
				serviceWorkers: 'block'
			});
			await rememberWasm(context);
			const { page, problems } = await recordingPage(context);
			for (const path of mine) {
				await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'load' });
				await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 30_000 });
				if (path.startsWith('lab/')) await page.locator('.lab[data-ready="true"]').waitFor();
				else if (!path.startsWith('embed/lesson/'))
					await page.locator('[data-figure][data-ready="true"]').waitFor();
				await sane(page, path);
				expect(problems, path).toEqual([]);
			}
			await context.close();
		};
		await Promise.all([lane(jobs.filter((_, i) => i % 2 === 0)), lane(jobs.filter((_, i) => i % 2 === 1))]);
	}, 600_000);
});

describe('random postMessages from a course page', () => {
	const PER_ROUTE = 100;
	const targets = [...figureNames.map((n) => `embed/${n}/`), 'embed/lesson/margins/', 'lab/'];

	it(`${targets.length * PER_ROUTE} messages to every embed and the lab are obeyed or ignored, never thrown`, async () => {
		for (const [t, path] of targets.entries()) {
			const name = path.split('/')[1];
			const codec = codecs[name];
			const r = rng(t + 1);
			const key = `/fuzz-${t}.html`;
			const src = new URL(path, baseUrl()).href;
			const url = course.page(
				key,
				`<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><script>
window.got = [];
addEventListener('message', (e) => window.got.push(e.data));
</script><iframe src="${src}" title="embed" style="width:1000px;height:900px"></iframe></html>`
			);
			const context = await browser.newContext({
				viewport: { width: 1100, height: 1000 },
				serviceWorkers: 'block'
			});
			await rememberWasm(context);
			const { page, problems } = await recordingPage(context);
			await page.goto(url);
			const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
			await frame.locator('html[data-hydrated="true"]').waitFor({ timeout: 30_000 });
			// Messages from one window reach the frame in order: once it has seen the last, it has seen them all.
			await frame.evaluate(() =>
				addEventListener('message', (e) => {
					if (e.data === 'fuzz:end') document.documentElement.dataset.fuzzEnd = 'true';
				})
			);
			const messages = Array.from({ length: PER_ROUTE }, () => randomMessage(r, codec?.keys ?? ['lang']));
			for (let i = 0; i < messages.length; i += 10) {
				await page.evaluate(
					(batch: unknown[]) => {
						const w = document.querySelector('iframe')!.contentWindow!;
						// Some payloads cannot be cloned (Node gave them as plain objects); post what can be.
						for (const m of batch) w.postMessage(m, '*');
					},
					messages.slice(i, i + 10)
				);
			}
			await page.evaluate(() => {
				const w = document.querySelector('iframe')!.contentWindow!;
				w.postMessage({ type: 'margin-lab:pause' }, '*');
				w.postMessage('fuzz:end', '*');
			});
			await frame.locator('html[data-fuzz-end="true"]').waitFor();
			// and what the last ones changed is drawn
			await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
			if (path !== 'lab/') {
				// Every report the embed sent names settings a reader leaves unchanged.
				await expect
					.poll(() =>
						page.evaluate(() =>
							(window as never as { got: { type: string }[] }).got.some((g) => g?.type === 'margin-lab:state')
						)
					)
					.toBe(true);
				const reports = await page.evaluate(() =>
					(window as never as { got: { type: string; settings: string }[] }).got
						.filter((g) => g?.type === 'margin-lab:state')
						.map((g) => g.settings)
				);
				if (codec)
					for (const settings of reports)
						expect(canonical(codec, settings), `${path}: ${settings}`).toBe(true);
				await frame.locator('[data-figure][data-ready="true"], [data-lesson-figure]').first().waitFor();
			}
			await sane(frame, path);
			expect(problems, path).toEqual([]);
			await context.close();
		}
	}, 600_000);
});
