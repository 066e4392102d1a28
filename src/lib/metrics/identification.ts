/**
 * Identification (1:N), rank-1: is the gallery item most similar to a probe (largest cosine) of the same
 * identity? The rate is correct / probes, 0 when there are no probes. Ties go to the lowest gallery row. A zero
 * feature has cosine 0 with everything, so it matches whichever item the tie rule picks.
 */

import { hashSeed, Rng } from '$lib/faces/rng';
import { cosines, dotRows } from '$lib/margins/matrix';
import { checkLabels, groupByClass, rowCount, unitRows, type DimOptions, type Numbers } from './input';

export interface Rank1 {
	/** correct / probes, in [0, 1] (0 with no probes) */
	rate: number;
	correct: number;
	probes: number;
}

export interface Rank1Enrolled extends Rank1 {
	/** the enrolled rows (ascending row indices); every other row is a probe */
	gallery: Int32Array;
}

// A direct reference, taken once (see pairs.ts: a call through the module binding in the hot loop is slower).
const dot = dotRows;

/** The gallery row (from `gallery`) with the largest cosine to unit row `probe` of `units`; −1 if none. */
function nearest(units: Float64Array, dim: number, probe: number, gallery: Int32Array, skip = -1): number {
	let best = -1;
	let bestCos = -Infinity;
	for (let g = 0; g < gallery.length; g++) {
		const row = gallery[g];
		if (row === skip) continue;
		const c = dot(units, probe, units, row, dim);
		if (c > bestCos) {
			bestCos = c;
			best = row;
		}
	}
	return best;
}

function result(correct: number, probes: number): Rank1 {
	return { rate: probes > 0 ? correct / probes : 0, correct, probes };
}

/** Every row is a probe against all the other rows (leave one out). Fewer than 2 rows: no probes. */
export function rank1LeaveOneOut(features: Numbers, labels: Numbers, { dim = 2 }: DimOptions = {}): Rank1 {
	const n = rowCount(features, dim);
	checkLabels(labels, n);
	if (n < 2) return result(0, 0);
	const units = unitRows(features, dim);
	const all = Int32Array.from({ length: n }, (_, i) => i);
	let correct = 0;
	for (let i = 0; i < n; i++) if (labels[nearest(units, dim, i, all, i)] === labels[i]) correct++;
	return result(correct, n);
}

export interface EnrolOptions extends DimOptions {
	/** images enrolled per identity (default 1); an identity with no more than that has no probes */
	perIdentity?: number;
	/** which images are enrolled (default 0); identity c draws from its own stream, hashSeed(seed, c) */
	seed?: number;
}

/**
 * A gallery of `perIdentity` images per identity, picked by seeded shuffle of that identity's rows; every
 * other row is a probe, matched against the gallery only.
 */
export function rank1Enrolled(
	features: Numbers,
	labels: Numbers,
	{ dim = 2, perIdentity = 1, seed = 0 }: EnrolOptions = {}
): Rank1Enrolled {
	const n = rowCount(features, dim);
	const k = checkLabels(labels, n);
	if (!Number.isInteger(perIdentity) || perIdentity < 1) {
		throw new Error(`perIdentity must be an integer ≥ 1, got ${perIdentity}`);
	}
	const { order, starts } = groupByClass(labels, k);
	const enrolled = new Uint8Array(n);
	for (let c = 0; c < k; c++) {
		const members = order.slice(starts[c], starts[c + 1]);
		new Rng(hashSeed(seed, c)).shuffle(members);
		for (let i = 0; i < Math.min(perIdentity, members.length); i++) enrolled[members[i]] = 1;
	}
	const gallery = Int32Array.from({ length: n }, (_, i) => i).filter((i) => enrolled[i] === 1);
	const units = unitRows(features, dim);
	let correct = 0;
	let probes = 0;
	for (let i = 0; i < n; i++) {
		if (enrolled[i]) continue;
		probes++;
		if (labels[nearest(units, dim, i, gallery)] === labels[i]) correct++;
	}
	return { ...result(correct, probes), gallery };
}

/**
 * Each row against the k class centres (k × dim row-major): what the classifier does with normalised weights.
 * Labels must be in [0, k).
 */
export function rank1ByCentres(
	features: Numbers,
	labels: Numbers,
	centres: Numbers,
	{ dim = 2 }: DimOptions = {}
): Rank1 {
	const n = rowCount(features, dim);
	const k = rowCount(centres, dim, 'centres');
	checkLabels(labels, n, k);
	const cos = cosines(features, centres, dim);
	let correct = 0;
	for (let i = 0; i < n; i++) {
		let best = -1;
		let bestCos = -Infinity;
		for (let c = 0; c < k; c++) {
			if (cos[i * k + c] > bestCos) {
				bestCos = cos[i * k + c];
				best = c;
			}
		}
		if (best === labels[i]) correct++;
	}
	return result(correct, n);
}
