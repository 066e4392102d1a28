/**
 * Every training and lab setting, once: its URL key, where it lives, its type, default, ONE range (the same for
 * the URL, the validator and the slider), step, slider scale, readout format, which losses it applies to, what
 * a change rebuilds and the `hide=` group that hides it. The URL codec (`state/lab-settings.ts`), the validator
 * (`settings.ts`), the worker's data cache and the lab's controls are all derived from these tables.
 * Pure TypeScript (no Svelte, tfjs or DOM): the worker imports it.
 *
 * Adding a setting = one entry here + its label in `lab.controls` of `src/lib/i18n/en.ts` and `zh.ts`.
 */
import { defaultNuisance, NUISANCE_KEYS, type NuisanceKey, type NuisanceLevels } from '$lib/faces';
import { fallbackModes } from '$lib/margins/spec';
import { losses, lossHas, lossNames, type LossName } from '$lib/margins/catalogue';
import type { TrainSettings } from './settings';
import type {
	EnumSetting,
	Format,
	HeadNumber,
	Hideable,
	NumberSetting,
	Range,
	Setting
} from './schema-types';
import { backendChoices, hideable, optimizerNames } from './schema-types';

export * from './schema-types';

/** The head numbers' ranges: the lab's sliders, URL and validator, and the target-logit figure's custom curve. */
export const headRanges = {
	/** ≥ 1 like the slider; up to 1e6 on purpose: the lab lets students break training and watch it */
	s: [1, 1e6],
	m1: [0.5, 3],
	m2: [0, 1.5],
	m3: [0, 1]
} as const satisfies Record<'s' | 'm1' | 'm2' | 'm3', Range>;

/** The learning rate, from the slider's 1e-5 up to 1e6 (a link like `/lab/?lr=1000000` breaks training on purpose). */
const rate = {
	key: 'lr',
	id: 'lr',
	label: 'lr',
	type: 'number',
	range: [1e-5, 1e6],
	default: 0.003,
	step: 0.1,
	scale: 'log',
	format: 'rate',
	hide: 'optimizer',
	rebuild: 'live'
} as const satisfies NumberSetting;

const head = (param: HeadNumber['param'], step: number, format: Format): HeadNumber => ({
	key: param,
	id: param,
	label: param,
	param,
	type: 'number',
	range: headRanges[param],
	// the loss's own default applies (`losses[loss].defaults`); this is only the neutral value
	default: losses.custom.defaults[param],
	step,
	scale: param === 's' ? 'log' : 'linear',
	format,
	hide: 'margins',
	rebuild: 'live'
});

/** Each model's default loss. */
export const modelLosses = { a: 'softmax', b: 'arcface' } as const satisfies Record<'a' | 'b', LossName>;

/** One model's settings (`TrainSettings.a` / `.b`); URL keys `a`, `sa`, `m1a`, …, `lrb`. */
export const modelSchema = {
	loss: {
		key: '',
		type: 'enum',
		values: lossNames,
		default: 'softmax',
		hide: 'losses',
		rebuild: 'model'
	} satisfies EnumSetting<LossName>,
	s: head('s', 0.1, 'scale'),
	m1: head('m1', 0.05, 'fixed2'),
	m2: head('m2', 0.01, 'radians'),
	m3: head('m3', 0.01, 'fixed2'),
	fallback: {
		key: 'f',
		type: 'enum',
		values: fallbackModes,
		default: 'none',
		param: 'fallback',
		hide: 'margins',
		rebuild: 'live'
	} satisfies EnumSetting<(typeof fallbackModes)[number]>,
	/** this model's own learning rate (no control); null, the default, means the shared `lr` */
	lr: { ...rate, default: Number.NaN, step: null, hide: null } satisfies NumberSetting
} as const;

/** The head numbers in the order the controls show them. */
export const headNumbers: readonly HeadNumber[] = [
	modelSchema.s,
	modelSchema.m1,
	modelSchema.m2,
	modelSchema.m3
];

