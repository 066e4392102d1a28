// npm run bench: training speed per backend, time to 95 % for ArcFace, the engine's backend choice against
// the fastest, frame timing while training, the JavaScript each page loads and Lighthouse scores.
// Results: bench/results/<date>.json; summary: BENCHMARKS.md.
//
// Run some parts only: node bench/run.mjs --only lighthouse,bundle
// (parts: speed, timeTo95, firstVisit, choice, frames, bundle, lighthouse, reliability, soak, deploy, openset,
// opensetPage; `choice` needs `speed`). `openset` trains the open-set grid in Node (bench/openset-part.mjs);
// `opensetPage` times the lab at ids=128&dim=16 in Chromium.
// `reliability` runs in Node (no build needed); `soak` trains 10 minutes in Chromium (SOAK_MINUTES); `deploy`
// runs tests/browser/deploy.test.ts DEPLOY_TRIALS times (default 20) on the build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { launch, readRun, serveBuild, startFrameProbe, stopFrameProbe, summary } from './lib.mjs';
import { writeSummary } from './summary.mjs';
import { bundleWeights, lighthousePages, serveCompressed } from './pages.mjs';
import { deployTrials, reliability, soak } from './faults.mjs';
import { firstVisit } from './first-visit.mjs';
import { opensetSweep } from './openset-part.mjs';
import { opensetPage } from './openset-page.mjs';

const PARTS = [
	'speed',
	'timeTo95',
	'firstVisit',
	'choice',
	'frames',
	'bundle',
	'lighthouse',
	'reliability',
	'soak',
	'deploy',
	'openset',
	'opensetPage'
];
const BROWSER_PARTS = ['speed', 'timeTo95', 'firstVisit', 'choice', 'frames', 'soak', 'opensetPage'];
const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only' || a.startsWith('--only='));
const only = onlyArg ? onlyArg.replace(/^--only=/, '').split(',') : PARTS;
for (const p of only)
	if (!PARTS.includes(p)) throw new Error(`unknown part ${p}; parts: ${PARTS.join(', ')}`);
if (only.includes('choice') && !only.includes('speed')) throw new Error('choice needs speed');
const want = (part) => only.includes(part);

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BACKENDS = ['webgl', 'wasm', 'cpu'];
const needBrowser = only.some((p) => BROWSER_PARTS.includes(p));
const server = needBrowser ? await serveBuild() : null;
const browser = needBrowser ? await launch() : null;

async function openLab(query) {
	// no service worker: its background download of the whole site would share the CPU with the measurement
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	const t0 = Date.now();
	await page.goto(`${server.base}lab/${query}`);
	await page.locator('[data-testid="train"]:not([disabled])').waitFor({ timeout: 180_000 });
	return { page, context, readyMs: Date.now() - t0 };
}

/** Steady training speed: steps counted over `seconds` after a warm-up of 30 steps. */
async function speed(query, seconds = 8) {
	const { page, context, readyMs } = await openLab(query);
	await page.getByTestId('train').click();
	await page.waitForFunction(
		() =>
			Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/[^\d]/g, '')) >= 30,
		undefined,
		{ timeout: 120_000 }
	);
	const a = await readRun(page);
	const t = Date.now();
	await page.waitForTimeout(seconds * 1000);
	const b = await readRun(page);
	const sps = ((b.step - a.step) * 1000) / (Date.now() - t);
	await context.close();
	return { stepsPerSec: sps, readyMs, backend: b.backend };
}

/** Press Train with default settings and time until ArcFace's held-out accuracy reaches 95 %. */
async function timeTo95(query = '') {
	const { page, context, readyMs } = await openLab(query);
	const t = Date.now();
	await page.getByTestId('train').click();
	let r = await readRun(page);
	while (r.accB < 95 && Date.now() - t < 180_000) {
		await page.waitForTimeout(100);
		r = await readRun(page);
	}
	const ms = r.accB >= 95 ? Date.now() - t : null;
	await context.close();
	return { ms, steps: r.step, backend: r.backend, readyMs };
}

async function frames(query) {
	const { page, context } = await openLab(query);
	await page.getByTestId('train').click();
	await page.waitForTimeout(1500);
	await startFrameProbe(page);
	await page.waitForTimeout(10_000);
	const f = await stopFrameProbe(page);
	await context.close();
	return f;
}

