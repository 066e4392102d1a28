import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import {
	interLoss,
	intraLoss,
	marginSoftmaxLoss,
	normSoftmaxLoss,
	softmaxLoss,
	targetLogitDetail,
	type MarginSpec
} from '$lib/margins';
import { Engine } from '$lib/train/engine';
import { inspectionMessage, inspectSample, type SampleProbe } from '$lib/train/inspect';
import { validateSettings, type TrainSettings } from '$lib/train/settings';

let tiny: FaceDataset;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tiny = makeDataset({ seed: 4, perIdentity: 50, size: 12, nuisance: zeroNuisance });
});

afterAll(() => expect(tf.memory().numTensors).toBe(0));

function settings(extra: Record<string, unknown> = {}): TrainSettings {
	return validateSettings({ size: 12, perIdentity: 50, batchSize: 32, nuisance: zeroNuisance, ...extra });
}

/** W as the d × n matrix of `$lib/margins` from the probe's n × 2 rows. */
const matrixW = (p: SampleProbe): number[][] =>
	[0, 1].map((k) => Array.from(p.probs, (_, j) => p.centres[2 * j + k]));

/** The loss of `$lib/margins` for this probe's loss, at feature x and centres W (d × n). */
function pureLoss(p: SampleProbe, x: number[], W: number[][]): { mean: number; logits: number[][] } {
	const { loss, s } = p.head;
	const y = [p.label];
	if (loss === 'softmax') return softmaxLoss([x], W, Array.from(p.bias ?? []), y);
	if (loss === 'normface') return normSoftmaxLoss([x], W, y, s);
	if (loss === 'intra') return intraLoss([x], W, y, s);
	if (loss === 'inter') return interLoss([x], W, y, s);
	return marginSoftmaxLoss([x], W, y, p.head as MarginSpec);
}

/** Central differences of the pure loss in x and in W_y (double precision). */
function numericGrads(p: SampleProbe): { dx: number[]; dWy: number[] } {
	const W = matrixW(p);
	const x = [...p.x];
	const h = 1e-5;
	const dx = [0, 1].map((k) => {
		const a = [...x];
		const b = [...x];
		a[k] += h;
		b[k] -= h;
		return (pureLoss(p, a, W).mean - pureLoss(p, b, W).mean) / (2 * h);
	});
	const dWy = [0, 1].map((k) => {
		const a = W.map((r) => [...r]);
		const b = W.map((r) => [...r]);
		a[k][p.label] += h;
		b[k][p.label] -= h;
		return (pureLoss(p, x, a).mean - pureLoss(p, x, b).mean) / (2 * h);
	});
	return { dx, dWy };
}

const close = (a: number, b: number, rel: number, abs: number) =>
	expect(Math.abs(a - b)).toBeLessThanOrEqual(abs + rel * Math.abs(b));

function checkAgainstMargins(p: SampleProbe): void {
	const W = matrixW(p);
	const pure = pureLoss(p, [...p.x], W);
	const scale = p.head.loss === 'softmax' ? 1 : p.head.s;
	p.logits.forEach((z, j) => close(z, pure.logits[0][j], 1e-4, 2e-4 * scale));
	close(p.loss, pure.mean, 1e-4, 1e-4);
	expect(p.probs.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
	close(p.crossEntropy, -Math.log(p.probs[p.label]), 1e-3, 1e-5);
	const { dx, dWy } = numericGrads(p);
	const gy = [p.gradCentres[2 * p.label], p.gradCentres[2 * p.label + 1]];
	const size = Math.hypot(...dx) + Math.hypot(...dWy);
	[0, 1].forEach((k) => {
		close(p.gradX[k], dx[k], 2e-2, 1e-3 * (1 + size));
		close(gy[k], dWy[k], 2e-2, 1e-3 * (1 + size));
	});
}

describe('inspecting one held-out sample', () => {
	it('forward numbers match $lib/margins and the tfjs gradients match central differences', async () => {
		const cases: Record<string, unknown>[] = [
			{ a: { loss: 'softmax' }, b: { loss: 'arcface' } },
			{ a: { loss: 'cosface' }, b: { loss: 'sphereface' } },
			{ a: { loss: 'normface' }, b: { loss: 'cm2' } },
			{ a: { loss: 'intra' }, b: { loss: 'inter' } }
		];
		for (const extra of cases) {
			const engine = new Engine(tiny, settings(extra));
			engine.step(25);
			for (const m of [0, 1] as const) {
				for (const index of [0, 7, 33]) {
					const p = await inspectSample(engine, m, index);
					if (!p) throw new Error('no probe');
					expect(p.index).toBe(index);
					expect(p.label).toBe(tiny.testY[index]);
					expect([...p.x, ...p.gradX, ...p.gradCentres].every(Number.isFinite)).toBe(true);
					checkAgainstMargins(p);
				}
			}
			engine.dispose();
		}
	}, 60_000);

	it('shows the ArcFace fallback branch when θ_y + m passes 180° (m = 2.5, insightface fallback)', async () => {
		const engine = new Engine(tiny, settings({ b: { loss: 'arcface', m2: 2.5, fallback: 'insightface' } }));
		let fallbacks = 0;
		for (let index = 0; index < 40; index++) {
			const p = await inspectSample(engine, 1, index);
			if (!p) throw new Error('no probe');
			const theta = Math.acos(p.cos[p.label]);
			const detail = targetLogitDetail(theta, p.head as MarginSpec);
			if (detail.branch === 'fallback') fallbacks++;
			close(p.logits[p.label], p.head.s * detail.value, 1e-4, 1e-2);
			checkAgainstMargins(p);
		}
		expect(fallbacks).toBeGreaterThan(0);
		engine.dispose();
	}, 30_000);

	it('leaks no tensor, wraps the index, predicts as the accuracy counts, and is null for triplet', async () => {
		const engine = new Engine(tiny, settings({ a: { loss: 'triplet' } }));
		engine.step(5);
		const before = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) await inspectSample(engine, 1, i);
		expect(tf.memory().numTensors).toBe(before);
		expect(await inspectSample(engine, 0, 0)).toBeNull();
		const last = await inspectSample(engine, 1, -1);
		expect(last?.index).toBe(tiny.nTest - 1);
		expect((await inspectSample(engine, 1, tiny.nTest + 2))?.index).toBe(2);
		// predicted = nearest centre by angle, the same rule as the engine's held-out accuracy
		let correct = 0;
		for (let i = 0; i < tiny.nTest; i++) {
			const p = await inspectSample(engine, 1, i);
			if (p && p.predicted === p.label) correct++;
		}
		expect(correct / tiny.nTest).toBeCloseTo(engine.evaluate()[1].testAcc, 5);
		expect(tf.memory().numTensors).toBe(before);
		engine.dispose();
	}, 30_000);

	it('the inspection message carries the raw pixels of that sample and the model’s lr and optimizer', async () => {
		const engine = new Engine(tiny, settings({ lr: 0.02, optimizer: 'sgd' }));
		const [msg, transfer] = await inspectionMessage(engine, tiny, 1, 5);
		if (msg.type !== 'inspection' || !msg.inspection) throw new Error('no inspection');
		const px = tiny.size * tiny.size;
		expect(Array.from(msg.inspection.pixels)).toEqual(Array.from(tiny.testX.slice(5 * px, 6 * px)));
		expect([msg.inspection.lr, msg.inspection.optimizer, msg.inspection.size]).toEqual([0.02, 'sgd', 12]);
		expect(transfer.length).toBeGreaterThanOrEqual(5);
		engine.dispose();
	});
});
