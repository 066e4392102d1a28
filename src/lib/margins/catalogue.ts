/**
 * The loss catalogue: every loss the lab trains, once, with what the engine, the tensor heads, the controls,
 * the slow-motion view and the θ-distribution need to know about it. Pure TypeScript (no Svelte, tfjs or DOM).
 *
 * Adding a loss = one entry here + its tensor head (`src/lib/train/heads.ts`) + its maths reference
 * (`losses.ts` / `logits.ts` in this folder). Nothing else compares loss names: ask the catalogue.
 */

import { presets, type Fallback } from './spec';

/** Every loss the lab trains, in the order the controls list them. */
export const lossNames = [
	'softmax',
	'normface',
	'sphereface',
	'arcface',
	'cosface',
	'cm1',
	'cm2',
	'custom',
	'intra',
	'inter',
	'triplet'
] as const;

export type LossName = (typeof lossNames)[number];

/** The numbers of a loss's head: scale s, the combined margin (m1, m2, m3) and the fallback past π − m. */
export type HeadParam = 's' | 'm1' | 'm2' | 'm3' | 'fallback';

/**
 * How a loss turns a feature into logits:
 * - `affine`: xW + b (L1 softmax, unnormalised, with bias);
 * - `cosine`: s·cos θ_j (L2 NormFace, and L5/L6, which add a term on top);
 * - `margin`: s·cos θ_j for j ≠ y and the target logit s·(cos(m1·θ_y + m2) − m3) (L3/L4);
 * - `none`: no logits at all (the angular triplet compares features with features).
 */
export type LogitKind = 'affine' | 'cosine' | 'margin' | 'none';

/** A term added to the cross-entropy: L5's mean θ_y / π, or L6's minus mean angle between centres. */
export type Regulariser = 'intra' | 'inter' | null;

export interface LossInfo {
	name: LossName;
	/** the paper's equation label, e.g. 'L1', 'L4'; null for the angular triplet (a baseline, not numbered) */
	paper: string | null;
	logits: LogitKind;
	/** softmax only: logits have a bias b_j */
	bias: boolean;
	/** features and centres are L2-normalised, so every score is a cosine */
	normalised: boolean;
	/** the class centres: the columns of W, or (triplet, which has no W) each class's mean feature direction */
	centres: 'W' | 'class-mean';
	regulariser: Regulariser;
	/** the numbers a student can set for this loss; the others are pinned to `defaults` */
	params: readonly HeadParam[];
	/** default s, m1, m2, m3 and fallback (the paper's presets; triplet's m2 is its angular margin, radians) */
	defaults: Readonly<{ s: number; m1: number; m2: number; m3: number; fallback: Fallback }>;
}

const S = presets.arcface.s;
const plain = { s: S, m1: 1, m2: 0, m3: 0, fallback: 'none' } as const;
const margins = ['s', 'm1', 'm2', 'm3', 'fallback'] as const satisfies readonly HeadParam[];

function entry(
	name: LossName,
	info: Omit<LossInfo, 'name' | 'bias' | 'normalised' | 'centres'> & Partial<LossInfo>
): LossInfo {
	return Object.freeze({
		name,
		bias: info.logits === 'affine',
		normalised: info.logits !== 'affine',
		centres: info.logits === 'none' ? 'class-mean' : 'W',
		...info
	});
}

export const losses: Readonly<Record<LossName, LossInfo>> = Object.freeze({
	softmax: entry('softmax', {
		paper: 'L1',
		logits: 'affine',
		regulariser: null,
		params: [],
		defaults: plain
	}),
	normface: entry('normface', {
		paper: 'L2',
		logits: 'cosine',
		regulariser: null,
		params: ['s'],
		defaults: plain
	}),
	sphereface: entry('sphereface', {
		paper: 'L4',
		logits: 'margin',
		regulariser: null,
		params: ['s', 'm1'],
		defaults: { ...presets.sphereface, fallback: 'none' }
	}),
	arcface: entry('arcface', {
		paper: 'L3',
		logits: 'margin',
		regulariser: null,
		params: ['s', 'm2', 'fallback'],
		defaults: { ...presets.arcface, fallback: 'insightface' }
	}),
	cosface: entry('cosface', {
		paper: 'L4',
		logits: 'margin',
		regulariser: null,
		params: ['s', 'm3'],
		defaults: { ...presets.cosface, fallback: 'none' }
	}),
	cm1: entry('cm1', {
		paper: 'L4',
		logits: 'margin',
		regulariser: null,
		params: margins,
		defaults: { ...presets.cm1, fallback: 'none' }
	}),
	cm2: entry('cm2', {
		paper: 'L4',
		logits: 'margin',
		regulariser: null,
		params: margins,
		defaults: { ...presets.cm2, fallback: 'none' }
	}),
	custom: entry('custom', {
		paper: 'L4',
		logits: 'margin',
		regulariser: null,
		params: margins,
		defaults: plain
	}),
	intra: entry('intra', {
		paper: 'L5',
		logits: 'cosine',
		regulariser: 'intra',
		params: ['s'],
		defaults: plain
	}),
	inter: entry('inter', {
		paper: 'L6',
		logits: 'cosine',
		regulariser: 'inter',
		params: ['s'],
		defaults: plain
	}),
	triplet: entry('triplet', {
		paper: null,
		logits: 'none',
		regulariser: null,
		params: ['m2'],
		defaults: { ...plain, m2: 0.3 }
	})
});

export function isLossName(v: unknown): v is LossName {
	return typeof v === 'string' && (lossNames as readonly string[]).includes(v);
}

/** The catalogue entry of a loss. */
export function lossInfo(name: LossName): LossInfo {
	return losses[name];
}

/** The loss has a target-logit margin (a margin stage in the walk-through, a curve in Fig. 4b). */
export function hasMargin(name: LossName): boolean {
	return losses[name].logits === 'margin';
}

/** The loss has logits and W centres (the slow-motion walk-through and the logit read-outs apply). */
export function hasLogits(name: LossName): boolean {
	return losses[name].logits !== 'none';
}

/** The student can set this number for this loss. */
export function lossHas(name: LossName, param: HeadParam): boolean {
	return losses[name].params.includes(param);
}
