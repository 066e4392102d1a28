/**
 * The figure's client of the pair-angle analysis worker (protocol: analysis-protocol.ts), one request in
 * flight at a time: while one snapshot is being analysed, newer ones replace each other and only the newest
 * goes next. Falls back to the main thread where workers cannot start.
 */
import { analyseModel, type ModelPairs } from './data';
import { parseAnalysisReply, type AnalysisRequest } from './analysis-protocol';

export type Analysis = { step: number; models: (ModelPairs | null)[] };

/** Starts the analysis worker (a module worker, bundled by Vite from this literal URL). */
function spawnAnalysisWorker(): Worker {
	return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
}

export class PairAnalyser {
	private worker: Worker | null = null;
	private busy = false;
	private next: { step: number; labels: Int32Array; features: Float32Array[] } | null = null;
	private id = 0;
	private steps = new Map<number, number>();

	constructor(
		private onresult: (a: Analysis) => void,
		/** for tests: make the worker some other way */
		createWorker: () => Worker = spawnAnalysisWorker
	) {
		try {
			this.worker = createWorker();
			this.worker.onmessage = (e: MessageEvent) => {
				const reply = parseAnalysisReply(e.data);
				const step = reply ? this.steps.get(reply.id) : undefined;
				if (!reply || step === undefined) return;
				this.steps.delete(reply.id);
				this.onresult({ step, models: reply.models });
				this.busy = false;
				this.pump();
			};
			this.worker.onerror = () => {
				this.worker = null;
				this.busy = false;
				this.pump();
			};
		} catch {
			this.worker = null;
		}
	}

	/** Queue a snapshot's features (copied: the snapshot stays usable by the other figures). */
	analyse(step: number, labels: Int32Array, features: Float32Array[]) {
		this.next = { step, labels: labels.slice(), features: features.map((f) => f.slice()) };
		this.pump();
	}

	private pump() {
		if (this.busy || !this.next) return;
		const job = this.next;
		this.next = null;
		if (!this.worker) {
			this.onresult({ step: job.step, models: job.features.map((f) => analyseModel(f, job.labels)) });
			return;
		}
		this.busy = true;
		const id = ++this.id;
		this.steps.set(id, job.step);
		const msg: AnalysisRequest = { type: 'analyse', id, labels: job.labels, features: job.features };
		this.worker.postMessage(msg, [job.labels.buffer, ...job.features.map((f) => f.buffer)]);
	}

	dispose() {
		this.worker?.terminate();
		this.worker = null;
	}
}
