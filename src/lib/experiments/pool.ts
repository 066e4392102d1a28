/**
 * From trial rows to results (pure): one participant's summary of an experiment (the same numbers the
 * student sees after a block and the class view shows as their dot), and the class pool: per measure and
 * condition, every student's value and the class mean with a t-based 95 % interval; for the morph
 * experiment also P(A) per morph level and the psychometric fits.
 * Only the measured block counts (`block === 'test'`); practice trials are never analysed.
 */
import type { ExperimentId, TrialRow } from './types';
import {
	accuracy,
	dPrime,
	fitLogistic,
	meanCi,
	medianCorrectRt,
	sameDifferentCounts,
	type LogisticFit,
	type MeanCi
} from './stats';

export type MeasureKey = 'accuracy' | 'dPrime' | 'criterion' | 'medianRt' | 'boundary' | 'steepness';

/** The conditions in the order figures list them; others follow alphabetically. */
export const CONDITION_ORDER: Record<ExperimentId, string[]> = {
	inversion: ['upright', 'inverted'],
	morph: ['morph', 'abx'],
	caricature: ['anti', 'veridical', 'caricature']
};

/** The measures each experiment reports per condition (the morph labels report boundary and steepness). */
export const MEASURES: Record<ExperimentId, MeasureKey[]> = {
	inversion: ['accuracy', 'dPrime', 'medianRt', 'criterion'],
	morph: ['boundary', 'steepness', 'accuracy'],
	caricature: ['accuracy', 'medianRt']
};

export interface ConditionSummary {
	condition: string;
	n: number;
	accuracy: number;
	medianRt: number;
	/** Same/different blocks only (NaN otherwise). */
	dPrime: number;
	criterion: number;
}

export interface MorphLevel {
	level: number;
	n: number;
	pA: number; // proportion of 'A' labels
}

export interface MorphSummary {
	levels: MorphLevel[];
	fit: LogisticFit; // P(A | level)
	/** ABX discrimination: accuracy per level (the pair's position on the continuum). */
	abx: { level: number; n: number; accuracy: number }[];
}

export interface ExperimentSummary {
	experiment: ExperimentId;
	participant: string;
	trials: number;
	conditions: ConditionSummary[];
	morph: MorphSummary | null;
}

function ordered(experiment: ExperimentId, conditions: Iterable<string>): string[] {
	const pref = CONDITION_ORDER[experiment];
	return [...new Set(conditions)].sort((a, b) => {
		const ia = pref.indexOf(a);
		const ib = pref.indexOf(b);
		if (ia !== ib) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
		return a < b ? -1 : a > b ? 1 : 0;
	});
}

function byLevel<T extends TrialRow>(rows: readonly T[]): Map<number, T[]> {
	const m = new Map<number, T[]>();
	for (const r of rows) {
		if (r.level === null || !Number.isFinite(r.level)) continue;
		const key = Math.round(r.level * 1e6) / 1e6;
		m.set(key, [...(m.get(key) ?? []), r]);
	}
	return new Map([...m].sort((a, b) => a[0] - b[0]));
}

/** 1 for an 'A' label, 0 for 'B', null otherwise. */
export function labelA(response: string): 0 | 1 | null {
	return response === 'A' ? 1 : response === 'B' ? 0 : null;
}

/** The morph side of a participant's rows: P(A) per level, its logistic fit, and ABX accuracy per level. */
export function summariseMorph(rows: readonly TrialRow[]): MorphSummary {
	const labels = rows.filter(
		(r) => r.condition === 'morph' && labelA(r.response) !== null && r.level !== null
	);
	const levels = [...byLevel(labels)].map(([level, rs]) => ({
		level,
		n: rs.length,
		pA: rs.filter((r) => r.response === 'A').length / rs.length
	}));
	const fit = fitLogistic(
		labels.map((r) => r.level as number),
		labels.map((r) => labelA(r.response) as number)
	);
	const abxRows = rows.filter((r) => r.condition === 'abx');
	const abx = [...byLevel(abxRows)].map(([level, rs]) => ({ level, n: rs.length, accuracy: accuracy(rs) }));
	return { levels, fit, abx };
}

