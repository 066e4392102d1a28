// One open-set grid from the command line (bench/openset.ts through Vite), each row appended as a JSON line:
//   node bench/openset-sweep.mjs --ks 8,32 --dims 2,16 --losses softmax,arcface --seeds 1,2,3 --steps 1500 \
//     [--s 30 --m2 0.35 --hidden 128,64] [--tag name] --out /tmp/openset.jsonl
// Several of these can run side by side (one per core). Then
//   node bench/openset-sweep.mjs --collect /tmp/a.jsonl,/tmp/b.jsonl [--summary 'one sentence']
// writes their rows as the `openset` part of a bench/results file and rewrites BENCHMARKS.md.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { collect, withOpenset } from './openset-part.mjs';
import { writeSummary } from './summary.mjs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const list = (name, fallback) => arg(name, fallback).split(',').filter(Boolean);

if (arg('collect')) {
	const openset = await collect(list('collect'));
	if (arg('summary')) openset.summary = arg('summary');
	const date = new Date().toISOString();
	const result = {
		date,
		machine: {
			cpu: cpus()[0]?.model,
			cores: cpus().length,
			memoryGiB: Math.round(totalmem() / 2 ** 30),
			os: `${platform()} ${release()}`,
			node: process.version,
			chromium: 'not used',
			note: 'Node only (tfjs in Node); the machine was shared with other jobs'
		},
		parts: ['openset'],
		openset
	};
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/${date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
	writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
	writeSummary();
	console.log('wrote', file, 'and BENCHMARKS.md:', openset.rows.length, 'rows');
} else {
	const head = {};
	for (const key of ['s', 'm1', 'm2', 'm3']) if (arg(key)) head[key] = Number(arg(key));
	const out = arg('out', '/tmp/openset.jsonl');
	const tag = arg('tag', '');
	await withOpenset(async (m) => {
		const grid = m.specs({
			ks: list('ks', '8').map(Number),
			dims: list('dims', '2').map(Number),
			losses: list('losses', 'softmax,arcface'),
			seeds: list('seeds', '1').map(Number),
			steps: Number(arg('steps', '1500')),
			head: Object.keys(head).length ? head : undefined,
			hidden: arg('hidden') ? list('hidden').map(Number) : undefined
		});
		await m.sweep(
			grid,
			(line) => console.log(line),
			(row) => appendFileSync(out, JSON.stringify({ tag, ...row }) + '\n')
		);
	});
}
