/**
 * Seeded datasets of rendered faces: K identities (8 by default, up to MAX_TRAIN_IDENTITIES) × perIdentity
 * images, split per identity into a training and a held-out test set, each shuffled; and the open-set tests'
 * images of the unseen identities (`generateUnseen`), which no training set ever contains.
 *
 * Memory: a run never renders more than IMAGE_BUDGET images. Up to K = 32 the lab's default 400 faces per
 * identity fit; past the budget each identity gets ⌊IMAGE_BUDGET / K⌋ images (at least PER_IDENTITY_MIN),
 * so K = 256 trains on 50 a person. The dataset reports what it used (`perIdentity`, `requestedPerIdentity`).
 *
 * Pixels stay raw, in [0, 1], so the same arrays can be drawn on screen. The dataset also carries the mean and
 * standard deviation of the training pixels (one scalar each); a model standardises with
 * `(x - pixelMean) / pixelStd` (one tensor op, or `standardize` below) rather than us keeping two copies.
 *
 * Image k of identity c always comes from the seed hashSeed(seed, c, k): it does not depend on chunking, on
 * perIdentity or on the split, so raising perIdentity only adds images.
 */
import {
	clampIdentityCount,
	DEFAULT_IDENTITY_SEED,
	N_IDENTITIES,
	N_UNSEEN,
	trainIdentities,
	unseenIdentities,
	type FaceParams
} from './identity';
import { clampNuisance, sampleNuisance, type NuisanceLevels } from './nuisance';
import { renderFaceInto } from './render';
import { hashSeed, Rng } from './rng';

export const PER_IDENTITY_MIN = 50;
export const PER_IDENTITY_MAX = 1500;
export const SIZE_MIN = 8;
export const SIZE_MAX = 128;
export const DEFAULT_HELD_OUT = 0.2;
/**
 * Most images a run renders (training + held-out): 32 identities × 400. At 20 px that is 20 MB of pixels in
 * the worker (and as much again as tensors); rendering takes ≈ 0.7 ms an image in Node here.
 */
export const IMAGE_BUDGET = 12_800;

/** Images per identity actually used for K identities when `requested` are asked for (see IMAGE_BUDGET). */
export function budgetPerIdentity(identities: number, requested: number): number {
	const k = clampIdentityCount(identities);
	const want = clampInt(requested, PER_IDENTITY_MIN, PER_IDENTITY_MAX, PER_IDENTITY_MIN);
	return Math.max(PER_IDENTITY_MIN, Math.min(want, Math.floor(IMAGE_BUDGET / k)));
}

export interface DatasetOptions {
	seed: number; // images: nuisance draws, noise and shuffling
	perIdentity: number; // clamped to 50..1500 and rounded
	size: number; // image side in pixels, clamped to 8..128
	nuisance: NuisanceLevels;
	heldOutFraction?: number; // share of each identity held out for testing, default 0.2, clamped to 0..0.9
	identitySeed?: number; // which faces; default DEFAULT_IDENTITY_SEED
	identities?: number; // training identities K, clamped to 2..MAX_TRAIN_IDENTITIES; default N_IDENTITIES (8)
}

export interface FaceDataset {
	size: number;
	/** images per identity used (train + held-out), after the image budget */
	perIdentity: number;
	/** images per identity asked for (clamped to 50..1500) */
	requestedPerIdentity: number;
	/** training identities K: labels are 0 … K − 1 */
	classes: number;
	nTrain: number;
	nTest: number;
	trainX: Float32Array; // nTrain × size × size, row-major images, values in [0, 1]
	trainY: Int32Array; // identity 0..K − 1 for each training image
	testX: Float32Array;
	testY: Int32Array;
	identities: FaceParams[];
	pixelMean: number; // mean of trainX
	pixelStd: number; // standard deviation of trainX (at least 1e-6)
}

export interface DatasetProgress {
	done: number;
	total: number;
}

function clampInt(x: number, lo: number, hi: number, fallback: number): number {
	return Number.isFinite(x) ? Math.min(hi, Math.max(lo, Math.round(x))) : fallback;
}

/** The options as they will be used: clamped and with defaults filled in. */
export function resolveOptions(opts: DatasetOptions): Required<DatasetOptions> {
	const held = opts.heldOutFraction ?? DEFAULT_HELD_OUT;
	return {
		seed: Number.isFinite(opts.seed) ? Math.floor(opts.seed) : 0,
		perIdentity: clampInt(opts.perIdentity, PER_IDENTITY_MIN, PER_IDENTITY_MAX, PER_IDENTITY_MIN),
		size: clampInt(opts.size, SIZE_MIN, SIZE_MAX, 20),
		nuisance: clampNuisance(opts.nuisance),
		heldOutFraction: Number.isFinite(held) ? Math.min(0.9, Math.max(0, held)) : DEFAULT_HELD_OUT,
		identitySeed: opts.identitySeed ?? DEFAULT_IDENTITY_SEED,
		identities: clampIdentityCount(opts.identities ?? N_IDENTITIES)
	};
}

/**
 * Builds the dataset, yielding progress after every `chunk` images; the return value is the dataset. A worker
 * can post each progress value ("generating 4,000 / 12,000") and await between chunks.
 */
