/**
 * Arbitrary images through both trained models (worker side, tfjs): the face-perception experiments send the
 * faces a student saw (rendered at the network's input size) and get back what each network makes of them —
 * the 2-D feature, its cosine to every class centre, and the scores the model classifies by (xW + b for
 * softmax, s·cos θ_j without any margin for the normalised losses: a margin is a training device only).
 * Nothing trains; everything runs in tf.tidy and is read back with async data().
 */

import * as tf from '@tensorflow/tfjs';
import { lossInfo } from '$lib/margins/catalogue';
import type { Engine } from './engine';
import { classCentres, cosLogits } from './heads';
import type { EmbeddedModel, FromWorker } from './protocol';

/** The parts of the dataset the embedding needs: how the training pixels were standardised. */
export interface PixelScale {
	size: number;
	pixelMean: number;
	pixelStd: number;
}

/** Most images one request may carry (a whole experiment is a few hundred). */
export const EMBED_MAX = 4096;

/** Both models on `count` raw images (count × size², values in [0, 1]), standardised as in training. */
export async function embedImages(
	engine: Engine,
	scale: PixelScale,
	pixels: Float32Array,
	count: number
): Promise<[EmbeddedModel, EmbeddedModel]> {
	const px = scale.size * scale.size;
	const x = tf.tidy(() =>
		tf.div(tf.sub(tf.tensor2d(pixels, [count, px]), scale.pixelMean), scale.pixelStd)
	) as tf.Tensor2D;
	const parts = engine.runners.map((r) =>
		tf.tidy(() => {
			const { cfg, model } = r;
			const info = lossInfo(cfg.loss);
			const f = model.embed(x);
			const centres = classCentres(cfg, model.embed(engine.evalX), model.W, engine.evalY);
			const cos = cosLogits(f, centres);
			const scores = info.bias
				? tf.add(tf.matMul(f, centres), model.b)
				: info.logits === 'none'
					? cos
					: tf.mul(cos, cfg.s);
			return [f, cos, scores];
		})
	);
	x.dispose();
	const read = await Promise.all(parts.map((p) => Promise.all(p.map((t) => t.data()))));
	tf.dispose(parts.flat());
	return read.map(([f, cos, scores]) => ({
		features: Float32Array.from(f),
		cos: Float32Array.from(cos),
		scores: Float32Array.from(scores)
	})) as [EmbeddedModel, EmbeddedModel];
}

/** Why a request cannot be answered (wrong size, count or pixel array), or null when it can. */
export function embedRequestError(
	engineSize: number,
	req: { size: number; count: number; pixels: unknown }
): string | null {
	if (req.size !== engineSize) return `images are ${req.size} px, the run's are ${engineSize} px`;
	if (!Number.isInteger(req.count) || req.count < 1 || req.count > EMBED_MAX) return 'bad image count';
	if (!(req.pixels instanceof Float32Array) || req.pixels.length !== req.count * engineSize ** 2) {
		return 'pixels do not match count × size²';
	}
	return null;
}

/**
 * The `embeddings` answer to `embed-images`, with the buffers to transfer. A malformed request is answered
 * with its `error` (never thrown: a throw would be taken for a failing backend).
 */
export async function embeddingsMessage(
	engine: Engine,
	scale: PixelScale,
	req: { id: number; size: number; count: number; pixels: Float32Array }
): Promise<[FromWorker, ArrayBuffer[]]> {
	const { id, count } = req;
	const error = embedRequestError(engine.size, req);
	if (error)
		return [{ type: 'embeddings', id, step: engine.steps, count, classes: 0, models: null, error }, []];
	const models = await embedImages(engine, scale, req.pixels, count);
	const msg: FromWorker = {
		type: 'embeddings',
		id,
		step: engine.steps,
		count,
		classes: engine.shape.classes,
		models
	};
	return [msg, models.flatMap((m) => [m.features, m.cos, m.scores].map((a) => a.buffer as ArrayBuffer))];
}
