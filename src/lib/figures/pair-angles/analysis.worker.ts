/// <reference lib="webworker" />
/**
 * Pair-angle analysis off the main thread: all pairs, sorting, ROC and rank-1 cost 25–200 ms per snapshot,
 * enough to make the page stutter while training. Pure maths from data.ts; no tfjs here. Messages are
 * typed in analysis-protocol.ts; junk is dropped.
 */
import { analyseModel, type ModelPairs } from './data';
import { parseAnalysisRequest, type AnalysisReply } from './analysis-protocol';

self.onmessage = (e: MessageEvent) => {
	const req = parseAnalysisRequest(e.data);
	if (!req) return;
	let models: (ModelPairs | null)[];
	try {
		models = req.features.map((f) => analyseModel(f, req.labels));
	} catch {
		models = req.features.map(() => null);
	}
	const reply: AnalysisReply = { type: 'analysis', id: req.id, models };
	(self as unknown as Worker).postMessage(reply);
};
