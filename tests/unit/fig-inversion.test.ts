import { describe, expect, it } from 'vitest';
import type { InvertedEvaluation, InvertedModelEval } from '$lib/train/protocol';
import { accuracyBars, CHANCE, changedShare, modelViews, sampleFaces } from '$lib/figures/inversion/data';

function model(scale: number, up: number[], inv: number[]): InvertedModelEval {
	return {
		uprightAcc: up.filter((p, i) => p === i % 2).length / up.length,
		invertedAcc: inv.filter((p, i) => p === i % 2).length / inv.length,
		uprightThetaDeg: 10,
		invertedThetaDeg: 70,
		uprightFeatures: Float32Array.from([1, 0, 0, 1, 2, 0, 0, 2].map((v) => v * scale)),
		invertedFeatures: Float32Array.from([0, -3, 3, 0, 0, -6, 6, 0].map((v) => v * scale)),
		centres: Float32Array.from([1, 0, 0, 1]),
		uprightPredicted: Int32Array.from(up),
		invertedPredicted: Int32Array.from(inv)
	};
}

const ev: InvertedEvaluation = {
	step: 100,
	dim: 2,
	size: 2,
	labels: Int32Array.from([0, 1, 0, 1]),
	models: [model(1, [0, 1, 0, 1], [1, 1, 0, 0]), model(1, [0, 1, 0, 0], [1, 0, 1, 0])],
	samples: [
		{ index: 0, label: 0, pixels: Float32Array.from([1, 2, 3, 4]) },
		{ index: 1, label: 1, pixels: Float32Array.from([5, 6, 7, 8]) }
	]
};

describe('inversion figure data', () => {
	it('chance is one identity in eight', () => expect(CHANCE).toBe(0.125));

	it('has four bars, upright and inverted for each model, with their accuracies', () => {
		expect(accuracyBars(ev)).toEqual([
			{ model: 0, orientation: 'upright', value: 1 },
			{ model: 0, orientation: 'inverted', value: 0.5 },
			{ model: 1, orientation: 'upright', value: 0.75 },
			{ model: 1, orientation: 'inverted', value: 0 }
		]);
	});

	it('draws upright and inverted features of a model in one window', () => {
		const raw = modelViews(ev, 0, 'softmax');
		expect(raw.upright.extent).toBe(raw.inverted.extent);
		expect(raw.upright.extent).toBeGreaterThan(6);
		expect(raw.inverted.normalised).toBe(false);
		const unit = modelViews(ev, 1, 'arcface');
		expect(unit.upright.normalised).toBe(true);
		expect(Array.from(unit.inverted.xy.slice(0, 2))).toEqual([0, -1]);
	});

	it('turns the sample faces upside down and reads each model’s answers', () => {
		const faces = sampleFaces(ev);
		expect(Array.from(faces[0].inverted)).toEqual([4, 3, 2, 1]);
		expect(Array.from(faces[0].upright)).toEqual([1, 2, 3, 4]);
		expect(faces[1].predicted).toEqual([
			{ upright: 1, inverted: 1 },
			{ upright: 1, inverted: 0 }
		]);
	});

	it('counts the faces whose answer changes when turned over', () => {
		expect(changedShare(ev, 0)).toBe(0.5);
		expect(changedShare(ev, 1)).toBe(0.75);
	});
});
