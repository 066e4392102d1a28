/**
 * The face-perception experiments as a participant does them: a scripted participant answers by a rule
 * (inversion by keyboard: always right upright, always "same" upside down; morph by touch on a phone: "A" up
 * to 0.375 along the continuum, "B" beyond; caricature by keyboard: right except "1" for every
 * anti-caricature), and the results figure must show exactly what the rule produced, beside both networks
 * (trained on the page; waited for in the inversion test only). Demo lengths (?trials=) keep it short; the
 * export is read back; axe checks a trial screen.
 */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launch, open } from './harness';
import { makePlan, type PlannedTrial } from '$lib/experiments/plan';
import { orderSeed } from '$lib/experiments/ui/flow';
import type { ExperimentId, ResultsFile } from '$lib/experiments/types';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const stage = (page: Page) => page.getByTestId('experiment').getAttribute('data-stage');

/** Starts an experiment with a typed participant code, once the page has read its demo length. */
async function begin(page: Page, code: string): Promise<void> {
	await page.getByTestId('demo').waitFor();
	await page.getByTestId('participant').fill(code);
	await page.getByTestId('start').click();
}

/**
 * Answers every trial of the current block: waits for the response screen (the answer buttons enabled),
 * asks `choose` for the answer to the k-th trial of the block, gives it with `give`, and waits for the
 * answer to be counted. Returns when the stage changes.
 */
async function answerBlock(
	page: Page,
	block: PlannedTrial[],
	choose: (t: PlannedTrial) => string,
	give: (response: string) => Promise<void>
): Promise<void> {
	const name = await stage(page);
	for (;;) {
		if ((await stage(page)) !== name) return;
		const bar = page.getByTestId('progress-bar');
		const done = Number(await bar.getAttribute('data-done'));
		if (done >= block.length) {
			await page.waitForFunction(
				(s) => document.querySelector('[data-stage]')?.getAttribute('data-stage') !== s,
				name
			);
			return;
		}
		await page.locator('button.answer:not([disabled])').first().waitFor();
		await give(choose(block[done]));
		await page.waitForFunction(
			([d, s]) => {
				const el = document.querySelector('[data-testid=progress-bar]');
				return (
					!el ||
					Number(el.getAttribute('data-done')) > Number(d) ||
					document.querySelector('[data-stage]')?.getAttribute('data-stage') !== s
				);
			},
			[String(done), name] as const
		);
	}
}

async function networksDone(page: Page): Promise<void> {
	await page.locator('[data-testid=network-status][data-phase=done]').waitFor({ timeout: 90_000 });
}

async function exported(page: Page): Promise<ResultsFile> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-json').click()
	]);
	return JSON.parse(await readFile((await download.path())!, 'utf8')) as ResultsFile;
}

const barValue = (page: Page, scope: string, bar: string) =>
	page.locator(`[data-testid=${scope}] rect[data-bar="${bar}"]`).getAttribute('data-value').then(Number);

function planFor(id: ExperimentId, trials: number, code: string) {
	return makePlan(id, trials, orderSeed(code, id));
}

