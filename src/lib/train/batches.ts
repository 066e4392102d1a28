/**
 * Seeded mini-batches, a pure function of (seed, step): epoch e visits the training set in the order of a
 * Fisher–Yates shuffle seeded by hashSeed(seed, e), batch t takes the next `batchSize` positions. A run that
 * moves to another backend at step t carries on with exactly the batches it would have had.
 */

import { hashSeed, Rng } from '$lib/faces';

export class Batches {
	private epoch = -1;
	private order: Int32Array = new Int32Array(0);

	constructor(
		readonly n: number,
		readonly seed: number
	) {
		if (!Number.isInteger(n) || n < 1) throw new Error(`Batches: need at least one sample, got ${n}`);
	}

	private orderOf(epoch: number): Int32Array {
		if (epoch !== this.epoch) {
			const order = Int32Array.from({ length: this.n }, (_, i) => i);
			new Rng(hashSeed(this.seed, 0xba7c, epoch)).shuffle(order);
			this.order = order;
			this.epoch = epoch;
		}
		return this.order;
	}

	/** Sample indices of batch `step` (batch sizes above n are cut to n). */
	at(step: number, batchSize: number): Int32Array {
		const size = Math.min(batchSize, this.n);
		const out = new Int32Array(size);
		let pos = step * size;
		for (let i = 0; i < size; i++, pos++) {
			out[i] = this.orderOf(Math.floor(pos / this.n))[pos % this.n];
		}
		return out;
	}
}
