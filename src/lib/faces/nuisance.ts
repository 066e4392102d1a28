/**
 * Nuisance factors: everything that changes a photo but not the person in it. Each factor has a level from
 * 0 (none) to 1 (strong); sampleNuisance turns levels into one concrete draw for one image.
 */
import { Rng } from './rng';

export const NUISANCE_KEYS = [
	'yaw',
	'tilt',
	'lighting',
	'expression',
	'scaleShift',
	'noise',
	'occluder'
] as const;
export type NuisanceKey = (typeof NUISANCE_KEYS)[number];
/** Levels in [0, 1]: pose yaw, pose tilt (roll + pitch), lighting, expression, scale/shift, noise, occluder. */
export type NuisanceLevels = Record<NuisanceKey, number>;

export const zeroNuisance: NuisanceLevels = Object.freeze({
	yaw: 0,
	tilt: 0,
	lighting: 0,
	expression: 0,
	scaleShift: 0,
	noise: 0,
	occluder: 0
});

export const defaultNuisance: NuisanceLevels = Object.freeze({
	yaw: 0.4,
	tilt: 0.3,
	lighting: 0.4,
	expression: 0.4,
	scaleShift: 0.3,
	noise: 0.25,
	occluder: 0.2
});

export const fullNuisance: NuisanceLevels = Object.freeze({
	yaw: 1,
	tilt: 1,
	lighting: 1,
	expression: 1,
	scaleShift: 1,
	noise: 1,
	occluder: 1
});

/** Largest deviations, reached at level 1. */
export const NUISANCE_LIMITS = {
	yaw: (50 * Math.PI) / 180, // ± radians, uniform
	roll: (20 * Math.PI) / 180,
	pitch: (18 * Math.PI) / 180,
	lightTilt: 1.1, // radians away from the frontal light
	scale: 0.15, // log-scale ±
	shift: 0.12, // face units ±
	noise: 0.12, // Gaussian pixel-noise sd
	occluderChance: 0.5
} as const;

export type Occluder = 'none' | 'glasses' | 'sunglasses' | 'mask';

/** One concrete draw of every nuisance factor (angles in radians, lengths in face units). */
export interface NuisanceSample {
	yaw: number; // positive turns the face towards +x (the viewer's right)
	roll: number;
	pitch: number; // positive tips the face down
	lightX: number; // light direction, unit vector towards the light (x right, y down, z to the viewer)
	lightY: number;
	lightZ: number;
	ambient: number;
	gain: number;
	background: number;
	smile: number;
	mouthOpen: number;
	browRaise: number;
	eyeOpen: number;
	gaze: number;
	scale: number;
	shiftX: number;
	shiftY: number;
	noise: number; // sd of the pixel noise
	noiseSeed: number;
	occluder: Occluder;
	occluderTone: number;
}

/** Clamps every level into [0, 1] (missing or non-finite levels become 0). */
export function clampNuisance(levels: Partial<NuisanceLevels>): NuisanceLevels {
	const out = { ...zeroNuisance };
	for (const key of NUISANCE_KEYS) {
		const v = levels[key];
		out[key] = typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
	}
	return out;
}

/**
 * Draws one nuisance sample. Always consumes the same count of random numbers whatever the levels, so turning
 * one factor up leaves every other factor's draw unchanged for the same seed.
 */
export function sampleNuisance(rng: Rng, levels: NuisanceLevels): NuisanceSample {
	const L = clampNuisance(levels);
	const lim = NUISANCE_LIMITS;
	const yaw = L.yaw * lim.yaw * rng.signed();
	const roll = L.tilt * lim.roll * rng.signed();
	const pitch = L.tilt * lim.pitch * rng.signed();
	const tilt = L.lighting * lim.lightTilt * Math.sqrt(rng.next());
	const azimuth = 2 * Math.PI * rng.next();
	let lx = Math.sin(tilt) * Math.cos(azimuth);
	let ly = Math.sin(tilt) * Math.sin(azimuth) - 0.3;
	let lz = Math.cos(tilt);
	const norm = Math.hypot(lx, ly, lz);
	lx /= norm;
	ly /= norm;
	lz /= norm;
	const ambient = 0.5 - 0.2 * L.lighting * rng.next();
	const gain = Math.exp(0.2 * L.lighting * rng.signed());
	const background = 0.78 + 0.15 * L.lighting * rng.signed();
	const smile = 0.06 * L.expression * rng.signed();
	const mouthOpen = 0.07 * L.expression * Math.max(0, rng.uniform(-0.6, 1));
	const browRaise = 0.05 * L.expression * rng.signed();
	const eyeOpen = 1 - 0.65 * L.expression * rng.next() ** 2;
	const gaze = 0.35 * L.expression * rng.signed();
	const scale = Math.exp(L.scaleShift * lim.scale * rng.signed());
	const shiftX = L.scaleShift * lim.shift * rng.signed();
	const shiftY = L.scaleShift * lim.shift * rng.signed();
	const noise = L.noise * lim.noise;
	const noiseSeed = rng.uint32();
	const hasOccluder = rng.next() < L.occluder * lim.occluderChance;
	const kind = rng.int(3);
	const occluderTone = rng.next();
	const occluder: Occluder = hasOccluder ? (['glasses', 'sunglasses', 'mask'] as const)[kind] : 'none';
	return {
		yaw,
		roll,
		pitch,
		lightX: lx,
		lightY: ly,
		lightZ: lz,
		ambient,
		gain,
		background,
		smile,
		mouthOpen,
		browRaise,
		eyeOpen,
		gaze,
		scale,
		shiftX,
		shiftY,
		noise,
		noiseSeed,
		occluder,
		occluderTone
	};
}

/** The draw with every factor at zero: a frontal, evenly lit, neutral, unoccluded face. */
export function neutralNuisance(): NuisanceSample {
	return sampleNuisance(new Rng(0), zeroNuisance);
}
