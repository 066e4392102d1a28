import { describe, expect, it } from 'vitest';
import {
	budgetPerIdentity,
	DEFAULT_IDENTITY_SEED,
	IMAGE_BUDGET,
	makeDataset,
	makeIdentities,
	makeUnseen,
	MAX_TRAIN_IDENTITIES,
	N_UNSEEN,
	PARAM_KEYS,
	trainIdentities,
	unseenIdentities,
	zeroNuisance,
	type FaceParams
} from '$lib/faces';
import { trainSchema } from '$lib/train/schema';

const key = (f: FaceParams) => PARAM_KEYS.map((k) => f[k].toFixed(12)).join(',');
const rms = (a: FaceParams, b: FaceParams) =>
	Math.sqrt(PARAM_KEYS.reduce((s, k) => s + (a[k] - b[k]) ** 2, 0) / PARAM_KEYS.length);

describe('training and unseen identities', () => {
	const ks = trainSchema.identities.choices;

	it('are disjoint for every K the lab offers and every identity seed tried', () => {
		for (const seed of [DEFAULT_IDENTITY_SEED, 1, 12345]) {
			const unseen = unseenIdentities(seed);
			expect(unseen).toHaveLength(N_UNSEEN);
			const unseenKeys = new Set(unseen.map(key));
			expect(unseenKeys.size).toBe(N_UNSEEN);
			for (const k of ks) {
				const train = trainIdentities(k, seed);
				expect(train).toHaveLength(k);
				for (const t of train) expect(unseenKeys.has(key(t))).toBe(false);
			}
			// the largest training set is every other pool member: no unseen face is even close to one
			const all = trainIdentities(MAX_TRAIN_IDENTITIES, seed);
			const nearest = Math.min(...unseen.flatMap((u) => all.map((t) => rms(u, t))));
			expect(nearest).toBeGreaterThan(0.005);
		}
	});

	it('keep the site’s 8 faces first and grow by prefix', () => {
		const eight = makeIdentities(DEFAULT_IDENTITY_SEED).map(key);
		for (const k of ks) expect(trainIdentities(k).slice(0, 8).map(key)).toEqual(eight);
		expect(trainIdentities(64).map(key)).toEqual(trainIdentities(256).slice(0, 64).map(key));
	});

	it('a dataset of K identities uses exactly the first K and labels 0 … K − 1', () => {
		const ds = makeDataset({ seed: 3, perIdentity: 50, size: 8, nuisance: zeroNuisance, identities: 16 });
		expect(ds.classes).toBe(16);
		expect(ds.identities.map(key)).toEqual(trainIdentities(16).map(key));
		expect(new Set(ds.trainY).size).toBe(16);
		expect(Math.max(...ds.testY)).toBe(15);
		expect(ds.nTrain + ds.nTest).toBe(16 * 50);
	});
});

describe('the image budget', () => {
	it('keeps the lab’s 400 faces up to K = 32, then shares IMAGE_BUDGET, never below 50', () => {
		expect(IMAGE_BUDGET).toBe(12_800);
		expect(budgetPerIdentity(8, 400)).toBe(400);
		expect(budgetPerIdentity(32, 400)).toBe(400);
		expect(budgetPerIdentity(8, 1500)).toBe(1500);
		expect(budgetPerIdentity(64, 400)).toBe(200);
		expect(budgetPerIdentity(128, 400)).toBe(100);
		expect(budgetPerIdentity(256, 400)).toBe(50);
		expect(budgetPerIdentity(256, 50)).toBe(50);
		expect(budgetPerIdentity(Number.NaN, Number.NaN)).toBe(50);
		for (const k of trainSchema.identities.choices) {
			expect(k * budgetPerIdentity(k, 1500)).toBeLessThanOrEqual(Math.max(IMAGE_BUDGET, 8 * 1500));
		}
	});

	it('the dataset says what it used and what was asked for', () => {
		const ds = makeDataset({ seed: 1, perIdentity: 120, size: 8, nuisance: zeroNuisance, identities: 8 });
		expect(ds.perIdentity).toBe(120);
		expect(ds.requestedPerIdentity).toBe(120);
	});
});

describe('the unseen set', () => {
	it('renders N_UNSEEN identities × perIdentity images, grouped, the same for the same seed', () => {
		const a = makeUnseen({ seed: 2, size: 8, nuisance: zeroNuisance, perIdentity: 3 });
		const b = makeUnseen({ seed: 2, size: 8, nuisance: zeroNuisance, perIdentity: 3 });
		expect(a.n).toBe(N_UNSEEN * 3);
		expect(a.x.length).toBe(a.n * 64);
		expect(Array.from(a.y.slice(0, 7))).toEqual([0, 0, 0, 1, 1, 1, 2]);
		expect(a.x).toEqual(b.x);
		expect(a.faces.map(key)).toEqual(unseenIdentities().map(key));
		const c = makeUnseen({ seed: 3, size: 8, nuisance: { ...zeroNuisance, noise: 1 }, perIdentity: 3 });
		expect(c.x).not.toEqual(a.x);
	});

	it('clamps its options', () => {
		const s = makeUnseen({ seed: Number.NaN, size: 1, nuisance: zeroNuisance, perIdentity: 1e9 });
		expect(s.size).toBe(8);
		expect(s.perIdentity).toBe(100);
	});
});
