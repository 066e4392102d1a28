import { describe, expect, it } from 'vitest';
import { classNetworkSides, type NetworkResult } from '$lib/experiments/network';
import { classPlans, DEFAULT_TRIALS, makePlan, stimulusIds } from '$lib/experiments/plan';
import { measureOf, networkSide, summariseExperiment } from '$lib/experiments/pool';
import type { TrialRow } from '$lib/experiments/types';

/** A student's labels with share pA[k] of "A" at level k/8 (8 repetitions), as rows. */
function student(pA: number[]): TrialRow[] {
	const rows: TrialRow[] = [];
	pA.forEach((p, k) => {
		for (let rep = 0; rep < 8; rep++)
			rows.push({
				participant: 'ann',
				experiment: 'morph',
				session: 's',
				block: 'test',
				trial: k * 8 + rep,
				condition: 'morph',
				stimulus: `m0-1@${k / 8}`,
				level: k / 8,
				response: rep < Math.round(p * 8) ? 'A' : 'B',
				correct: null,
				rtMs: 600,
				shownMs: 500,
				maskMs: null,
				input: 'key',
				at: 't'
			});
	});
	return rows;
}

describe('one steepness for students and networks', () => {
	it('gives a network the same boundary and steepness as a student with the same P(A)', () => {
		const pA = [1, 1, 0.875, 0.75, 0.5, 0.25, 0.125, 0, 0];
		const rows = student(pA);
		const s = summariseExperiment(rows, 'morph', 'ann');
		// the network answers the same trials with P(A) equal to the student's share at each level
		const answers = rows.map((r) => ({
			trial: r.trial,
			condition: r.condition,
			level: r.level,
			response: r.response,
			correct: r.correct,
			value: pA[Math.round((r.level as number) * 8)]
		}));
		const net = networkSide('ArcFace', 'morph', answers);
		for (const m of ['boundary', 'steepness'] as const) {
			const mine = measureOf(s, m, 'morph');
			const its = net.values.find((v) => v.measure === m)?.value;
			expect(Number.isFinite(mine)).toBe(true);
			expect(its).toBeCloseTo(mine, 9);
		}
		expect(measureOf(s, 'boundary', 'morph')).toBeCloseTo(0.5, 1); // symmetric shares (the weak prior aside)
		expect(net.morphCurve?.map((l) => l.pA)).toEqual(s.morph?.levels.map((l) => l.pA));
	});

	it('gives neither a finite steepness when both switch all at once (0/1 answers)', () => {
		const pA = [1, 1, 1, 1, 0, 0, 0, 0, 0];
		const rows = student(pA);
		expect(measureOf(summariseExperiment(rows, 'morph', 'ann'), 'steepness', 'morph')).toBeNaN();
		const net = networkSide(
			'softmax',
			'morph',
			rows.map((r) => ({ ...r, value: pA[Math.round((r.level as number) * 8)] }))
		);
		expect(net.values.some((v) => v.measure === 'steepness')).toBe(false);
		expect(net.values.some((v) => v.measure === 'boundary')).toBe(true);
	});
});

describe('the networks beside the class', () => {
	it('answers the full-length measured block of every experiment, the pictures every student of a full block saw', () => {
		const plans = classPlans();
		expect(plans.map(([e]) => e)).toEqual(['inversion', 'morph', 'caricature']);
		for (const [e, trials] of plans) {
			expect(trials).toHaveLength(makePlan(e, DEFAULT_TRIALS[e], 0).test.length);
			// another student's order, the same pictures
			const other = makePlan(e, DEFAULT_TRIALS[e], 12345).test.map(stimulusIds).sort();
			expect(trials.map(stimulusIds).sort()).toEqual(other);
		}
	});

	it('passes both models of every experiment to the class view, labelled in order', () => {
		const [, morph] = classPlans().find(([e]) => e === 'morph')!;
		const result = (p: (l: number) => number): NetworkResult => ({
			trials: morph.map((t) => ({
				trial: t.trial,
				condition: t.condition,
				level: t.level,
				response: p(t.level as number) >= 0.5 ? 'A' : 'B',
				correct: t.answer === null ? null : (p(t.level as number) >= 0.5 ? 'A' : 'B') === t.answer,
				value: p(t.level as number),
				norm: null
			})),
			thresholdDeg: null,
			calibrationAccuracy: null
		});
		const soft = result((l) => 1 / (1 + Math.exp((l - 0.4) / 0.2)));
		const arc = result((l) => 1 / (1 + Math.exp((l - 0.6) / 0.05)));
		const sides = classNetworkSides({ morph: [soft, arc] }, ['Softmax', 'ArcFace']);
		expect(sides.map((s) => `${s.label}:${s.experiment}`)).toEqual(['Softmax:morph', 'ArcFace:morph']);
		const get = (i: number, m: string) => sides[i].values.find((v) => v.measure === m)!.value;
		expect(get(0, 'boundary')).toBeCloseTo(0.4, 1);
		expect(get(1, 'boundary')).toBeCloseTo(0.6, 1);
		expect(get(1, 'steepness')).toBeGreaterThan(get(0, 'steepness'));
		expect(sides[0].morphCurve).toHaveLength(9);
	});
});

describe('links from a lesson to other site pages', () => {
	it('puts the way to the site root in front of root paths only', async () => {
		const { rootFrom, siteLinks } = await import('$lib/lessons/prose');
		expect(rootFrom('/lessons/measuring-perception/')).toBe('../../');
		expect(rootFrom('/embed/lesson/measuring-perception/')).toBe('../../../');
		expect(rootFrom('/')).toBe('./');
		const html =
			'<a href="/experiments/">x</a> <a href="../holistic-familiar/">y</a> <a href="#src-a">[1]</a> <a href="//e.org/">z</a>';
		expect(siteLinks(html, '../../')).toBe(
			'<a href="../../experiments/">x</a> <a href="../holistic-familiar/">y</a> <a href="#src-a">[1]</a> <a href="//e.org/">z</a>'
		);
		expect(siteLinks(html, '/sub/')).toContain('href="/sub/experiments/"');
	});
});
