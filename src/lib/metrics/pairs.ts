/**
 * Angles between pairs of held-out features (paper Fig. 6): positive pairs share an identity, negative pairs
 * do not. Every unordered pair {i, j}, i ≠ j, is counted once. A zero feature is at π/2 to everything.
 *
 * All pairs of 2,400 points is 2.9M angles, cheap enough to take whole (the default). With `maxPairs`, each
 * kind that has more pairs than the cap is subsampled to exactly `maxPairs` distinct pairs, uniformly without
 * replacement (`sampleIndices` over pair numbers, seeded mulberry32 from `$lib/faces/rng`): the same features,
 * labels and seed always give the same angles. Angles come in a fixed order (positives class by class, negatives
 * class pair by class pair, rows ascending within), not in the order they were drawn.
 */

import { clampCos } from '$lib/margins';
import { hashSeed, Rng } from '$lib/faces/rng';
import {
	checkLabels,
	groupByClass,
	rowCount,
	unitRows,
	type ClassGroups,
	type DimOptions,
	type Numbers
} from './input';

export interface PairOptions extends DimOptions {
	/** most pairs to return of each kind (default Infinity: all of them) */
	maxPairs?: number;
	/** seed for the subsample (default 0); unused when nothing is subsampled */
	seed?: number;
}

export interface PairAngles {
	/** angles in radians between same-identity pairs */
	positive: Float32Array;
	/** angles in radians between different-identity pairs */
	negative: Float32Array;
	/** how many pairs of each kind exist (before any subsampling) */
	totalPositive: number;
	totalNegative: number;
}

/** How many positive and negative pairs `labels` make (labels must be integers ≥ 0). */
export function pairCounts(labels: Numbers): { positive: number; negative: number } {
	const n = labels.length;
	const { starts } = groupByClass(labels, checkLabels(labels, n));
	let positive = 0;
	for (let c = 0; c + 1 < starts.length; c++) {
		const m = starts[c + 1] - starts[c];
		positive += (m * (m - 1)) / 2;
	}
	return { positive, negative: (n * (n - 1)) / 2 - positive };
}

/** A run of pairs: within one class (a triangle) or between two classes (a rectangle), as `order` ranges. */
interface Block {
	a0: number;
	a1: number;
	b0: number;
	b1: number;
	size: number;
}

function positiveBlocks({ starts }: ClassGroups): Block[] {
	const blocks: Block[] = [];
	for (let c = 0; c + 1 < starts.length; c++) {
		const m = starts[c + 1] - starts[c];
		if (m < 2) continue;
		blocks.push({
			a0: starts[c],
			a1: starts[c + 1],
			b0: starts[c],
			b1: starts[c + 1],
			size: (m * (m - 1)) / 2
		});
	}
	return blocks;
}

function negativeBlocks({ starts }: ClassGroups): Block[] {
	const blocks: Block[] = [];
	const k = starts.length - 1;
	for (let c = 0; c < k; c++) {
		for (let e = c + 1; e < k; e++) {
			const size = (starts[c + 1] - starts[c]) * (starts[e + 1] - starts[e]);
			if (size > 0) blocks.push({ a0: starts[c], a1: starts[c + 1], b0: starts[e], b1: starts[e + 1], size });
		}
	}
	return blocks;
}

/**
 * `count` distinct integers from [0, total), ascending, every subset equally likely. Selection sampling
 * (Knuth's Algorithm S, one draw per candidate) when the cap is a large share of the total; otherwise Floyd's
 * algorithm (one draw per pick) and a sort.
 */
export function sampleIndices(total: number, count: number, rng: Rng): Float64Array {
	if (count >= total) return Float64Array.from({ length: total }, (_, i) => i);
	if (total <= 16 * count) {
		const out = new Float64Array(count);
		let need = count;
		for (let i = 0, w = 0; need > 0; i++) {
			if (rng.next() * (total - i) < need) {
				out[w++] = i;
				need--;
			}
		}
		return out;
	}
	const chosen = new Set<number>();
	for (let j = total - count; j < total; j++) {
		const t = rng.int(j + 1);
		chosen.add(chosen.has(t) ? j : t);
	}
	return Float64Array.from(chosen).sort();
}

