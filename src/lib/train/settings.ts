/**
 * Training settings: the type, its defaults and a validator that never throws. Pure TypeScript (no tfjs): the
 * UI, the URL codec and the worker all use it.
 */

import { defaultNuisance, NUISANCE_KEYS, type NuisanceLevels } from '$lib/faces';
import { fallbackModes, presets, type Fallback } from '$lib/margins';
import { lossNames, type DivergeReason, type HeadConfig, type LossName, type OptimizerName } from './types';

/** One model's loss. `lr` null means the shared `TrainSettings.lr`. */
export interface ModelSettings extends HeadConfig {
	lr: number | null;
}

export interface TrainSettings {
	a: ModelSettings;
	b: ModelSettings;
	lr: number;
	batchSize: number;
	optimizer: OptimizerName;
	/** SGD momentum (0 = plain SGD); unused by Adam */
	momentum: number;
	perIdentity: number;
	/** image side in pixels; the network's input is size × size */
	size: number;
	nuisance: NuisanceLevels;
	seed: number;
}

/** Allowed ranges. Wide on purpose: the lab lets students break training (s = 1e6, lr = 1e6) and watch it. */
export const LIMITS = {
	s: [0.1, 1e6],
	m1: [0.1, 5],
	m2: [-1, 3],
	m3: [-1, 2],
	lr: [1e-6, 1e6],
	batchSize: [16, 512],
	momentum: [0, 0.999],
	perIdentity: [50, 1500],
	size: [12, 32],
	seed: [0, 2 ** 31 - 1]
} as const satisfies Record<string, readonly [number, number]>;

/** The default (s, m1, m2, m3, fallback) of each loss. Triplet: m2 = 0.3 rad angular margin. */
export function lossDefaults(loss: LossName): HeadConfig {
	const s = presets.arcface.s;
	switch (loss) {
		case 'softmax':
		case 'normface':
		case 'intra':
		case 'inter':
		case 'custom':
			return { loss, s, m1: 1, m2: 0, m3: 0, fallback: 'none' };
		case 'triplet':
			return { loss, s, m1: 1, m2: 0.3, m3: 0, fallback: 'none' };
		case 'arcface':
			return { loss, ...presets.arcface, fallback: 'insightface' };
		default:
			return { loss, ...presets[loss], fallback: 'none' };
	}
}

function modelDefaults(loss: LossName): ModelSettings {
	return { ...lossDefaults(loss), lr: null };
}

/**
 * The lab's default nuisance: the faces' default turned up by 30 %. Measured over 600 steps (ReLU net,
 * 400 faces per identity): at the faces' default both losses reach ≈ 99.7 % with equally tight clusters, so
 * the margin shows nothing; at 1.3× softmax keeps wide radial fans (arcs ≈ 24° wide) while ArcFace's arcs
 * shrink to ≈ 14° with ≈ 31° gaps at ≈ 99 % held-out; at 1.6× 2-D ArcFace often locks two identities into one
 * sector (≈ 72 %), a convergence problem the lessons discuss. Adam at lr 0.003 rather than 0.01: at 0.01 a
 * 2-D ArcFace (s = 64) sometimes stalls near 87–91 % (seen in Chromium on WASM, seed 1); at 0.003 seeds 1, 2,
 * 5 and 6 all passed 95 % held-out within 150–250 steps (Node, CPU).
 */
export const labNuisance: Readonly<NuisanceLevels> = Object.freeze(
	Object.fromEntries(NUISANCE_KEYS.map((k) => [k, Math.min(1, defaultNuisance[k] * 1.3)])) as NuisanceLevels
);

export const defaultSettings: Readonly<TrainSettings> = Object.freeze({
	a: modelDefaults('softmax'),
	b: modelDefaults('arcface'),
	lr: 0.003,
	batchSize: 128,
	optimizer: 'adam',
	momentum: 0.9,
	perIdentity: 400,
	size: 20,
	nuisance: { ...labNuisance },
	seed: 1
});

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown, [lo, hi]: readonly [number, number], fallback: number): number {
	const x = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
	if (typeof x !== 'number' || Number.isNaN(x)) return fallback;
	return Math.min(hi, Math.max(lo, x));
}

function int(v: unknown, range: readonly [number, number], fallback: number): number {
	return Math.round(num(v, range, fallback));
}