// The three run side by side: most of their time is the trials' own fixed durations, not work.
describe.concurrent('experiments: a scripted participant, the networks beside', () => {
	it('inversion by keyboard: right upright, "same" upside down → 100 % vs 50 %; export; axe on a trial', async ({
		expect
	}) => {
		const code = 'T-KEY';
		const { page, problems, context } = await open(browser, '/experiments/inversion/?trials=4');
		const plan = planFor('inversion', 4, code);
		await begin(page, code);
		const keyOf = (r: string) => (r === 'same' ? 'f' : 'j');
		await answerBlock(
			page,
			plan.practice,
			(t) => t.answer!,
			(r) => page.keyboard.press(keyOf(r))
		);
		expect(await stage(page)).toBe('break');
		await page.getByTestId('start-test').click();
		// axe on the trial screen as the participant sees it (face, progress, answer buttons)
		await page.locator('button.answer:not([disabled])').first().waitFor();
		const axe = await new AxeBuilder({ page: page as never })
			.setLegacyMode(true)
			.options({ resultTypes: ['violations'] })
			.analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await answerBlock(
			page,
			plan.test,
			(t) => (t.condition === 'upright' ? t.answer! : 'same'),
			(r) => page.keyboard.press(keyOf(r))
		);
		expect(await stage(page)).toBe('done');
		expect(await barValue(page, 'inversion-results', '0-0')).toBe(1);
		expect(await barValue(page, 'inversion-results', '0-1')).toBe(0.5);
		await networksDone(page);
		for (const g of ['1', '2']) {
			for (const c of ['0', '1']) {
				const v = await barValue(page, 'inversion-results', `${g}-${c}`);
				expect(v).toBeGreaterThanOrEqual(0);
				expect(v).toBeLessThanOrEqual(1);
			}
		}
		const file = await exported(page);
		expect(file).toMatchObject({ format: 'margin-lab-experiments', version: 1, participant: code });
		expect(file.rows).toHaveLength(plan.practice.length + plan.test.length);
		const test = file.rows.filter((r) => r.block === 'test');
		expect(test.every((r) => r.input === 'key' && r.rtMs > 0)).toBe(true);
		// durations measured from frame timestamps: never shorter than asked less half a frame
		expect(test.every((r) => (r.shownMs ?? 0) >= 790 && (r.maskMs ?? 0) >= 390)).toBe(true);
		expect(test.filter((r) => r.condition === 'upright').every((r) => r.correct)).toBe(true);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('morph by touch on a phone: "A" up to 0.375 → the fitted boundary lies between 0.375 and 0.5', async ({
		expect
	}) => {
		const code = 'T-TAP';
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true,
			serviceWorkers: 'block'
		});
		await context.addInitScript(() => localStorage.setItem('margin-lab:train-backend', 'wasm'));
		const { page, problems } = await open(browser, '/experiments/morph/?trials=9', { context });
		const plan = planFor('morph', 9, code);
		await begin(page, code);
		expect(await stage(page)).toBe('learn');
		await page.getByTestId('start-practice').tap();
		const tap = (r: string) => page.locator(`button.answer[data-response="${r}"]`).tap();
		await answerBlock(page, plan.practice, (t) => t.answer!, tap);
		await page.getByTestId('start-test').tap();
		await answerBlock(page, plan.test, (t) => ((t.level as number) <= 0.375 ? 'A' : 'B'), tap);
		expect(await stage(page)).toBe('done');
		const dots = await page
			.locator('[data-testid=morph-results] circle[data-level]')
			.evaluateAll((els) =>
				els.map((e) => [Number(e.getAttribute('data-level')), Number(e.getAttribute('data-pa'))])
			);
		expect(dots).toHaveLength(9);
		for (const [level, pa] of dots) expect(pa).toBe(level <= 0.375 ? 1 : 0);
		const boundary = Number.parseFloat((await page.getByTestId('you-boundary').textContent()) ?? '');
		expect(boundary).toBeGreaterThan(0.375);
		expect(boundary).toBeLessThan(0.5);
		// the networks' side is checked once, in the inversion test (training here would only add time)
		expect(await page.getByTestId('network-status').getAttribute('data-phase')).not.toBe('error');
		const file = await exported(page);
		expect(file.rows.filter((r) => r.block === 'test').every((r) => r.input === 'touch')).toBe(true);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('caricature by keyboard: "1" for every anti-caricature → 33 % there, 100 % elsewhere', async ({
		expect
	}) => {
		const code = 'T-CAR';
		const { page, problems, context } = await open(browser, '/experiments/caricature/?trials=9');
		const plan = planFor('caricature', 9, code);
		await begin(page, code);
		await page.getByTestId('start-practice').click();
		await answerBlock(
			page,
			plan.practice,
			(t) => t.answer!,
			(r) => page.keyboard.press(r)
		);
		await page.getByTestId('start-test').click();
		await answerBlock(
			page,
			plan.test,
			(t) => (t.condition === 'anti' ? '1' : t.answer!),
			(r) => page.keyboard.press(r)
		);
		expect(await stage(page)).toBe('done');
		expect(await barValue(page, 'caricature-results', '0-0')).toBeCloseTo(1 / 3, 10);
		expect(await barValue(page, 'caricature-results', '0-1')).toBe(1);
		expect(await barValue(page, 'caricature-results', '0-2')).toBe(1);
		expect(await page.getByTestId('network-status').getAttribute('data-phase')).not.toBe('error');
		expect(problems).toEqual([]);
		await context.close();
	});
});
