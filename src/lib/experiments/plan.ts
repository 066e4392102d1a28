/**
 * The trials of the three face-perception experiments, as data (pure TypeScript, seeded, no DOM). The faces
 * come from the lab's own face space: the 8 identities the networks are trained on, each picture a fresh
 * nuisance draw (pose, light, expression…) the networks never saw. The stimulus set of an experiment is fixed
 * (the same pictures for every student, so the networks' answers are the same for the whole class); only the
 * order is shuffled per participant.
 */
import {
	DEFAULT_IDENTITY_SEED,
	hashSeed,
	makeIdentities,
	renderFace,
	Rng,
	sampleNuisance,
	type FaceParams,
	type NuisanceLevels
} from '$lib/faces';
import { caricatureParams, morphContinuum, MORPH_STEPS_DEFAULT, unitDistance } from './morph';
import type { Block, ExperimentId } from './types';

export interface Stimulus {
	/** stable id: `i3/n17` (identity 3, draw 17), `m@0.25/n5` (morph at t = 0.25), `c2@1.5/n4` (caricature) */
	id: string;
	params: FaceParams;
	nuisanceSeed: number;
	inverted: boolean;
}

export interface PlannedTrial {
	block: Block;
	trial: number;
	condition: string;
	level: number | null;
	/** inversion: [study, test]; morph and caricature: [face] */
	stimuli: Stimulus[];
	/** the right response, null when there is none (a morph between the ends) */
	answer: string | null;
	/** the identity each stimulus shows (morph: the nearer end), for the network side */
	identities: number[];
}

export interface ExperimentPlan {
	experiment: ExperimentId;
	practice: PlannedTrial[];
	test: PlannedTrial[];
	/** the responses a trial takes, in button order */
	responses: readonly string[];
}

/** The stimulus seed of each experiment: fixed, so every student sees the same pictures. */
const STIM_SEED: Record<ExperimentId, number> = { inversion: 1501, morph: 1502, caricature: 1503 };

/** Measured trials by default, and the range `?trials=` (a shorter demo, or a longer run) is clamped to. */
export const DEFAULT_TRIALS: Record<ExperimentId, number> = { inversion: 48, morph: 36, caricature: 36 };
export const TRIALS_MIN = 4;
export const TRIALS_MAX = 144;

/** The measured-trial count for a `?trials=` value (missing, junk or out of range: clamped, else the default). */
export function trialCount(experiment: ExperimentId, raw: string | null | undefined): number {
	const v = raw === null || raw === undefined || raw.trim() === '' ? NaN : Number(raw);
	if (!Number.isFinite(v)) return DEFAULT_TRIALS[experiment];
	return Math.min(TRIALS_MAX, Math.max(TRIALS_MIN, Math.round(v)));
}

/** The face draws of the experiments: the lab's nuisance without occluders (a mask would hide the eyes). */
export function experimentNuisance(lab: NuisanceLevels): NuisanceLevels {
	return { ...lab, occluder: 0 };
}

/** The caricature gains: anti-caricature, veridical, caricature. */
export const CARICATURE_GAINS = [0.5, 1, 1.5] as const;
export const caricatureCondition = (gain: number): string =>
	gain < 1 ? 'anti' : gain > 1 ? 'caricature' : 'veridical';

/** The three identities learned in the caricature experiment (of the lab's 8). */
export const LEARNED = [0, 3, 6] as const;

/** The two identities of the morph continuum: the closest pair in face space (the hardest to tell apart). */
export function morphPair(ids: FaceParams[]): [number, number] {
	let best: [number, number] = [0, 1];
	let bestD = Infinity;
	for (let i = 0; i < ids.length; i++)
		for (let j = i + 1; j < ids.length; j++) {
			const d = unitDistance(ids[i], ids[j]);
			if (d < bestD) [best, bestD] = [[i, j], d];
		}
	return best;
}

function shuffle<T>(items: T[], rng: Rng): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

type Draft = Omit<PlannedTrial, 'block' | 'trial'>;

