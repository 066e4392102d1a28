/** Screen-ready positions for the feature-circle figure (pure TS): what is drawn, not how. */
import { featureDim, principalPlane, project, toLonLat, type Projection } from './projection';

export type CircleView = {
	/** Point positions in data units, n × 2 row-major. */
	xy: Float32Array;
	/** Half-width of the square data window around the origin. */
	extent: number;
	/** Class-centre directions as unit vectors, k × 2. */
	rays: Float32Array;
	/** Whether the points sit on the unit circle (normalised losses) or are raw features. */
	normalised: boolean;
};

/**
 * 2-D only (features n × 2, centres k × 2): the figure is the unit circle. Unlike `$lib/margins/matrix` this
 * accepts a diverged model's non-finite rows and draws them at the origin.
 *
 * Normalised losses only see directions, so their features are drawn on the unit circle; softmax's raw
 * features keep their norms (the radial fans). The window for raw features covers the 98th percentile of
 * the norms so that a few outliers do not shrink everything else to a dot.
 */
export function circleView(features: Float32Array, centres: Float32Array, normalised: boolean): CircleView {
	const n = Math.floor(features.length / 2);
	const xy = new Float32Array(n * 2);
	const norms = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const x = features[2 * i];
		const y = features[2 * i + 1];
		const r = Math.hypot(x, y);
		const ok = Number.isFinite(r) && r > 0;
		norms[i] = ok ? r : 0;
		if (normalised) {
			xy[2 * i] = ok ? x / r : 0;
			xy[2 * i + 1] = ok ? y / r : 0;
		} else {
			xy[2 * i] = ok ? x : 0;
			xy[2 * i + 1] = ok ? y : 0;
		}
	}
	const k = Math.floor(centres.length / 2);
	const rays = new Float32Array(k * 2);
	for (let j = 0; j < k; j++) {
		// A diverged model can send infinite or NaN centres: draw no ray rather than a NaN one.
		const r = Math.hypot(centres[2 * j], centres[2 * j + 1]);
		const ok = Number.isFinite(r) && r > 0;
		rays[2 * j] = ok ? centres[2 * j] / r : 0;
		rays[2 * j + 1] = ok ? centres[2 * j + 1] / r : 0;
	}
	let extent = 1.15;
	if (!normalised && n > 0) {
		const sorted = Array.from(norms).sort((a, b) => a - b);
		const p98 = sorted[Math.min(n - 1, Math.floor(n * 0.98))];
		// Collapsed features (a dead network gives norms of 0 or 1e-40) get a unit window, never a zero one.
		extent = p98 > 1e-6 && Number.isFinite(p98) ? p98 * 1.1 : 1;
	}
	return { xy, extent, rays, normalised };
}

export type FeatureView =
	| { kind: 'circle'; dim: 2; view: CircleView }
	| { kind: 'sphere'; dim: 3; points: ([number, number] | null)[]; centres: ([number, number] | null)[] }
	| { kind: 'projection'; dim: number; view: CircleView; projection: Projection };

/**
 * How one model's features are drawn, from their length D (features.length / rows): the circle at D = 2,
 * the sphere at D = 3, the principal plane at D > 3 (the centres on the same plane). `previous` keeps a
 * projection's axes from flipping between frames.
 */
export function featureView(
	features: Float32Array,
	centres: Float32Array,
	rows: number,
	normalised: boolean,
	previous: Projection | null = null,
	/** the snapshot's D, when it says; else read from the lengths */
	knownDim?: number
): FeatureView {
	const dim =
		knownDim && Number.isInteger(knownDim) && knownDim >= 2 && features.length === rows * knownDim
			? knownDim
			: featureDim(features.length, rows);
	if (dim === 2) return { kind: 'circle', dim, view: circleView(features, centres, normalised) };
	if (dim === 3) return { kind: 'sphere', dim, points: toLonLat(features), centres: toLonLat(centres) };
	const projection = principalPlane(features, dim, { unit: normalised, previous });
	const xy = project(features, projection, { unit: normalised });
	// Each centre's direction in the plane (its length there is not drawn: rays are directions).
	const rays = project(centres, projection, { unit: true });
	for (let j = 0; j < rays.length / 2; j++) {
		const r = Math.hypot(rays[2 * j], rays[2 * j + 1]);
		rays[2 * j] = r > 1e-9 ? rays[2 * j] / r : 0;
		rays[2 * j + 1] = r > 1e-9 ? rays[2 * j + 1] / r : 0;
	}
	let extent = 1.15;
	if (!normalised && rows > 0) {
		const norms = Array.from({ length: xy.length / 2 }, (_, i) => Math.hypot(xy[2 * i], xy[2 * i + 1])).sort(
			(a, b) => a - b
		);
		const p98 = norms[Math.min(norms.length - 1, Math.floor(norms.length * 0.98))] ?? 0;
		extent = p98 > 1e-6 && Number.isFinite(p98) ? p98 * 1.1 : 1;
	}
	return { kind: 'projection', dim, view: { xy, extent, rays, normalised }, projection };
}

/**
 * Several feature sets of one model (e.g. upright and inverted faces) in one 2-D picture: the circle at D = 2,
 * else all of them on the principal plane of the first set, so they stay comparable (a sphere is not drawn
 * here; D = 3 is projected too).
 */
export function sharedViews(
	sets: Float32Array[],
	centres: Float32Array,
	dim: number,
	normalised: boolean
): { views: CircleView[]; projection: Projection | null } {
	if (dim <= 2) return { views: sets.map((f) => circleView(f, centres, normalised)), projection: null };
	const projection = principalPlane(sets[0], dim, { unit: normalised });
	const rays = project(centres, projection, { unit: true });
	for (let j = 0; j < rays.length / 2; j++) {
		const r = Math.hypot(rays[2 * j], rays[2 * j + 1]);
		rays[2 * j] = r > 1e-9 ? rays[2 * j] / r : 0;
		rays[2 * j + 1] = r > 1e-9 ? rays[2 * j + 1] / r : 0;
	}
	const views = sets.map((f) => {
		const xy = project(f, projection, { unit: normalised });
		let extent = 1.15;
		if (!normalised && xy.length > 0) {
			const norms = Array.from({ length: xy.length / 2 }, (_, i) =>
				Math.hypot(xy[2 * i], xy[2 * i + 1])
			).sort((a, b) => a - b);
			const p98 = norms[Math.min(norms.length - 1, Math.floor(norms.length * 0.98))];
			extent = p98 > 1e-6 && Number.isFinite(p98) ? p98 * 1.1 : 1;
		}
		return { xy, extent, rays: rays.slice(), normalised };
	});
	return { views, projection };
}
