// Write BENCHMARKS.md from the newest file in bench/results/ (and list the earlier ones).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { faultLines } from './faults.mjs';
import { firstVisitLines } from './first-visit.mjs';
import { opensetLines } from './openset-part.mjs';

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const s = (x) => (Number.isFinite(x) ? (x / 1000).toFixed(1) : 'not reached');
const range = (o, fmt) => `${fmt(o.median)} (${fmt(o.min)}–${fmt(o.max)}, ${o.runs} runs)`;

export function writeSummary() {
	const files = readdirSync('bench/results')
		.filter((f) => f.endsWith('.json'))
		.sort();
	if (!files.length) return;
	// A run may cover some parts only (`--only lighthouse,bundle`): each section comes from the newest
	// result that has it, and says its date when that is not the latest run's.
	const all = files.map((f) => JSON.parse(readFileSync(`bench/results/${f}`, 'utf8')));
	const latest = all.at(-1);
	const r = { date: latest.date, machine: latest.machine };
	const from = {};
	for (const key of [
		'speed',
		'timeTo95',
		'firstVisit',
		'choice',
		'frames',
		'lighthouse',
		'bundle',
		'reliability',
		'soak',
		'deploy',
		'openset',
		'opensetPage'
	]) {
		const src = all.findLast((x) => x[key] && Object.keys(x[key]).length);
		if (src) {
			r[key] = src[key];
			if (key === 'lighthouse') r.lighthouseLoad = src.lighthouseLoad;
			if (src !== latest) from[key] = src.date;
		}
	}
	const dated = (key) => (from[key] ? ` (run of ${from[key]})` : '');
	const lines = [
		'# Benchmarks',
		'',
		'Made by `npm run bench` (headless Debian Chromium against the built site; medians with min–max).',
		'Raw results: `bench/results/`. Numbers from a shared, noisy machine: compare ratios within one run.',
		'',
		`Latest run: ${r.date}. Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.os}, Node ${r.machine.node}, ${r.machine.chromium}. ${r.machine.note}.`,
		''
	];
	if (r.speed) {
		lines.push(`## Training speed (both models, batch 128 each)${dated('speed')}`, '');
		lines.push('| data | backend | steps/s | samples/s | page ready (s) |', '|---|---|---|---|---|');
		for (const [size, byB] of Object.entries(r.speed))
			for (const [b, v] of Object.entries(byB))
				lines.push(
					`| ${size} | ${b} | ${range(v.stepsPerSec, f1)} | ${Math.round(v.samplesPerSec)} | ${s(v.readyMs.median)} |`
				);
		lines.push(
			'',
			'Default data: 400 faces per identity (3,200); paper size: 1,500 per identity (12,000), 20 × 20 px.',
			''
		);
	}
	if (r.timeTo95) {
		lines.push(
			`## Time from Train to ArcFace ≥ 95 % held-out (default settings, backend chosen by the engine)${dated('timeTo95')}`,
			''
		);
		lines.push(`- seconds: ${range(r.timeTo95.ms, s)} — target ≤ 15 s`);
		lines.push(`- steps: ${range(r.timeTo95.steps, (x) => String(Math.round(x)))}`);
		lines.push(`- page ready before Train (a fresh profile): ${range(r.timeTo95.readyMs, s)} s`);
		lines.push(`- backends chosen: ${r.timeTo95.backends.join(', ')}`, '');
	}
	lines.push(...firstVisitLines(r.firstVisit, dated('firstVisit')));
	if (r.choice) {
		lines.push(`## The engine's backend choice against the fastest measured backend${dated('choice')}`, '');
		lines.push(`- chosen: ${r.choice.backends.join(', ')} at ${range(r.choice.stepsPerSec, f1)} steps/s`);
		lines.push(`- fastest forced backend: ${f1(r.choice.fastestStepsPerSec)} steps/s`);
		lines.push(`- ratio: ${r.choice.ratio.toFixed(2)} — target ≥ 0.9`, '');
	}
	if (r.frames) {
		lines.push(`## Main-thread smoothness while training (10 s, 1280 × 900)${dated('frames')}`, '');
		lines.push(
			'| data | frames | p50 frame (ms) | p95 frame (ms) | longest frame (ms) | long tasks > 50 ms |',
			'|---|---|---|---|---|---|'
		);
		for (const [k, v] of Object.entries(r.frames))
			lines.push(`| ${k} | ${v.frames} | ${f1(v.p50)} | ${f1(v.p95)} | ${f1(v.max)} | ${v.longTasks} |`);
		lines.push('', 'Target at default size: p95 ≤ 20 ms and no long tasks.', '');
	}
	if (r.lighthouse) {
		lines.push(
			`## Lighthouse${dated('lighthouse')}`,
			'',
			'Lighthouse 12.2.3, default mobile config (simulated throttling: slow 4G, 4× CPU), headless Debian Chromium,',
			'site served with gzip like a static host; medians of the runs. Targets: performance ≥ 95, accessibility 100.',
			...(r.lighthouseLoad
				? [
						`Machine load (1-minute load average) before / after: ${r.lighthouseLoad.before.toFixed(1)} / ${r.lighthouseLoad.after.toFixed(1)} on ${r.lighthouseLoad.cores} cores. Lighthouse scales the CPU time it observes by 4, so a busy machine lowers TBT-, FCP- and LCP-based scores.`
					]
				: []),
			...machineDuringRuns(Object.values(r.lighthouse).flatMap((v) => v.runs)),
			'',
			'| page | performance | accessibility | LCP (s) | TBT (ms) | CLS | JS transferred (KB) | runs |',
			'|---|---|---|---|---|---|---|---|'
		);
		for (const [p, v] of Object.entries(r.lighthouse))
			lines.push(
				`| ${p} | ${v.performance} | ${v.accessibility} | ${(v.lcpMs / 1000).toFixed(2)} | ${Math.round(v.tbtMs)} | ${v.cls.toFixed(3)} | ${(v.jsTransferBytes / 1024).toFixed(1)} | ${v.runs.map((x) => x.performance).join(', ')} |`
			);
		lines.push('');
	}
	if (r.bundle) {
		lines.push(`## JavaScript per page (gzipped)${dated('bundle')}`, '');
		lines.push(
			`Every script a page loads until the network is idle ${r.bundle.method.replace(/^sum of every script response until network idle,? ?/, '')}.`,
			`Budget: lesson pages ≤ ${r.bundle.budgetKB.lessons} KB and no training worker (tfjs) until a figure trains (checked by tests/browser/budget.test.ts).`,
			'',
			'The HTML column is the page itself (text, inlined styles, start-up data), all of it read before the first paint.',
			'',
			'| page | JS (KB, gzip) | scripts | training worker at load | HTML (KB, gzip) |',
			'|---|---|---|---|---|'
		);
		for (const [p, v] of Object.entries(r.bundle.pages))
			lines.push(
				`| ${p} | ${(v.gzip / 1024).toFixed(1)} | ${v.scripts} | ${v.training ? 'yes' : 'no'} | ${v.html ? (v.html.gzip / 1024).toFixed(1) : '–'} |`
			);
		lines.push('');
	}
	lines.push(...faultLines(r.reliability, r.soak, dated, r.deploy));
	lines.push(...opensetLines(r.openset, r.opensetPage, dated));
	lines.push(
		'## Earlier runs',
		'',
		...files
			.slice(0, -1)
			.reverse()
			.map((f) => `- bench/results/${f}`),
		''
	);
	writeFileSync('BENCHMARKS.md', lines.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) writeSummary();

/** One line on the machine's state during the Lighthouse runs, from runs that recorded it. */
function machineDuringRuns(runs) {
	const idle = runs.map((x) => x.cpuIdleBefore).filter((v) => typeof v === 'number');
	const index = runs.map((x) => x.benchmarkIndex).filter((v) => typeof v === 'number');
	if (!idle.length && !index.length) return [];
	const range = (v, f) => `${f(Math.min(...v))}–${f(Math.max(...v))}`;
	const pct = (v) => `${Math.round(v * 100)} %`;
	return [
		`Each run waited (up to a minute) for the CPU to be ≥ 80 % idle over 2 s; it was ${range(idle, pct)} idle before the runs. Lighthouse's benchmarkIndex (its own CPU speed test, higher is faster): ${range(index, Math.round)}.`
	];
}
