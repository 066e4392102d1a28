/**
 * Geometry of the slow-motion unit-circle sketch (pure TS, 2-D only): what to draw at each stage, in data
 * units (the unit circle has radius 1, y up). The component only scales and draws.
 */
import { unit, type StageKey, type Update, type Vec, type Walk } from './data';

const rotate = (v: Vec, a: number): Vec => [
	v[0] * Math.cos(a) - v[1] * Math.sin(a),
	v[0] * Math.sin(a) + v[1] * Math.cos(a)
];

/** Signed angle from a to b, radians in (−π, π]. */
export function signedAngle(a: Vec, b: Vec): number {
	return Math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]);
}

/** An arc from direction angle `from` turning by `turn` radians at radius r, as an SVG path in data units. */
export function arcPoints(from: number, turn: number, r: number, steps = 48): Vec[] {
	return Array.from({ length: steps + 1 }, (_, i) => {
		const a = from + (turn * i) / steps;
		return [r * Math.cos(a), r * Math.sin(a)] as Vec;
	});
}

export interface Sketch {
	/** half-width of the drawn square, data units */
	extent: number;
	/** the raw feature (feature stage) or its direction on the circle */
	point: Vec;
	raw: boolean;
	/** class-centre directions, how far to draw them, and where to put each ray's label (data units) */
	rays: Vec[];
	rayLength: number;
	labelRadius: number[];
	/** foot of the projection of x̂ on Ŵ_y (cosines stage) */
	projection: Vec | null;
	/** arc of θ_y from Ŵ_y to x̂, and the margin-added angle (both from Ŵ_y, on x̂'s side) */
	thetaArc: Vec[] | null;
	marginArc: Vec[] | null;
	/** where x̂ would sit at the margin-added angle */
	marginPoint: Vec | null;
	/** gradient stage: arrows (start, end) for x̂ and Ŵ_y, the new directions, and the arrows' magnification */
	arrows: { x: [Vec, Vec] | null; w: [Vec, Vec] | null } | null;
	after: { x: Vec; w: Vec } | null;
	magnify: number;
}

/** Longest arrow drawn, in radians of arc; arrows shorter than ARROW_MIN are left out (too short to see). */
const ARROW_MAX = 0.5;
const ARROW_MIN = 0.04;

/**
 * Label radii (in units of `r`) that keep labels of nearly parallel rays apart: walking round the circle, a
 * label closer than `gap` radians to the previous one moves out by `step`.
 */
export function labelRadii(rays: Vec[], r: number, gap = 0.2, step = 0.13): number[] {
	const order = rays.map((v, j) => ({ j, a: Math.atan2(v[1], v[0]) })).sort((p, q) => p.a - q.a);
	const out = rays.map(() => r);
	for (let k = 1; k < order.length; k++) {
		if (order[k].a - order[k - 1].a < gap) out[order[k].j] = out[order[k - 1].j] + step;
	}
	return out;
}

export function sketchFor(stage: StageKey, w: Walk, up: Update | null): Sketch {
	const y = w.label;
	const wy = w.centreHats[y];
	const raw = stage === 'feature';
	const extent = raw ? Math.max(1.45, w.xNorm * 1.12) : 1.45;
	const rayLength = raw ? Math.max(1.1, extent * 0.8) : 1.1;
	const sketch: Sketch = {
		extent,
		point: raw ? w.x : w.xHat,
		raw,
		rays: w.centreHats,
		rayLength,
		labelRadius: labelRadii(w.centreHats, rayLength + 0.1 * (extent / 1.45)),
		projection: null,
		thetaArc: null,
		marginArc: null,
		marginPoint: null,
		arrows: null,
		after: null,
		magnify: 1
	};
	const side = signedAngle(wy, w.xHat) < 0 ? -1 : 1;
	const start = Math.atan2(wy[1], wy[0]);
	if (stage === 'cosines') sketch.projection = [wy[0] * w.cos[y], wy[1] * w.cos[y]];
	if (stage === 'angle' || stage === 'margin') sketch.thetaArc = arcPoints(start, side * w.thetaY, 0.3);
	if (stage === 'margin' && w.margin) {
		const turn = Math.min(Math.PI, Math.max(0, w.margin.angle));
		sketch.marginArc = arcPoints(start, side * turn, 0.66);
		sketch.marginPoint = rotate(wy, side * turn);
	}
	if (stage === 'gradient' && up) {
		const newX = unit(up.x);
		const newW = unit(up.wy);
		const turnX = signedAngle(w.xHat, newX);
		const turnW = signedAngle(wy, newW);
		const biggest = Math.max(Math.abs(turnX), Math.abs(turnW));
		sketch.magnify = biggest > 0 ? Math.max(1, ARROW_MAX / biggest) : 1;
		const arrow = (from: Vec, turn: number): [Vec, Vec] | null =>
			Math.abs(turn * sketch.magnify) < ARROW_MIN ? null : [from, rotate(from, turn * sketch.magnify)];
		sketch.arrows = { x: arrow(w.xHat, turnX), w: arrow(wy, turnW) };
		sketch.after = { x: newX, w: newW };
	}
	return sketch;
}
