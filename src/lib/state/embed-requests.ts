/**
 * Requests for `embed-images` (raw images through both trained models) as promises: each request gets an id,
 * the worker's `embeddings` answer with that id settles it. LabRun owns one (`LabRun.embed`); the
 * face-perception experiments use it to let the networks answer the trials a student saw.
 */
import type { EmbeddedModel, Embeddings } from '$lib/train/protocol';

export type EmbedSend = (id: number, size: number, count: number, pixels: Float32Array) => void;

/** A settled request: both models' answers. */
export type EmbedAnswer = Embeddings & { models: [EmbeddedModel, EmbeddedModel] };

export class EmbedRequests {
	private nextId = 1;
	private readonly waiting = new Map<
		number,
		{ resolve: (e: EmbedAnswer) => void; reject: (e: Error) => void }
	>();

	constructor(private readonly send: EmbedSend) {}

	/** `count` images of size × size raw pixels (the array is transferred to the worker: do not reuse it). */
	request(size: number, count: number, pixels: Float32Array): Promise<EmbedAnswer> {
		const id = this.nextId++;
		return new Promise<EmbedAnswer>((resolve, reject) => {
			this.waiting.set(id, { resolve, reject });
			this.send(id, size, count, pixels);
		});
	}

	/** How many requests are waiting for their answer. */
	get pending(): number {
		return this.waiting.size;
	}

	receive(msg: Embeddings): void {
		const w = this.waiting.get(msg.id);
		if (!w) return;
		this.waiting.delete(msg.id);
		if (msg.models) w.resolve(msg as EmbedAnswer);
		else w.reject(new Error(msg.error ?? 'embed-images failed'));
	}

	/** Rejects every waiting request (the run was rebuilt or disposed: no answer will come). */
	cancelAll(reason: string): void {
		for (const w of this.waiting.values()) w.reject(new Error(reason));
		this.waiting.clear();
	}
}
