/**
 * Training settings: the type, its defaults and a validator that never throws, all derived from the settings
 * schema (`schema.ts`). Pure TypeScript (no tfjs): the UI, the URL codec and the worker all use it.
 */

import { NUISANCE_KEYS, type NuisanceLevels } from '$lib/faces';
import { lossHas, lossInfo, type HeadParam } from '$lib/margins/catalogue';
import {
	clampSetting,
	headNumbers,
	labNuisance,
	modelLosses,
	modelSchema,
	nuisanceSchema,
	trainSchema,
	type EnumSetting,
	type NumberSetting
} from './schema';
import { lossNames, type DivergeReason, type HeadConfig, type LossName, type OptimizerName } from './types';

export { labNuisance } from './schema';

/** One model's loss. `lr` null means the shared `TrainSettings.lr`. */
export interface ModelSettings extends HeadConfig {
	lr: number | null;
}

type Schema = typeof trainSchema;
type ValueOf<E> = E extends EnumSetting<infer T> ? T : number;
/** The shared settings, one field per `trainSchema` entry (`lr`, `optimizer`, `batchSize`, `momentum`, …). */
export type TrainScalars = { -readonly [K in keyof Schema]: ValueOf<Schema[K]> };

export interface TrainSettings extends TrainScalars {
	a: ModelSettings;
	b: ModelSettings;
	nuisance: NuisanceLevels;
}

type Limited = 's' | 'm1' | 'm2' | 'm3' | 'lr' | 'batchSize' | 'momentum' | 'perIdentity' | 'size' | 'seed';
/** Allowed ranges: the schema's, the same objects the URL codec and the sliders use. */
export const LIMITS: Readonly<Record<Limited, readonly [number, number]>> = Object.freeze({
	s: modelSchema.s.range,
	m1: modelSchema.m1.range,
	m2: modelSchema.m2.range,
	m3: modelSchema.m3.range,
	lr: trainSchema.lr.range,
	batchSize: trainSchema.batchSize.range,
	momentum: trainSchema.momentum.range,
	perIdentity: trainSchema.perIdentity.range,
	size: trainSchema.size.range,
	seed: trainSchema.seed.range
});

/** The default (s, m1, m2, m3, fallback) of each loss: the catalogue's. Triplet: m2 = 0.3 rad angular margin. */
export function lossDefaults(loss: LossName): HeadConfig {
	return { loss, ...lossInfo(loss).defaults };
}

/** A model with this loss at its defaults (the shared learning rate). */
export function modelDefaults(loss: LossName): ModelSettings {
	return { ...lossDefaults(loss), lr: null };
}

const scalarKeys = Object.keys(trainSchema) as (keyof Schema)[];

export const defaultSettings: Readonly<TrainSettings> = Object.freeze({
	...(Object.fromEntries(scalarKeys.map((k) => [k, trainSchema[k].default])) as TrainScalars),
	a: modelDefaults(modelLosses.a),
	b: modelDefaults(modelLosses.b),
	nuisance: { ...labNuisance }
});

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick<T extends string>(v: unknown, values: readonly T[], fallback: T): T {
	return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

const pinned: readonly HeadParam[] = ['s', 'm1', 'm2', 'm3', 'fallback'];

/**
 * Pins the numbers a loss does not have (the catalogue's `params`) to its defaults: ArcFace keeps s, m2 and
 * the fallback, its m1 = 1 and m3 = 0; SphereFace keeps m1; CosFace m3; CM1, CM2 and custom keep all.
 */
export function normaliseModel(m: ModelSettings): ModelSettings {
	const out = { ...m };
	const d = lossInfo(m.loss).defaults;
	for (const p of pinned) if (!lossHas(m.loss, p)) Object.assign(out, { [p]: d[p] });
	return out;
}

function validateModel(raw: unknown, fallback: ModelSettings): ModelSettings {
	const r = isRecord(raw) ? raw : {};
	const loss = pick(r.loss, lossNames, fallback.loss);
	// a changed loss starts from its own defaults, not from the other loss's margins
	const base = loss === fallback.loss ? fallback : modelDefaults(loss);
	const num = (e: NumberSetting, k: 's' | 'm1' | 'm2' | 'm3') => clampSetting(e, r[k], base[k]);
	const lr = r.lr === null || r.lr === undefined ? null : clampSetting(modelSchema.lr, r.lr, Number.NaN);
	return normaliseModel({
		loss,
		s: num(modelSchema.s, 's'),
		m1: num(modelSchema.m1, 'm1'),
		m2: num(modelSchema.m2, 'm2'),
		m3: num(modelSchema.m3, 'm3'),
		fallback: pick(r.fallback, modelSchema.fallback.values, base.fallback),
		lr: lr === null || Number.isNaN(lr) ? null : lr
	});
}

/**
 * A model after a change from the controls: a new loss starts from its own defaults (the shared learning
 * rate); numbers are clamped to their ranges and the ones the loss does not have pinned.
 */
export function withModel(m: ModelSettings, patch: Partial<ModelSettings>): ModelSettings {
	if (patch.loss !== undefined && patch.loss !== m.loss) return modelDefaults(patch.loss);
	const out = { ...m, ...patch };
	for (const e of headNumbers) out[e.param] = clampSetting(e, out[e.param], m[e.param]);
	return normaliseModel(out);
}

function validateNuisance(raw: unknown): NuisanceLevels {
	const r = isRecord(raw) ? raw : {};
	const out = { ...labNuisance };
	for (const key of NUISANCE_KEYS) out[key] = clampSetting(nuisanceSchema[key], r[key]);
	return out;
}

/**
 * Settings from anything (a message, a parsed URL, garbage): unknown keys are dropped, numbers clamped to
 * their schema range (numeric strings accepted), integers rounded, anything unreadable replaced by its
 * default. Never throws.
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
	const scalars: Record<string, unknown> = {};
	for (const k of scalarKeys) {
		const e = trainSchema[k];
		scalars[k] = e.type === 'enum' ? pick<string>(r[k], e.values, e.default) : clampSetting(e, r[k]);
	}
	return {
		...(scalars as TrainScalars),
		a: validateModel(r.a, defaultSettings.a),
		b: validateModel(r.b, defaultSettings.b),
		nuisance: validateNuisance(r.nuisance)
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

/** Margins wider than a network can satisfy (the numbers a loss does not have sit at its defaults). */
export function wideMargin(m: HeadConfig): boolean {
	return m.m1 > 2 || m.m2 > 1.2 || m.m3 > 0.8;
}

/**
 * A best guess at why a model's loss diverged, from its settings alone: a huge scale first (it makes
 * the logits and their gradients huge), then the learning rate, then margins too wide to satisfy.
 */
export function guessDivergeReason(settings: TrainSettings, which: 0 | 1): DivergeReason {
	const m = which === 0 ? settings.a : settings.b;
	const lr = modelLr(settings, which);
	if (lossHas(m.loss, 's') && m.s > 100) return 's-too-large';
	if (lr > HIGH_LR[settings.optimizer]) return 'lr-too-high';
	if (wideMargin(m)) return 'margin-too-large';
	return 'unknown';
}
