/**
 * The open-set evaluation (worker side, tfjs): renders the unseen identities' faces with the run's seed, size
 * and nuisance levels (once per data settings), embeds them and a set of held-out faces of the training
 * identities with both models' current weights, and hands the features to the pure metrics of
 * `$lib/metrics/open-set`. No tensor outlives a call.
 *
 * The protocol, the same for the seen and the unseen report so they can stand side by side:
 * - 1:1 verification: every pair of the set's images (unseen: all N_UNSEEN identities × perIdentity images;
 *   seen: up to SEEN_IDENTITIES training identities, at most SEEN_IMAGES held-out images in all);
 * - identification: the first `gallerySize` = min(seen identities, N_UNSEEN / 2) identities of the set are
 *   enrolled (1 image, and 5 as the control); their other images are the mated searches; every image of the
 *   last N_UNSEEN / 2 unseen identities (never enrolled, never trained on) is a non-mated search, for both.
 */

import * as tf from '@tensorflow/tfjs';
import { generateUnseen, N_UNSEEN, UNSEEN_PER_IDENTITY, type FaceDataset, type UnseenSet } from '$lib/faces';
import { ENROL_K, openSetReport, type OpenSetReport } from '$lib/metrics/open-set';
import type { Engine } from './engine';
import { buffersOf, SAMPLE_IDENTITIES } from './inspect';
import type {
	BackendName,
	BackendSpeed,
	DatasetInfo,
	FaceSample,
	FromWorker,
	OpenSetEvaluation,
	OpenSetModelEval,
	OpenSetRequest
} from './protocol';
import type { TrainSettings } from './settings';

/** Most training identities in the seen report (as many as there are unseen ones). */
export const SEEN_IDENTITIES = N_UNSEEN;
/** Most held-out images in the seen report. */
export const SEEN_IMAGES = 1280;
/** Unseen identities whose images are only ever non-mated searches. */
export const IMPOSTOR_IDENTITIES = N_UNSEEN / 2;

/** What a run was built with. */
export function datasetInfo(d: FaceDataset, engine: Engine): DatasetInfo {
	return {
		classes: engine.shape.classes,
		dim: engine.shape.featureDim,
		perIdentity: d.perIdentity,
		requestedPerIdentity: d.requestedPerIdentity
	};
}

/** The `ready` message of a built run. */
export function readyMessage(
	backend: BackendName,
	speeds: BackendSpeed[],
	d: FaceDataset | null,
	engine: Engine | null
): FromWorker {
	return {
		type: 'ready',
		backend,
		speeds,
		nTrain: d?.nTrain ?? 0,
		nTest: d?.nTest ?? 0,
		dataset: d && engine ? datasetInfo(d, engine) : undefined
	};
}

/** Images per unseen identity for a request: 2..100, default UNSEEN_PER_IDENTITY. */
export function unseenPerIdentity(request?: OpenSetRequest): number {
	const v = request?.perIdentity;
	return typeof v === 'number' && Number.isFinite(v)
		? Math.min(100, Math.max(2, Math.round(v)))
		: UNSEEN_PER_IDENTITY;
}

/** The unseen faces of the current data settings, kept while they fit. */
export class UnseenCache {
	current: UnseenSet | null = null;
	private key = '';

	/** The unseen set for these settings, and how long rendering it took (0 when cached). */
	get(s: TrainSettings, perIdentity: number): { set: UnseenSet; renderMs: number } {
		const key = JSON.stringify([s.seed, s.size, s.nuisance, perIdentity]);
		if (this.current && key === this.key) return { set: this.current, renderMs: 0 };
		const t0 = performance.now();
		const gen = generateUnseen({ seed: s.seed, size: s.size, nuisance: s.nuisance, perIdentity });
		let r = gen.next();
		while (!r.done) r = gen.next();
		this.current = r.value;
		this.key = key;
		return { set: r.value, renderMs: performance.now() - t0 };
	}
}

/** Held-out rows for the seen report: identities 0 … ids − 1, at most `cap` images each, grouped by identity. */
export function seenRows(testY: Int32Array, ids: number, cap: number): Int32Array {
	const taken = new Int32Array(ids);
	const byId: number[][] = Array.from({ length: ids }, () => []);
	for (let i = 0; i < testY.length; i++) {
		const c = testY[i];
		if (c < ids && taken[c] < cap) {
			byId[c].push(i);
			taken[c]++;
		}
	}
	return Int32Array.from(byId.flat());
}

/** Non-finite values (a diverged model) become 0: a zero feature is at 90° to everything. */
function finite(v: Float32Array): Float32Array {
	for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) v[i] = 0;
	return v;
}

/** Rows of an n × dim matrix whose label is at least `from`. */
function rowsFrom(features: Float32Array, labels: Int32Array, dim: number, from: number): Float32Array {
	const keep: number[] = [];
	labels.forEach((c, i) => {
		if (c >= from) keep.push(i);
	});
	const out = new Float32Array(keep.length * dim);
	keep.forEach((r, k) => out.set(features.subarray(r * dim, (r + 1) * dim), k * dim));
	return out;
}

/**
 * An answer computed in parts: each stage is run as its own job of the session, so training ticks waiting
 * meanwhile run between them; `message` is posted after the last.
 */
export interface StagedAnswer {
	stages: (() => void)[];
	message: () => [FromWorker, ArrayBuffer[]];
}

/**
 * Runs the stages one job at a time, each queued behind a macrotask (`later`), so a training tick scheduled
 * meanwhile goes first; then posts the message.
 */
