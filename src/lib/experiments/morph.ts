/**
 * Stimuli made in the face space (pure): morph continua between two identities, and caricatures /
 * anti-caricatures of an identity relative to the average face.
 *
 * Both work on the face parameters themselves (`FaceParams`). `paramsFromUnit` maps each unit coordinate to
 * its parameter by an affine map, so interpolating parameters is the same as interpolating unit coordinates:
 * the morph at t is (1 − t)·A + t·B parameter by parameter, and its midpoint is the midpoint in either space.
 */
import { averageFace, PARAM_KEYS, PARAM_RANGES, type FaceParams } from '$lib/faces/identity';

export const MORPH_STEPS_MIN = 7;
export const MORPH_STEPS_MAX = 11;
export const MORPH_STEPS_DEFAULT = 9;

/** A whole number of steps in [7, 11]; anything else (NaN, strings from a URL) gives the default. */
export function clampSteps(steps: unknown): number {
	const v = typeof steps === 'number' ? steps : Number(steps);
	if (!Number.isFinite(v)) return MORPH_STEPS_DEFAULT;
	return Math.min(MORPH_STEPS_MAX, Math.max(MORPH_STEPS_MIN, Math.round(v)));
}

/** The morph at position t ∈ [0, 1] (0 is A, 1 is B; t is clamped; NaN gives the midpoint). */
export function morphParams(a: FaceParams, b: FaceParams, t: number): FaceParams {
	const s = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5;
	const out = {} as FaceParams;
	for (const k of PARAM_KEYS) {
		// Exact at the ends: (1 − s)·a + s·b can round away from a or b.
		out[k] = s === 0 ? a[k] : s === 1 ? b[k] : (1 - s) * a[k] + s * b[k];
	}
	return out;
}

export interface MorphStep {
	index: number;
	t: number; // position along the continuum, 0 (A) … 1 (B), equally spaced
	params: FaceParams;
}

/** A continuum of `steps` equally spaced morphs from A (t = 0) to B (t = 1), steps clamped to 7–11. */
export function morphContinuum(
	a: FaceParams,
	b: FaceParams,
	steps: number = MORPH_STEPS_DEFAULT
): MorphStep[] {
	const n = clampSteps(steps);
	return Array.from({ length: n }, (_, index) => {
		const t = index / (n - 1);
		return { index, t, params: morphParams(a, b, t) };
	});
}

/** Caricature gains accepted: 0 (the average face) up to 2 (twice as far from the average). */
export const GAIN_MIN = 0;
export const GAIN_MAX = 2;
/** How far past a parameter's range a caricature may go, as a fraction of the range on each side. */
export const CARICATURE_OVERSHOOT = 0.25;

/** Parameters that are fractions or shades by nature: never below 0 or above 1, whatever the gain. */
const UNIT_INTERVAL: ReadonlySet<string> = new Set([
	'jaw',
	'hairVolume',
	'hairLength',
	'skinTone',
	'hairTone'
]);

/**
 * The face at gain k along the line from the average face to the identity: avg + k·(id − avg).
 * k = 1 is the identity, k = 0 the average, k > 1 a caricature (its distinctive features exaggerated),
 * 0 < k < 1 an anti-caricature. k is clamped to [0, 2] (NaN gives 1). A result may leave a parameter's range
 * by at most 25 % of the range on each side (so the renderer's geometry stays sane) and the unit-interval
 * parameters stay in [0, 1]; `clamped` lists the parameters where that bound bit.
 */
export function caricatureParams(
	id: FaceParams,
	gain: number,
	avg: FaceParams = averageFace()
): { params: FaceParams; gain: number; clamped: string[] } {
	const k = Number.isFinite(gain) ? Math.min(GAIN_MAX, Math.max(GAIN_MIN, gain)) : 1;
	const params = {} as FaceParams;
	const clamped: string[] = [];
	for (const key of PARAM_KEYS) {
		const [lo, hi] = PARAM_RANGES[key];
		const over = CARICATURE_OVERSHOOT * (hi - lo);
		let min = lo - over;
		let max = hi + over;
		if (UNIT_INTERVAL.has(key)) {
			min = Math.max(0, min);
			max = Math.min(1, max);
		}
		const raw = k === 1 ? id[key] : k === 0 ? avg[key] : avg[key] + k * (id[key] - avg[key]);
		const v = Math.min(max, Math.max(min, raw));
		if (v !== raw) clamped.push(key);
		params[key] = v;
	}
	return { params, gain: k, clamped };
}

/** Root-mean-square distance between two faces in unit coordinates (each parameter's range counts as 2). */
export function unitDistance(a: FaceParams, b: FaceParams): number {
	let s = 0;
	for (const k of PARAM_KEYS) {
		const [lo, hi] = PARAM_RANGES[k];
		s += ((2 * (a[k] - b[k])) / (hi - lo)) ** 2;
	}
	return Math.sqrt(s / PARAM_KEYS.length);
}
