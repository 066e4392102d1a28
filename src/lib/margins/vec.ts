/** Small vector helpers. Angles are radians everywhere; `deg`/`rad` convert only for display and input. */

export function deg(radians: number): number {
	return (radians * 180) / Math.PI;
}

export function rad(degrees: number): number {
	return (degrees * Math.PI) / 180;
}

export function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

/** Clamp to [−1, 1] so `Math.acos` never sees 1 + ε from rounding (which would give NaN). */
export function clampCos(c: number): number {
	return clamp(c, -1, 1);
}

/** Dot product; throws if the lengths differ. */
export function dot(a: readonly number[], b: readonly number[]): number {
	if (a.length !== b.length) throw new Error(`dot: length mismatch (${a.length} vs ${b.length})`);
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
	return sum;
}

/** Euclidean length. */
export function norm(v: readonly number[]): number {
	// hypot-style scaling keeps tiny or huge entries from under/overflowing the sum of squares
	let max = 0;
	for (const x of v) max = Math.max(max, Math.abs(x));
	if (max === 0 || !Number.isFinite(max)) return max;
	let sum = 0;
	for (const x of v) sum += (x / max) ** 2;
	return max * Math.sqrt(sum);
}

/**
 * Unit vector in the direction of `v`. A zero vector has no direction: it comes back as a zero vector, so its
 * cosine with anything is 0 (an angle of 90°) instead of NaN. This is the choice used by every loss here.
 */
export function normalise(v: readonly number[]): number[] {
	const n = norm(v);
	return n === 0 ? v.map(() => 0) : v.map((x) => x / n);
}

/** log Σ exp(vᵢ), computed as max + log Σ exp(vᵢ − max) so s = 64 logits neither overflow nor underflow. */
export function logSumExp(values: readonly number[]): number {
	if (values.length === 0) throw new Error('logSumExp: empty input');
	let max = -Infinity;
	for (const v of values) max = Math.max(max, v);
	if (!Number.isFinite(max)) return max;
	let sum = 0;
	for (const v of values) sum += Math.exp(v - max);
	return max + Math.log(sum);
}

/** `steps` evenly spaced values from `from` to `to` inclusive (steps ≥ 2), for sampling curves. */
export function linspace(from: number, to: number, steps: number): number[] {
	if (!Number.isInteger(steps) || steps < 2) throw new Error(`linspace: steps must be an integer ≥ 2`);
	const out: number[] = [];
	for (let i = 0; i < steps; i++) out.push(i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1));
	return out;
}
