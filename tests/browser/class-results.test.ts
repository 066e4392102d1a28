/**
 * The class view on /teach/: results files made with the site's own export functions (JSON and CSV, three
 * scripted students) plus a damaged and a foreign file go in through the file input and by drag and drop; the
 * page says which were used and why the others were skipped, and the pooled plots show exactly what the
 * script answered; the networks, computed on request, join the plots. No console error; axe finds nothing in
 * the section.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsCsv, resultsJson, toResultsFile } from '$lib/experiments/data';
import type { TrialRow } from '$lib/experiments/types';
import { hydrated, launch, open } from './harness';

const now = new Date('2026-12-02T04:30:00Z');

function row(participant: string, over: Partial<TrialRow>): TrialRow {
	return {
		participant,
		experiment: 'inversion',
		session: '2026-12-02T04:00:00.000Z',
		block: 'test',
		trial: 0,
		condition: 'upright',
		stimulus: 'i1/n1|i1/n2',
		level: null,
		response: 'same',
		correct: true,
		rtMs: 600,
		shownMs: 500,
		maskMs: 250,
		input: 'key',
		at: '2026-12-02T04:01:00.000Z',
		...over
	};
}

/** Always right upright; inverted right on every other trial (chance). */
function inversion(p: string, rt: number): TrialRow[] {
	return Array.from({ length: 24 }, (_, i) => {
		const upright = i % 2 === 0;
		const different = Math.floor(i / 2) % 2 === 0;
		const correct = upright || i % 4 === 1;
		return row(p, {
			trial: i,
			condition: upright ? 'upright' : 'inverted',
			response: correct === different ? 'different' : 'same',
			correct,
			rtMs: rt + i
		});
	});
}

/** 'A' below the midpoint, 'B' above, and at the midpoint A in half the repetitions: boundary 0.5. */
function morph(p: string): TrialRow[] {
	const rows: TrialRow[] = [];
	for (let rep = 0; rep < 4; rep++)
		for (let k = 0; k < 9; k++) {
			const level = k / 8;
			const a = level < 0.5 || (level === 0.5 && rep % 2 === 0);
			rows.push(
				row(p, {
					experiment: 'morph',
					trial: rep * 9 + k,
					condition: 'morph',
					level,
					response: a ? 'A' : 'B',
					correct: null
				})
			);
		}
	return rows;
}

const json = (p: string, rows: TrialRow[]) => resultsJson(toResultsFile(p, rows, now));
const files = {
	'ann.json': json('ann', [...inversion('ann', 600), ...morph('ann')]),
	'bo.json': json('bo', [...inversion('bo', 700), ...morph('bo')]),
	'cy.csv': resultsCsv(inversion('cy', 800)),
	'broken.json': json('dee', inversion('dee', 650)).slice(0, 300),
	'notes.json': JSON.stringify({ title: 'my notes' })
};

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('class results on /teach/', () => {
	it('pools dropped and chosen files, skips the bad ones with a message, passes axe', async () => {
		const { page, context, problems } = await open(browser, '/teach/');
		await hydrated(page);
		const section = page.getByTestId('class-results');
		await section.scrollIntoViewIfNeeded();
		// two files through the (keyboard-reachable) file input …
		await page.getByTestId('class-input').setInputFiles(
			(['ann.json', 'cy.csv'] as const).map((name) => ({
				name,
				mimeType: name.endsWith('csv') ? 'text/csv' : 'application/json',
				buffer: Buffer.from(files[name])
			}))
		);
		await page.locator('[data-file="cy.csv"][data-status="good"]').waitFor();
		// … and the rest, plus ann's file again, dropped on the zone
		await page.evaluate(
			(dropped) => {
				const dt = new DataTransfer();
				for (const [name, text] of dropped) dt.items.add(new File([text], name));
				const zone = document.querySelector('[data-testid="class-drop"]')!;
				zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
				zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
			},
			[
				['bo.json', files['bo.json']],
				['broken.json', files['broken.json']],
				['notes.json', files['notes.json']],
				['ann-again.json', files['ann.json']]
			]
		);
		await page.locator('[data-file="ann-again.json"]').waitFor();
		const statuses = await page
			.locator('[data-testid="class-files"] li')
			.evaluateAll((li) => li.map((l) => `${l.getAttribute('data-file')}:${l.getAttribute('data-status')}`));
		expect(statuses).toEqual([
			'ann.json:good',
			'cy.csv:good',
			'bo.json:good',
			'broken.json:malformed',
			'notes.json:foreign',
			'ann-again.json:duplicate'
		]);
		await expect
			.poll(() => page.getByTestId('class-status').textContent())
			.toContain('3 students from 3 files');

		// The scripted effect, exactly: 100 % upright, 50 % inverted, for each of the three students.
		const acc = page.getByTestId('dots-inversion-accuracy');
		expect(await acc.locator('circle.student').count()).toBe(6);
		const means = await acc
			.locator('[data-mean]')
			.evaluateAll((l) => l.map((e) => Number(e.getAttribute('data-mean'))));
		expect(means).toEqual([1, 0.5]);
		const rt = await page
			.getByTestId('dots-inversion-medianRt')
			.locator('[data-mean]')
			.evaluateAll((l) => l.map((e) => Number(e.getAttribute('data-mean'))));
		expect(rt).toEqual([711, 711]); // median correct RT 11 ms past each base (600, 700, 800), both orientations
		// Morph: two students, P(A) 1 below the midpoint, ½ at it, 0 above; the fit is drawn.
		const morphMeans = await page
			.getByTestId('class-morph-chart')
			.locator('circle.mean')
			.evaluateAll((l) => l.map((e) => Number(e.getAttribute('data-mean'))));
		expect(morphMeans).toEqual([1, 1, 1, 1, 0.5, 0, 0, 0, 0]);
		await page.getByTestId('class-fit').waitFor();
		expect(await page.getByTestId('class-caricature').count()).toBe(0);
		expect(await acc.locator('path.net').count()).toBe(0);

		// The networks, on request: trained here, they answer the same fixed trials and join every plot.
		const t0 = Date.now();
		await page.getByTestId('class-networks-compute').click();
		await page
			.locator('[data-testid=class-networks] [data-testid=network-status][data-phase=done]')
			.waitFor({ timeout: 90_000 });
		console.log(`class view: networks trained and answered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		expect(await acc.locator('path.net').count()).toBe(4); // two networks × upright, inverted
		const netAcc = await acc
			.locator('path.net title')
			.evaluateAll((l) => l.map((e) => Number(/(\d+)\s*$/.exec(e.textContent ?? '')?.[1])));
		for (const a of netAcc) expect(a).toBeGreaterThanOrEqual(0); // accuracies in %, read from the plot
		expect(netAcc[0]).toBeGreaterThanOrEqual(75); // the first network, upright: it knows these faces
		expect(await page.getByTestId('class-morph-chart').locator('path.net-line').count()).toBe(2);
		expect(await page.getByTestId('class-networks-compute').isDisabled()).toBe(true);

		const axe = await new AxeBuilder({ page: page as never })
			.setLegacyMode(true)
			.include('[data-testid="class-results"]')
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
			.analyze();
		expect(
			axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
		).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});
});
