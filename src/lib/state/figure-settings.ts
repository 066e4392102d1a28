/** URL schemas of the figures: every setting a figure reads from its URL, with its range and default. */
import { decode, parseField, type NumberField, type Schema, type Settings } from './codec';

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
	m1: { kind: 'number', min: 0.5, max: 2.5, default: 1, step: 0.01 },
	m2: { kind: 'number', min: 0, max: 1.5, default: 0.25, step: 0.01 },
	m3: { kind: 'number', min: 0, max: 0.8, default: 0.1, step: 0.01 },
	range: { kind: 'enum', values: ['paper', 'wide'], default: 'paper' }
} as const satisfies Schema;
export type TargetLogitSettings = Settings<typeof targetLogitSchema>;

export const boundaryLosses = ['softmax', 'sphereface', 'cosface', 'arcface'] as const;
export type BoundaryLoss = (typeof boundaryLosses)[number];

/** The range of the single margin slider for each loss (null: softmax has no margin). */
export const marginRanges: Record<BoundaryLoss, NumberField | null> = {
	softmax: null,
	sphereface: { kind: 'number', min: 1, max: 2, default: 1.35, step: 0.01 },
	cosface: { kind: 'number', min: 0, max: 0.8, default: 0.35, step: 0.01 },
	arcface: { kind: 'number', min: 0, max: 1.2, default: 0.5, step: 0.01 }
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
