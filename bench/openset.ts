// The open-set sweep (`node bench/run.mjs --only openset`, or `node bench/openset-sweep.mjs` for one grid of
// your own), loaded through Vite for `$lib`. Node, tfjs (WASM backend by default, CPU with OPENSET_BACKEND=cpu),
// the project's faces, model, heads and metrics. One run: K training identities, embedding dimension D, one
// loss, one seed. The network trains on the K identities only; at the end it embeds held-out images of the
// training identities (closed set) and images of UNSEEN identities that no run ever trains on (open set), and
// both sets go through the same tests: 1:1 verification by angle (TAR at FAR), 1:N rank-1 with one enrolled
// image per identity (and with ENROL_K images, a control), and open-set identification (DIR at FPIR, the NIST
// FRVT convention) with half the unseen people enrolled and the other half as probes of nobody in the gallery.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { hashSeed, makeIdentities, Rng, sampleNuisance, renderFaceInto, pixelStats } from '$lib/faces';
import type { FaceParams } from '$lib/faces';
import { losses, type LossName } from '$lib/margins/catalogue';
import { headLoss } from '$lib/train/heads';
import { initWeights, makeOptimizer, Model, disposeOptimizer, type NetShape } from '$lib/train/model';
import { Batches } from '$lib/train/batches';
import { labNuisance } from '$lib/train/settings';
import type { HeadConfig } from '$lib/train/types';
import { openSetSummaries, type OpenSetSummary } from './openset-metrics';

/** Training identities are the first K of one seeded sequence; the unseen ones come after MAX_K of them. */
export const MAX_K = 256;
export const UNSEEN = 64;
export const IDENTITY_SEED = 7;
/** the lab's default images per training identity, the most any run renders, the held-out share */
export const PER_IDENTITY = 400;
export const IMAGE_BUDGET = 12_800;
export const HELD_OUT_FRACTION = 0.2;
/** images per unseen identity, and their seed stream (as the site's faces module draws them) */
export const PER_UNSEEN_ID = 20;
const UNSEEN_STREAM = 0x0de5;
/** closed-set tests use the held-out images of at most this many training identities (as many as unseen) */
export const CLOSED_IDS = UNSEEN;
export const SIZE = 20;
export const BATCH = 128;
export const LR = 0.003;
/** held-out loss is measured every EVAL_EVERY steps on at most EVAL_MAX held-out images */
export const EVAL_EVERY = 100;
const EVAL_MAX = 2048;

export interface RunSpec {
	k: number;
	dim: number;
	loss: LossName;
	seed: number;
	steps: number;
	/** head overrides (s, m1, m2, m3) */
	head?: Partial<HeadConfig>;
	hidden?: number[];
}

export interface RunResult extends RunSpec {
	backend: string;
	stepsPerSec: number;
	trainSeconds: number;
	/** held-out (closed-set) loss every EVAL_EVERY steps, from step 0 */
	lossCurve: number[];
	/** first evaluated step whose held-out loss is within 5 % of the run's whole drop from its best */
	plateauStep: number | null;
	plateauSeconds: number | null;
	finalTrainLoss: number;
	peakBytes: number;
	closed: OpenSetSummary;
	unseen: OpenSetSummary;
	nan: boolean;
	/** the final features (for recomputing metrics later); not kept in bench/results */
	features?: {
		dim: number;
		closed: number[];
		closedLabels: number[];
		unseen: number[];
		unseenLabels: number[];
	};
}

interface Images {
	x: Float32Array;
	y: Int32Array;
	n: number;
}

let identityCache: FaceParams[] | null = null;
/** Every identity the sweep knows: MAX_K training ones (prefix: the first 8 are the site's 8), then UNSEEN. */
export function allIdentities(): FaceParams[] {
	identityCache ??= makeIdentities(IDENTITY_SEED, MAX_K + UNSEEN);
	return identityCache;
}

