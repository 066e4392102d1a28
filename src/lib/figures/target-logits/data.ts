/** Curves of the target-logit figure, computed from the margin library (pure TS, no DOM). */
import { presets, targetLogit, type MarginSpec } from '$lib/margins';
import type { CurveName, TargetLogitSettings } from '$lib/state/figure-settings';

export type CurvePoint = [thetaDeg: number, value: number];
export type Curve = { name: CurveName; spec: MarginSpec; points: CurvePoint[] };

export const paperRange: [number, number] = [20, 100];
export const wideRange: [number, number] = [0, 180];

/** Curves that only make sense on the full 0°–180° range (what happens past θ = π − m). */
export const wideOnly: readonly CurveName[] = ['fallback', 'easy'];

export function curveSpec(name: CurveName, s: TargetLogitSettings): MarginSpec {
	switch (name) {
		case 'custom':
			return { m1: s.m1, m2: s.m2, m3: s.m3, s: 64, fallback: 'none' };
		case 'fallback':
			return { ...presets.arcface, fallback: 'insightface' };
		case 'easy':
			return { ...presets.arcface, fallback: 'easy' };
		default:
			return { ...presets[name], fallback: 'none' };
	}
}

export function thetaRange(s: TargetLogitSettings): [number, number] {
	return s.range === 'wide' ? wideRange : paperRange;
}

/** Which of the selected curves are drawn at the current range. */
export function visibleCurves(s: TargetLogitSettings): CurveName[] {
	return s.curves.filter((c) => s.range === 'wide' || !wideOnly.includes(c));
}

export function sampleCurve(spec: MarginSpec, [from, to]: [number, number], n = 321): CurvePoint[] {
	const pts: CurvePoint[] = [];
	for (let i = 0; i < n; i++) {
		const deg = from + ((to - from) * i) / (n - 1);
		pts.push([deg, targetLogit((deg * Math.PI) / 180, spec)]);
	}
	return pts;
}

export function buildCurves(s: TargetLogitSettings): Curve[] {
	const range = thetaRange(s);
	return visibleCurves(s).map((name) => {
		const spec = curveSpec(name, s);
		return { name, spec, points: sampleCurve(spec, range) };
	});
}

/** The y extent that holds every drawn curve, never narrower than the paper's −1.2 … 1. */
export function valueDomain(curves: Curve[]): [number, number] {
	let lo = -1.2;
	let hi = 1;
	for (const c of curves)
		for (const [, v] of c.points) {
			if (Number.isFinite(v)) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
	return [Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10];
}

/** The angle (degrees) past which cos(θ + m) rises again for the ArcFace margin m (null if none in range). */
export function turnBackDeg(m2: number): number | null {
	return m2 > 0 ? 180 - (m2 * 180) / Math.PI : null;
}

/**
 * The shaded band past the turn-back angle, in pixels: from x(turnBack) to the right end of the range, never
 * of negative width (a chart measured before layout can have its x range reversed) and null when the band
 * is empty or not in range.
 */
export function turnBackBand(
	x: (deg: number) => number,
	turnBack: number | null,
	range: [number, number]
): { x: number; width: number } | null {
	if (turnBack === null || !Number.isFinite(turnBack) || turnBack >= range[1]) return null;
	const from = x(Math.max(range[0], turnBack));
	const width = x(range[1]) - from;
	return Number.isFinite(width) && width > 0 ? { x: from, width } : null;
}
