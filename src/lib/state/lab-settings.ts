/**
 * The lab's settings in the URL: every training setting, plus flags that hide controls from students.
 * Reading never throws; values go through the training settings' own validator, so the URL cannot ask for
 * anything the worker would refuse.
 */
import { NUISANCE_KEYS, type NuisanceKey } from '$lib/faces';
import { fallbackModes } from '$lib/margins';
import { defaultSettings, LIMITS, lossDefaults, validateSettings } from '$lib/train/settings';
import type { ModelSettings, TrainSettings } from '$lib/train/settings';
import { lossNames } from '$lib/train/types';
import { parseField, type Field, type NumberField } from './codec';

/** URL key of each nuisance level (short, as teachers type them). */
export const nuisanceParam: Record<NuisanceKey, string> = {
	yaw: 'pose',
	tilt: 'tilt',
	lighting: 'light',
	expression: 'expr',
	scaleShift: 'shift',
	noise: 'noise',
	occluder: 'occl'
};

/** Controls a teacher can hide with `hide=…` (comma separated). */
export const hideable = [
	'losses',
	'margins',
	'optimizer',
	'data',
	'nuisance',
	'seed',
	'speed',
	'export',
	'link'
] as const;
export type Hideable = (typeof hideable)[number];

export const backendChoices = ['auto', 'webgl', 'wasm', 'cpu'] as const;
export type LabBackend = (typeof backendChoices)[number];

/** Training paces offered to students: steps per second (0 = as fast as the device can). */
export const paces = { slow: 5, medium: 25, fast: 0 } as const;

export type LabUrlState = {
	settings: TrainSettings;
	hidden: Hideable[];
	/** steps per second, 0 = unlimited */
	pace: number;
	backend: LabBackend;
};

const range = ([min, max]: readonly [number, number], dflt: number, step?: number): NumberField => ({
	kind: 'number',
	min,
	max,
	default: dflt,
	step
});

const fields = {
	lr: range(LIMITS.lr, defaultSettings.lr),
	bs: range(LIMITS.batchSize, defaultSettings.batchSize, 1),
	mom: range(LIMITS.momentum, defaultSettings.momentum),
	n: range(LIMITS.perIdentity, defaultSettings.perIdentity, 1),
	size: range(LIMITS.size, defaultSettings.size, 1),
	seed: range(LIMITS.seed, defaultSettings.seed, 1),
	pace: range([0, 500], 0, 1),
	backend: { kind: 'enum', values: backendChoices, default: 'auto' },
	opt: { kind: 'enum', values: ['sgd', 'adam'], default: defaultSettings.optimizer },
	hide: { kind: 'list', values: hideable, default: [], allowEmpty: true }
} satisfies Record<string, Field>;

/** Read one optional number: null when absent or unreadable, so the loss's own default applies. */
function optional(p: URLSearchParams, key: string, lim: readonly [number, number]): number | null {
	const v = p.get(key);
	if (v === null) return null;
	const got = parseField(range(lim, Number.NaN), v) as number;
	return Number.isFinite(got) ? got : null;
}

function readModel(p: URLSearchParams, which: 'a' | 'b'): Partial<ModelSettings> {
	const loss = parseField(
		{ kind: 'enum', values: lossNames, default: defaultSettings[which].loss },
		p.get(which)
	) as ModelSettings['loss'];
	const base = lossDefaults(loss);
	const pick = (key: string, lim: readonly [number, number], dflt: number) => optional(p, key, lim) ?? dflt;
	return {
		loss,
		s: pick(`s${which}`, LIMITS.s, base.s),
		m1: pick(`m1${which}`, LIMITS.m1, base.m1),
		m2: pick(`m2${which}`, LIMITS.m2, base.m2),
		m3: pick(`m3${which}`, LIMITS.m3, base.m3),
		fallback: parseField(
			{ kind: 'enum', values: fallbackModes, default: base.fallback },
			p.get(`f${which}`)
		) as 'none' | 'insightface' | 'easy',
		lr: optional(p, `lr${which}`, LIMITS.lr)
	};
}