export const trainingIds = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
export const unseenIds = (): number[] => Array.from({ length: UNSEEN }, (_, i) => MAX_K + i);

/** Images `from`..`to` of each identity in `ids` (labels 0..ids.length − 1); image j of identity c is seeded by seedOf(c, j). */
function render(ids: number[], from: number, to: number, seedOf: (c: number, j: number) => number): Images {
	const people = allIdentities();
	const per = to - from;
	const n = ids.length * per;
	const pixels = SIZE * SIZE;
	const x = new Float32Array(n * pixels);
	const y = new Int32Array(n);
	let i = 0;
	ids.forEach((c, label) => {
		for (let j = from; j < to; j++, i++) {
			const rng = new Rng(seedOf(c, j));
			renderFaceInto(x, i * pixels, people[c], sampleNuisance(rng, labNuisance), SIZE);
			y[i] = label;
		}
	});
	return { x, y, n };
}

let trainCache: { seed: number; k: number; train: Images; test: Images } | null = null;
let unseenCache: { seed: number; imgs: Images } | null = null;

/**
 * Images per training identity for K identities, as the site's worker renders them: the lab's 400 while
 * K × 400 fits IMAGE_BUDGET images, else ⌊IMAGE_BUDGET / K⌋ (K = 128: 100, K = 256: 50). So every run with
 * K ≥ 32 trains on the same 12,800 images, spread over more or fewer people.
 */
export const perIdentity = (k: number): number =>
	Math.max(50, Math.min(PER_IDENTITY, Math.floor(IMAGE_BUDGET / k)));
export const heldOutPer = (k: number): number => Math.round(perIdentity(k) * HELD_OUT_FRACTION);

/** Training identities' images: the first per − held-out of each identity train, the rest are held out. */
function trainingImages(k: number, seed: number): { train: Images; test: Images } {
	if (!trainCache || trainCache.seed !== seed || trainCache.k !== k) {
		trainCache = null;
		const ids = trainingIds(k);
		const per = perIdentity(k);
		const cut = per - heldOutPer(k);
		const train = render(ids, 0, cut, (c, j) => hashSeed(seed, c, j));
		const test = render(ids, cut, per, (c, j) => hashSeed(seed, c, j));
		trainCache = { seed, k, train, test };
	}
	return trainCache;
}

/** The unseen identities' images, from their own seed stream (u = unseen identity 0 … UNSEEN − 1). */
function unseenImages(seed: number): Images {
	if (!unseenCache || unseenCache.seed !== seed)
		unseenCache = {
			seed,
			imgs: render(unseenIds(), 0, PER_UNSEEN_ID, (c, j) => hashSeed(seed, UNSEEN_STREAM, c - MAX_K, j))
		};
	return unseenCache.imgs;
}

function headOf(spec: RunSpec): HeadConfig {
	return { ...losses[spec.loss].defaults, ...spec.head, loss: spec.loss } as HeadConfig;
}

const std = (x: Float32Array, mean: number, sd: number, n: number) =>
	tf.tidy(() => tf.div(tf.sub(tf.tensor2d(x, [n, SIZE * SIZE]), mean), sd) as tf.Tensor2D);

