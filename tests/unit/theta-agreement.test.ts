import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces';
import { lossNames } from '$lib/margins';
import { meanThetaY, thetaY } from '$lib/margins/matrix';
import { classCentres, cosLogits, headMetrics, safeAcos } from '$lib/train/heads';
import { lossDefaults } from '$lib/train/settings';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** Random features n × d, centres W (d × k, as the heads take it) and labels, all seeded. */
function inputs(seed: number, n: number, d: number, k: number) {
	const rng = new Rng(seed);
	const x = Float32Array.from({ length: n * d }, () => rng.gaussian() * rng.uniform(0.1, 3));
	const W = Float32Array.from({ length: d * k }, () => rng.gaussian());
	const labels = Int32Array.from({ length: n }, () => rng.int(k));
	// the pure code's centres: rows of W's transpose, k × d
	const centres = new Float32Array(k * d);
	for (let j = 0; j < k; j++) for (let t = 0; t < d; t++) centres[j * d + t] = W[t * k + j];
	return { x, W, labels, centres };
}

/** The tensor θ_y per sample: acos of the clamped cosine to the own centre, as `headMetrics` averages it. */
function tensorThetas(x: tf.Tensor2D, W: tf.Tensor2D, labels: Int32Array): Float32Array {
	return tf.tidy(() => {
		const theta = safeAcos(cosLogits(x, W));
		const picked = tf.gather(theta, tf.tensor1d(labels, 'int32'), 1, 1) as tf.Tensor2D;
		return picked.dataSync() as Float32Array;
	});
}

// float32 cosines: ~1e-7 rad apart here (the acos clamp at 1 − 1e-7 would add up to 5e-4 within 5e-4 of 0 or π)
const TOL = 1e-4;

describe('tensor θ_y (heads.ts) and thetaY ($lib/margins/matrix) agree', () => {
	for (const [seed, n, d, k] of [
		[1, 200, 2, 8],
		[2, 150, 3, 8],
		[3, 100, 16, 5],
		[4, 60, 64, 12]
	] as const) {
		it(`per sample and on average: n = ${n}, d = ${d}, k = ${k}`, () => {
			const inp = inputs(seed, n, d, k);
			const x = tf.tensor2d(inp.x, [n, d]);
			const W = tf.tensor2d(inp.W, [d, k]);
			const y = tf.tensor1d(inp.labels, 'int32');
			const tensor = tensorThetas(x, W, inp.labels);
			const pure = thetaY(inp.x, inp.centres, inp.labels, d, new Float64Array(n));
			for (let i = 0; i < n; i++) expect(Math.abs(tensor[i] - pure[i])).toBeLessThan(TOL);
			const m = headMetrics(lossDefaults('arcface'), x, W, null, y);
			const mean = m.meanThetaY.dataSync()[0];
			expect(Math.abs(mean - meanThetaY(inp.x, inp.centres, inp.labels, d))).toBeLessThan(1e-5);
			tf.dispose([x, W, y, m.accuracy, m.meanThetaY, m.predicted]);
		});
	}

	it('for every loss, with the centres each loss measures θ_y against (triplet: class means)', () => {
		const n = 120;
		const d = 2;
		const k = 8;
		const inp = inputs(9, n, d, k);
		const x = tf.tensor2d(inp.x, [n, d]);
		const W = tf.tensor2d(inp.W, [d, k]);
		const y = tf.tensor1d(inp.labels, 'int32');
		for (const loss of lossNames) {
			const cfg = lossDefaults(loss);
			const centresT = classCentres(cfg, x, W, y);
			// centres come back d × k: transpose to the pure k × d rows
			const centres = tf.tidy(() => tf.transpose(centresT).dataSync() as Float32Array);
			const m = headMetrics(cfg, x, centresT, null, y);
			const mean = m.meanThetaY.dataSync()[0];
			expect(Math.abs(mean - meanThetaY(inp.x, centres, inp.labels, d)), loss).toBeLessThan(1e-5);
			if (centresT !== W) centresT.dispose();
			tf.dispose([m.accuracy, m.meanThetaY, m.predicted]);
		}
		tf.dispose([x, W, y]);
	});
});
