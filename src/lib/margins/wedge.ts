/**
 * Binary decision margins, both in the (θ1, θ2) plane and on the circle between two class centres.
 * Pure maths for the decision-margin figure; angles in radians.
 */
import { decisionBoundary } from './logits';
import { targetLogit } from './logits';
import type { MarginSpec } from './spec';

export type BoundaryLoss = 'softmax' | 'sphereface' | 'cosface' | 'arcface';

/** The margin spec of each loss in the paper's binary figure, driven by one margin value m. */
export function boundarySpec(loss: BoundaryLoss, m: number): MarginSpec {
	switch (loss) {
		case 'softmax':
			return { m1: 1, m2: 0, m3: 0, s: 64 };
		case 'sphereface':
			return { m1: m, m2: 0, m3: 0, s: 64 };
		case 'cosface':
			return { m1: 1, m2: 0, m3: m, s: 64 };
		case 'arcface':
			return { m1: 1, m2: m, m3: 0, s: 64 };
	}
}

/**
 * The class-1 boundary as a polyline of (θ1, θ2) points, kept to the part where θ2 rises with θ1 and stays
 * within [0, π] (past that, a periodic cos folds the curve back, which a boundary in the plane cannot do).
 */
export function boundaryCurve(spec: MarginSpec, n = 241): [number, number][] {
	const pts: [number, number][] = [];
	let last = -Infinity;
	for (let i = 0; i < n; i++) {
		const t1 = (Math.PI * i) / (n - 1);
		const t2 = decisionBoundary(t1, spec);
		if (t2 === null || !Number.isFinite(t2)) {
			if (pts.length > 0) break;
			continue;
		}
		if (t2 < last - 1e-12) break;
		pts.push([t1, t2]);
		last = t2;
		if (t2 >= Math.PI - 1e-12) break;
	}
	return pts;
}

/**
 * The grey margin area: between the class-1 boundary and its mirror image (the class-2 boundary),
 * closed along the diagonal corners. Empty when the two boundaries coincide (no margin).
 */
export function marginPolygon(spec: MarginSpec, n = 241): [number, number][] {
	const c1 = boundaryCurve(spec, n);
	if (c1.length === 0) return [];
	const c2 = c1.map(([a, b]) => [b, a] as [number, number]).reverse();
	return [[0, 0], ...c1, [Math.PI, Math.PI], ...c2];
}

/**
 * On the arc between two class centres φ apart, the angle α (from class 1's centre) where class 1's
 * region ends: the root of targetLogit(α) = cos(φ − α). By symmetry class 2's region starts at φ − α.
 * Returns null when even a feature on class 1's centre fails the margin (the margin is too large for φ).
 */
export function arcBoundary(spec: MarginSpec, phi: number): number | null {
	const g = (a: number) => targetLogit(a, spec) - Math.cos(phi - a);
	if (!(phi > 0) || g(0) < 0) return null;
	let lo = 0;
	let hi = phi;
	if (g(hi) > 0) return phi;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (g(mid) >= 0) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