/** Trains one model and runs the closed- and open-set tests on it. */
export async function runOne(spec: RunSpec): Promise<RunResult> {
	const { train, test } = trainingImages(spec.k, spec.seed);
	const unseenImgs = unseenImages(spec.seed);
	const { mean, std: sd } = pixelStats(train.x);
	const shape: NetShape = {
		inputSize: SIZE * SIZE,
		hidden: spec.hidden ?? [64, 32],
		featureDim: spec.dim,
		classes: spec.k
	};
	const cfg = headOf(spec);
	const info = losses[spec.loss];
	const model = new Model(shape, initWeights(shape, spec.seed));
	const vars = model.trainable({ W: info.centres === 'W', b: info.bias });
	const bias = info.bias ? model.b : null;
	const opt = makeOptimizer('adam', LR, 0);
	const trainX = std(train.x, mean, sd, train.n);
	const trainY = tf.tensor1d(train.y, 'int32');
	const nEval = Math.min(test.n, EVAL_MAX);
	const evalPick = Int32Array.from({ length: test.n }, (_, i) => i);
	new Rng(hashSeed(spec.seed, 0xe7a1)).shuffle(evalPick);
	const evalIdx = evalPick.slice(0, nEval);
	const evalX = tf.tidy(() => tf.gather(std(test.x, mean, sd, test.n), tf.tensor1d(evalIdx, 'int32')));
	const evalY = tf.tensor1d(
		Int32Array.from(evalIdx, (i) => test.y[i]),
		'int32'
	);
	const heldOutLoss = () =>
		tf.tidy(() => headLoss(cfg, model.embed(evalX as tf.Tensor2D), model.W, bias, evalY)).dataSync()[0];
	const batches = new Batches(train.n, spec.seed);
	const curve: number[] = [heldOutLoss()];
	let peak = tf.memory().numBytes;
	let trainSeconds = 0;
	let lastLoss = Number.NaN;
	let nan = false;
	for (let step = 0; step < spec.steps;) {
		const t0 = performance.now();
		const n = Math.min(EVAL_EVERY, spec.steps - step);
		const costs: tf.Scalar[] = [];
		for (let i = 0; i < n; i++, step++) {
			const idx = batches.at(step, BATCH);
			const [x, y] = tf.tidy(() => {
				const t = tf.tensor1d(idx, 'int32');
				return [tf.gather(trainX, t), tf.gather(trainY, t)] as [tf.Tensor2D, tf.Tensor1D];
			});
			const cost = opt.minimize(() => headLoss(cfg, model.embed(x), model.W, bias, y), true, vars);
			if (cost) costs.push(cost);
			tf.dispose([x, y]);
		}
		const values = tf.tidy(() => tf.stack(costs)).dataSync();
		tf.dispose(costs);
		trainSeconds += (performance.now() - t0) / 1000;
		peak = Math.max(peak, tf.memory().numBytes);
		lastLoss = values[values.length - 1];
		if (!Array.from(values).every(Number.isFinite)) {
			nan = true;
			break;
		}
		curve.push(heldOutLoss());
		await new Promise((r) => setImmediate(r));
	}
	const embed = (imgs: Images) =>
		tf.tidy(() => model.embed(std(imgs.x, mean, sd, imgs.n))).dataSync() as Float32Array;
	// closed set: up to PER_UNSEEN_ID held-out images of each of the first CLOSED_IDS training identities
	const closedIds = Math.min(spec.k, CLOSED_IDS);
	const held = heldOutPer(spec.k);
	const each = Math.min(PER_UNSEEN_ID, held);
	const pick = Int32Array.from(
		{ length: closedIds * each },
		(_, i) => Math.floor(i / each) * held + (i % each)
	);
	const closedX = new Float32Array(pick.length * SIZE * SIZE);
	pick.forEach((j, i) =>
		closedX.set(test.x.subarray(j * SIZE * SIZE, (j + 1) * SIZE * SIZE), i * SIZE * SIZE)
	);
	const closedY = Int32Array.from(pick, (j) => test.y[j]);
	const closedF = embed({ x: closedX, y: closedY, n: pick.length });
	const unseenF = embed(unseenImgs);
	const { closed, unseen } = openSetSummaries(
		{ f: closedF, y: closedY },
		{ f: unseenF, y: unseenImgs.y },
		spec.dim
	);
	const round = (f: Float32Array) => Array.from(f, (v) => Number(v.toPrecision(5)));
	tf.dispose([trainX, trainY, evalX, evalY]);
	disposeOptimizer(opt);
	model.dispose();
	const plateauStep = plateauOf(curve);
	const stepsDone = (curve.length - 1) * EVAL_EVERY;
	const stepsPerSec = stepsDone / Math.max(1e-9, trainSeconds);
	return {
		...spec,
		backend: tf.getBackend(),
		stepsPerSec,
		trainSeconds,
		lossCurve: curve,
		plateauStep,
		plateauSeconds: plateauStep === null ? null : plateauStep / stepsPerSec,
		finalTrainLoss: lastLoss,
		peakBytes: peak,
		closed,
		unseen,
		nan,
		features: {
			dim: spec.dim,
			closed: round(closedF),
			closedLabels: Array.from(closedY),
			unseen: round(unseenF),
			unseenLabels: Array.from(unseenImgs.y)
		}
	};
}

