/**
 * The face gallery (no training): sample faces of every identity under chosen nuisance levels, and how far
 * apart they are in raw pixels, within one identity and between identities. Pure TS: no DOM, no Svelte.
 */
import {
	DEFAULT_IDENTITY_SEED,
	hashSeed,
	makeIdentities,
	N_IDENTITIES,
	NUISANCE_KEYS,
	renderIdentitySample,
	Rng,
	type FaceParams,
	type NuisanceKey,
	type NuisanceLevels
} from '$lib/faces';
import type { Field, NumberField, Schema, Settings } from '$lib/state/codec';
import { labNuisance, nuisanceParam, trainSchema } from '$lib/train/schema';

/** Faces drawn per identity (one row each). */
export const PER_IDENTITY = 8;
/** The two image sizes: what the network sees, and a closer look. */
export const SIZES = ['20', '48'] as const;
export type GallerySize = (typeof SIZES)[number];

/** A nuisance level in [0, 1]; defaults are the lab's, so the gallery shows what the networks train on. */
const level = (key: NuisanceKey): NumberField => ({
	kind: 'number',
	min: 0,
	max: 1,
	default: labNuisance[key],
	step: 0.01
});

/** URL schema: the nuisance levels under the lab's keys (pose, tilt, light, expr, shift, noise, occl), seed, size. */
export const gallerySchema = {
	pose: level('yaw'),
	tilt: level('tilt'),
	light: level('lighting'),
	expr: level('expression'),
	shift: level('scaleShift'),
	noise: level('noise'),
	occl: level('occluder'),
	seed: {
		kind: 'number',
		min: trainSchema.seed.range[0],
		max: trainSchema.seed.range[1],
		default: trainSchema.seed.default,
		step: 1
	},
	size: { kind: 'enum', values: SIZES, default: '20' }
} as const satisfies Schema & Record<string, Field>;
export type GallerySettings = Settings<typeof gallerySchema>;

/** URL key of each nuisance level: the lab's own map (`nuisanceParam` in the settings schema). */
export const paramOf = nuisanceParam satisfies Record<NuisanceKey, keyof typeof gallerySchema>;
export type NuisanceParam = (typeof paramOf)[NuisanceKey];

/** Every nuisance factor with its URL key, in the order the sliders show them. */
export const nuisanceParams: readonly { key: NuisanceKey; param: NuisanceParam }[] = NUISANCE_KEYS.map(
	(key) => ({ key, param: paramOf[key] })
);

/** Nuisance levels from settings, with any values still being dragged (`draft`) taking precedence. */
export function levelsOf(
	settings: GallerySettings,
	draft: Partial<Record<NuisanceParam, number>> = {}
): NuisanceLevels {
	const out = {} as NuisanceLevels;
	for (const { key, param } of nuisanceParams) out[key] = draft[param] ?? settings[param];
	return out;
}

/** The next seed for "resample" (wrapping at the top of the seed range). */
export function nextSeed(seed: number): number {
	const [lo, hi] = trainSchema.seed.range;
	return seed >= hi ? lo : seed + 1;
}

// Made on first use, not when the module loads: the lab imports this module with its settings, long before
// (and often without) drawing a face.
let made: FaceParams[] | undefined;
const identities = (): FaceParams[] =>
	(made ??= makeIdentities(DEFAULT_IDENTITY_SEED).slice(0, N_IDENTITIES));

/**
 * `count` faces of identity `id` at `size` px. Identity id draws from its own stream hashSeed(seed, 7919, id),
 * so one row can be drawn at a time and the same seed gives the same faces as the lab's sample grid.
 */
export function sampleRow(
	seed: number,
	id: number,
	levels: NuisanceLevels,
	size: number,
	count = PER_IDENTITY
) {
	const rng = new Rng(hashSeed(seed, 7919, id));
	return Array.from({ length: count }, () => renderIdentitySample(identities()[id], rng, levels, size));
}

/** Every identity's row of faces. */
export function sampleGallery(seed: number, levels: NuisanceLevels, size: number, count = PER_IDENTITY) {
	return identities().map((_, id) => sampleRow(seed, id, levels, size, count));
}

export type PixelSpread = {
	/** mean RMS pixel difference (grey levels 0–255) between two faces of one identity / of two identities */
	within: number;
	between: number;
	/** faces whose nearest other face in raw pixels (Euclidean) shows the same identity, and all faces */
	nearestSame: number;
	faces: number;
};

/**
 * How far apart the shown faces are in raw pixels: the root-mean-square difference per pixel (so 20 px and
 * 48 px images give comparable numbers), averaged over every within-identity and every between-identity pair;
 * and a pixel-space rank-1 — how often the closest other image is the same person.
 */
export function pixelSpread(rows: Float32Array[][]): PixelSpread {
	const faces = rows.flatMap((row, id) => row.map((px) => ({ id, px })));
	const n = faces.length;
	const nearest = new Float64Array(n).fill(Infinity);
	const nearestId = new Int32Array(n).fill(-1);
	let within = 0;
	let between = 0;
	let nWithin = 0;
	let nBetween = 0;
	for (let i = 0; i < n; i++) {
		const a = faces[i].px;
		for (let j = i + 1; j < n; j++) {
			const b = faces[j].px;
			let s = 0;
			for (let p = 0; p < a.length; p++) {
				const d = a[p] - b[p];
				s += d * d;
			}
			const rms = Math.sqrt(s / a.length) * 255;
			if (faces[i].id === faces[j].id) {
				within += rms;
				nWithin++;
			} else {
				between += rms;
				nBetween++;
			}
			if (rms < nearest[i]) [nearest[i], nearestId[i]] = [rms, faces[j].id];
			if (rms < nearest[j]) [nearest[j], nearestId[j]] = [rms, faces[i].id];
		}
	}
	let nearestSame = 0;
	for (let i = 0; i < n; i++) if (nearestId[i] === faces[i].id) nearestSame++;
	return {
		within: nWithin ? within / nWithin : 0,
		between: nBetween ? between / nBetween : 0,
		nearestSame,
		faces: n
	};
}
