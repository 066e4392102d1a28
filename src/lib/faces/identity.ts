/**
 * Face identities: each one a fixed vector of face parameters, drawn from a seed. Units are head-centred
 * "face units": the image spans [-1, 1] in x and y (y points down) at scale 1, the head centre sits near 0.
 */
import { Rng } from './rng';

/** The identities the site shows by default: the first 8 of the pool. */
export const N_IDENTITIES = 8;
export const DEFAULT_IDENTITY_SEED = 7;
/** Most training identities a run can have (the `ids` setting). */
export const MAX_TRAIN_IDENTITIES = 256;
/** Identities no model ever trains on, for the open-set tests. */
export const N_UNSEEN = 64;

/** [low, high] for each parameter; an identity picks a point inside every range. */
export const PARAM_RANGES = {
	headW: [0.5, 0.62], // half-width of the head
	headH: [0.66, 0.76], // half-height of the head
	jaw: [0, 1], // 0 round jaw, 1 narrow, pointed chin
	eyeY: [-0.04, 0.06], // eye line, below the head centre when positive
	eyeSep: [0.17, 0.25], // half the distance between the eyes
	eyeW: [0.075, 0.11], // half-width of an eye
	eyeRound: [0.42, 0.72], // eye half-height / half-width
	browH: [0.1, 0.16], // brow height above the eye line
	browSlant: [-0.3, 0.3], // radians; positive lifts the inner ends
	browThick: [0.022, 0.045],
	browLen: [0.09, 0.13],
	noseLen: [0.16, 0.26],
	noseW: [0.06, 0.11],
	mouthGap: [0.1, 0.16], // nose base to mouth line
	mouthW: [0.11, 0.19],
	mouthCurve: [-0.025, 0.045], // positive: a smile
	lipThick: [0.035, 0.06],
	hairY: [-0.62, -0.3], // hairline height at the centre
	hairCurve: [-0.14, 0.2], // hairline bends down at the temples (positive) or peaks (negative)
	hairPart: [-0.12, 0.12], // hairline slant: a side parting
	hairVolume: [0, 1],
	hairLength: [0, 1], // 0 cropped, 1 down to the jaw
	skinTone: [0.56, 0.86],
	hairTone: [0.05, 0.5],
	earSize: [0.8, 1.2]
} as const;

export type FaceParamKey = keyof typeof PARAM_RANGES;
export type FaceParams = Record<FaceParamKey, number>;
export const PARAM_KEYS = Object.keys(PARAM_RANGES) as FaceParamKey[];

/** Maps unit coordinates z ∈ [-1, 1] (one per key, in PARAM_KEYS order) to face parameters. */
export function paramsFromUnit(z: ArrayLike<number>): FaceParams {
	const entries = PARAM_KEYS.map((key, i) => {
		const [lo, hi] = PARAM_RANGES[key];
		const t = Math.min(1, Math.max(-1, z[i] ?? 0));
		return [key, lo + ((t + 1) / 2) * (hi - lo)];
	});
	return Object.fromEntries(entries) as FaceParams;
}

/** The average face: every parameter in the middle of its range. */
export function averageFace(): FaceParams {
	return paramsFromUnit(new Float64Array(PARAM_KEYS.length));
}

function rmsDistance(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
	return Math.sqrt(s / a.length);
}

/**
 * Draws `count` identities. Each one is the best of `candidates` uniform draws in [-spread, spread]^d: the
 * draw farthest (RMS over parameters) from the identities already chosen, so the faces are all distinct
 * while staying inside one population (spread < 1 keeps them closer together and harder to tell apart).
 */
export function makeIdentities(
	seed: number = DEFAULT_IDENTITY_SEED,
	count: number = N_IDENTITIES,
	spread = 0.85,
	candidates = 24
): FaceParams[] {
	const rng = new Rng(seed);
	const d = PARAM_KEYS.length;
	const chosen: Float64Array[] = [];
	for (let k = 0; k < count; k++) {
		let best: Float64Array | null = null;
		let bestDist = -1;
		for (let c = 0; c < (k === 0 ? 1 : candidates); c++) {
			const z = new Float64Array(d);
			for (let i = 0; i < d; i++) z[i] = spread * rng.signed();
			let nearest = Infinity;
			for (const other of chosen) nearest = Math.min(nearest, rmsDistance(z, other));
			if (nearest > bestDist) {
				bestDist = nearest;
				best = z;
			}
		}
		chosen.push(best as Float64Array);
	}
	return chosen.map(paramsFromUnit);
}

const pools = new Map<number, FaceParams[]>();

/**
 * The whole pool of one identity seed: MAX_TRAIN_IDENTITIES + N_UNSEEN identities from one farthest-point
 * sequence (`makeIdentities`), computed once per seed (≈ 0.3 s). Training identities are always a prefix of it
 * (the first 8 are the site's 8 faces) and the unseen ones its tail, so the two sets are disjoint for every
 * K ≤ MAX_TRAIN_IDENTITIES, and each unseen face was also chosen to lie away from every training face.
 */
export function identityPool(seed: number = DEFAULT_IDENTITY_SEED): readonly FaceParams[] {
	let pool = pools.get(seed);
	if (!pool) {
		pool = makeIdentities(seed, MAX_TRAIN_IDENTITIES + N_UNSEEN);
		if (pools.size > 4) pools.clear();
		pools.set(seed, pool);
	}
	return pool;
}

/** Clamps a training-identity count into [2, MAX_TRAIN_IDENTITIES] (non-finite → N_IDENTITIES). */
export function clampIdentityCount(k: number): number {
	return Number.isFinite(k) ? Math.min(MAX_TRAIN_IDENTITIES, Math.max(2, Math.round(k))) : N_IDENTITIES;
}

/** The first `k` identities of the pool: the training identities of a run with `ids = k`. */
export function trainIdentities(k: number, seed: number = DEFAULT_IDENTITY_SEED): FaceParams[] {
	const n = clampIdentityCount(k);
	// the site's 8 are drawn alone so a default run never pays for the whole pool
	if (n <= N_IDENTITIES) return makeIdentities(seed, n);
	return identityPool(seed).slice(0, n);
}

/** Pool positions of the unseen identities: MAX_TRAIN_IDENTITIES … MAX_TRAIN_IDENTITIES + N_UNSEEN − 1. */
export const UNSEEN_OFFSET = MAX_TRAIN_IDENTITIES;

/** The N_UNSEEN identities no run trains on (the pool's tail, whatever K is). */
export function unseenIdentities(seed: number = DEFAULT_IDENTITY_SEED): FaceParams[] {
	return identityPool(seed).slice(UNSEEN_OFFSET, UNSEEN_OFFSET + N_UNSEEN);
}