export function decodeLab(search: URLSearchParams | string): LabUrlState {
	let p: URLSearchParams;
	try {
		p = typeof search === 'string' ? new URLSearchParams(search) : search;
	} catch {
		p = new URLSearchParams();
	}
	const nuisance: Record<string, number> = {};
	for (const key of NUISANCE_KEYS) {
		const v = optional(p, nuisanceParam[key], [0, 1]);
		nuisance[key] = v ?? defaultSettings.nuisance[key];
	}
	const settings = validateSettings({
		a: readModel(p, 'a'),
		b: readModel(p, 'b'),
		lr: parseField(fields.lr, p.get('lr')),
		batchSize: parseField(fields.bs, p.get('bs')),
		optimizer: parseField(fields.opt, p.get('opt')),
		momentum: parseField(fields.mom, p.get('mom')),
		perIdentity: parseField(fields.n, p.get('n')),
		size: parseField(fields.size, p.get('size')),
		nuisance,
		seed: parseField(fields.seed, p.get('seed'))
	});
	return {
		settings,
		hidden: parseField(fields.hide, p.get('hide')) as Hideable[],
		pace: parseField(fields.pace, p.get('pace')) as number,
		backend: parseField(fields.backend, p.get('backend')) as LabBackend
	};
}

function same(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
}

/** The URL form of a lab state: only what differs from the defaults, so links stay short. */
export function encodeLab(state: LabUrlState): URLSearchParams {
	const p = new URLSearchParams();
	const s = validateSettings(state.settings);
	for (const which of ['a', 'b'] as const) {
		const m = s[which];
		const base = lossDefaults(m.loss);
		if (m.loss !== defaultSettings[which].loss) p.set(which, m.loss);
		if (!same(m.s, base.s)) p.set(`s${which}`, String(m.s));
		if (!same(m.m1, base.m1)) p.set(`m1${which}`, String(m.m1));
		if (!same(m.m2, base.m2)) p.set(`m2${which}`, String(m.m2));
		if (!same(m.m3, base.m3)) p.set(`m3${which}`, String(m.m3));
		if (m.fallback !== base.fallback) p.set(`f${which}`, m.fallback);
		if (m.lr !== null) p.set(`lr${which}`, String(m.lr));
	}
	const d = defaultSettings;
	if (!same(s.lr, d.lr)) p.set('lr', String(s.lr));
	if (s.batchSize !== d.batchSize) p.set('bs', String(s.batchSize));
	if (s.optimizer !== d.optimizer) p.set('opt', s.optimizer);
	if (!same(s.momentum, d.momentum)) p.set('mom', String(s.momentum));
	if (s.perIdentity !== d.perIdentity) p.set('n', String(s.perIdentity));
	if (s.size !== d.size) p.set('size', String(s.size));
	for (const key of NUISANCE_KEYS)
		if (!same(s.nuisance[key], d.nuisance[key])) p.set(nuisanceParam[key], String(s.nuisance[key]));
	if (s.seed !== d.seed) p.set('seed', String(s.seed));
	if (state.pace !== 0) p.set('pace', String(state.pace));
	if (state.backend !== 'auto') p.set('backend', state.backend);
	const hidden = hideable.filter((h) => state.hidden.includes(h));
	if (hidden.length) p.set('hide', hidden.join(','));
	return p;
}

/** Every key the lab owns in a URL (so a rewrite can drop stale ones and keep the rest, e.g. `lang`). */
export const labKeys: string[] = [
	'a',
	'b',
	...['s', 'm1', 'm2', 'm3', 'f', 'lr'].flatMap((k) => [`${k}a`, `${k}b`]),
	'lr',
	'bs',
	'opt',
	'mom',
	'n',
	'size',
	...Object.values(nuisanceParam),
	'seed',
	'pace',
	'backend',
	'hide'
];