/**
 * The plateau: the first evaluation (as a step count) whose held-out loss has come within 5 % of the run's
 * whole improvement (loss at step 0 minus the best loss seen). Null when the loss never improved.
 */
export function plateauOf(curve: number[]): number | null {
	if (curve.length < 2 || !curve.every(Number.isFinite)) return null;
	const best = Math.min(...curve);
	const drop = curve[0] - best;
	if (!(drop > 0)) return null;
	const i = curve.findIndex((v) => v - best <= 0.05 * drop);
	return i * EVAL_EVERY;
}

export async function useBackend(name = process.env.OPENSET_BACKEND ?? 'wasm'): Promise<string> {
	await tf.setBackend(name);
	await tf.ready();
	return tf.getBackend();
}

export function specs(grid: {
	ks: number[];
	dims: number[];
	losses: LossName[];
	seeds: number[];
	steps: number;
	head?: Partial<HeadConfig>;
	hidden?: number[];
}): RunSpec[] {
	const out: RunSpec[] = [];
	for (const seed of grid.seeds)
		for (const k of grid.ks)
			for (const dim of grid.dims)
				for (const loss of grid.losses)
					out.push({ k, dim, loss, seed, steps: grid.steps, head: grid.head, hidden: grid.hidden });
	return out;
}

/** Every run of `list`, in order, logging a line for each. */
export async function sweep(
	list: RunSpec[],
	log: (s: string) => void = () => {},
	onRow: (r: RunResult) => void = () => {}
): Promise<RunResult[]> {
	const backend = await useBackend();
	const rows: RunResult[] = [];
	for (const spec of list) {
		const r = await runOne(spec);
		rows.push(r);
		onRow(r);
		const pct = (v: number) => (100 * v).toFixed(1);
		log(
			`${backend} K=${r.k} D=${r.dim} ${r.loss}${r.head ? JSON.stringify(r.head) : ''}${r.hidden ? ' h' + r.hidden.join('x') : ''} seed ${r.seed}: ` +
				`${r.stepsPerSec.toFixed(0)} steps/s, plateau ${r.plateauStep}, loss ${r.finalTrainLoss.toFixed(2)}, ` +
				`closed TAR@1e-2 ${pct(r.closed.tar[1].tar ?? NaN)} r1 ${pct(r.closed.rank1)}, ` +
				`unseen TAR@1e-2 ${pct(r.unseen.tar[1].tar ?? NaN)} r1 ${pct(r.unseen.rank1)} r1@5 ${pct(r.unseen.rank1k)} DIR@1e-1 ${pct(r.unseen.dir[0].dir ?? NaN)}${r.nan ? ' NaN' : ''}`
		);
	}
	return rows;
}

/** Rows of an earlier sweep (with their saved features) with the open-set summaries computed again. */
export function recompute(rows: RunResult[]): RunResult[] {
	return rows.map((r) => {
		if (!r.features) return r;
		const f = r.features;
		const again = openSetSummaries(
			{ f: f.closed, y: f.closedLabels },
			{ f: f.unseen, y: f.unseenLabels },
			f.dim
		);
		return { ...r, ...again };
	});
}
