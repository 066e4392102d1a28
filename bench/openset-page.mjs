// The "Open set" targets in headless Chromium (`node bench/run.mjs --only opensetPage`): the lab at
// ids=128&dim=16 with the backend it chooses. Time from Train to the step at which the Node sweep saw the
// held-out loss plateau (K = 128, D = 16, the larger of the two default losses' medians), the page's frames
// and long tasks meanwhile, and one open-set evaluation (1,280 unseen probe images) asked for while it trains.
import { loadavg } from 'node:os';
import { startFrameProbe, stopFrameProbe } from './lib.mjs';

/** Node sweep, K = 128, D = 16: median plateau step of softmax 500, ArcFace 600 (BENCHMARKS.md, Open set). */
export const PLATEAU_STEP = 600;
const stepOf = () =>
	Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, ''));

export async function opensetPage(openLab, readRun, query = '?ids=128&dim=16&debug=1') {
	const { page, context, readyMs } = await openLab(query);
	const t0 = Date.now();
	await page.getByTestId('train').first().click();
	await page.waitForTimeout(1500);
	await startFrameProbe(page);
	await page.waitForFunction(stepOf, undefined, { timeout: 60_000 }).catch(() => {});
	const start = { step: (await readRun(page)).step, t: Date.now() };
	await page
		.waitForFunction(
			(n) => {
				const s = Number(
					(document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')
				);
				return s >= n;
			},
			PLATEAU_STEP,
			{ timeout: 180_000, polling: 100 }
		)
		.catch(() => {});
	const plateauMs = Date.now() - t0;
	const at = await readRun(page);
	const stepsPerSec = ((at.step - start.step) * 1000) / Math.max(1, Date.now() - start.t);
	const frames = await stopFrameProbe(page);
	const asked = Date.now();
	await page.evaluate(() => window.marginLab?.evaluateOpenSet());
	await page.waitForFunction(() => window.marginLab?.openSet() != null, undefined, { timeout: 240_000 });
	const answerMs = Date.now() - asked;
	const e = await page.evaluate(() => {
		const r = window.marginLab.openSet();
		return {
			probes: r.unseenLabels.length,
			renderMs: r.renderMs,
			embedMs: r.embedMs,
			analysisMs: r.analysisMs,
			tensors: window.marginLab.tensors()
		};
	});
	const cdp = await context.newCDPSession(page);
	const heap = await cdp.send('Runtime.getHeapUsage');
	await context.close();
	const reached = at.step >= PLATEAU_STEP;
	const s = (ms) => (ms / 1000).toFixed(1);
	return {
		query,
		backend: at.backend,
		readyMs,
		plateauStep: PLATEAU_STEP,
		plateauMs: reached ? plateauMs : null,
		stepsPerSec,
		frames,
		openSet: { answerMs, ...e },
		pageHeapMiB: heap.usedSize / 2 ** 20,
		loadAverage: loadavg(),
		lines: [
			`machine load average during the run: ${loadavg()
				.map((x) => x.toFixed(1))
				.join(', ')} (1, 5, 15 min)`,
			`lab ${query} on ${at.backend}: page ready (data and backend measurement) in ${s(readyMs)} s; ${stepsPerSec.toFixed(1)} steps/s (both models)`,
			reached
				? `Train to step ${PLATEAU_STEP} (the Node plateau): ${s(plateauMs)} s — target ≤ 30 s`
				: `step ${PLATEAU_STEP} (the Node plateau) not reached in 180 s: step ${at.step}`,
			`frames while training: p95 ${frames.p95.toFixed(1)} ms (target ≤ 20), longest ${frames.max.toFixed(1)} ms; ${frames.longTasks} long tasks, longest ${frames.longestTask.toFixed(0)} ms (target: none over 50 ms)`,
			`open-set evaluation of ${e.probes} unseen probe images while training: answered in ${s(answerMs)} s (worker: render ${Math.round(e.renderMs)} ms, embed ${Math.round(e.embedMs)} ms, analysis ${Math.round(e.analysisMs)} ms) — target ≤ 2 s`,
			`memory: ${e.tensors} tensors in the worker, page heap ${(heap.usedSize / 2 ** 20).toFixed(1)} MiB (the worker's own heap is not readable from the page; the Node sweep's peak tfjs tensor memory at K = 128, D = 16 is ≈ 20 MiB)`
		]
	};
}