const numbered = (block: Block, drafts: Draft[]): PlannedTrial[] =>
	drafts.map((d, trial) => ({ ...d, block, trial }));

/** Draw counter per experiment and block, so every picture in a plan is a different draw. */
class Draws {
	private n = 0;
	constructor(private readonly seed: number) {}
	next(): number {
		return hashSeed(this.seed, this.n++);
	}
}

function face(prefix: string, params: FaceParams, draws: Draws, inverted = false): Stimulus {
	const nuisanceSeed = draws.next();
	return {
		id: `${prefix}/n${nuisanceSeed % 100000}${inverted ? '/inv' : ''}`,
		params,
		nuisanceSeed,
		inverted
	};
}

function inversionDrafts(ids: FaceParams[], count: number, draws: Draws, rng: Rng): Draft[] {
	const out: Draft[] = [];
	for (let k = 0; k < count; k++) {
		const inverted = k % 2 === 1;
		const same = k % 4 < 2;
		const a = Math.floor(k / 4) % ids.length;
		const b = same ? a : (a + 1 + rng.int(ids.length - 1)) % ids.length;
		out.push({
			condition: inverted ? 'inverted' : 'upright',
			level: null,
			stimuli: [face(`i${a}`, ids[a], draws, inverted), face(`i${b}`, ids[b], draws, inverted)],
			answer: same ? 'same' : 'different',
			identities: [a, b]
		});
	}
	return out;
}

function morphDrafts(ids: FaceParams[], repeats: number, draws: Draws, endsOnly: boolean): Draft[] {
	const [ia, ib] = morphPair(ids);
	const steps = morphContinuum(ids[ia], ids[ib], MORPH_STEPS_DEFAULT).filter(
		(s) => !endsOnly || s.t === 0 || s.t === 1
	);
	const out: Draft[] = [];
	for (let r = 0; r < repeats; r++)
		for (const s of steps) {
			const t = Math.round(s.t * 1000) / 1000;
			out.push({
				condition: 'morph',
				level: t,
				stimuli: [face(`m${ia}-${ib}@${t}`, s.params, draws)],
				answer: t === 0 ? 'A' : t === 1 ? 'B' : null,
				identities: [t < 0.5 ? ia : ib]
			});
		}
	return out;
}

function caricatureDrafts(
	ids: FaceParams[],
	repeats: number,
	draws: Draws,
	gains: readonly number[]
): Draft[] {
	const out: Draft[] = [];
	for (let r = 0; r < repeats; r++)
		for (const gain of gains)
			LEARNED.forEach((id, k) => {
				out.push({
					condition: caricatureCondition(gain),
					level: gain,
					stimuli: [face(`c${id}@${gain}`, caricatureParams(ids[id], gain).params, draws)],
					answer: String(k + 1),
					identities: [id]
				});
			});
	return out;
}

export const RESPONSES: Record<ExperimentId, readonly string[]> = {
	inversion: ['same', 'different'],
	morph: ['A', 'B'],
	caricature: ['1', '2', '3']
};

/**
 * The plan of one experiment: a short practice block (with feedback) and `trials` measured trials (rounded to
 * whole cells of the design), in an order shuffled by `orderSeed` (one per participant). A demo length
 * (fewer measured trials than the default) also gets the shortest practice that still shows every answer.
 */
