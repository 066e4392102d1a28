/**
 * The trial loop's bookkeeping, apart from the screen (pure TypeScript): the phases of each experiment's
 * trials, which trial comes next when a sitting resumes, and the row a response becomes.
 */
import { hashSeed } from '$lib/faces';
import { stimulusIds, type PlannedTrial } from '../plan';
import type { ExperimentId, InputKind, TrialRow } from '../types';
import type { Phase } from './trial-loop';

/**
 * Inversion: fixation 500 ms, study face 800 ms, mask 400 ms, test face until the answer (a sequential
 * matching task as in Yin 1969's successors); morph and caricature: fixation 400 ms, face until the answer.
 */
export const PHASES: Record<ExperimentId, Phase[]> = {
	inversion: [
		{ kind: 'fixation', ms: 500 },
		{ kind: 'study', ms: 800 },
		{ kind: 'mask', ms: 400 },
		{ kind: 'test', ms: null }
	],
	morph: [
		{ kind: 'fixation', ms: 400 },
		{ kind: 'test', ms: null }
	],
	caricature: [
		{ kind: 'fixation', ms: 400 },
		{ kind: 'test', ms: null }
	]
};

/** The per-participant order seed: the same code gets the same order, so a stopped sitting can resume. */
export function orderSeed(participant: string, experiment: ExperimentId): number {
	let h = hashSeed(experiment.length, 31);
	for (const ch of `${experiment}:${participant}`) h = hashSeed(h, ch.codePointAt(0) ?? 0);
	return h;
}

/** The first trial of `block` not yet answered, or -1 when all are. */
export function nextIndex(block: readonly PlannedTrial[], done: ReadonlySet<number>): number {
	return block.findIndex((t) => !done.has(t.trial));
}

export interface Answer {
	response: string;
	rtMs: number;
	shownMs: number | null;
	maskMs: number | null;
	input: InputKind;
}

/** The stored row of one answered trial. */
export function toRow(
	t: PlannedTrial,
	a: Answer,
	ctx: { participant: string; experiment: ExperimentId; session: string },
	now: Date = new Date()
): TrialRow {
	return {
		participant: ctx.participant,
		experiment: ctx.experiment,
		session: ctx.session,
		block: t.block,
		trial: t.trial,
		condition: t.condition,
		stimulus: stimulusIds(t),
		level: t.level,
		response: a.response,
		correct: t.answer === null ? null : a.response === t.answer,
		rtMs: a.rtMs,
		shownMs: a.shownMs,
		maskMs: a.maskMs,
		input: a.input,
		at: now.toISOString()
	};
}
