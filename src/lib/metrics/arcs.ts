/**
 * Identities as arcs on the circle (2-D features only), and the gaps between neighbouring arcs: the numbers
 * behind "ArcFace: identities span 12° on average, gaps of 25°; softmax: 38°, gaps 4°".
 *
 * Each identity's arc is centred on its circular mean direction (`centre`, in (−π, π]) and reaches from the
 * most clockwise to the most counter-clockwise of its features, measured as signed deviations from the centre
 * in (−π, π] (so a class at 175° and −175° is centred on 180° and spans 10°). With `coverage` < 1 the ends are
 * instead the (1 − coverage)/2 and (1 + coverage)/2 quantiles of the deviations, so a few strays do not set the
 * width. Zero-length features have no direction and are skipped; identities with none are left out.
 *
 * Neighbours are the identities next to each other counter-clockwise by centre (the last wraps to the first).
 * The gap from one arc to the next is the counter-clockwise angle from the end of the first to the start of the
 * second: centre distance minus the two half-widths facing each other. It is exact for the arcs as defined
 * and negative when they overlap.
 */

import { checkLabels, groupByClass, rowCount, unitRows, type Numbers } from './input';
import { meanDirections } from './spread';

export interface IdentityArc {
	label: number;
	/** features used (non-zero length) */
	count: number;
	/** circular mean direction, radians in (−π, π]; 0 if the unit vectors cancel exactly */
	centre: number;
	/** signed offsets of the arc's ends from the centre, radians (start ≤ end; usually start ≤ 0 ≤ end) */
	start: number;
	end: number;
	/** end − start, radians in [0, 2π) */
	span: number;
}

export interface ArcGap {
	/** labels of an identity and of its counter-clockwise neighbour (the same one if there is only one) */
	from: number;
	to: number;
	/** counter-clockwise angle from centre `from` to centre `to`, radians in [0, 2π] */
	between: number;
	/** counter-clockwise angle from the end of arc `from` to the start of arc `to`; negative if they overlap */
	gap: number;
}

export interface IdentityArcs {
	/** identities with directed features, sorted counter-clockwise by centre */
	arcs: IdentityArc[];
	/** one per arc: from arcs[i] to arcs[i + 1] (the last to the first) */
	gaps: ArcGap[];
	/** mean span and mean, smallest gap, radians (0 when there are no arcs) */
	meanSpan: number;
	meanGap: number;
	minGap: number;
}

const TAU = 2 * Math.PI;

/** An angle in (−π, π]. */
export function wrapPi(a: number): number {
	const w = a - TAU * Math.floor((a + Math.PI) / TAU);
	return w === -Math.PI ? Math.PI : w;
}

/** Linear-interpolation quantile of ascending values (q in [0, 1]). */
function quantile(sorted: Float64Array, q: number): number {
	const pos = q * (sorted.length - 1);
	const lo = Math.floor(pos);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Arcs and gaps of n × 2 `features` by label (2-D only: angles around the circle); see the module note. */
export function identityArcs(
	features: Numbers,
	labels: Numbers,
	{ coverage = 1, classes }: { coverage?: number; classes?: number } = {}
): IdentityArcs {
	const n = rowCount(features, 2);
	const k = checkLabels(labels, n, classes);
	if (!(coverage > 0 && coverage <= 1)) throw new Error(`coverage must be in (0, 1], got ${coverage}`);
	const groups = groupByClass(labels, k);
	const units = unitRows(features, 2);
	const arcs: IdentityArc[] = [];
	meanDirections(units, 2, groups).forEach(({ direction, directed }, c) => {
		if (directed === 0) return;
		const centre = wrapPi(Math.atan2(direction[1], direction[0]));
		const deviations = new Float64Array(directed);
		let w = 0;
		for (let p = groups.starts[c]; p < groups.starts[c + 1]; p++) {
			const i = groups.order[p];
			const x = units[2 * i];
			const y = units[2 * i + 1];
			if (x !== 0 || y !== 0) deviations[w++] = wrapPi(Math.atan2(y, x) - centre);
		}
		deviations.sort();
		const start = quantile(deviations, (1 - coverage) / 2);
		const end = quantile(deviations, (1 + coverage) / 2);
		arcs.push({ label: c, count: directed, centre, start, end, span: end - start });
	});
	arcs.sort((a, b) => a.centre - b.centre || a.label - b.label);
	const gaps = arcs.map((a, i): ArcGap => {
		const b = arcs[(i + 1) % arcs.length];
		const between = arcs.length === 1 ? TAU : b.centre - a.centre + (i + 1 === arcs.length ? TAU : 0);
		return { from: a.label, to: b.label, between, gap: between - a.end + b.start };
	});
	const mean = (values: number[]) =>
		values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : 0;
	return {
		arcs,
		gaps,
		meanSpan: mean(arcs.map((a) => a.span)),
		meanGap: mean(gaps.map((g) => g.gap)),
		minGap: gaps.length > 0 ? Math.min(...gaps.map((g) => g.gap)) : 0
	};
}
