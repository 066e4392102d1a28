/**
 * The typed messages between the pair-angle figure (analysis.ts) and its analysis worker (analysis.worker.ts),
 * in the style of the training worker's protocol: a request out, a reply back, and parsers that turn anything
 * else into null instead of throwing.
 */
import type { ModelPairs } from './data';

/** Analyse one snapshot: held-out labels, and each model's features (labels.length × 2, row-major). */
export type AnalysisRequest = { type: 'analyse'; id: number; labels: Int32Array; features: Float32Array[] };

/** The analysis of request `id`: one entry per model, null where its features were not finite. */
export type AnalysisReply = { type: 'analysis'; id: number; models: (ModelPairs | null)[] };

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** A well-typed request, or null (never throws). Shapes are the worker's to check: a bad one is answered with nulls. */
export function parseAnalysisRequest(data: unknown): AnalysisRequest | null {
	if (typeof data !== 'object' || data === null) return null;
	const m = data as Partial<Record<keyof AnalysisRequest, unknown>>;
	if (m.type !== 'analyse' || !isId(m.id) || !(m.labels instanceof Int32Array)) return null;
	if (!Array.isArray(m.features) || !m.features.every((f) => f instanceof Float32Array)) return null;
	return data as AnalysisRequest;
}

/** A reply from the worker, or null (never throws). */
export function parseAnalysisReply(data: unknown): AnalysisReply | null {
	if (typeof data !== 'object' || data === null) return null;
	const m = data as Partial<Record<keyof AnalysisReply, unknown>>;
	if (m.type !== 'analysis' || !isId(m.id) || !Array.isArray(m.models)) return null;
	return m.models.every((x) => x === null || typeof x === 'object') ? (data as AnalysisReply) : null;
}
