/**
 * The home page's picture: a real run of the lab's default settings (softmax vs ArcFace, seed from the schema),
 * trained in Node with the project's own engine on tfjs's CPU backend, then written to
 * src/lib/home/picture.json (held-out features, class centres, accuracies, steps). The page draws it at build
 * time (src/lib/home/HomeCircles.svelte), so the home page loads no tfjs and trains nothing.
 *
 * Run with `npm run home-picture` (scripts/home-picture.mjs loads this file through Vite's module runner).
 * The seed and the step count are fixed, so a rerun on the same engine writes the same numbers; rerun it when
 * the engine, the model or the default settings change (tests/unit/home-picture.test.ts checks the file).
 */
import * as tf from '@tensorflow/tfjs';
import { makeDataset } from '$lib/faces';
import { Engine } from '$lib/train/engine';
import { defaultSettings, validateSettings } from '$lib/train/settings';
import type { HomePicture } from '$lib/home/picture';

/** steps of the run drawn on the home page (ArcFace passes 95 % held-out at about 125 with the defaults) */
export const STEPS = 300;
/** held-out faces kept per identity: enough to show each arc, small enough for an inline SVG */
export const PER_IDENTITY = 40;

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

export async function makePicture(): Promise<HomePicture> {
	await tf.setBackend('cpu');
	const s = validateSettings(defaultSettings);
	const data = makeDataset({ seed: s.seed, perIdentity: s.perIdentity, size: s.size, nuisance: s.nuisance });
	const engine = new Engine(data, s);
	while (engine.steps < STEPS) engine.step(Math.min(25, STEPS - engine.steps));
	const evals = engine.evaluate();
	const kept: number[] = [];
	const count = new Map<number, number>();
	for (let i = 0; i < data.testY.length; i++) {
		const y = data.testY[i];
		const c = count.get(y) ?? 0;
		if (c < PER_IDENTITY) kept.push(i);
		count.set(y, c + 1);
	}
	const models = evals.map((e, which) => ({
		loss: which === 0 ? s.a.loss : s.b.loss,
		testAcc: round(e.testAcc),
		testThetaYDeg: round((e.testThetaY * 180) / Math.PI, 2),
		points: kept.map((i) => [round(e.features[2 * i]), round(e.features[2 * i + 1])] as [number, number]),
		centres: Array.from({ length: e.centres.length / 2 }, (_, j) => [
			round(e.centres[2 * j]),
			round(e.centres[2 * j + 1])
		]) as [number, number][]
	}));
	engine.dispose();
	return {
		seed: s.seed,
		steps: STEPS,
		labels: kept.map((i) => data.testY[i]),
		models: [models[0], models[1]]
	};
}
