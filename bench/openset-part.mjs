// The "Open set" part of `npm run bench`: the Node sweep (bench/openset.ts through Vite) and its lines in
// BENCHMARKS.md. `node bench/run.mjs --only openset` runs the default grid (OPENSET_SEEDS, OPENSET_STEPS and
// OPENSET_BASELINES=1 change it); `node bench/openset-sweep.mjs --collect a.jsonl,b.jsonl` turns rows
// written by separate sweep processes into one results file.
import { readFileSync } from 'node:fs';

export const GRID = {
	ks: [8, 32, 128, 256],
	dims: [2, 16],
	losses: ['softmax', 'arcface'],
	seeds: [1, 2, 3],
	steps: 1500
};
export const BASELINES = { ks: [32, 128], dims: [16], losses: ['normface', 'cosface'] };

/** Loads bench/openset.ts through Vite (for `$lib`) and hands it to `fn`. */
export async function withOpenset(fn) {
	const { createServer } = await import('vite');
	const vite = await createServer({
		server: { middlewareMode: true, hmr: false },
		appType: 'custom',
		logLevel: 'error'
	});
	try {
		return await fn(await vite.ssrLoadModule('/bench/openset.ts'));
	} finally {
		await vite.close();
	}
}

/** A result row without its loss curve's float noise (kept: it is what the plateau was read from). */
const compact = ({ features: _features, ...row }) => ({
	...row,
	lossCurve: row.lossCurve.map((v) => Number(v.toFixed(4)))
});

/** The default grid (and the baselines when OPENSET_BASELINES=1), every row logged as it finishes. */
export async function opensetSweep() {
	const seeds = (process.env.OPENSET_SEEDS ?? GRID.seeds.join(',')).split(',').map(Number);
	const steps = Number(process.env.OPENSET_STEPS ?? GRID.steps);
	return withOpenset(async (m) => {
		const list = m.specs({ ...GRID, seeds, steps });
		if (process.env.OPENSET_BASELINES === '1') list.push(...m.specs({ ...BASELINES, seeds, steps }));
		const rows = await m.sweep(list, (s) => console.log(s));
		return describe(rows.map(compact));
	});
}

/** The part's result object from rows (also used for rows read back from JSON lines). */
export function describe(rows) {
	return {
		backend: rows[0]?.backend ?? null,
		note:
			'Node, tfjs; 20 × 20 px faces at the lab default nuisance; 400 images per training identity up to 12,800 images ' +
			'(K = 128: 100, K = 256: 50), 80 % trained; Adam lr 0.003, batch 128; 64 unseen identities × 20 images.',
		rows
	};
}

/** Rows read back from JSON-lines files, their open-set numbers computed again from the saved features. */
export async function collect(files) {
	const rows = files.flatMap((f) =>
		readFileSync(f, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l))
	);
	const again = await withOpenset(async (m) => m.recompute(rows));
	return describe(again.map(compact));
}

const median = (xs) => {
	const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
	if (!s.length) return Number.NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Rows grouped by everything but the seed. */
export function groups(rows) {
	const by = new Map();
	for (const r of rows) {
		const key = JSON.stringify([r.k, r.dim, r.loss, r.head ?? null, r.hidden ?? null, r.steps]);
		if (!by.has(key)) by.set(key, []);
		by.get(key).push(r);
	}
	return [...by.values()];
}

const pct = (x) => (typeof x === 'number' && Number.isFinite(x) ? (100 * x).toFixed(1) : '—');
/** median (min–max) over seeds, as percentages */
function spread(runs, get) {
	const xs = runs.map(get).filter((x) => typeof x === 'number' && Number.isFinite(x));
	if (!xs.length) return '—';
	if (xs.length === 1) return pct(xs[0]);
	return `${pct(median(xs))} (${pct(Math.min(...xs))}–${pct(Math.max(...xs))})`;
}

export function variantOf(r) {
	const head = r.head ? Object.entries(r.head).map(([k, v]) => `${k} ${v}`) : [];
	const hidden = r.hidden ? [`hidden ${r.hidden.join('×')}`] : [];
	return [r.loss, ...head, ...hidden].join(', ');
}

/** Table lines: one row per (K, D, loss variant, steps), medians over seeds. */
export function tableLines(rows) {
	const lines = [
		'| K | D | loss | steps | seeds | steps/s | plateau: step, s | closed TAR@1e-2 | unseen TAR@1e-2 | unseen TAR@1e-1 | unseen rank-1 (1 image) | rank-1 (5 images) | unseen DIR@FPIR 1e-1 | peak tensor MiB |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const g of groups(rows)) {
		const r = g[0];
		const sps = median(g.map((x) => x.stepsPerSec));
		const ps = median(g.map((x) => x.plateauStep));
		const pss = median(g.map((x) => x.plateauSeconds));
		lines.push(
			`| ${r.k} | ${r.dim} | ${variantOf(r)} | ${r.steps} | ${g.length} | ${sps.toFixed(0)} | ${Number.isFinite(ps) ? ps : '—'}, ${Number.isFinite(pss) ? pss.toFixed(1) : '—'} | ` +
				`${spread(g, (x) => x.closed.tar[1].tar)} | ${spread(g, (x) => x.unseen.tar[1].tar)} | ${spread(g, (x) => x.unseen.tar[0].tar)} | ` +
				`${spread(g, (x) => x.unseen.rank1)} | ${spread(g, (x) => x.unseen.rank1k)} | ${spread(g, (x) => x.unseen.dir[0].dir)} | ` +
				`${(median(g.map((x) => x.peakBytes)) / 2 ** 20).toFixed(1)} |`
		);
	}
	return lines;
}

/** BENCHMARKS.md lines for the Node sweep and the Chromium targets (either may be missing). */
export function opensetLines(openset, page, dated) {
	const lines = [];
	if (openset?.rows?.length) {
		const r0 = openset.rows[0];
		lines.push(`## Open set: unseen identities, softmax against ArcFace${dated('openset')}`, '');
		lines.push(
			`bench/openset.ts, ${openset.backend} backend. ${openset.note} Closed set: up to 20 held-out images of each of the first 64 training identities; ` +
				`unseen: ${r0.unseen.images} images of ${r0.unseen.identities} identities no run trains on (${r0.unseen.positivePairs.toLocaleString('en')} genuine and ` +
				`${r0.unseen.negativePairs.toLocaleString('en')} impostor pairs, so TAR@1e-3 rests on ${Math.floor(r0.unseen.negativePairs * 1e-3)} false accepts). ` +
				"Metrics: src/lib/metrics/open-set.ts with the lab's protocol (src/lib/train/open-set.ts): the first 32 identities of a set are enrolled from 1 image (or a mean template of 5); rank-1 is over their other images; " +
				'every image of the last 32 unseen identities is a probe of someone not in the gallery (DIR at FPIR). Plateau: the first evaluation (every 100 steps) whose held-out loss is within 5 % of its whole drop from the best. ' +
				'Percentages are medians over seeds (min–max).',
			''
		);
		lines.push(...tableLines(openset.rows), '');
		if (openset.summary) lines.push(openset.summary, '');
	}
	if (page) {
		lines.push(`## Open set in the lab (headless Chromium)${dated('opensetPage')}`, '');
		for (const l of page.lines ?? []) lines.push(`- ${l}`);
		lines.push('');
	}
	return lines;
}