/** One participant's results in one experiment, from their rows (any other rows are ignored). */
export function summariseExperiment(
	rows: readonly TrialRow[],
	experiment: ExperimentId,
	participant: string
): ExperimentSummary {
	const mine = rows.filter(
		(r) => r.experiment === experiment && r.participant === participant && r.block === 'test'
	);
	const conditions = ordered(
		experiment,
		mine.map((r) => r.condition)
	).map((condition) => {
		const rs = mine.filter((r) => r.condition === condition);
		const sd = rs.some((r) => r.response === 'same' || r.response === 'different')
			? dPrime(sameDifferentCounts(rs))
			: null;
		return {
			condition,
			n: rs.length,
			accuracy: accuracy(rs),
			medianRt: medianCorrectRt(rs),
			dPrime: sd?.dPrime ?? NaN,
			criterion: sd?.criterion ?? NaN
		};
	});
	return {
		experiment,
		participant,
		trials: mine.length,
		conditions,
		morph: experiment === 'morph' && mine.length ? summariseMorph(mine) : null
	};
}

/**
 * A psychometric fit's category boundary and steepness, the one definition for a student and a network:
 * the boundary is where the fitted P(A) is ½ (NaN when that lies outside the continuum), the steepness
 * |b1|/4, the fitted curve's slope there, per continuum. `binary`: the responses were all 0 or 1 (a student's
 * labels always are); such responses that switch from A to B all at once have no finite steepness (the
 * fit's penalty alone would set it), so it is NaN. A network's graded P(A) always has one.
 */
export function fitMeasures(fit: LogisticFit, binary: boolean): { boundary: number; steepness: number } {
	if (fit.boundaryOutside || !Number.isFinite(fit.x0)) return { boundary: NaN, steepness: NaN };
	const steepness = binary && fit.separated ? NaN : Math.abs(fit.maxSlope);
	return { boundary: fit.x0, steepness };
}

/** The value of one measure in a summary (NaN when it does not apply). */
export function measureOf(s: ExperimentSummary, measure: MeasureKey, condition: string): number {
	if (measure === 'boundary' || measure === 'steepness') {
		if (condition !== 'morph' || !s.morph) return NaN;
		return fitMeasures(s.morph.fit, true)[measure];
	}
	const c = s.conditions.find((x) => x.condition === condition);
	return c ? c[measure] : NaN;
}

export interface StudentValue {
	participant: string;
	value: number;
}

export interface PooledMeasure {
	measure: MeasureKey;
	condition: string;
	students: StudentValue[];
	ci: MeanCi;
}

export interface ExperimentPool {
	experiment: ExperimentId;
	participants: string[];
	summaries: ExperimentSummary[];
	measures: PooledMeasure[];
	/** Morph only: P(A) per level across students, and a fit to every label of the class. */
	morphLevels: { level: number; students: StudentValue[]; ci: MeanCi }[];
	pooledFit: LogisticFit | null;
}

/** The class pool of one experiment: every participant with measured trials in it. */
export function poolExperiment(rows: readonly TrialRow[], experiment: ExperimentId): ExperimentPool {
	const mine = rows.filter((r) => r.experiment === experiment && r.block === 'test');
	const participants = [...new Set(mine.map((r) => r.participant))].sort();
	const summaries = participants.map((p) => summariseExperiment(mine, experiment, p));
	const conditions = ordered(
		experiment,
		mine.map((r) => r.condition)
	);
	const measures: PooledMeasure[] = [];
	for (const measure of MEASURES[experiment]) {
		for (const condition of conditions) {
			const students = summaries
				.map((s) => ({ participant: s.participant, value: measureOf(s, measure, condition) }))
				.filter((v) => Number.isFinite(v.value));
			if (students.length)
				measures.push({ measure, condition, students, ci: meanCi(students.map((v) => v.value)) });
		}
	}
	let morphLevels: ExperimentPool['morphLevels'] = [];
	let pooledFit: LogisticFit | null = null;
	if (experiment === 'morph') {
		const levels = new Map<number, StudentValue[]>();
		for (const s of summaries) {
			for (const l of s.morph?.levels ?? []) {
				levels.set(l.level, [...(levels.get(l.level) ?? []), { participant: s.participant, value: l.pA }]);
			}
		}
		morphLevels = [...levels]
			.sort((a, b) => a[0] - b[0])
			.map(([level, students]) => ({ level, students, ci: meanCi(students.map((v) => v.value)) }));
		const labels = mine.filter(
			(r) => r.condition === 'morph' && labelA(r.response) !== null && r.level !== null
		);
		if (labels.length) {
			pooledFit = fitLogistic(
				labels.map((r) => r.level as number),
				labels.map((r) => labelA(r.response) as number)
			);
		}
	}
	return { experiment, participants, summaries, measures, morphLevels, pooledFit };
}

