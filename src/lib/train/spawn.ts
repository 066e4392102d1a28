/** Starts the training worker (a module worker, bundled by Vite from this literal URL). */
export function createTrainWorker(): Worker {
	return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}
