/**
 * A course page on another origin embeds Margin Lab with the code the /teach builder makes, as an LMS
 * would, and drives it with postMessage: resizing, settings, play/pause/reset, origin checks, junk messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { baseUrl, hydrated, launch, open, watch } from './harness';
import { courseSite, type CourseSite } from './course-site';
import { embedCode, type EmbedChoice } from '../../src/lib/embed/snippet';

let browser: Browser;
let lms: CourseSite;
let parentOrigin = '';
let served = 0;

beforeAll(async () => {
	browser = await launch();
	lms = await courseSite();
	parentOrigin = lms.origin;
});
afterAll(async () => {
	await browser?.close();
	await lms?.close();
});

/** Records every message the course page receives, and lets the test post into the frame. */
const recorder = `<script>
window.got = [];
window.addEventListener('message', function (e) { window.got.push({ origin: e.origin, data: e.data }); });
window.send = function (msg) { document.querySelector('iframe').contentWindow.postMessage(msg, '*'); };
</script>`;

type Course = { page: Page; frame: Frame; problems: string[] };

async function course(path: string, choice: Partial<EmbedChoice>, allow: string[] = []): Promise<Course> {
	const site = new URL(baseUrl());
	const code = embedCode({
		page: new URL(path.replace(/^\//, ''), site).href,
		settings: '',
		lang: 'en',
		controls: 'all',
		parent: '',
		title: 'Margin Lab',
		height: 300,
		resize: true,
		...choice
	});
	const key = `/course-${served++}.html`;
	const url = lms.page(
		key,
		`<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><body><h1>Week 5</h1>${recorder}${code}</body></html>`
	);
	const context = await browser.newContext({
		viewport: { width: 1100, height: 900 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const problems = watch(page, [site.origin, parentOrigin], allow);
	await page.goto(url);
	const handle = await page.waitForSelector('iframe');
	const frame = (await handle.contentFrame())!;
	await frame.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
	return { page, frame, problems };
}

type Got = {
	origin: string;
	data: { type: string; height?: number; settings?: string; running?: boolean; step?: number };
};
const got = (page: Page): Promise<Got[]> => page.evaluate(() => (window as unknown as { got: Got[] }).got);

async function lastOf(
	page: Page,
	type: string,
	test: (d: Got['data']) => boolean = () => true
): Promise<Got> {
	let found: Got | undefined;
	await expect
		.poll(
			async () => {
				found = (await got(page)).filter((g) => g.data?.type === type && test(g.data)).at(-1);
				return found !== undefined;
			},
			{ timeout: 30_000, interval: 100 }
		)
		.toBe(true);
	return found!;
}

/** Post a command into the course page's frame. */
const send = (page: Page, m: unknown) =>
	page.evaluate((m) => (window as never as { send: (m: unknown) => void }).send(m), m);

const frameHeight = (page: Page) =>
	page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);

describe('a figure embedded in a course page on another origin', () => {
	it('reports its height, and the builder’s script resizes the frame to fit', async () => {
		const { page, frame, problems } = await course('/embed/decision-margins/', { settings: 'view=both' });
		const ready = await lastOf(page, 'margin-lab:ready');
		expect(ready.origin).toBe(new URL(baseUrl()).origin);
		expect(ready.data).toMatchObject({ kind: 'figure', name: 'decision-margins' });
		const first = await lastOf(page, 'margin-lab:height', (d) => (d.height ?? 0) > 300);
		await page.waitForFunction(
			(h) => document.querySelector('iframe')!.getBoundingClientRect().height === h,
			first.data.height
		);
		const content = await frame.evaluate(
			() => document.querySelector('.embed-frame')!.getBoundingClientRect().bottom
		);
		expect(Math.abs(content - first.data.height!)).toBeLessThanOrEqual(2);
		// The frame fits: no scroll bar inside it.
		expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1)).toBe(true);

		// One view instead of two: the plane alone is drawn full width, so the content height changes and the
		// frame follows it.
		await send(page, { type: 'margin-lab:set', settings: { view: 'plane' } });
		const state = await lastOf(page, 'margin-lab:state', (d) => (d.settings ?? '').includes('view=plane'));
		expect(state.data.settings).toContain('view=plane');
		await frame.locator('[data-testid="wedge"]').waitFor({ state: 'detached' });
		const next = await lastOf(
			page,
			'margin-lab:height',
			(d) => Math.abs((d.height ?? 0) - first.data.height!) > 20
		);
		await page.waitForFunction(
			(h) => document.querySelector('iframe')!.getBoundingClientRect().height === h,
			next.data.height
		);
		const after = await frame.evaluate(
			() => document.querySelector('.embed-frame')!.getBoundingClientRect().bottom
		);
		expect(Math.abs(after - (await frameHeight(page)))).toBeLessThanOrEqual(2);
		expect(problems).toEqual([]);
	});

	it('obeys set from the configured origin, clamps what it is given, and ignores everything else', async () => {
		const { page, frame, problems } = await course('/embed/target-logits/', { parent: '' });
		await lastOf(page, 'margin-lab:ready');
		const m2 = () => frame.locator('output[for="target-logits-m2"]').textContent();

		await send(page, { type: 'margin-lab:set', settings: { m2: 0.3, curves: ['arcface', 'custom'] } });
		await expect.poll(m2).toBe('0.30');
		await expect.poll(() => frame.locator('path[data-curve]').count()).toBe(2);

		await send(page, { type: 'margin-lab:set', settings: { m2: 99 } });
		await expect.poll(m2).toBe('1.50');
		const clamped = await lastOf(page, 'margin-lab:state', (d) => (d.settings ?? '').includes('m2=1.5'));
		expect(clamped.data.settings).toMatch(/(^|&)m2=1\.5(&|$)/);

		// Junk, unknown commands, prototype tricks and attempts to change the embed's own options: ignored.
		for (const junk of [
			'margin-lab:set',
			null,
			42,
			['margin-lab:play'],
			{ type: 'margin-lab:set', settings: { m2: 0.9, parent: 'https://evil.example' } },
			{ type: 'margin-lab:set', settings: { m2: { valueOf: 1 } } },
			{ type: 'margin-lab:set', settings: JSON.parse('{"__proto__": {"m2": 0.9}}') },
			{ type: 'margin-lab:navigate', url: 'https://evil.example' },
			{ type: 'margin-lab:set', settings: 'm2=0.9' },
			{ type: 'MARGIN-LAB:SET', settings: { m2: 0.9 } }
		])
			await send(page, junk);
		await send(page, { type: 'margin-lab:set', settings: { m3: 0.2 } });
		await expect.poll(() => frame.locator('output[for="target-logits-m3"]').textContent()).toBe('0.20');
		expect(await m2()).toBe('1.50');
		expect(problems).toEqual([]);
	});

	it('ignores commands from any origin but the configured one', async () => {
		const lms = 'https://lms.example.edu';
		const { page, frame, problems } = await course('/embed/target-logits/', { parent: lms }, [
			// the embed posts its reports to the configured origin only; the browser says so when the page differs
			`target origin provided ('${lms}')`
		]);
		await frame.locator('[data-figure="target-logits"][data-ready="true"]').waitFor();
		await send(page, { type: 'margin-lab:set', settings: { m2: 0.3 } });
		await page.waitForTimeout(500);
		expect(await frame.locator('output[for="target-logits-m2"]').textContent()).toBe('0.25');
		expect(await got(page)).toEqual([]);
		expect(problems).toEqual([]);
	});

	it('drops a setting the parent removes from its own address too, so a reload does not bring it back', async () => {
		const { page, frame, problems } = await course('/embed/feature-circle/', { settings: 'm2b=0.7' });
		expect((await lastOf(page, 'margin-lab:ready')).data.settings).toContain('m2b=0.7');
		await frame.locator('[data-figure="feature-circle"][data-ready="true"]').waitFor();
		await send(page, { type: 'margin-lab:set', settings: { m2b: null } });
		await lastOf(page, 'margin-lab:state', (d) => !(d.settings ?? 'm2b').includes('m2b'));
		await expect.poll(() => frame.evaluate(() => location.search)).not.toContain('m2b');
		await page.evaluate(() => ((window as unknown as { got: Got[] }).got = []));
		await frame.evaluate(() => location.reload());
		// back to ArcFace's default margin: the URL form leaves it out
		const ready = await lastOf(page, 'margin-lab:ready');
		expect(ready.data.settings).not.toContain('m2b');
		expect(await frame.evaluate(() => location.search)).not.toContain('m2b');
		expect(problems).toEqual([]);
	});

	it('plays, pauses and resets a training figure with its controls hidden', async () => {
		const { page, frame, problems } = await course('/embed/feature-circle/', {
			controls: 'none',
			settings: 'backend=wasm'
		});
		await lastOf(page, 'margin-lab:ready');
		expect(await frame.locator('[data-testid="train"]').isVisible()).toBe(false);
		await send(page, { type: 'margin-lab:play' });
		await lastOf(page, 'margin-lab:state', (d) => d.running === true && (d.step ?? 0) > 20);
		await send(page, { type: 'margin-lab:pause' });
		const paused = await lastOf(page, 'margin-lab:state', (d) => d.running === false && (d.step ?? 0) > 0);
		await page.waitForTimeout(800);
		const step = Number((await frame.locator('[data-testid="step"]').textContent())!.replace(/\D/g, ''));
		expect(step).toBeGreaterThanOrEqual(paused.data.step!);
		await page.waitForTimeout(800);
		expect(Number((await frame.locator('[data-testid="step"]').textContent())!.replace(/\D/g, ''))).toBe(
			step
		);
		await send(page, { type: 'margin-lab:reset' });
		await expect
			.poll(async () => (await frame.locator('[data-testid="step"]').textContent())!.replace(/\D/g, ''))
			.toBe('0');
		expect(problems).toEqual([]);
	});
});

describe('a lesson embedded in a course page', () => {
	it('shows the lesson without site chrome, grows the frame, and switches language on request', async () => {
		const { page, frame, problems } = await course('/embed/lesson/margins/', { height: 400 });
		const ready = await lastOf(page, 'margin-lab:ready');
		expect(ready.data).toMatchObject({ kind: 'lesson', name: 'margins' });
		expect(await frame.locator('header').count()).toBe(0);
		expect(await frame.locator('[data-lesson-figure]').count()).toBeGreaterThan(0);
		const tall = await lastOf(page, 'margin-lab:height', (d) => (d.height ?? 0) > 1500);
		await page.waitForFunction(
			(h) => document.querySelector('iframe')!.getBoundingClientRect().height === h,
			tall.data.height
		);
		const en = await frame.locator('h1').textContent();
		await send(page, { type: 'margin-lab:set', settings: { lang: 'zh' } });
		await expect.poll(() => frame.locator('h1').textContent()).not.toBe(en);
		expect(await frame.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
		expect(problems).toEqual([]);
	});
});

describe('the embed-code builder on /teach', () => {
	it('writes the code for the figure as set up in its preview, with the chosen controls and origin', async () => {
		const { page, problems } = await open(browser, '/teach/');
		await hydrated(page);
		const code = page.locator('[data-testid="builder-code"]');
		await page.locator('[data-testid="builder-figure"]').selectOption('target-logits');
		const preview = page.frameLocator('[data-testid="builder-preview"]');
		const m2 = preview.locator('#target-logits-m2');
		// keys pressed before the preview has hydrated would move the bare prerendered slider only
		await preview.locator('[data-figure="target-logits"][data-ready="true"]').waitFor();
		await m2.waitFor();
		await m2.focus();
		for (let i = 0; i < 5; i++) await m2.press('ArrowRight');
		await expect.poll(() => code.inputValue()).toMatch(/embed\/target-logits\/\?m2=0\.3[&"]/);

		const note = page.getByTestId('builder-controls-note');
		await expect(note.count()).resolves.toBe(0);
		await page.getByLabel(/Only Train, Step and Reset/).check();
		// target-logits does not train: the builder says that these controls leave it with none
		await expect(note.textContent()).resolves.toMatch(/does not train/);
		await page
			.locator('[data-testid="builder-origin"]')
			.fill('https://moodle.example.edu/course/view.php?id=3');
		const text = await code.inputValue();
		expect(text).toContain('controls=run');
		expect(text).toContain('parent=https%3A%2F%2Fmoodle.example.edu');
		expect(text).toContain("e.data.type !== 'margin-lab:height'");
		// The code is a working iframe: its src opens the embed with those settings.
		const src = text.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
		expect(new URL(src).searchParams.get('m2')).toBe('0.3');

		await page.getByLabel(/A whole lesson/).check();
		await page.locator('[data-testid="builder-lesson"]').selectOption('margins');
		await expect.poll(() => code.inputValue()).toContain('embed/lesson/margins/');
		expect(await code.inputValue()).not.toContain('m2=');
		await page
			.frameLocator('[data-testid="builder-preview"]')
			.locator('[data-lesson-figure]')
			.first()
			.waitFor();
		await expect(note.count()).resolves.toBe(0);
		// a figure that trains keeps its Train, Step and Reset: no note
		await page.getByLabel(/One figure/).check();
		await page.locator('[data-testid="builder-figure"]').selectOption('feature-circle');
		await expect.poll(() => code.inputValue()).toContain('embed/feature-circle/');
		expect(await code.inputValue()).toContain('controls=run');
		await expect(note.count()).resolves.toBe(0);
		expect(problems).toEqual([]);
	});
});