export function makePlan(experiment: ExperimentId, trials: number, orderSeed: number): ExperimentPlan {
	const ids = makeIdentities(DEFAULT_IDENTITY_SEED);
	const practiceDraws = new Draws(hashSeed(STIM_SEED[experiment], 1));
	const testDraws = new Draws(hashSeed(STIM_SEED[experiment], 2));
	const design = new Rng(hashSeed(STIM_SEED[experiment], 3));
	const order = new Rng(hashSeed(orderSeed, 4));
	let practice: Draft[];
	let test: Draft[];
	const demo = trials < DEFAULT_TRIALS[experiment];
	if (experiment === 'inversion') {
		practice = inversionDrafts(ids, demo ? 2 : 6, practiceDraws, design);
		test = inversionDrafts(ids, Math.max(4, Math.round(trials / 4) * 4), testDraws, design);
	} else if (experiment === 'morph') {
		practice = morphDrafts(ids, demo ? 1 : 2, practiceDraws, true);
		test = morphDrafts(ids, Math.max(1, Math.round(trials / MORPH_STEPS_DEFAULT)), testDraws, false);
	} else {
		practice = caricatureDrafts(ids, demo ? 1 : 2, practiceDraws, [1]);
		const cell = LEARNED.length * CARICATURE_GAINS.length;
		test = caricatureDrafts(ids, Math.max(1, Math.round(trials / cell)), testDraws, CARICATURE_GAINS);
	}
	return {
		experiment,
		practice: numbered('practice', shuffle(practice, order)),
		test: numbered('test', shuffle(test, order)),
		responses: RESPONSES[experiment]
	};
}

/**
 * The measured trials the networks answer for the class view: each experiment's default-length block, in
 * the order of order seed 0. Every student of a full-length block saw these pictures, in their own order (a
 * shorter demo draws its own).
 */
export function classPlans(): [ExperimentId, PlannedTrial[]][] {
	return (Object.keys(DEFAULT_TRIALS) as ExperimentId[]).map((e) => [
		e,
		makePlan(e, DEFAULT_TRIALS[e], 0).test
	]);
}

/** A pair of pictures for the networks' calibration (never shown to a student). */
export interface CalibrationPair {
	a: Stimulus;
	b: Stimulus;
	same: boolean;
}

/**
 * Upright calibration pairs for the inversion experiment's threshold: fresh pictures of the training
 * identities, half of them same-identity pairs, from their own seed (none is a trial picture).
 */
export function calibrationPairs(pairs = 96): CalibrationPair[] {
	const ids = makeIdentities(DEFAULT_IDENTITY_SEED);
	const draws = new Draws(hashSeed(STIM_SEED.inversion, 9));
	const rng = new Rng(hashSeed(STIM_SEED.inversion, 10));
	return Array.from({ length: pairs }, (_, k) => {
		const same = k % 2 === 0;
		const a = Math.floor(k / 2) % ids.length;
		const b = same ? a : (a + 1 + rng.int(ids.length - 1)) % ids.length;
		return { a: face(`i${a}`, ids[a], draws), b: face(`i${b}`, ids[b], draws), same };
	});
}

/** What to study before the practice: the faces behind each answer, two pictures each (not trial pictures). */
export function studyFaces(experiment: ExperimentId): { response: string; stimuli: Stimulus[] }[] {
	const ids = makeIdentities(DEFAULT_IDENTITY_SEED);
	const draws = new Draws(hashSeed(STIM_SEED[experiment], 11));
	const two = (id: number) => [face(`i${id}`, ids[id], draws), face(`i${id}`, ids[id], draws)];
	if (experiment === 'morph') {
		const [a, b] = morphPair(ids);
		return [
			{ response: 'A', stimuli: two(a) },
			{ response: 'B', stimuli: two(b) }
		];
	}
	if (experiment === 'caricature')
		return LEARNED.map((id, k) => ({ response: String(k + 1), stimuli: two(id) }));
	return [];
}

/** The identities an experiment shows, in the lab's order (for the instructions' example faces). */
export function labIdentities(): FaceParams[] {
	return makeIdentities(DEFAULT_IDENTITY_SEED);
}

/** The stimulus rendered at `size` px (row-major, [0, 1]), turned by 180° when it is an inverted trial. */
export function renderStimulus(s: Stimulus, size: number, levels: NuisanceLevels): Float32Array {
	const px = renderFace(s.params, sampleNuisance(new Rng(s.nuisanceSeed), levels), size);
	return s.inverted ? px.reverse() : px;
}

/** The trial's stimulus ids as one string (`TrialRow.stimulus`). */
export const stimulusIds = (t: PlannedTrial): string => t.stimuli.map((s) => s.id).join('|');
