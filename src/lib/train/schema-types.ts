/**
 * The shapes of the settings schema (`schema.ts`): what one entry says about a setting, and the helpers that
 * read an entry alone. Pure TypeScript.
 */
import type { HeadParam } from '$lib/margins/catalogue';
import type { Messages } from '$lib/i18n/en';

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

export const optimizerNames = ['sgd', 'adam'] as const;

/** Training paces offered to students: steps per second (0 = as fast as the device can). */
export const paces = { slow: 5, medium: 25, fast: 0 } as const;

export type Range = readonly [number, number];

/**
 * What a change costs: `live` is applied to the running models (weights kept); `model` starts a new run from
 * the same seed (new weights, same faces); `data` also makes new faces (the worker's data cache key).
 */
export type Rebuild = 'live' | 'model' | 'data';

/** How a value is shown next to its slider (`src/lib/figures/controls/format.ts` turns these into text). */
export type Format = 'plain' | 'fixed2' | 'radians' | 'scale' | 'rate' | 'pixels';

/** A label in `lab.controls` of the i18n tables. */
export type LabelKey = {
	[K in keyof Messages['lab']['controls']]: Messages['lab']['controls'][K] extends string ? K : never;
}[keyof Messages['lab']['controls']];

interface Common {
	/** URL key; a per-model setting appends `a` or `b` */
	key: string;
	/** `hide=` group that removes its control; null when nothing hides it */
	hide: Hideable | null;
	rebuild: Rebuild;
}

export interface NumberSetting extends Common {
	/** `integer` values are rounded after clamping */
	type: 'number' | 'integer';
	range: Range;
	default: number;
	/** slider step: in the value's units (linear) or in decades (log); null when it has no slider */
	step: number | null;
	scale: 'linear' | 'log';
	format: Format;
	/** control id (per-model settings append `-a` or `-b`) */
	id: string;
	label: LabelKey;
	/** per-model head numbers: the catalogue's parameter; shown and kept only for losses that have it */
	param?: HeadParam;
	/** used only by this optimiser (its control is shown only then) */
	optimizer?: (typeof optimizerNames)[number];
	/** the only values allowed, ascending within `range`: a value is snapped to the nearest (in log10 on a log scale) */
	choices?: readonly number[];
}

export interface EnumSetting<T extends string = string> extends Common {
	type: 'enum';
	values: readonly T[];
	default: T;
	param?: HeadParam;
}

export interface ListSetting<T extends string = string> extends Common {
	type: 'list';
	values: readonly T[];
	default: readonly T[];
}

export type Setting = NumberSetting | EnumSetting | ListSetting;

/** A head number of one model: s, m1, m2 or m3. */
export type HeadNumber = NumberSetting & { param: 's' | 'm1' | 'm2' | 'm3' };

/** A number brought into its setting: numeric strings read, clamped, integers rounded, garbage → `fallback`. */
export function clampSetting(e: NumberSetting, v: unknown, fallback = e.default): number {
	const x = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
	if (typeof x !== 'number' || Number.isNaN(x)) return fallback;
	const c = Math.min(e.range[1], Math.max(e.range[0], x));
	if (e.choices?.length) return nearestChoice(e.choices, c, e.scale);
	return e.type === 'integer' ? Math.round(c) : c;
}

/** The choice nearest `v` (log10 distance on a log scale; ties go to the smaller choice). */
export function nearestChoice(choices: readonly number[], v: number, scale: 'linear' | 'log'): number {
	const at = (x: number) => (scale === 'log' ? Math.log10(x) : x);
	let best = choices[0];
	for (const c of choices) if (Math.abs(at(c) - at(v)) < Math.abs(at(best) - at(v))) best = c;
	return best;
}

/** The slider of a number setting: the same range as the URL and the validator. */
export function sliderOf(e: NumberSetting): {
	min: number;
	max: number;
	step: number;
	scale: 'linear' | 'log';
} {
	return { min: e.range[0], max: e.range[1], step: e.step ?? 1, scale: e.scale };
}
