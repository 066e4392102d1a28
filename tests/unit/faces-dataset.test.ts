import { describe, expect, it } from 'vitest';
import {
	datasetImage,
	defaultNuisance,
	fullNuisance,
	generateDataset,
	makeDataset,
	N_IDENTITIES,
	pixelStats,
	standardize,
	zeroNuisance,
	type FaceDataset,
	type NuisanceLevels
} from '$lib/faces';

const base = { seed: 1, perIdentity: 50, size: 20, nuisance: defaultNuisance };

/** True when every value is a number in [0, 1] (NaN fails both comparisons). */
function inUnitRange(x: Float32Array): boolean {
	return x.every((v) => v >= 0 && v <= 1);
}

function counts(y: Int32Array): number[] {
	const c = new Array<number>(N_IDENTITIES).fill(0);
	for (const label of y) c[label]++;
	return c;
}

/** Mean Euclidean pixel distance between training images of identities a and b (a = b: distinct pairs only). */
function distanceMatrix(ds: FaceDataset): number[][] {
	const p = ds.size * ds.size;
	const byId: number[][] = Array.from({ length: N_IDENTITIES }, () => []);
	for (let i = 0; i < ds.nTrain; i++) byId[ds.trainY[i]].push(i);
	const m = Array.from({ length: N_IDENTITIES }, () => new Array<number>(N_IDENTITIES).fill(0));
	for (let a = 0; a < N_IDENTITIES; a++)
		for (let b = a; b < N_IDENTITIES; b++) {
			let sum = 0;
			let n = 0;
			for (const i of byId[a])
				for (const j of byId[b]) {
					if (a === b && j <= i) continue;
					let d2 = 0;
					for (let k = 0; k < p; k++) d2 += (ds.trainX[i * p + k] - ds.trainX[j * p + k]) ** 2;
					sum += Math.sqrt(d2);
					n++;
				}
			m[a][b] = m[b][a] = sum / n;
		}
	return m;
}

function summary(levels: NuisanceLevels) {
	const m = distanceMatrix(makeDataset({ ...base, seed: 3, nuisance: levels }));
	const within = m.map((row, a) => row[a]);
	let nearest = { a: 0, b: 1, d: Infinity };
	let between = 0;
	for (let a = 0; a < N_IDENTITIES; a++)
		for (let b = a + 1; b < N_IDENTITIES; b++) {
			between += m[a][b] / ((N_IDENTITIES * (N_IDENTITIES - 1)) / 2);
			if (m[a][b] < nearest.d) nearest = { a, b, d: m[a][b] };
		}
	const withinMean = within.reduce((s, d) => s + d, 0) / N_IDENTITIES;
	return { within, withinMean, between, nearest };
}

const scaled = (f: number): NuisanceLevels =>
	Object.fromEntries(Object.entries(defaultNuisance).map(([k, v]) => [k, v * f])) as NuisanceLevels;

describe('makeDataset', () => {
	it('has the documented shapes, a stratified 20 % split and values in [0, 1]', () => {
		const ds = makeDataset(base);
		expect(ds).toMatchObject({ size: 20, perIdentity: 50, nTrain: 320, nTest: 80 });
		expect(ds.trainX).toHaveLength(320 * 400);
		expect(ds.testX).toHaveLength(80 * 400);
		expect(counts(ds.trainY)).toEqual(new Array(N_IDENTITIES).fill(40));
		expect(counts(ds.testY)).toEqual(new Array(N_IDENTITIES).fill(10));
		for (const x of [ds.trainX, ds.testX]) expect(inUnitRange(x)).toBe(true);
		expect(ds.identities).toHaveLength(N_IDENTITIES);
		expect(datasetImage(ds, 'test', 79)).toHaveLength(400);
	});

	it('shuffles the training order', () => {
		const y = Array.from(makeDataset(base).trainY);
		expect(y).not.toEqual([...y].sort((a, b) => a - b));
	});

	it('is deterministic for a seed and differs between seeds', () => {
		const a = makeDataset(base);
		const b = makeDataset(base);
		expect(Buffer.from(b.trainX.buffer).equals(Buffer.from(a.trainX.buffer))).toBe(true);
		expect(Array.from(b.testY)).toEqual(Array.from(a.testY));
		const c = makeDataset({ ...base, seed: 2 });
		expect(Buffer.from(c.trainX.buffer).equals(Buffer.from(a.trainX.buffer))).toBe(false);
		const d = makeDataset({ ...base, identitySeed: 99 });
		expect(d.identities).not.toEqual(a.identities);
	});

	it('clamps perIdentity to 50..1500, size to 8..128 and the held-out fraction to 0..0.9', () => {
		expect(makeDataset({ ...base, perIdentity: 3 }).perIdentity).toBe(50);
		const big = makeDataset({ ...base, size: 2, perIdentity: 99999, heldOutFraction: 0 });
		expect(big).toMatchObject({ size: 8, perIdentity: 1500, nTrain: 12000, nTest: 0 });
		expect(makeDataset({ ...base, heldOutFraction: 5 }).nTest).toBe(N_IDENTITIES * 45);
		expect(makeDataset({ ...base, perIdentity: 61.6 }).perIdentity).toBe(62);
	});

	it('reports progress in chunks up to the total', () => {
		const gen = generateDataset({ ...base, perIdentity: 60 }, 100);
		const seen: number[] = [];
		let step = gen.next();
		while (!step.done) {
			expect(step.value.total).toBe(480);
			seen.push(step.value.done);
			step = gen.next();
		}
		expect(seen).toEqual([100, 200, 300, 400, 480]);
		expect(step.value.nTrain + step.value.nTest).toBe(480);
		const calls: number[] = [];
		makeDataset(base, (p) => calls.push(p.done));
		expect(calls.at(-1)).toBe(400);
	});

	it('carries the training pixel statistics for standardising', () => {
		const ds = makeDataset(base);
		expect(pixelStats(ds.trainX)).toEqual({ mean: ds.pixelMean, std: ds.pixelStd });
		const z = pixelStats(standardize(ds.trainX, ds.pixelMean, ds.pixelStd));
		expect(Math.abs(z.mean)).toBeLessThan(1e-4);
		expect(Math.abs(z.std - 1)).toBeLessThan(1e-4);
	});
});

describe('identity structure in pixel space', () => {
	it('without nuisance every image of an identity is the same and identities differ', () => {
		const s = summary(zeroNuisance);
		expect(Math.max(...s.within)).toBe(0);
		expect(s.nearest.d).toBeGreaterThan(1);
	});

	it('at low nuisance an identity is closer to itself than to others, even for the nearest pair', () => {
		const s = summary(scaled(0.25));
		expect(s.withinMean).toBeLessThan(0.6 * s.between);
		expect(Math.max(s.within[s.nearest.a], s.within[s.nearest.b])).toBeLessThan(s.nearest.d);
	});

	it('within-identity spread grows with nuisance until neighbours overlap', () => {
		const low = summary(scaled(0.25));
		const mid = summary(defaultNuisance);
		const high = summary(fullNuisance);
		expect(mid.withinMean).toBeGreaterThan(2 * low.withinMean);
		expect(high.withinMean).toBeGreaterThan(1.8 * mid.withinMean);
		// At full nuisance two images of one person are, on average, about as far apart as two people.
		expect(high.withinMean).toBeGreaterThan(0.9 * high.nearest.d);
	});
});