export function runStaged(
	plan: StagedAnswer,
	enqueue: (job: () => void) => void,
	post: (m: FromWorker, transfer: ArrayBuffer[]) => void,
	later: (f: () => void) => void = (f) => setTimeout(f, 0)
): void {
	const next = (i: number): void => {
		if (i === plan.stages.length) {
			const [msg, transfer] = plan.message();
			post(msg, transfer);
			return;
		}
		later(() =>
			enqueue(() => {
				plan.stages[i]();
				next(i + 1);
			})
		);
	};
	next(0);
}

/**
 * The `open-set-evaluation` answer to `evaluate-open-set`: the faces rendered and embedded now (one step's
 * weights, no tensor kept), the four reports (2 models × seen, unseen) as stages, then the message.
 */
export async function openSetPlan(
	engine: Engine,
	d: FaceDataset,
	cache: UnseenCache,
	request?: OpenSetRequest
): Promise<StagedAnswer> {
	const per = unseenPerIdentity(request);
	const { set: unseen, renderMs } = cache.get(engine.settings, per);
	const K = engine.shape.classes;
	const dim = engine.shape.featureDim;
	const step = engine.steps;
	const seenIds = Math.min(K, SEEN_IDENTITIES);
	const seenCap = Math.max(2, Math.floor(SEEN_IMAGES / seenIds));
	const rows = seenRows(d.testY, seenIds, seenCap);
	const seenY = Int32Array.from(rows, (r) => d.testY[r]);
	const seenPer = Math.max(0, ...Array.from({ length: seenIds }, (_, c) => count(seenY, c)));

	const t0 = performance.now();
	const parts = engine.runners.map((r) =>
		tf.tidy(() => {
			const px = unseen.size * unseen.size;
			const ux = tf.div(tf.sub(tf.tensor2d(unseen.x, [unseen.n, px]), d.pixelMean), d.pixelStd);
			const sx = tf.gather(engine.testX, tf.tensor1d(rows, 'int32'));
			return [r.model.embed(ux as tf.Tensor2D), r.model.embed(sx)];
		})
	);
	const read = await Promise.all(parts.map((p) => Promise.all(p.map((t) => t.data()))));
	tf.dispose(parts.flat());
	const embedMs = performance.now() - t0;

	const gallerySize = Math.min(seenIds, N_UNSEEN - IMPOSTOR_IDENTITIES);
	const gallery = Int32Array.from({ length: gallerySize }, (_, i) => i);
	const from = N_UNSEEN - IMPOSTOR_IDENTITIES;
	const features = read.map(([u, s]) => {
		const unseenFeatures = finite(Float32Array.from(u));
		return {
			unseenFeatures,
			seenFeatures: finite(Float32Array.from(s)),
			impostors: rowsFrom(unseenFeatures, unseen.y, dim, from)
		};
	});
	const reports: { seen?: OpenSetReport; unseen?: OpenSetReport }[] = [{}, {}];
	let analysisMs = 0;
	const timed = (f: () => void) => () => {
		const t = performance.now();
		f();
		analysisMs += performance.now() - t;
	};
	const stages = features.flatMap((f, m) => {
		const opts = { dim, gallery, impostors: f.impostors, enrolK: ENROL_K };
		return [
			timed(() => (reports[m].seen = openSetReport(f.seenFeatures, seenY, opts))),
			timed(() => (reports[m].unseen = openSetReport(f.unseenFeatures, unseen.y, opts)))
		];
	});

	const message = (): [FromWorker, ArrayBuffer[]] => {
		const models = features.map((f, m) => ({
			seen: reports[m].seen!,
			unseen: reports[m].unseen!,
			unseenFeatures: f.unseenFeatures
		})) as [OpenSetModelEval, OpenSetModelEval];
		const samples: FaceSample[] = [];
		const px = unseen.size * unseen.size;
		for (let u = 0; u < Math.min(SAMPLE_IDENTITIES, unseen.identities); u++) {
			const index = u * unseen.perIdentity;
			samples.push({ index, label: u, pixels: unseen.x.slice(index * px, (index + 1) * px) });
		}
		const unseenLabels = Int32Array.from(unseen.y);
		const evaluation: OpenSetEvaluation = {
			step,
			dim,
			trainIdentities: K,
			seenIdentities: seenIds,
			seenPerIdentity: seenPer,
			unseenIdentities: unseen.identities,
			unseenPerIdentity: unseen.perIdentity,
			unseenLabels,
			gallerySize,
			impostorIdentities: IMPOSTOR_IDENTITIES,
			enrolK: [...ENROL_K],
			renderMs,
			embedMs,
			analysisMs,
			models,
			size: unseen.size,
			samples
		};
		const arrays = [
			unseenLabels,
			...samples.map((s) => s.pixels),
			...models.flatMap((m) => [
				m.unseenFeatures,
				m.seen.verification.positive,
				m.seen.verification.negative,
				m.unseen.verification.positive,
				m.unseen.verification.negative
			])
		];
		return [{ type: 'open-set-evaluation', ...evaluation }, buffersOf(arrays)];
	};
	return { stages, message };
}

/** The whole answer at once (tests, benchmarks): every stage run in a row. */
export async function openSetMessage(
	engine: Engine,
	d: FaceDataset,
	cache: UnseenCache,
	request?: OpenSetRequest
): Promise<[FromWorker, ArrayBuffer[]]> {
	const plan = await openSetPlan(engine, d, cache, request);
	for (const stage of plan.stages) stage();
	return plan.message();
}

function count(labels: Int32Array, c: number): number {
	let n = 0;
	for (const v of labels) if (v === c) n++;
	return n;
}
