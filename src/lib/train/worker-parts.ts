/**
 * Two pieces of the training worker's state, kept apart from its message handling (worker.ts): the data it
 * trains on, rebuilt only when the data settings change, and the watch on the backend, which turns a lost
 * WebGL context into a rejection of whatever read-back is pending.
 */
import { generateDataset, type DatasetProgress, type FaceDataset } from '$lib/faces';
import { watchContextLoss } from './backend';
import { dataKey } from './schema';
import type { TrainSettings } from './settings';

/** The run's faces; generated in slices, reporting progress between them, and reused while they fit. */
export class DataCache {
	current: FaceDataset | null = null;
	private key = '';

	async get(s: TrainSettings, progress: (p: DatasetProgress) => void): Promise<FaceDataset> {
		const key = dataKey(s);
		if (this.current && key === this.key) return this.current;
		const gen = generateDataset({
			seed: s.seed,
			perIdentity: s.perIdentity,
			size: s.size,
			nuisance: s.nuisance,
			identities: s.identities
		});
		for (;;) {
			const r = gen.next();
			if (r.done) {
				this.current = r.value;
				this.key = key;
				return r.value;
			}
			progress(r.value);
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
	}
}

/** Watches the current backend for a lost WebGL context (and stands in for one on request). */
export class BackendWatch {
	/** true once the context is lost (or a loss is simulated): the next training tick fails */
	lost = false;
	private fail: (e: Error) => void = () => {};
	private gone: Promise<never> = new Promise<never>(() => {});
	private stop = () => {};

	/** Start watching the backend now in use (after choosing or switching one). */
	watch(): void {
		this.stop();
		this.lost = false;
		this.gone = new Promise<never>((_, reject) => (this.fail = reject));
		this.gone.catch(() => {});
		this.stop = watchContextLoss(() => {
			this.lost = true;
			this.fail(new Error('WebGL context lost'));
		});
	}

	/** `p`, or a rejection as soon as the context is lost: a read-back pending then would never settle. */
	guard<T>(p: Promise<T>): Promise<T> {
		return Promise.race([p, this.gone]);
	}
}
