/**
 * SCORM 1.2 packages in a stand-in LMS: scorm-again's Scorm12API (the LMS side of SCORM, no backend) is
 * `window.API` of a course page that launches a package (unzipped from build-scorm/, as an LMS does) in an
 * iframe. The test answers the questions and checks what the LMS received, then relaunches with the stored
 * data, as an LMS does when the student comes back, and checks the resume.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { launch, watch } from './harness';
import { serveStatic, type StaticServer } from './server';
import { packages, readLessons, zipPackage } from '../../scripts/package-scorm.mjs';
import { decodeSuspend } from '../../src/lib/scorm/suspend';
import { lessonBySlug } from '../../src/lib/server/lessons';

let browser: Browser;
let server: StaticServer;
let dir = '';
let manifests: Record<string, string> = {};
const lessons = readLessons();
const all = packages(lessons, 80);

/** Unzip a package into the LMS's folder for it, as an LMS does on upload; returns its manifest. */
function upload(name: string): string {
	// made from build/ as `npm run package:scorm` makes it, so the test never plays a stale package
	const zip = zipPackage(
		all.find((p) => p.name === name)!,
		'build'
	);
	for (const [path, bytes] of Object.entries(unzipSync(zip))) {
		const to = join(dir, name, path);
		mkdirSync(dirname(to), { recursive: true });
		writeFileSync(to, bytes);
	}
	return readFileSync(join(dir, name, 'imsmanifest.xml'), 'utf8');
}

/**
 * The LMS's player page: the API, loaded with what the LMS stored of the student (`#` + JSON), and the SCO
 * (`?sco=<folder>/<launch href>`) in a frame.
 */
const player = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Stand-in LMS</title>
<link rel="icon" href="data:,">
<style>body{margin:0;font:15px system-ui,sans-serif;background:#eef1f4}header{background:#1d3c5a;color:#fff;
padding:10px 18px}header b{font-size:17px}header span{float:right;opacity:.8}main{display:flex}
aside{width:200px;padding:14px;font-size:14px}iframe{flex:1;height:760px;border:0;background:#fff;
box-shadow:0 0 4px #0003}</style>
<header><b>Stand-in LMS</b> · Face recognition, week 5 <span>SCORM 1.2 player (scorm-again)</span></header>
<main><aside><p><b>Activity</b><br><span id="name"></span></p><p id="status">status: –</p>
<p id="score">score: –</p></aside><iframe title="SCORM package"></iframe></main>
<script src="scorm12.min.js"></script>
<script>
var sco = new URLSearchParams(location.search).get('sco');
window.API = new Scorm12API({ logLevel: 5, autocommit: false });
window.API.loadFromJSON(JSON.parse(decodeURIComponent(location.hash.slice(1)) || '{}'));
window.sets = [];
window.finished = false;
window.API.on('LMSSetValue.cmi.*', function (el, v) {
  window.sets.push([el, v]);
  if (el === 'cmi.core.lesson_status') document.getElementById('status').textContent = 'status: ' + v;
  if (el === 'cmi.core.score.raw') document.getElementById('score').textContent = 'score: ' + v;
});
window.API.on('LMSFinish', function () { window.finished = true; });
document.getElementById('name').textContent = sco.split('/')[0];
document.querySelector('iframe').src = sco;
</script></html>`;

type Sets = [string, string][];
type Opened = { page: Page; frame: Frame; problems: string[] };

async function openPlayer(name: string, stored: object): Promise<Opened> {
	const manifest = manifests[name];
	const href = /adlcp:scormtype="sco" href="([^"]+)"/.exec(manifest)![1].replace(/&amp;/g, '&');
	const mastery = /<adlcp:masteryscore>(\d+)</.exec(manifest)![1];
	const data = JSON.stringify({ student_data: { mastery_score: mastery }, ...stored });
	const file = `player.html?sco=${encodeURIComponent(`${name}/${href}`)}#${encodeURIComponent(data)}`;
	const context = await browser.newContext({
		viewport: { width: 1200, height: 900 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const problems = watch(page, [new URL(server.url).origin]);
	await page.goto(server.url + file);
	const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
	await frame.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
	return { page, frame, problems };
}

const sets = (page: Page) => page.evaluate(() => (window as unknown as { sets: Sets }).sets);
const last = (all: Sets, el: string) => all.filter(([e]) => e === el).at(-1)?.[1];

/** Check option `choice` of question `qid` in the SCO. */
async function answer(frame: Frame, qid: string, choice: number) {
	const quiz = frame.locator(`form.quiz[data-question="${qid}"]`);
	await quiz.locator('input[type="radio"]').nth(choice).check();
	await quiz.getByRole('button').click();
	await quiz.getByTestId('verdict').waitFor();
}

/** Leave the SCO, as the LMS does when the student closes the activity; waits for LMSFinish. */
async function close(page: Page): Promise<Sets> {
	await page.evaluate(() => (document.querySelector('iframe')!.src = 'about:blank'));
	await page.waitForFunction(() => (window as unknown as { finished: boolean }).finished, undefined, {
		timeout: 10_000
	});
	return sets(page);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'scorm-lms-'));
	copyFileSync(resolve('node_modules/scorm-again/dist/scorm12.min.js'), join(dir, 'scorm12.min.js'));
	writeFileSync(join(dir, 'player.html'), player);
	// (the server lists its files when it starts: upload first)
	manifests = Object.fromEntries(
		['margin-lab-verify-identify', 'margin-lab-course'].map((name) => [name, upload(name)])
	);
	server = await serveStatic(dir);
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a lesson package in an LMS', () => {
	const slug = 'verify-identify';
	const questions = lessonBySlug(slug)!.en.questions;
	const right = questions.map((q) => q.options.findIndex((o) => o.correct));
	const wrong = questions.map((q) => q.options.findIndex((o) => !o.correct));

	it('reports status, score, session time and suspend data, and resumes answers and place', async () => {
		const first = await openPlayer(`margin-lab-${slug}`, {});
		await expect.poll(async () => last(await sets(first.page), 'cmi.core.lesson_status')).toBe('incomplete');
		// The first answer wrong, the others right: 2 of 3 is below the mastery score of 80.
		await answer(first.frame, questions[0].id, wrong[0]);
		for (let i = 1; i < questions.length; i++) await answer(first.frame, questions[i].id, right[i]);
		await first.frame.locator('#sources-heading').scrollIntoViewIfNeeded();
		await first.page.waitForTimeout(600);
		const got = await close(first.page);
		const raw = Math.round((10_000 * (questions.length - 1)) / questions.length) / 100;
		expect(last(got, 'cmi.core.score.raw')).toBe(String(raw));
		expect(last(got, 'cmi.core.score.min')).toBe('0');
		expect(last(got, 'cmi.core.score.max')).toBe('100');
		expect(last(got, 'cmi.core.lesson_status')).toBe('failed');
		expect(last(got, 'cmi.core.exit')).toBe('suspend');
		expect(last(got, 'cmi.core.session_time')).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
		expect(last(got, 'cmi.core.session_time')).not.toBe('0000:00:00.00');
		const suspend = last(got, 'cmi.suspend_data')!;
		expect(suspend.length).toBeLessThan(4096);
		const kept = decodeSuspend(suspend);
		expect(kept.progress[slug].answers[questions[0].id]).toEqual({ choice: wrong[0], correct: false });
		expect(Object.keys(kept.progress[slug].answers)).toHaveLength(questions.length);
		expect(kept.place?.slug).toBe(slug);
		expect(kept.place?.anchor).toBeGreaterThan(0);
		expect(first.problems).toEqual([]);

		// The student comes back: the LMS gives the stored data, the lesson shows the answers and the place.
		const again = await openPlayer(`margin-lab-${slug}`, {
			core: { entry: 'resume', lesson_status: 'failed' },
			suspend_data: suspend
		});
		const q0 = again.frame.locator(`form.quiz[data-question="${questions[0].id}"]`);
		await expect(q0.locator('input[type="radio"]').nth(wrong[0]).isChecked()).resolves.toBe(true);
		await expect(q0.getByTestId('verdict').textContent()).resolves.toContain('Not quite');
		await expect.poll(() => again.frame.evaluate(() => scrollY)).toBeGreaterThan(200);
		// SCORM_SHOT=<file.png>: a screenshot of the LMS with the package loaded, to look at
		if (process.env.SCORM_SHOT) await again.page.screenshot({ path: process.env.SCORM_SHOT });
		await answer(again.frame, questions[0].id, right[0]);
		const fixed = await close(again.page);
		expect(last(fixed, 'cmi.core.lesson_status')).toBe('passed');
		expect(last(fixed, 'cmi.core.score.raw')).toBe('100');
		expect(last(fixed, 'cmi.core.exit')).toBe('');
		expect(again.problems).toEqual([]);
		await first.page.context().close();
		await again.page.context().close();
	});
});