function pick<T extends string>(v: unknown, values: readonly T[], fallback: T): T {
	return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

/**
 * Pins the margins a named loss does not have (ArcFace keeps m2 and s, its m1 = 1 and m3 = 0; SphereFace keeps
 * m1; CosFace keeps m3; softmax, NormFace, intra and inter are (1, 0, 0)); CM1, CM2 and custom keep all three.
 */
export function normaliseModel(m: ModelSettings): ModelSettings {
	const out = { ...m };
	const pin = (m1: number | null, m2: number | null, m3: number | null) => {
		if (m1 !== null) out.m1 = m1;
		if (m2 !== null) out.m2 = m2;
		if (m3 !== null) out.m3 = m3;
	};
	if (['softmax', 'normface', 'intra', 'inter'].includes(m.loss)) pin(1, 0, 0);
	else if (m.loss === 'arcface') pin(1, null, 0);
	else if (m.loss === 'sphereface') pin(null, 0, 0);
	else if (m.loss === 'cosface') pin(1, 0, null);
	else if (m.loss === 'triplet') pin(1, null, 0);
	if (m.loss === 'softmax' || m.loss === 'triplet') out.fallback = 'none';
	return out;
}

function validateModel(raw: unknown, fallback: ModelSettings): ModelSettings {
	const r = isRecord(raw) ? raw : {};
	const loss = pick(r.loss, lossNames, fallback.loss);
	// a changed loss starts from its own defaults, not from the other loss's margins
	const base = loss === fallback.loss ? fallback : modelDefaults(loss);
	const lr = r.lr === null || r.lr === undefined ? null : num(r.lr, LIMITS.lr, Number.NaN);
	return normaliseModel({
		loss,
		s: num(r.s, LIMITS.s, base.s),
		m1: num(r.m1, LIMITS.m1, base.m1),
		m2: num(r.m2, LIMITS.m2, base.m2),
		m3: num(r.m3, LIMITS.m3, base.m3),
		fallback: pick<Fallback>(r.fallback, fallbackModes, base.fallback),
		lr: lr === null || Number.isNaN(lr) ? null : lr
	});
}

function validateNuisance(raw: unknown): NuisanceLevels {
	const r = isRecord(raw) ? raw : {};
	const out = { ...labNuisance };
	for (const key of NUISANCE_KEYS) out[key] = num(r[key], [0, 1], labNuisance[key]);
	return out;
}

/**
 * Settings from anything (a message, a parsed URL, garbage): unknown keys are dropped, numbers clamped to
 * `LIMITS` (numeric strings accepted), integers rounded, anything unreadable replaced by its default.
 * Never throws.
 */
export function validateSettings(raw: unknown): TrainSettings {
	try {
		return validateRecord(isRecord(raw) ? raw : {});
	} catch {
		// a hostile object (a throwing getter, a revoked proxy): nothing in it can be trusted
		return validateRecord({});
	}
}

function validateRecord(r: Record<string, unknown>): TrainSettings {
	const d = defaultSettings;
	return {
		a: validateModel(r.a, d.a),
		b: validateModel(r.b, d.b),
		lr: num(r.lr, LIMITS.lr, d.lr),
		batchSize: int(r.batchSize, LIMITS.batchSize, d.batchSize),
		optimizer: pick<OptimizerName>(r.optimizer, ['sgd', 'adam'], d.optimizer),
		momentum: num(r.momentum, LIMITS.momentum, d.momentum),
		perIdentity: int(r.perIdentity, LIMITS.perIdentity, d.perIdentity),
		size: int(r.size, LIMITS.size, d.size),
		nuisance: validateNuisance(r.nuisance),
		seed: int(r.seed, LIMITS.seed, d.seed)
	};
}

/** The learning rate a model trains with. */
export function modelLr(settings: TrainSettings, which: 0 | 1): number {
	return (which === 0 ? settings.a : settings.b).lr ?? settings.lr;
}

/**
 * A loss above this counts as diverged, like NaN and ±Infinity. tfjs rarely reaches NaN with these nets: Adam
 * scales its steps and tanh bounds the hidden layer, so lr = 1e6 or s = 1e6 give losses of 1e5–1e13 that stay
 * finite. A healthy run never gets near: the margin losses start below about 2s + ln 8 (≈ 130 at s = 64) and
 * softmax at about ln 8.
 */
export const DIVERGE_LOSS = 1e4;

/** Learning rates above these are called "too high" when a model diverges. */
export const HIGH_LR: Readonly<Record<OptimizerName, number>> = { adam: 0.1, sgd: 1 };

/**
 * A best guess at why a model's loss diverged, from its settings alone: a huge scale first (it makes
 * the logits and their gradients huge), then the learning rate, then margins too wide to satisfy.
 */
export function guessDivergeReason(settings: TrainSettings, which: 0 | 1): DivergeReason {
	const m = which === 0 ? settings.a : settings.b;
	const lr = modelLr(settings, which);
	if (m.loss !== 'softmax' && m.loss !== 'triplet' && m.s > 100) return 's-too-large';
	if (lr > HIGH_LR[settings.optimizer]) return 'lr-too-high';
	if (m.m1 > 2 || m.m2 > 1.2 || m.m3 > 0.8) return 'margin-too-large';
	return 'unknown';
}
