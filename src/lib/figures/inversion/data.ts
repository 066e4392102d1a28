/**
 * The inversion experiment, ready to draw (pure TS): bars of held-out accuracy upright vs upside down, the
 * features of both on the circle (one window per model, so the two panels compare), and sample faces with the
 * identity each model gives them.
 */
import { N_IDENTITIES } from '$lib/faces';
import { lossInfo } from '$lib/margins/catalogue';
import { flipRows } from '$lib/train/flip';
import type { InvertedEvaluation, LossName, ModelIndex } from '$lib/train/protocol';
import { sharedViews, type CircleView } from '../feature-circle/data';

/** Accuracy of guessing: one identity in N_IDENTITIES. */
export const CHANCE = 1 / N_IDENTITIES;

export type Orientation = 'upright' | 'inverted';
export const orientations: readonly Orientation[] = ['upright', 'inverted'];

export interface AccuracyBar {
	model: ModelIndex;
	orientation: Orientation;
	/** accuracy in [0, 1] */
	value: number;
}

export function accuracyBars(ev: InvertedEvaluation): AccuracyBar[] {
	return ([0, 1] as const).flatMap((model) =>
		orientations.map((orientation) => ({
			model,
			orientation,
			value: orientation === 'upright' ? ev.models[model].uprightAcc : ev.models[model].invertedAcc
		}))
	);
}

/** Both orientations of one model on the circle, in one window (softmax's raw features keep their norms). */
export function modelViews(
	ev: InvertedEvaluation,
	model: ModelIndex,
	loss: LossName
): Record<Orientation, CircleView> {
	const m = ev.models[model];
	const normalised = lossInfo(loss).normalised;
	// D > 2: both orientations on the principal plane of the upright features (see feature-circle/data).
	const dim = Number.isInteger(ev.dim) && ev.dim >= 2 ? ev.dim : 2;
	const [upright, inverted] = sharedViews(
		[m.uprightFeatures, m.invertedFeatures],
		m.centres,
		dim,
		normalised
	).views;
	const extent = Math.max(upright.extent, inverted.extent);
	return { upright: { ...upright, extent }, inverted: { ...inverted, extent } };
}

export interface SampleFace {
	index: number;
	label: number;
	upright: Float32Array;
	inverted: Float32Array;
	/** the identity each model gives the face, upright and upside down */
	predicted: [Record<Orientation, number>, Record<Orientation, number>];
}

export function sampleFaces(ev: InvertedEvaluation): SampleFace[] {
	return ev.samples.map((s) => ({
		index: s.index,
		label: s.label,
		upright: s.pixels,
		inverted: flipRows(s.pixels, ev.size),
		predicted: [0, 1].map((m) => ({
			upright: ev.models[m].uprightPredicted[s.index],
			inverted: ev.models[m].invertedPredicted[s.index]
		})) as SampleFace['predicted']
	}));
}

/** Share of held-out faces whose identity changes when the face is turned over. */
export function changedShare(ev: InvertedEvaluation, model: ModelIndex): number {
	const m = ev.models[model];
	const n = m.uprightPredicted.length;
	if (n === 0) return 0;
	let changed = 0;
	for (let i = 0; i < n; i++) if (m.uprightPredicted[i] !== m.invertedPredicted[i]) changed++;
	return changed / n;
}
