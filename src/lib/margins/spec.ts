/**
 * Margin specs: the paper's combined margin (L4), target logit s·(cos(m1·θ + m2) − m3), and its presets.
 * SphereFace is m1 (in the paper's arccos form), ArcFace m2, CosFace m3.
 */

import { assertFinite } from './validate';

/** How the target logit behaves past the point where cos(m1·θ + m2) turns back up (see logits.ts). */
export type Fallback = 'none' | 'insightface' | 'easy';

export type MarginSpec = { m1: number; m2: number; m3: number; s: number; fallback?: Fallback };

export const fallbackModes = ['none', 'insightface', 'easy'] as const satisfies readonly Fallback[];

/** Preset names in the order figures list them (the order of the paper's Fig. 4b legend, plus NormFace). */
export const presetNames = ['softmax', 'normface', 'sphereface', 'arcface', 'cosface', 'cm1', 'cm2'] as const;

export type PresetName = (typeof presetNames)[number];

const S = 64;

/**
 * The paper's settings, all with s = 64 and no fallback. `softmax` and `normface` are both (1, 0, 0): as a margin
 * spec the target-logit curve of softmax is plain cos θ; the biased, unnormalised L1 itself is `softmaxLoss`.
 */
export const presets: Readonly<Record<PresetName, Readonly<MarginSpec>>> = Object.freeze({
	softmax: Object.freeze({ m1: 1, m2: 0, m3: 0, s: S }),
	normface: Object.freeze({ m1: 1, m2: 0, m3: 0, s: S }),
	sphereface: Object.freeze({ m1: 1.35, m2: 0, m3: 0, s: S }),
	arcface: Object.freeze({ m1: 1, m2: 0.5, m3: 0, s: S }),
	cosface: Object.freeze({ m1: 1, m2: 0, m3: 0.35, s: S }),
	cm1: Object.freeze({ m1: 1, m2: 0.3, m3: 0.2, s: S }),
	cm2: Object.freeze({ m1: 0.9, m2: 0.4, m3: 0.15, s: S })
});

export function isPresetName(name: string): name is PresetName {
	return (presetNames as readonly string[]).includes(name);
}

/** Throws unless m1 > 0, m2 and m3 are finite and the fallback is known (s is not checked). */
export function assertMargins(spec: MarginSpec): void {
	if (spec === null || typeof spec !== 'object') throw new Error('margin spec must be an object');
	assertFinite(spec.m1, 'spec.m1');
	assertFinite(spec.m2, 'spec.m2');
	assertFinite(spec.m3, 'spec.m3');
	if (spec.m1 <= 0) throw new Error(`spec.m1 must be > 0, got ${spec.m1}`);
	const fb = spec.fallback;
	if (fb !== undefined && !(fallbackModes as readonly string[]).includes(fb)) {
		throw new Error(`spec.fallback must be one of ${fallbackModes.join(', ')}, got ${String(fb)}`);
	}
}

/** Throws unless the whole spec, scale included (finite, > 0), is usable by a loss. */
export function validateSpec(spec: MarginSpec): void {
	assertMargins(spec);
	assertFinite(spec.s, 'spec.s');
	if (spec.s <= 0) throw new Error(`spec.s must be > 0, got ${spec.s}`);
}

export type MarginKind = 'normface' | 'sphereface' | 'arcface' | 'cosface' | 'combined';

/** The loss whose single margin is m1, m2, m3 (SphereFace, ArcFace, CosFace). */
const singleKinds = ['sphereface', 'arcface', 'cosface'] as const satisfies readonly MarginKind[];

/** Which single margin a spec uses, or 'combined' if more than one; (1, 0, 0) is 'normface' (no margin). */
export function marginKind(spec: MarginSpec): MarginKind {
	const used = [spec.m1 !== 1, spec.m2 !== 0, spec.m3 !== 0];
	const n = used.filter(Boolean).length;
	if (n > 1) return 'combined';
	return n === 0 ? 'normface' : singleKinds[used.indexOf(true)];
}

/**
 * The case insightface's fallback was written for: m1 = 1, m3 = 0 and a positive additive angular margin m2.
 * (With m2 = 0 the spec is NormFace, so this is false.)
 */
export function isPureArcFace(spec: MarginSpec): boolean {
	return spec.m1 === 1 && spec.m3 === 0 && spec.m2 > 0;
}

function fmt(x: number): string {
	return String(Number(x.toFixed(4)));
}

const kindLabels: Record<MarginKind, (spec: MarginSpec) => string> = {
	normface: () => 'NormFace',
	sphereface: (s) => `SphereFace (m = ${fmt(s.m1)})`,
	arcface: (s) => `ArcFace (m = ${fmt(s.m2)})`,
	cosface: (s) => `CosFace (m = ${fmt(s.m3)})`,
	combined: (s) => `Combined (${fmt(s.m1)}, ${fmt(s.m2)}, ${fmt(s.m3)})`
};

/**
 * A short, language-neutral label built from the numbers: 'ArcFace (m = 0.5)', 'Combined (1, 0.3, 0.2)',
 * then ', s = 64' when `opts.scale` is set and ' · insightface' / ' · easy' for a fallback.
 */
export function specLabel(spec: MarginSpec, opts: { scale?: boolean } = {}): string {
	let label = kindLabels[marginKind(spec)](spec);
	if (opts.scale) label += `, s = ${fmt(spec.s)}`;
	if (spec.fallback && spec.fallback !== 'none') label += ` · ${spec.fallback}`;
	return label;
}