describe('the course package in an LMS', () => {
	it('counts answers against the whole course and resumes them', async () => {
		const name = 'margin-lab-course';
		expect(manifests[name]).toContain('scorm=course');
		const total = lessons.reduce((n, l) => n + l.questions, 0);
		const q = lessonBySlug(lessons[0].slug)!.en.questions[0];
		const first = await openPlayer(name, {});
		await answer(
			first.frame,
			q.id,
			q.options.findIndex((o) => o.correct)
		);
		const got = await close(first.page);
		expect(last(got, 'cmi.core.score.raw')).toBe(String(Math.round(10_000 / total) / 100));
		expect(last(got, 'cmi.core.lesson_status')).toBe('incomplete');
		expect(last(got, 'cmi.core.lesson_location')).toBe(lessons[0].slug);
		const suspend = last(got, 'cmi.suspend_data')!;
		expect(decodeSuspend(suspend).progress[lessons[0].slug].answers[q.id].correct).toBe(true);
		expect(first.problems).toEqual([]);

		// Come back to the course, last seen reading lesson 2: it opens there, lesson 1's answer kept.
		const elsewhere = suspend.replace(/^1\|[^|]*\|/, `1|${lessons[1].slug}.0|`);
		const again = await openPlayer(name, { core: { entry: 'resume' }, suspend_data: elsewhere });
		await expect.poll(() => again.frame.url(), { timeout: 15_000 }).toContain(`/lessons/${lessons[1].slug}/`);
		await again.frame.getByRole('link', { name: /Previous lesson/ }).click();
		await again.frame.locator(`form.quiz[data-question="${q.id}"] [data-testid="verdict"]`).waitFor();
		await expect
			.poll(async () => last(await sets(again.page), 'cmi.core.lesson_location'))
			.toBe(lessons[0].slug);
		expect(again.problems).toEqual([]);
		await first.page.context().close();
		await again.page.context().close();
	});
});
