import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

type Row = { loss: number; trainAcc: number; testAcc: number; theta: number };

async function stats(page: Page): Promise<[Row, Row]> {
	return page.evaluate(() => {
		const num = (el: Element | null) => Number.parseFloat((el?.textContent ?? '').replace(/[^\d.eE+-]/g, ''));
		const row = (i: number): Row => {
			const tr = document.querySelector(`[data-testid="stats"] tr[data-model="${i}"]`);
			return {
				loss: num(tr?.querySelector('[data-stat="loss"]') ?? null),
				trainAcc: num(tr?.querySelector('[data-stat="train-acc"]') ?? null),
				testAcc: num(tr?.querySelector('[data-stat="test-acc"]') ?? null),
				theta: num(tr?.querySelector('[data-stat="theta"]') ?? null)
			};
		};
		return [row(0), row(1)] as [Row, Row];
	});
}

const step = async (page: Page) =>
	Number(((await page.getByTestId('step').textContent()) ?? '').replace(/[^\d]/g, ''));

async function ready(page: Page) {
	await page.locator('[data-testid="train"]:not([disabled])').waitFor({ timeout: 120_000 });
	await page.waitForFunction(
		() => document.querySelectorAll('[data-testid="feature-circle"] canvas').length >= 2
	);
}

describe('training in the browser', () => {
	it('trains softmax and ArcFace side by side until ArcFace passes 95 % held-out', async () => {
		const { page, problems } = await open(browser, '/lab/', { measureBackends: true });
		await ready(page);
		const [, b0] = await stats(page);
		// At random initialisation every feature is about 90° from its class centre.
		expect(b0.theta).toBeGreaterThan(60);
		const backend = await page.locator('[data-backend]').getAttribute('data-backend');
		expect(['webgl', 'wasm', 'cpu']).toContain(backend);

		await page.getByTestId('train').click();
		// read at the moment it passes (held-out accuracy still moves by a point or two while training runs)
		const reached = await page.waitForFunction(
			() => {
				const tr = document.querySelector('[data-testid="stats"] tr[data-model="1"]');
				const num = (sel: string) =>
					Number.parseFloat((tr?.querySelector(sel)?.textContent ?? '').replace(/[^\d.eE+-]/g, ''));
				const testAcc = num('[data-stat="test-acc"]');
				return testAcc >= 95
					? { testAcc, theta: num('[data-stat="theta"]'), loss: num('[data-stat="loss"]') }
					: null;
			},
			undefined,
			{ timeout: 240_000, polling: 500 }
		);
		const b = (await reached.jsonValue()) as Pick<Row, 'testAcc' | 'theta' | 'loss'>;
		const [a] = await stats(page);
		expect(b.testAcc).toBeGreaterThanOrEqual(95);
		expect(b.theta).toBeLessThan(30);
		expect(b0.theta - b.theta).toBeGreaterThan(40);
		// Softmax learns too, from the same batches.
		expect(a.testAcc).toBeGreaterThan(50);
		expect(Number.isFinite(a.loss) && Number.isFinite(b.loss)).toBe(true);

		// Pause: the step counter stops; Step moves it by one.
		await page.getByTestId('train').click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
		);
		// The button shows the pause at once; the steps already in flight in the worker still land (and show)
		// before it stops, so wait for the counter to settle, then check that it stays put.
		let paused = await step(page);
		for (let s = -1; s !== paused;) {
			s = paused;
			await page.waitForTimeout(300);
			paused = await step(page);
		}
		await page.waitForTimeout(700);
		expect(await step(page)).toBe(paused);
		await page.getByRole('button', { name: /^Step$/ }).click();
		await page.waitForFunction((n) => {
			const s = document.querySelector('[data-testid="step"]')?.textContent ?? '';
			return Number(s.replace(/[^\d]/g, '')) === n + 1;
		}, paused);

		// Keyboard: r resets to step 0.
		await page.locator('h1').click();
		await page.keyboard.press('r');
		await page.waitForFunction(() =>
			(document.querySelector('[data-testid="step"]')?.textContent ?? '').match(/\b0$/)
		);
		expect(problems).toEqual([]);
	});

	it('pauses a diverging model with a reason, keeps the other training, and restores it', async () => {
		const { page, problems } = await open(browser, '/lab/?lra=1000000&opt=sgd&mom=0');
		await ready(page);
		await page.getByTestId('train').click();
		const notice = page.getByTestId('diverged');
		await notice.waitFor({ timeout: 120_000 });
		await expect(notice.textContent()).resolves.toMatch(/learning rate/i);
		const before = await step(page);
		await page.waitForFunction((n) => {
			const s = document.querySelector('[data-testid="step"]')?.textContent ?? '';
			return Number(s.replace(/[^\d]/g, '')) > n + 20;
		}, before);
		const [, b] = await stats(page);
		expect(Number.isFinite(b.loss)).toBe(true);
		// Pause, then put model A back on its last good weights: the notice goes.
		await page.getByTestId('train').click();
		await page.waitForFunction(
			() => document.querySelector('[data-testid="train"]')?.getAttribute('aria-pressed') === 'false'
		);
		await notice.getByRole('button').click();
		await expect(page.getByTestId('diverged').count()).resolves.toBe(0);
		const text = await page.locator('body').innerText();
		expect(text).not.toMatch(/NaN/);
		expect(problems).toEqual([]);
	});
});

describe('a lost GPU context', () => {
	it('moves the run from WebGL to another backend and training carries on', async () => {
		const { page, problems } = await open(browser, '/lab/?backend=webgl&debug=1', {
			allowConsole: ['WebGL', 'CONTEXT_LOST', 'context lost', 'GL_']
		});
		await ready(page);
		await expect(page.locator('[data-backend]').getAttribute('data-backend')).resolves.toBe('webgl');
		await page.getByTestId('train').click();
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >
				20,
			undefined,
			{ timeout: 120_000 }
		);
		await page.evaluate(() => window.marginLab?.loseBackend());
		await page.waitForFunction(
			() => document.querySelector('[data-backend]')?.getAttribute('data-backend') !== 'webgl',
			undefined,
			{
				timeout: 120_000
			}
		);
		await expect(page.locator('.notice').textContent()).resolves.toMatch(
			/stopped working; training carries on/
		);
		const before = await step(page);
		await page.waitForFunction(
			(n) =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >
				n + 20,
			before,
			{ timeout: 120_000 }
		);
		expect(problems).toEqual([]);
	});
});