const result = {
	date: new Date().toISOString(),
	machine: {
		cpu: cpus()[0]?.model,
		cores: cpus().length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		os: `${platform()} ${release()}`,
		node: process.version,
		chromium: (() => {
			try {
				return execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'])
					.toString()
					.trim();
			} catch {
				return 'unknown';
			}
		})(),
		note: 'headless Chromium; WebGL runs on SwiftShader (software), so it is far slower than on a real GPU'
	},
	parts: only
};

const SIZES = [
	['default', ''],
	['paper', 'n=1500']
];
if (want('speed')) {
	result.speed = {};
	for (const size of SIZES) {
		result.speed[size[0]] = {};
		for (const b of BACKENDS) {
			const runs = [];
			for (let i = 0; i < Math.min(RUNS, 3); i++)
				runs.push(await speed(`?backend=${b}${size[1] ? '&' + size[1] : ''}`));
			const sps = summary(runs.map((r) => r.stepsPerSec));
			result.speed[size[0]][b] = {
				stepsPerSec: sps,
				samplesPerSec: sps.median * 128 * 2,
				readyMs: summary(runs.map((r) => r.readyMs))
			};
			console.log(size[0], b, sps.median.toFixed(1), 'steps/s');
		}
	}
}

if (want('timeTo95')) {
	const t95 = [];
	for (let i = 0; i < RUNS; i++) t95.push(await timeTo95());
	result.timeTo95 = {
		ms: summary(t95.map((r) => r.ms ?? Number.POSITIVE_INFINITY)),
		steps: summary(t95.map((r) => r.steps)),
		readyMs: summary(t95.map((r) => r.readyMs)),
		backends: t95.map((r) => r.backend)
	};
	console.log('time to 95 %', result.timeTo95.ms.median, 'ms');
}

if (want('firstVisit')) {
	result.firstVisit = await firstVisit(browser, server.base, Math.min(RUNS, 3));
	console.log(
		'first visit',
		result.firstVisit.firstTrainingMs.median,
		'ms; ratio',
		result.firstVisit.ratio.median
	);
}

if (want('choice')) {
	const auto = [];
	for (let i = 0; i < Math.min(RUNS, 3); i++) auto.push(await speed(''));
	const fastest = Math.max(...BACKENDS.map((b) => result.speed.default[b].stepsPerSec.median));
	const chosen = summary(auto.map((r) => r.stepsPerSec));
	result.choice = {
		backends: auto.map((r) => r.backend),
		stepsPerSec: chosen,
		fastestStepsPerSec: fastest,
		ratio: chosen.median / fastest
	};
	console.log('choice ratio', result.choice.ratio.toFixed(2));
}

if (want('frames')) {
	result.frames = { default: await frames(''), paper: await frames('?n=1500') };
	console.log('frames', JSON.stringify(result.frames));
}

if (want('soak')) {
	result.soak = await soak(openLab, Number(process.env.SOAK_MINUTES ?? 10));
	console.log('soak', JSON.stringify(result.soak.samples.at(-1)));
}

if (want('opensetPage')) {
	result.opensetPage = await opensetPage(openLab, readRun);
	console.log('open set in the lab', JSON.stringify(result.opensetPage.lines));
}

await browser?.close();
server?.close();

if (want('openset')) result.openset = await opensetSweep();

if (want('deploy')) result.deploy = deployTrials(Number(process.env.DEPLOY_TRIALS ?? 20));
if (want('reliability')) {
	result.reliability = await reliability();
	console.log('reliability', JSON.stringify(result.reliability.counts));
}

if (want('bundle') || want('lighthouse')) {
	// Page weight and Lighthouse against a server that compresses like a real static host.
	const site = await serveCompressed();
	if (want('bundle')) {
		const b = await launch();
		result.bundle = await bundleWeights(b, site.base);
		await b.close();
	}
	if (want('lighthouse')) {
		// Lighthouse multiplies the CPU time it observes: on a busy machine every score drops. Keep the load.
		const loadBefore = loadavg()[0];
		result.lighthouse = await lighthousePages(
			site.base,
			['/', '/lessons/softmax-vs-arcface/', '/lab/'],
			Number(process.env.LIGHTHOUSE_RUNS ?? 3)
		);
		result.lighthouseLoad = { before: loadBefore, after: loadavg()[0], cores: cpus().length };
	}
	site.close();
}

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${result.date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
writeSummary();
console.log('wrote', file, 'and BENCHMARKS.md');
