/// <reference lib="webworker" />
/**
 * Pair-angle analysis off the main thread: all pairs, sorting, ROC and rank-1 cost 25–200 ms per snapshot,
 * enough to make the page stutter while training. Pure maths from data.ts; no tfjs here.
 */
import { analyseModel, type ModelPairs } from './data';

export type AnalysisRequest = { id: number; labels: Int32Array; features: Float32Array[] };
export type AnalysisReply = { id: number; models: (ModelPairs | null)[] };

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
	const { id, labels, features } = e.data;
	let models: (ModelPairs | null)[];
	try {
		models = features.map((f) => analyseModel(f, labels));
	} catch {
		models = features.map(() => null);
	}
	const reply: AnalysisReply = { id, models };
	(self as unknown as Worker).postMessage(reply);
};
