/**
 * The lab's settings in the URL: every training setting, plus flags that hide controls from students. Keys,
 * ranges and defaults come from the settings schema (`$lib/train/schema`). Reading never throws; values go
 * through the training settings' own validator, so the URL cannot ask for anything the worker would refuse.
 */
import { isLossName } from '$lib/margins/catalogue';
import { NUISANCE_KEYS } from '$lib/faces';
import {
	appliesTo,
	clampSetting,
	labSchema,
	modelLosses,
	modelSchema,
	nuisanceSchema,
	trainSchema,
	type Hideable,
	type LabBackend,
	type Setting
} from '$lib/train/schema';
import { defaultSettings, lossDefaults, validateSettings, type TrainSettings } from '$lib/train/settings';
import { parseField, type Field } from './codec';

export {
	backendChoices,
	hideable,
	nuisanceParam,
	paces,
	type Hideable,
	type LabBackend
} from '$lib/train/schema';

export type LabUrlState = {
	settings: TrainSettings;
	hidden: Hideable[];
	/** steps per second, 0 = unlimited */
	pace: number;
	backend: LabBackend;
};

type Which = 'a' | 'b';
type ModelKey = keyof typeof modelSchema;
type TrainKey = keyof typeof trainSchema;

const modelKeys = Object.keys(modelSchema) as ModelKey[];
const trainKeys = Object.keys(trainSchema) as TrainKey[];

/** The URL field of a setting: the schema's range and default; integers snap to whole numbers. */
export function urlField(e: Setting, dflt: unknown = e.default): Field {
	switch (e.type) {
		case 'enum':
			return { kind: 'enum', values: e.values, default: dflt as string };
		case 'list':
			return { kind: 'list', values: e.values, default: e.default, allowEmpty: true };
		default:
			return {
				kind: 'number',
				min: e.range[0],
				max: e.range[1],
				default: dflt as number,
				step: e.type === 'integer' ? 1 : undefined
			};
	}
}

/** The URL key of a per-model setting. */
const modelKey = (k: ModelKey, which: Which) => `${modelSchema[k].key}${which}`;

/** Read a value that may be absent: null when absent or unreadable, so the loss's own default applies. */
function optional(p: URLSearchParams, key: string, e: Setting): unknown {
	const v = p.get(key);
	if (v === null) return null;
	const got = parseField(urlField(e, null), v);
	return typeof got === 'number' && !Number.isFinite(got) ? null : got;
}

function readModel(p: URLSearchParams, which: Which): Record<string, unknown> {
	const loss = parseField(urlField(modelSchema.loss, modelLosses[which]), p.get(which));
	const base: Record<string, unknown> = { ...lossDefaults(isLossName(loss) ? loss : modelLosses[which]) };
	const out: Record<string, unknown> = { loss };
	for (const k of modelKeys) {
		if (k === 'loss') continue;
		out[k] = optional(p, modelKey(k, which), modelSchema[k]) ?? base[k] ?? null;
	}
	return out;
}

export function decodeLab(search: URLSearchParams | string): LabUrlState {
	let p: URLSearchParams;
	try {
		p = typeof search === 'string' ? new URLSearchParams(search) : search;
	} catch {
		p = new URLSearchParams();
	}
	const raw: Record<string, unknown> = { a: readModel(p, 'a'), b: readModel(p, 'b'), nuisance: {} };
	for (const k of trainKeys) raw[k] = parseField(urlField(trainSchema[k]), p.get(trainSchema[k].key));
	for (const k of NUISANCE_KEYS)
		(raw.nuisance as Record<string, unknown>)[k] = optional(p, nuisanceSchema[k].key, nuisanceSchema[k]);
	const lab = (k: keyof typeof labSchema) => parseField(urlField(labSchema[k]), p.get(labSchema[k].key));
	return {
		settings: validateSettings(raw),
		hidden: lab('hidden') as Hideable[],
		pace: lab('pace') as number,
		backend: lab('backend') as LabBackend
	};
}

function same(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
}

/** Write `v` under `key` unless it equals `dflt` (numbers are clamped into their setting first). */
function put(p: URLSearchParams, key: string, e: Setting, v: unknown, dflt: unknown): void {
	if (e.type === 'enum') {
		const value = (e.values as readonly unknown[]).includes(v) ? v : e.default;
		if (value !== dflt) p.set(key, String(value));
	} else if (e.type === 'list') {
		const list = Array.isArray(v) ? v : [];
		const picked = e.values.filter((x) => list.includes(x));
		if (picked.length) p.set(key, picked.join(','));
	} else {
		const x = clampSetting(e, v, dflt as number);
		if (!same(x, dflt as number)) p.set(key, String(x));
	}
}

/**
 * The URL form of a lab state: only what differs from the defaults, so links stay short. `state.settings` is
 * expected to be validated already (the run's settings are); numbers are still clamped, and the numbers a
 * loss does not have are never written, so the output reads back to itself.
 */
export function encodeLab(state: LabUrlState): URLSearchParams {
	const p = new URLSearchParams();
	const s = state.settings;
	for (const which of ['a', 'b'] as const) {
		const m = s[which] ?? defaultSettings[which];
		const loss = isLossName(m.loss) ? m.loss : modelLosses[which];
		const base: Record<string, unknown> = { ...lossDefaults(loss) };
		put(p, which, modelSchema.loss, loss, modelLosses[which]);
		for (const k of modelKeys) {
			const e = modelSchema[k];
			if (k === 'loss' || !appliesTo(e, loss)) continue;
			if (k === 'lr') {
				if (typeof m.lr === 'number' && Number.isFinite(m.lr)) p.set(modelKey(k, which), String(m.lr));
			} else put(p, modelKey(k, which), e, m[k], base[k]);
		}
	}
	for (const k of trainKeys) put(p, trainSchema[k].key, trainSchema[k], s[k], trainSchema[k].default);
	for (const k of NUISANCE_KEYS)
		put(p, nuisanceSchema[k].key, nuisanceSchema[k], s.nuisance?.[k], nuisanceSchema[k].default);
	put(p, labSchema.pace.key, labSchema.pace, state.pace, labSchema.pace.default);
	put(p, labSchema.backend.key, labSchema.backend, state.backend, labSchema.backend.default);
	put(p, labSchema.hidden.key, labSchema.hidden, state.hidden, labSchema.hidden.default);
	return p;
}

/** Every key the lab owns in a URL (so a rewrite can drop stale ones and keep the rest, e.g. `lang`). */
export const labKeys: string[] = [
	...modelKeys.flatMap((k) => [modelKey(k, 'a'), modelKey(k, 'b')]),
	...trainKeys.map((k) => trainSchema[k].key),
	...NUISANCE_KEYS.map((k) => nuisanceSchema[k].key),
	...Object.values(labSchema).map((e) => e.key)
];
