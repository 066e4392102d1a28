/**
 * Seeded pseudo-random numbers: mulberry32 (32-bit state, period 2^32) for uniforms and Box–Muller for
 * Gaussians. Pure integer arithmetic through Math.imul, so the same seed gives the same numbers in Node, in a
 * Web Worker and on the main thread.
 */

/** Mixes any number of integers into one 32-bit seed (murmur3's finaliser per part). */
export function hashSeed(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const part of parts) {
		h = Math.imul(h ^ (Math.floor(part) | 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
	}
	return h >>> 0;
}

export class Rng {
	private state: number;
	private spare = 0;
	private hasSpare = false;

	constructor(seed: number) {
		this.state = hashSeed(seed);
	}

	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) | 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Uniform in [lo, hi). */
	uniform(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	/** Uniform in [-1, 1). */
	signed(): number {
		return 2 * this.next() - 1;
	}

	/** Integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** A raw 32-bit value, e.g. a seed for a child generator. */
	uint32(): number {
		return Math.floor(this.next() * 4294967296) >>> 0;
	}

	/** Standard normal (mean 0, sd 1), Box–Muller with the second value cached. */
	gaussian(): number {
		if (this.hasSpare) {
			this.hasSpare = false;
			return this.spare;
		}
		const u1 = 1 - this.next();
		const u2 = this.next();
		const r = Math.sqrt(-2 * Math.log(u1));
		this.spare = r * Math.sin(2 * Math.PI * u2);
		this.hasSpare = true;
		return r * Math.cos(2 * Math.PI * u2);
	}

	/** Fisher–Yates shuffle in place. */
	shuffle<T>(items: { length: number; [index: number]: T }): void {
		for (let i = items.length - 1; i > 0; i--) {
			const j = this.int(i + 1);
			const t = items[i];
			items[i] = items[j];
			items[j] = t;
		}
	}
}
