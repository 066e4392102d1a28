import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '$lib/faces';
import { Engine } from '$lib/train/engine';
import { defaultSettings, validateSettings } from '$lib/train/settings';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const deg = (r: number) => (r * 180) / Math.PI;

describe('learning with the default settings (CPU, Node)', () => {
	it('ArcFace reaches ≥ 95 % held-out accuracy and pulls θ_y far below 90°; softmax trains too', () => {
		const s = validateSettings(defaultSettings);
		const data = makeDataset({
			seed: s.seed,
			perIdentity: s.perIdentity,
			size: s.size,
			nuisance: s.nuisance
		});
		const engine = new Engine(data, s);
		const [soft0, arc0] = engine.evaluate();
		expect(deg(arc0.testThetaY)).toBeGreaterThan(60);
		const t0 = performance.now();
		const CHUNK = 25;
		const MAX_STEPS = 1000;
		let evals = engine.evaluate();
		while (engine.steps < MAX_STEPS) {
			const r = engine.step(CHUNK);
			expect(r.diverged).toEqual([]);
			evals = engine.evaluate();
			if (evals[1].testAcc >= 0.95) break;
		}
		const seconds = (performance.now() - t0) / 1000;
		const [soft, arc] = evals;
		console.log(
			`ArcFace ${(arc.testAcc * 100).toFixed(1)} % held-out after ${engine.steps} steps, ${seconds.toFixed(1)} s ` +
				`(both models, ${(engine.steps / seconds).toFixed(1)} steps/s incl. evaluation); ` +
				`θ_y ${deg(arc0.testThetaY).toFixed(1)}° → ${deg(arc.testThetaY).toFixed(1)}°; ` +
				`softmax ${(soft0.testAcc * 100).toFixed(1)} % → ${(soft.testAcc * 100).toFixed(1)} %`
		);
		expect(arc.testAcc).toBeGreaterThanOrEqual(0.95);
		expect(deg(arc.testThetaY)).toBeLessThan(45);
		expect(soft.testAcc).toBeGreaterThan(0.6);
		expect(engine.runners[0].lastLoss).toBeLessThan(Math.log(8));
		engine.dispose();
	}, 180_000);
});