export function* generateDataset(
	opts: DatasetOptions,
	chunk = 500
): Generator<DatasetProgress, FaceDataset, void> {
	const o = resolveOptions(opts);
	const K = o.identities;
	const identities = trainIdentities(K, o.identitySeed);
	const size = o.size;
	const perIdentity = budgetPerIdentity(K, o.perIdentity);
	const testPer = Math.round(perIdentity * o.heldOutFraction);
	const trainPer = perIdentity - testPer;
	const nTrain = trainPer * K;
	const nTest = testPer * K;
	const total = nTrain + nTest;
	const pixels = size * size;
	const trainX = new Float32Array(nTrain * pixels);
	const testX = new Float32Array(nTest * pixels);
	const trainY = new Int32Array(nTrain);
	const testY = new Int32Array(nTest);
	const order = new Rng(hashSeed(o.seed, 0x5eed));
	const trainSlot = Int32Array.from({ length: nTrain }, (_, i) => i);
	const testSlot = Int32Array.from({ length: nTest }, (_, i) => i);
	order.shuffle(trainSlot);
	order.shuffle(testSlot);
	let done = 0;
	for (let c = 0; c < K; c++) {
		for (let k = 0; k < perIdentity; k++) {
			const rng = new Rng(hashSeed(o.seed, c, k));
			const sample = sampleNuisance(rng, o.nuisance);
			const isTrain = k < trainPer;
			const slot = isTrain ? trainSlot[c * trainPer + k] : testSlot[c * testPer + k - trainPer];
			renderFaceInto(isTrain ? trainX : testX, slot * pixels, identities[c], sample, size);
			(isTrain ? trainY : testY)[slot] = c;
			done++;
			if (done % chunk === 0 && done < total) yield { done, total };
		}
	}
	const { mean, std } = pixelStats(trainX);
	yield { done, total };
	return {
		size,
		perIdentity,
		requestedPerIdentity: o.perIdentity,
		classes: K,
		nTrain,
		nTest,
		trainX,
		trainY,
		testX,
		testY,
		identities,
		pixelMean: mean,
		pixelStd: std
	};
}

/** Builds the whole dataset at once, optionally reporting progress. */
export function makeDataset(opts: DatasetOptions, onProgress?: (p: DatasetProgress) => void): FaceDataset {
	const gen = generateDataset(opts);
	for (;;) {
		const step = gen.next();
		if (step.done) return step.value;
		onProgress?.(step.value);
	}
}

/** Mean and standard deviation over all values (accumulated in float64). */
export function pixelStats(x: Float32Array): { mean: number; std: number } {
	let s = 0;
	let s2 = 0;
	for (let i = 0; i < x.length; i++) {
		s += x[i];
		s2 += x[i] * x[i];
	}
	const n = Math.max(1, x.length);
	const mean = s / n;
	return { mean, std: Math.max(1e-6, Math.sqrt(Math.max(0, s2 / n - mean * mean))) };
}

/** (x - mean) / std into `out` (a new array unless given; `out = x` standardises in place). */
export function standardize(
	x: Float32Array,
	mean: number,
	std: number,
	out = new Float32Array(x.length)
): Float32Array {
	const inv = 1 / std;
	for (let i = 0; i < x.length; i++) out[i] = (x[i] - mean) * inv;
	return out;
}

/** A view (no copy) of image `index` of a split. */
export function datasetImage(ds: FaceDataset, split: 'train' | 'test', index: number): Float32Array {
	const pixels = ds.size * ds.size;
	const x = split === 'train' ? ds.trainX : ds.testX;
	return x.subarray(index * pixels, (index + 1) * pixels);
}

/** Images per unseen identity by default: 64 × 20 = 1,280 probe images. */
export const UNSEEN_PER_IDENTITY = 20;
/** Seed stream of the unseen images (training image k of identity c uses hashSeed(seed, c, k)). */
const UNSEEN_STREAM = 0x0de5;

export interface UnseenOptions {
	seed: number;
	size: number;
	nuisance: NuisanceLevels;
	/** images per unseen identity, clamped to 2..100; default UNSEEN_PER_IDENTITY */
	perIdentity?: number;
	identitySeed?: number;
}

/** Images of the N_UNSEEN unseen identities, grouped by identity (label u = unseen identity u). */
export interface UnseenSet {
	size: number;
	identities: number;
	perIdentity: number;
	n: number;
	/** n × size × size raw pixels in [0, 1] (standardise with the training set's mean and sd) */
	x: Float32Array;
	/** 0 … identities − 1, image i of identity u at row u · perIdentity + i */
	y: Int32Array;
	faces: FaceParams[];
}

/**
 * Renders the unseen identities' images with the run's nuisance levels and size, from their own seed stream,
 * yielding progress every `chunk` images. The same options always give the same pixels.
 */
export function* generateUnseen(
	opts: UnseenOptions,
	chunk = 250
): Generator<DatasetProgress, UnseenSet, void> {
	const size = clampInt(opts.size, SIZE_MIN, SIZE_MAX, 20);
	const per = clampInt(opts.perIdentity ?? UNSEEN_PER_IDENTITY, 2, 100, UNSEEN_PER_IDENTITY);
	const seed = Number.isFinite(opts.seed) ? Math.floor(opts.seed) : 0;
	const nuisance = clampNuisance(opts.nuisance);
	const faces = unseenIdentities(opts.identitySeed ?? DEFAULT_IDENTITY_SEED);
	const n = N_UNSEEN * per;
	const pixels = size * size;
	const x = new Float32Array(n * pixels);
	const y = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const u = Math.floor(i / per);
		const rng = new Rng(hashSeed(seed, UNSEEN_STREAM, u, i % per));
		renderFaceInto(x, i * pixels, faces[u], sampleNuisance(rng, nuisance), size);
		y[i] = u;
		if ((i + 1) % chunk === 0 && i + 1 < n) yield { done: i + 1, total: n };
	}
	yield { done: n, total: n };
	return { size, identities: N_UNSEEN, perIdentity: per, n, x, y, faces };
}

/** The whole unseen set at once. */
export function makeUnseen(opts: UnseenOptions): UnseenSet {
	const gen = generateUnseen(opts);
	for (;;) {
		const step = gen.next();
		if (step.done) return step.value;
	}
}