/**
 * The networks' side, computed by the experiments' network code (never typed in): each model's value of a
 * measure in a condition, and for the morph continuum its P(A) per level. The class view draws these beside
 * the students when it is given them.
 */
export interface NetworkSide {
	/** Short label shown in the legend, e.g. 'softmax' or 'ArcFace'. */
	label: string;
	experiment: ExperimentId;
	values: { measure: MeasureKey; condition: string; value: number }[];
	morphCurve?: { level: number; pA: number }[];
}

/** A network's answer to one trial, in the shape of a student's row (the experiments' network code makes them). */
export interface NetworkAnswerLike {
	trial: number;
	condition: string;
	level: number | null;
	response: string;
	correct: boolean | null;
	/** morph: the network's P(A) on that trial (used for its curve instead of the 0/1 label) */
	value?: number;
}

/**
 * The class view's network side from a network's answers to the measured trials: every measure the students
 * have (RT excepted: a network has none), and for the morph its mean P(A) per level.
 */
export function networkSide(
	label: string,
	experiment: ExperimentId,
	answers: readonly NetworkAnswerLike[]
): NetworkSide {
	const rows: TrialRow[] = answers.map((a) => ({
		participant: label,
		experiment,
		session: 'network',
		block: 'test',
		trial: a.trial,
		condition: a.condition,
		stimulus: '',
		level: a.level,
		response: a.response,
		correct: a.correct,
		rtMs: NaN,
		shownMs: null,
		maskMs: null,
		input: 'key',
		at: ''
	}));
	const s = summariseExperiment(rows, experiment, label);
	const values: NetworkSide['values'] = [];
	for (const measure of MEASURES[experiment]) {
		if (measure === 'medianRt') continue;
		for (const c of s.conditions) {
			const value = measureOf(s, measure, c.condition);
			if (Number.isFinite(value)) values.push({ measure, condition: c.condition, value });
		}
	}
	let morphCurve: NetworkSide['morphCurve'];
	if (experiment === 'morph') {
		// Boundary and steepness from the same logistic model as a student's, fitted to the network's P(A)
		// on each trial (its labels alone would make every network a perfectly separated participant).
		const graded = answers.filter(
			(a) =>
				a.condition === 'morph' && a.level !== null && Number.isFinite(a.level) && Number.isFinite(a.value)
		);
		if (graded.length) {
			const ys = graded.map((a) => a.value as number);
			const fit = fitLogistic(
				graded.map((a) => a.level as number),
				ys
			);
			for (let i = values.length - 1; i >= 0; i--) {
				if (values[i].measure === 'boundary' || values[i].measure === 'steepness') values.splice(i, 1);
			}
			const m = fitMeasures(
				fit,
				ys.every((y) => y === 0 || y === 1)
			);
			for (const measure of ['boundary', 'steepness'] as const)
				if (Number.isFinite(m[measure])) values.push({ measure, condition: 'morph', value: m[measure] });
		}
		const by = new Map<number, number[]>();
		for (const a of answers) {
			if (a.condition !== 'morph' || a.level === null || !Number.isFinite(a.level)) continue;
			const v = Number.isFinite(a.value) ? (a.value as number) : a.response === 'A' ? 1 : 0;
			by.set(a.level, [...(by.get(a.level) ?? []), v]);
		}
		morphCurve = [...by]
			.sort((x, y) => x[0] - y[0])
			.map(([level, v]) => ({ level, pA: v.reduce((t, x) => t + x, 0) / v.length }));
	}
	return { label, experiment, values, morphCurve };
}

/**
 * The class table, one line per student, experiment, measure and condition (then the class mean and its
 * interval as participant '(class mean)'), for a spreadsheet. Cells: strings and finite numbers.
 */
export function classTable(pools: readonly ExperimentPool[]): {
	header: string[];
	rows: (string | number)[][];
} {
	const header = ['participant', 'experiment', 'measure', 'condition', 'value', 'n', 'ci_low', 'ci_high'];
	const rows: (string | number)[][] = [];
	for (const p of pools) {
		for (const m of p.measures) {
			for (const s of m.students)
				rows.push([s.participant, p.experiment, m.measure, m.condition, s.value, 1, '', '']);
			rows.push([
				'(class mean)',
				p.experiment,
				m.measure,
				m.condition,
				m.ci.mean,
				m.ci.n,
				m.ci.low,
				m.ci.high
			]);
		}
	}
	return { header, rows };
}
