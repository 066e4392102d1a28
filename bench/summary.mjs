// Write BENCHMARKS.md from the newest file in bench/results/ (and list the earlier ones).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const s = (x) => (Number.isFinite(x) ? (x / 1000).toFixed(1) : 'not reached');
const range = (o, fmt) => `${fmt(o.median)} (${fmt(o.min)}–${fmt(o.max)}, ${o.runs} runs)`;

export function writeSummary() {
	const files = readdirSync('bench/results')
		.filter((f) => f.endsWith('.json'))
		.sort();
	if (!files.length) return;
	const r = JSON.parse(readFileSync(`bench/results/${files.at(-1)}`, 'utf8'));
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
		lines.push('## Training speed (both models, batch 128 each)', '');
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
			'## Time from Train to ArcFace ≥ 95 % held-out (default settings, backend chosen by the engine)',
			''
		);
		lines.push(`- seconds: ${range(r.timeTo95.ms, s)} — target ≤ 15 s`);
		lines.push(`- steps: ${range(r.timeTo95.steps, (x) => String(Math.round(x)))}`);
		lines.push(`- page ready before Train (backend measurement included): ${range(r.timeTo95.readyMs, s)} s`);
		lines.push(`- backends chosen: ${r.timeTo95.backends.join(', ')}`, '');
	}
	if (r.choice) {
		lines.push("## The engine's backend choice against the fastest measured backend", '');
		lines.push(`- chosen: ${r.choice.backends.join(', ')} at ${range(r.choice.stepsPerSec, f1)} steps/s`);
		lines.push(`- fastest forced backend: ${f1(r.choice.fastestStepsPerSec)} steps/s`);
		lines.push(`- ratio: ${r.choice.ratio.toFixed(2)} — target ≥ 0.9`, '');
	}
	if (r.frames) {
		lines.push('## Main-thread smoothness while training (10 s, 1280 × 900)', '');
		lines.push(
			'| data | frames | p50 frame (ms) | p95 frame (ms) | longest frame (ms) | long tasks > 50 ms |',
			'|---|---|---|---|---|---|'
		);
		for (const [k, v] of Object.entries(r.frames))
			lines.push(`| ${k} | ${v.frames} | ${f1(v.p50)} | ${f1(v.p95)} | ${f1(v.max)} | ${v.longTasks} |`);
		lines.push('', 'Target at default size: p95 ≤ 20 ms and no long tasks.', '');
	}
	if (r.lighthouse) {
		lines.push('## Lighthouse', '', '| page | performance | accessibility |', '|---|---|---|');
		for (const [p, v] of Object.entries(r.lighthouse))
			lines.push(`| ${p} | ${v.performance} | ${v.accessibility} |`);
		lines.push('');
	}
	if (r.bundle) {
		lines.push('## JavaScript shipped (gzipped)', '');
		for (const [p, v] of Object.entries(r.bundle)) lines.push(`- ${p}: ${(v / 1024).toFixed(1)} KB`);
		lines.push('');
	}
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
