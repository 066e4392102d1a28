/** URL schemas of the figures: every setting a figure reads from its URL, with its range and default. */
import { lossInfo } from '$lib/margins/catalogue';
import { headRanges } from '$lib/train/schema';
import { decode, parseField, type NumberField, type Schema, type Settings } from './codec';

/** A figure's slider over one head number: the lab's range for it (`headRanges`), a finer step. */
const headField = <D extends number>(param: 'm1' | 'm2' | 'm3', dflt: D) =>
	({
		kind: 'number',
		min: headRanges[param][0],
		max: headRanges[param][1],
		default: dflt,
		step: 0.01
	}) as const;

export const curveNames = [
	'softmax',
	'sphereface',
	'arcface',
	'cosface',
	'cm1',
	'cm2',
	'custom',
	'fallback',
	'easy'
] as const;
export type CurveName = (typeof curveNames)[number];

export const targetLogitSchema = {
	curves: {
		kind: 'list',
		values: curveNames,
		default: ['softmax', 'sphereface', 'arcface', 'cosface', 'cm1', 'cm2', 'custom', 'fallback', 'easy'],
		allowEmpty: true
	},
	// the custom curve: the same ranges as the lab's custom loss
	m1: headField('m1', 1),
	m2: headField('m2', 0.25),
	m3: headField('m3', 0.1),
	range: { kind: 'enum', values: ['paper', 'wide'], default: 'paper' }
} as const satisfies Schema;
export type TargetLogitSettings = Settings<typeof targetLogitSchema>;

export const boundaryLosses = ['softmax', 'sphereface', 'cosface', 'arcface'] as const;
export type BoundaryLoss = (typeof boundaryLosses)[number];

/**
 * The single margin slider of a loss: the paper's value as default (the catalogue's), inside the lab's range
 * for that number but narrower on purpose. The figure draws two classes: m1 below 1 or m2, m3 below 0 would
 * draw a negative margin, and past m1 = 2, m3 = 0.8 or m2 = 1.2 the margin wedge covers most of the plane at
 * the default 90° between the centres, so the slider's end would show nothing new.
 */
function marginField(loss: BoundaryLoss, param: 'm1' | 'm2' | 'm3', [min, max]: readonly [number, number]) {
	const [lo, hi] = headRanges[param];
	const field: NumberField = {
		kind: 'number',
		min: Math.max(lo, min),
		max: Math.min(hi, max),
		default: lossInfo(loss).defaults[param],
		step: 0.01
	};
	return field;
}

/** The range of the single margin slider for each loss (null: softmax has no margin). */
export const marginRanges: Record<BoundaryLoss, NumberField | null> = {
	softmax: null,
	sphereface: marginField('sphereface', 'm1', [1, 2]),
	cosface: marginField('cosface', 'm3', [0, 0.8]),
	arcface: marginField('arcface', 'm2', [0, 1.2])
};

export const decisionMarginSchema = {
	loss: { kind: 'enum', values: boundaryLosses, default: 'arcface' },
	// Read per loss below; this wide field only keeps the raw value in range.
	m: { kind: 'number', min: 0, max: 2, default: 0.5, step: 0.01 },
	phi: { kind: 'number', min: 20, max: 160, default: 90, step: 1 },
	view: { kind: 'enum', values: ['both', 'plane', 'circle'], default: 'both' }
} as const satisfies Schema;
export type DecisionMarginSettings = Settings<typeof decisionMarginSchema>;

/** Decode decision-margin settings; the margin is read against the chosen loss's own range. */
export function decodeDecisionMargins(params: URLSearchParams | string): DecisionMarginSettings {
	let p: URLSearchParams;
	try {
		p = typeof params === 'string' ? new URLSearchParams(params) : params;
	} catch {
		p = new URLSearchParams();
	}
	const s = decode(decisionMarginSchema, p);
	const range = marginRanges[s.loss];
	s.m = range ? (parseField(range, p.get('m')) as number) : 0;
	return s;
}

/** Keep a margin inside the range of its loss (used when the loss changes under a slider). */
export function clampMargin(loss: BoundaryLoss, m: number | null): number {
	const r = marginRanges[loss];
	if (!r) return 0;
	if (m === null || !Number.isFinite(m)) return r.default;
	return Math.min(r.max, Math.max(r.min, m));
}
