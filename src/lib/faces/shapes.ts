/** Small geometry helpers for the analytic renderer: signed distances (negative inside) and edge coverage. */

/** Fraction of a pixel of width `px` covered by a shape whose signed distance at the pixel centre is `d`. */
export function cover(d: number, px: number): number {
	const c = 0.5 - d / px;
	return c <= 0 ? 0 : c >= 1 ? 1 : c;
}

export function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

export function smoothstep(e0: number, e1: number, x: number): number {
	const t = clamp((x - e0) / (e1 - e0), 0, 1);
	return t * t * (3 - 2 * t);
}

/**
 * Approximate signed distance to an axis-aligned ellipse with half-axes a, b centred at the origin: the
 * implicit function divided by its gradient length, exact on the boundary, which is where coverage needs it.
 */
export function ellipseSd(x: number, y: number, a: number, b: number): number {
	const xa = x / a;
	const yb = y / b;
	const k = Math.sqrt(xa * xa + yb * yb);
	if (k < 1e-9) return -(a < b ? a : b);
	const g = Math.sqrt((xa * xa) / (a * a) + (yb * yb) / (b * b)) / k;
	return (k - 1) / g;
}

/**
 * Coverage of an ellipse, skipping the exact distance for pixels well inside or outside: for a point on the
 * scaled ellipse k·E the distance to E is at least |k - 1|·min(a, b).
 */
export function ellipseCover(x: number, y: number, a: number, b: number, px: number): number {
	const xa = x / a;
	const yb = y / b;
	const k2 = xa * xa + yb * yb;
	const m = (a < b ? a : b) / px;
	const hi = 1 + 0.5 / m;
	if (k2 >= hi * hi) return 0;
	const lo = 1 - 0.5 / m;
	if (lo > 0 && k2 <= lo * lo) return 1;
	return cover(ellipseSd(x, y, a, b), px);
}

/** Premultiplied "over" compositing into a two-slot accumulator: [value, alpha]. */
export function over(acc: Float64Array, tone: number, alpha: number): void {
	if (alpha <= 0) return;
	acc[0] = acc[0] * (1 - alpha) + tone * alpha;
	acc[1] = acc[1] * (1 - alpha) + alpha;
}
