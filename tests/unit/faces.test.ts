import { describe, expect, it } from 'vitest';
import {
	clampNuisance,
	defaultNuisance,
	fullNuisance,
	hashSeed,
	makeIdentities,
	N_IDENTITIES,
	neutralNuisance,
	NUISANCE_KEYS,
	PARAM_KEYS,
	PARAM_RANGES,
	renderFace,
	renderIdentitySample,
	Rng,
	sampleNuisance,
	zeroNuisance,
	type NuisanceSample
} from '$lib/faces';

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
	return s / a.length;
}

describe('Rng', () => {
	it('gives the same numbers for the same seed, pinned so every platform agrees', () => {
		const r = new Rng(42);
		expect([r.next(), r.next(), r.next()]).toEqual([
			0.9345327583141625, 0.7594947502948344, 0.80817985185422
		]);
		expect(hashSeed(1, 2, 3)).toBe(2901138804);
		expect(new Rng(0).uint32()).toBe(4069557080);
	});

	it('differs between seeds and stays in [0, 1)', () => {
		const a = new Rng(1);
		const b = new Rng(2);
		const xs = Array.from({ length: 1000 }, () => a.next());
		expect(xs).not.toEqual(Array.from({ length: 1000 }, () => b.next()));
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
	});

	it('draws standard normals (Box–Muller)', () => {
		const r = new Rng(7);
		const n = 20000;
		let s = 0;
		let s2 = 0;
		for (let i = 0; i < n; i++) {
			const g = r.gaussian();
			s += g;
			s2 += g * g;
		}
		expect(Math.abs(s / n)).toBeLessThan(0.03);
		expect(Math.abs(Math.sqrt(s2 / n - (s / n) ** 2) - 1)).toBeLessThan(0.03);
	});
});

describe('identities', () => {
	it('makes 8 deterministic identities inside the parameter ranges', () => {
		const ids = makeIdentities();
		expect(ids).toHaveLength(N_IDENTITIES);
		expect(makeIdentities()).toEqual(ids);
		expect(makeIdentities(123)).not.toEqual(ids);
		for (const id of ids)
			for (const key of PARAM_KEYS) {
				expect(id[key]).toBeGreaterThanOrEqual(PARAM_RANGES[key][0]);
				expect(id[key]).toBeLessThanOrEqual(PARAM_RANGES[key][1]);
			}
	});

	it('keeps every pair of identities apart in parameter space', () => {
		const ids = makeIdentities();
		const unit = (v: number, k: (typeof PARAM_KEYS)[number]) =>
			(v - PARAM_RANGES[k][0]) / (PARAM_RANGES[k][1] - PARAM_RANGES[k][0]);
		for (let a = 0; a < N_IDENTITIES; a++)
			for (let b = a + 1; b < N_IDENTITIES; b++) {
				const d = PARAM_KEYS.reduce((s, k) => s + (unit(ids[a][k], k) - unit(ids[b][k], k)) ** 2, 0);
				expect(Math.sqrt(d / PARAM_KEYS.length)).toBeGreaterThan(0.2);
			}
	});
});

describe('nuisance', () => {
	it('is neutral at level 0 and clamps levels into [0, 1]', () => {
		const s = sampleNuisance(new Rng(5), zeroNuisance);
		for (const key of ['yaw', 'roll', 'pitch', 'smile', 'mouthOpen', 'browRaise', 'gaze', 'shiftX'] as const)
			expect(Math.abs(s[key])).toBe(0);
		expect(s).toMatchObject({ scale: 1, eyeOpen: 1, gain: 1, noise: 0, occluder: 'none' });
		expect(clampNuisance({ yaw: 3, tilt: -1, noise: Number.NaN })).toEqual({ ...zeroNuisance, yaw: 1 });
	});

	it('turning one factor up leaves the other draws unchanged', () => {
		const a = sampleNuisance(new Rng(9), defaultNuisance);
		const b = sampleNuisance(new Rng(9), { ...defaultNuisance, yaw: 1 });
		expect(b.yaw).not.toBe(a.yaw);
		expect({ ...b, yaw: 0 }).toEqual({ ...a, yaw: 0 });
	});

	it('changes the image for every factor at level 1', () => {
		const id = makeIdentities()[0];
		const base = renderFace(id, neutralNuisance(), 32);
		for (const key of NUISANCE_KEYS) {
			let mean = 0;
			let peak = 0;
			for (let seed = 0; seed < 12; seed++) {
				const img = renderIdentitySample(id, new Rng(seed), { ...zeroNuisance, [key]: 1 }, 32);
				mean = Math.max(mean, meanAbsDiff(img, base));
				for (let i = 0; i < img.length; i++) peak = Math.max(peak, Math.abs(img[i] - base[i]));
			}
			expect(mean, key).toBeGreaterThan(0.005);
			expect(peak, key).toBeGreaterThan(0.25);
		}
	});
});

describe('renderFace', () => {
	const ids = makeIdentities();

	it('returns size × size values in [0, 1] without NaN at every size', () => {
		for (const size of [16, 20, 24, 32, 64]) {
			const rng = new Rng(size);
			for (let k = 0; k < 10; k++) {
				const img = renderIdentitySample(ids[k % N_IDENTITIES], rng, fullNuisance, size);
				expect(img).toHaveLength(size * size);
				expect(img.every((v) => v >= 0 && v <= 1)).toBe(true);
			}
		}
	});

	it('is deterministic', () => {
		const a = renderIdentitySample(ids[3], new Rng(11), fullNuisance, 24);
		const b = renderIdentitySample(ids[3], new Rng(11), fullNuisance, 24);
		expect(Array.from(b)).toEqual(Array.from(a));
		const c = renderIdentitySample(ids[3], new Rng(12), fullNuisance, 24);
		expect(meanAbsDiff(a, c)).toBeGreaterThan(0);
	});

	it('yaw moves the features sideways and lighting brightens the lit side', () => {
		const size = 48;
		const neutral: NuisanceSample = neutralNuisance();
		// Mean column of the 8 darkest pixels of the nose-and-mouth band, inside the head.
		const featureX = (img: Float32Array) => {
			const band: { x: number; v: number }[] = [];
			for (let y = Math.round(size * 0.58); y < Math.round(size * 0.8); y++)
				for (let x = Math.round(size * 0.25); x < Math.round(size * 0.75); x++)
					band.push({ x, v: img[y * size + x] });
			band.sort((a, b) => a.v - b.v);
			return band.slice(0, 8).reduce((s, p) => s + p.x, 0) / 8;
		};
		const sideMeans = (img: Float32Array) => {
			let left = 0;
			let right = 0;
			for (let y = 0; y < size; y++)
				for (let x = 0; x < size / 2; x++) {
					left += img[y * size + x];
					right += img[y * size + size - 1 - x];
				}
			return { left, right };
		};
		for (const id of ids) {
			const right = renderFace(id, { ...neutral, yaw: 0.6 }, size);
			const left = renderFace(id, { ...neutral, yaw: -0.6 }, size);
			expect(featureX(right)).toBeGreaterThan(featureX(left) + 2);
			const lit = renderFace(id, { ...neutral, lightX: 0.8, lightY: 0, lightZ: 0.6, ambient: 0.3 }, size);
			const sides = sideMeans(lit);
			expect(sides.right).toBeGreaterThan(sides.left * 1.1);
		}
	});
});
