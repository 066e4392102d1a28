// Reliability parts of the benchmark: the fault matrix (bench/reliability.ts, in Node through Vite) and the
// soak (the lab training at full speed in Chromium, sampled each minute).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/** Held-out accuracy below this with no alarm counts as a silent failure. */
const SILENT_ACC = 0.5;

function countRows(rows) {
	const detected = rows.filter((r) => r.detectedAt !== null);
	const silent = rows.filter((r) => r.detectedAt === null && r.testAcc < SILENT_ACC);
	return {
		cases: rows.length,
		detected: detected.length,
		recovered: detected.filter((r) => r.recovered).length,
		healthy: rows.length - detected.length - silent.length,
		silent: silent.length,
		silentCases: silent.map((r) => `${r.loss} ${r.case}`)
	};
}

/** Every loss × every fault case; rows and counts (detected, recovered, healthy, silent). */
export async function reliability() {
	const { createServer } = await import('vite');
	const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
	try {
		const { faultMatrix } = await vite.ssrLoadModule('/bench/reliability.ts');
		const rows = await faultMatrix((s) => console.log(s));
		return { rows, counts: countRows(rows) };
	} finally {
		await vite.close();
	}
}

/** The lab trains at full speed for `minutes`; the worker's tensors and the page heap each minute. */
export async function soak(openLab, minutes) {
	const { page, context } = await openLab('?debug=1');
	const cdp = await context.newCDPSession(page);
	const sample = async (minute) => {
		const heap = await cdp.send('Runtime.getHeapUsage');
		const s = await page.evaluate(() => ({
			tensors: window.marginLab?.tensors() ?? null,
			step: Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, ''))
		}));
		return { minute, ...s, heapMiB: heap.usedSize / 2 ** 20 };
	};
	await page.getByTestId('train').click();
	await page.waitForTimeout(5000);
	const samples = [await sample(0)];
	for (let m = 1; m <= minutes; m++) {
		await page.waitForTimeout(60_000);
		samples.push(await sample(m));
		console.log('soak', JSON.stringify(samples.at(-1)));
	}
	await context.close();
	return { minutes, samples };
}

/** BENCHMARKS.md lines for the `reliability` and `soak` results (either may be missing). */
/**
 * A deploy while pages are open (tests/browser/deploy.test.ts): each case `trials` times, two builds served in
 * turn on one host. Counts the cases that passed and failed from Vitest's JSON report.
 */
export function deployTrials(trials) {
	const out = `bench/results/.deploy-${Date.now()}.json`;
	try {
		execFileSync(
			'npx',
			[
				'vitest',
				'run',
				'--config',
				'vitest.browser.config.ts',
				'tests/browser/deploy.test.ts',
				'--reporter=json',
				`--outputFile=${out}`
			],
			{ env: { ...process.env, DEPLOY_TRIALS: String(trials) }, stdio: 'inherit' }
		);
	} catch {
		// failed cases are counted from the report below
	}
	const report = JSON.parse(readFileSync(out, 'utf8'));
	rmSync(out);
	const cases = {};
	for (const t of report.testResults.flatMap((f) => f.assertionResults)) {
		const name = t.title.replace(/ \(trial \d+\)$/, '');
		cases[name] ??= { passed: 0, failed: 0 };
		if (t.status === 'passed') cases[name].passed++;
		else if (t.status === 'failed') cases[name].failed++;
	}
	return { trials, cases };
}

export function faultLines(reliability, soakResult, dated, deploy) {
	const lines = [];
	if (deploy) {
		lines.push(`## Reliability: deploys while pages are open${dated('deploy')}`, '');
		lines.push(
			`tests/browser/deploy.test.ts with DEPLOY_TRIALS=${deploy.trials}: a copy of the build is served, pages open under its service`,
			'worker, then a second build whose training worker has another file name is served on the same host.',
			'',
			'| case | passed | failed |',
			'|---|---|---|',
			...Object.entries(deploy.cases).map(([name, c]) => `| ${name} | ${c.passed} | ${c.failed} |`),
			''
		);
	}
	if (reliability) {
		const c = countRows(reliability.rows);
		lines.push(`## Reliability: the fault matrix${dated('reliability')}`, '');
		lines.push(
			'Node, tfjs CPU, 12 × 12 px faces, no nuisance (bench/reliability.ts). Each loss (both models, in pairs) trains',
			'up to 96 steps in chunks of 16 under one broken setting; "alarm at" is the step of the chunk that paused it.',
			'After an alarm the broken setting goes back (lr to its minimum, s and margins to the loss defaults), the',
			'model is restored and must train 32 steps with finite losses ≤ DIVERGE_LOSS and no new alarm (held-out',
			'accuracy is measured after those steps; at lr 1e-5 they move it little). No alarm and held-out accuracy',
			`below ${SILENT_ACC * 100} % at the end counts as a silent failure, no alarm above it as healthy.`,
			'',
			`Cases: ${c.cases}; detected: ${c.detected} (restore trains again: ${c.recovered}); healthy, no alarm: ${c.healthy}; silent failures: ${c.silent}${c.silent ? ` (${c.silentCases.join(', ')})` : ''}.`,
			'',
			'| loss | case | alarm at | reason | restore trains | last loss | held-out acc |',
			'|---|---|---|---|---|---|---|'
		);
		for (const r of reliability.rows)
			lines.push(
				`| ${r.loss} | ${r.case} | ${r.detectedAt ?? '–'} | ${r.reason ?? 'none'} | ${r.recovered === null ? '–' : r.recovered ? 'yes' : 'NO'} | ${Number.isFinite(r.finalLoss) ? r.finalLoss.toPrecision(4) : '–'} | ${(r.testAcc * 100).toFixed(1)} % |`
			);
		lines.push('');
	}
	if (soakResult) {
		lines.push(`## Reliability: the soak${dated('soak')}`, '');
		lines.push(
			`The lab (\`?debug=1\`, default settings, backend chosen by the engine) training at full speed for ${soakResult.minutes} minutes in headless Chromium;`,
			"each minute the worker's tf.memory().numTensors (from its last stats, through `window.marginLab.tensors()`) and the page's JS heap (CDP Runtime.getHeapUsage).",
			'',
			'| minute | step | worker tensors | page heap (MiB) |',
			'|---|---|---|---|'
		);
		for (const x of soakResult.samples)
			lines.push(`| ${x.minute} | ${x.step} | ${x.tensors ?? '–'} | ${x.heapMiB.toFixed(1)} |`);
		lines.push('');
	}
	return lines;
}
