import { describe, expect, it } from 'vitest';
import { decode, encode } from '$lib/state/codec';
import { nuisanceParam } from '$lib/state/lab-settings';
import { defaultSettings } from '$lib/train/settings';
import { defaultNuisance, fullNuisance, N_IDENTITIES, NUISANCE_KEYS, zeroNuisance } from '$lib/faces';
import {
	gallerySchema,
	levelsOf,
	nextSeed,
	nuisanceParams,
	paramOf,
	PER_IDENTITY,
	pixelSpread,
	sampleGallery,
	sampleRow
} from '../../src/lib/figures/face-gallery/data';

describe('face-gallery settings', () => {
	it('uses the lab URL keys for the nuisance levels', () => {
		expect(paramOf).toEqual(nuisanceParam);
		expect(nuisanceParams.map((p) => p.key)).toEqual([...NUISANCE_KEYS]);
		expect(Object.keys(gallerySchema).sort()).toEqual(
			['pose', 'tilt', 'light', 'expr', 'shift', 'noise', 'occl', 'seed', 'size'].sort()
		);
	});

	it('defaults to the lab defaults and reads, clamps and writes the URL', () => {
		const d = decode(gallerySchema, '');
		const levels = levelsOf(d);
		for (const k of NUISANCE_KEYS) expect(levels[k]).toBeCloseTo(defaultSettings.nuisance[k], 9);
		expect(d.size).toBe('20');
		expect(encode(gallerySchema, d).toString()).toBe('');
		const s = decode(gallerySchema, 'pose=0.9&noise=7&occl=-1&seed=12&size=48&light=x');
		expect(s.pose).toBe(0.9);
		expect(s.noise).toBe(1);
		expect(s.occl).toBe(0);
		expect(s.light).toBe(d.light);
		expect(s.seed).toBe(12);
		expect(s.size).toBe('48');
		expect(decode(gallerySchema, 'size=33').size).toBe('20');
		expect(decode(gallerySchema, encode(gallerySchema, s))).toEqual(s);
	});

	it('lets dragged values override the settings', () => {
		const d = decode(gallerySchema, '');
		expect(levelsOf(d, { pose: 1, expr: 0 })).toEqual({ ...levelsOf(d), yaw: 1, expression: 0 });
	});

	it('resamples to the next seed and wraps at the top', () => {
		expect(nextSeed(1)).toBe(2);
		expect(nextSeed(gallerySchema.seed.max)).toBe(gallerySchema.seed.min);
	});
});

describe('face-gallery samples', () => {
	it('draws one row per identity, the same for the same seed, row by row or all at once', () => {
		const all = sampleGallery(3, defaultNuisance, 12);
		expect(all.length).toBe(N_IDENTITIES);
		expect(all[0].length).toBe(PER_IDENTITY);
		expect(all[0][0].length).toBe(144);
		expect(sampleRow(3, 5, defaultNuisance, 12)).toEqual(all[5]);
		expect(sampleGallery(4, defaultNuisance, 12)[5]).not.toEqual(all[5]);
	});

	it('with no nuisance every photo of a person is the same, and each is nearest to its own kind', () => {
		const s = pixelSpread(sampleGallery(1, zeroNuisance, 16, 3));
		expect(s.within).toBe(0);
		expect(s.between).toBeGreaterThan(5);
		expect(s.faces).toBe(N_IDENTITIES * 3);
		expect(s.nearestSame).toBe(s.faces);
	});

	it('turning nuisance up widens the spread within an identity', () => {
		const low = pixelSpread(sampleGallery(2, { ...zeroNuisance, yaw: 0.2, noise: 0.1 }, 16, 4));
		const high = pixelSpread(sampleGallery(2, fullNuisance, 16, 4));
		expect(high.within).toBeGreaterThan(low.within);
		expect(high.within / high.between).toBeGreaterThan(low.within / low.between);
		expect(high.nearestSame).toBeLessThanOrEqual(low.nearestSame);
	});

	it('measures RMS grey-level distances on a hand-made example', () => {
		const a = new Float32Array([0, 0, 0, 0]);
		const b = new Float32Array([1, 1, 0, 0]);
		const c = new Float32Array([1, 1, 1, 1]);
		// within: a–b; between: a–c (255), b–c (255·√½)
		const s = pixelSpread([[a, b], [c]]);
		expect(s.within).toBeCloseTo(255 * Math.SQRT1_2, 9);
		expect(s.between).toBeCloseTo((255 + 255 * Math.SQRT1_2) / 2, 9);
		// a's nearest is b (same), b's nearest is a or c at equal distance (a comes first), c's is b (other)
		expect(s.nearestSame).toBe(2);
		expect(pixelSpread([]).within).toBe(0);
	});
});