/** The shared training settings (`TrainSettings.lr`, `.batchSize`, …), in the order the controls show them. */
export const trainSchema = {
	lr: rate,
	optimizer: {
		key: 'opt',
		type: 'enum',
		values: optimizerNames,
		default: 'adam',
		hide: 'optimizer',
		rebuild: 'live'
	} satisfies EnumSetting<(typeof optimizerNames)[number]>,
	batchSize: {
		key: 'bs',
		id: 'batch',
		label: 'batch',
		type: 'integer',
		range: [16, 512],
		default: 128,
		step: 16,
		scale: 'linear',
		format: 'plain',
		hide: 'optimizer',
		rebuild: 'live'
	},
	/** SGD momentum (0 = plain SGD); unused by Adam */
	momentum: {
		key: 'mom',
		id: 'momentum',
		label: 'momentum',
		type: 'number',
		range: [0, 0.99],
		default: 0.9,
		step: 0.01,
		scale: 'linear',
		format: 'fixed2',
		optimizer: 'sgd',
		hide: 'optimizer',
		rebuild: 'live'
	},
	perIdentity: {
		key: 'n',
		id: 'per-identity',
		label: 'perIdentity',
		type: 'integer',
		range: [50, 1500],
		default: 400,
		step: 50,
		scale: 'linear',
		format: 'plain',
		hide: 'data',
		rebuild: 'data'
	},
	/** image side in pixels; the network's input is size × size */
	size: {
		key: 'size',
		id: 'size',
		label: 'size',
		type: 'integer',
		range: [12, 32],
		default: 20,
		step: 2,
		scale: 'linear',
		format: 'pixels',
		hide: 'data',
		rebuild: 'data'
	},
	/**
	 * Training identities K (issue 14): new faces, so a new run. 8 is the site's default lab; past 32 the
	 * faces per identity drop to keep the run inside the image budget (`IMAGE_BUDGET` in `$lib/faces`).
	 */
	identities: {
		key: 'ids',
		id: 'identities',
		label: 'identities',
		type: 'integer',
		range: [8, 256],
		choices: [8, 16, 32, 64, 128, 256],
		default: 8,
		step: Math.log10(2),
		scale: 'log',
		format: 'plain',
		hide: 'data',
		rebuild: 'data'
	},
	/**
	 * Embedding dimension D: 2 is the circle the lessons draw, 3 a sphere, more a projection. Same faces, new
	 * models. On the log slider the position of 4 snaps to 3.
	 */
	dim: {
		key: 'dim',
		id: 'dim',
		label: 'dim',
		type: 'integer',
		range: [2, 64],
		choices: [2, 3, 8, 16, 32, 64],
		default: 2,
		step: Math.log10(2),
		scale: 'log',
		format: 'plain',
		hide: 'data',
		rebuild: 'model'
	},
	/** a number field, not a slider */
	seed: {
		key: 'seed',
		id: 'seed',
		label: 'seed',
		type: 'integer',
		range: [0, 2 ** 31 - 1],
		default: 1,
		step: null,
		scale: 'linear',
		format: 'plain',
		hide: 'seed',
		rebuild: 'data'
	}
} as const satisfies Record<string, Setting>;

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

/** URL key of each nuisance level (short, as teachers type them; the face gallery uses the same keys). */
export const nuisanceParam = {
	yaw: 'pose',
	tilt: 'tilt',
	lighting: 'light',
	expression: 'expr',
	scaleShift: 'shift',
	noise: 'noise',
	occluder: 'occl'
} as const satisfies Record<NuisanceKey, string>;

/** The nuisance levels (`TrainSettings.nuisance`), each in [0, 1]; labels are `lab.controls.nuisanceNames`. */
export const nuisanceSchema: Readonly<Record<NuisanceKey, NumberSetting>> = Object.freeze(
	Object.fromEntries(
		NUISANCE_KEYS.map((k): [NuisanceKey, NumberSetting] => [
			k,
			{
				key: nuisanceParam[k],
				id: `nuisance-${k}`,
				label: 'nuisance',
				type: 'number',
				range: [0, 1],
				default: labNuisance[k],
				step: 0.05,
				scale: 'linear',
				format: 'fixed2',
				hide: 'nuisance',
				rebuild: 'data'
			}
		])
	) as Record<NuisanceKey, NumberSetting>
);

/** The lab page's own state (not training settings). */
export const labSchema = {
	/** steps per second, 0 = unlimited (PaceControl offers `paces`) */
	pace: {
		key: 'pace',
		id: 'pace',
		label: 'pace',
		type: 'integer',
		range: [0, 500],
		default: 0,
		step: null,
		scale: 'linear',
		format: 'plain',
		hide: 'speed',
		rebuild: 'live'
	},
	backend: {
		key: 'backend',
		type: 'enum',
		values: backendChoices,
		default: 'auto',
		hide: null,
		rebuild: 'live'
	},
	hidden: { key: 'hide', type: 'list', values: hideable, default: [], hide: null, rebuild: 'live' }
} as const satisfies Record<string, Setting>;

/** The setting applies to this loss (per-model head numbers: the catalogue's `params`; everything else: yes). */
export function appliesTo(e: Setting, loss: LossName): boolean {
	return !('param' in e) || e.param === undefined || lossHas(loss, e.param);
}

type TrainKey = keyof typeof trainSchema;
/** The shared settings that are numbers. */
export type TrainNumberKey = {
	[K in TrainKey]: (typeof trainSchema)[K] extends NumberSetting ? K : never;
}[TrainKey];

/** The shared settings with a slider that the `hide=` group `group` hides, in schema order. */
export function slidersIn(group: Hideable): TrainNumberKey[] {
	return (Object.keys(trainSchema) as TrainKey[]).filter((k): k is TrainNumberKey => {
		const e: Setting = trainSchema[k];
		return (e.type === 'number' || e.type === 'integer') && e.step !== null && e.hide === group;
	});
}

/** The fields of `TrainSettings` whose change needs new faces. */
const dataFields = (Object.keys(trainSchema) as TrainKey[]).filter((k) => trainSchema[k].rebuild === 'data');

/** The data a run trains on is the same exactly when these keys are: the worker's data cache key. */
export function dataKey(s: TrainSettings): string {
	const nuisance = NUISANCE_KEYS.filter((k) => nuisanceSchema[k].rebuild === 'data').map(
		(k) => s.nuisance[k]
	);
	return JSON.stringify([...dataFields.map((k) => s[k]), nuisance]);
}