// A direct reference, taken once: a call through the module binding in the hot loop (as Vitest's SSR
// transform compiles imports) keeps V8 from inlining it and costs about 2× on 2.9M pairs.
const clip = clampCos;

/** Angle between rows p and q of the unit rows `g` (in class order); a zero row gives cos 0, so π/2. */
function angleAt(g: Float64Array, dim: number, p: number, q: number): number {
	if (dim === 2) return Math.acos(clip(g[2 * p] * g[2 * q] + g[2 * p + 1] * g[2 * q + 1]));
	let c = 0;
	for (let j = 0, ip = p * dim, iq = q * dim; j < dim; j++) c += g[ip + j] * g[iq + j];
	return Math.acos(clip(c));
}

/** Angles of every pair in `blocks`, or only of the pair numbers in `picked` (ascending) when given. */
function collect(blocks: Block[], picked: Float64Array | null, g: Float64Array, dim: number, total: number) {
	const out = new Float32Array(picked ? picked.length : total);
	let w = 0;
	if (!picked) {
		for (const { a0, a1, b0, b1 } of blocks) {
			const triangle = a0 === b0;
			for (let p = a0; p < a1; p++) {
				for (let q = triangle ? p + 1 : b0; q < b1; q++) out[w++] = angleAt(g, dim, p, q);
			}
		}
		return out;
	}
	let s = 0;
	let offset = 0;
	for (const { a0, a1, b0, b1, size } of blocks) {
		const end = offset + size;
		const triangle = a0 === b0;
		// triangle rows: row p holds pairs (p, p + 1 … a1 − 1); walk forward as the picked numbers grow
		let p = a0;
		let rowStart = 0;
		let rowLen = a1 - a0 - 1;
		while (s < picked.length && picked[s] < end) {
			const r = picked[s++] - offset;
			if (triangle) {
				while (r >= rowStart + rowLen) {
					rowStart += rowLen;
					rowLen--;
					p++;
				}
				out[w++] = angleAt(g, dim, p, p + 1 + r - rowStart);
			} else {
				const width = b1 - b0;
				out[w++] = angleAt(g, dim, a0 + Math.floor(r / width), b0 + (r % width));
			}
		}
		offset = end;
	}
	return out;
}

/** Positive and negative pair angles of n × dim `features` with one label (integer ≥ 0) per row. */
export function pairAngles(
	features: Numbers,
	labels: Numbers,
	{ dim = 2, maxPairs = Infinity, seed = 0 }: PairOptions = {}
): PairAngles {
	const n = rowCount(features, dim);
	const k = checkLabels(labels, n);
	if (!(maxPairs >= 0) || (Number.isFinite(maxPairs) && !Number.isInteger(maxPairs))) {
		throw new Error(`maxPairs must be an integer ≥ 0 or Infinity, got ${maxPairs}`);
	}
	const groups = groupByClass(labels, k);
	const units = unitRows(features, dim);
	// unit rows in class order, so each block is a contiguous run
	const g = new Float64Array(n * dim);
	for (let p = 0; p < n; p++) {
		const i = groups.order[p] * dim;
		g.set(units.subarray(i, i + dim), p * dim);
	}
	const pos = positiveBlocks(groups);
	const neg = negativeBlocks(groups);
	const totalPositive = pos.reduce((sum, b) => sum + b.size, 0);
	const totalNegative = neg.reduce((sum, b) => sum + b.size, 0);
	const pick = (total: number, stream: number) =>
		total > maxPairs ? sampleIndices(total, maxPairs, new Rng(hashSeed(seed, stream))) : null;
	return {
		positive: collect(pos, pick(totalPositive, 1), g, dim, totalPositive),
		negative: collect(neg, pick(totalNegative, 2), g, dim, totalNegative),
		totalPositive,
		totalNegative
	};
}
