import { describe, expect, it } from 'vitest';
import {
	calibrationPairs,
	CARICATURE_GAINS,
	DEFAULT_TRIALS,
	LEARNED,
	makePlan,
	renderStimulus,
	studyFaces,
	trialCount
} from '$lib/experiments/plan';
import { featureAngle, networkAnswers, networkBatch, twoWayP } from '$lib/experiments/network';
import { morphCurve, byCondition } from '$lib/experiments/summary';
import { networkSide } from '$lib/experiments/pool';
import { nextIndex, orderSeed, toRow } from '$lib/experiments/ui/flow';
import { present, shownFor, type FrameClock } from '$lib/experiments/ui/trial-loop';
import { zeroNuisance } from '$lib/faces';
import type { ExperimentId } from '$lib/experiments/types';

const ids: ExperimentId[] = ['inversion', 'morph', 'caricature'];

describe('trial plans', () => {
	it('the default plans are balanced and the same pictures for every participant (only the order differs)', () => {
		const inv = makePlan('inversion', 48, 1);
		expect(inv.test).toHaveLength(48);
		const cells = new Map<string, number>();
		for (const t of inv.test)
			cells.set(`${t.condition}/${t.answer}`, (cells.get(`${t.condition}/${t.answer}`) ?? 0) + 1);
		expect([...cells.values()]).toEqual([12, 12, 12, 12]);
		for (const t of inv.test) {
			expect(t.stimuli).toHaveLength(2);
			expect(t.answer === 'same').toBe(t.identities[0] === t.identities[1]);
			expect(t.stimuli.every((s) => s.inverted === (t.condition === 'inverted'))).toBe(true);
			expect(t.stimuli[0].nuisanceSeed).not.toBe(t.stimuli[1].nuisanceSeed);
		}
		for (const id of ids) {
			const a = makePlan(id, DEFAULT_TRIALS[id], 1).test.map((t) => t.stimuli.map((s) => s.id).join('|'));
			const b = makePlan(id, DEFAULT_TRIALS[id], 2).test.map((t) => t.stimuli.map((s) => s.id).join('|'));
			expect(new Set(a)).toEqual(new Set(b));
			expect(a).not.toEqual(b);
			expect(makePlan(id, DEFAULT_TRIALS[id], 1).test.map((t) => t.trial)).toEqual(a.map((_, i) => i));
		}
	});

	it('morph: 9 steps from A to B, each 4 times; only the ends have a right answer', () => {
		const plan = makePlan('morph', 36, 3);
		const levels = [...new Set(plan.test.map((t) => t.level))].sort();
		expect(levels).toHaveLength(9);
		expect(levels[0]).toBe(0);
		expect(levels[8]).toBe(1);
		expect(plan.test.filter((t) => t.level === 0.5)).toHaveLength(4);
		for (const t of plan.test) expect(t.answer).toBe(t.level === 0 ? 'A' : t.level === 1 ? 'B' : null);
		expect(plan.practice.every((t) => t.level === 0 || t.level === 1)).toBe(true);
	});

	it('caricature: the 3 learned faces at 3 gains, answers 1–3', () => {
		const plan = makePlan('caricature', 36, 3);
		expect(new Set(plan.test.map((t) => t.level))).toEqual(new Set(CARICATURE_GAINS));
		expect(new Set(plan.test.map((t) => t.identities[0]))).toEqual(new Set(LEARNED));
		expect(new Set(plan.test.map((t) => t.condition))).toEqual(new Set(['anti', 'veridical', 'caricature']));
		expect(plan.practice.every((t) => t.condition === 'veridical')).toBe(true);
		expect(studyFaces('caricature').map((g) => g.response)).toEqual(['1', '2', '3']);
	});

	it('?trials= is clamped; junk gives the default; a demo length has a shorter practice', () => {
		expect(trialCount('inversion', null)).toBe(48);
		expect(trialCount('inversion', 'abc')).toBe(48);
		expect(trialCount('inversion', '')).toBe(48);
		expect(trialCount('inversion', '-5')).toBe(4);
		expect(trialCount('morph', '1e9')).toBe(144);
		expect(trialCount('morph', '9.4')).toBe(9);
		expect(makePlan('inversion', 4, 1).test).toHaveLength(4);
		expect(makePlan('inversion', 4, 1).practice).toHaveLength(2);
		expect(makePlan('morph', 9, 1).test).toHaveLength(9);
		expect(makePlan('caricature', 9, 1).practice).toHaveLength(3);
	});

	it('an inverted stimulus is its upright rendering turned by 180°', () => {
		const t = makePlan('inversion', 4, 1).test.find((x) => x.condition === 'inverted')!;
		const s = t.stimuli[0];
		const up = renderStimulus({ ...s, inverted: false }, 12, zeroNuisance);
		const down = renderStimulus(s, 12, zeroNuisance);
		expect(Array.from(down)).toEqual(Array.from(up).reverse());
	});

	it('calibration pairs are upright, half same, none of them a trial picture', () => {
		const cal = calibrationPairs();
		expect(cal).toHaveLength(96);
		expect(cal.filter((p) => p.same)).toHaveLength(48);
		expect(cal.every((p) => !p.a.inverted && !p.b.inverted)).toBe(true);
		const trialSeeds = new Set(
			makePlan('inversion', 144, 1).test.flatMap((t) => t.stimuli.map((s) => s.nuisanceSeed))
		);
		expect(cal.some((p) => trialSeeds.has(p.a.nuisanceSeed) || trialSeeds.has(p.b.nuisanceSeed))).toBe(false);
	});
});

describe('the networks’ answers', () => {
	it('featureAngle and twoWayP', () => {
		const f = Float32Array.from([1, 0, 0, 2, -3, 0, 0, 0]);
		expect(featureAngle(f, 0, 1)).toBeCloseTo(Math.PI / 2);
		expect(featureAngle(f, 0, 2)).toBeCloseTo(Math.PI);
		expect(featureAngle(f, 0, 3)).toBeCloseTo(Math.PI / 2); // a zero feature
		const scores = Float32Array.from([2, 0, 0, 2]);
		expect(twoWayP(scores, 2, 0, 0, 1)).toBeCloseTo(1 / (1 + Math.exp(-2)));
		expect(twoWayP(scores, 2, 1, 0, 1)).toBeCloseTo(1 / (1 + Math.exp(2)));
		expect(twoWayP(Float32Array.from([1e6, -1e6]), 2, 0, 0, 1)).toBe(1);
	});

	it('inversion: a network whose features are the identity’s direction is right upright; the threshold comes from calibration', () => {
		const plan = makePlan('inversion', 16, 1);
		const batch = networkBatch('inversion', plan.test, calibrationPairs(16));
		// feature = identity direction upright; inverted pictures all land on one direction
		const f = new Float32Array(batch.stimuli.length * 2);
		batch.stimuli.forEach((s, i) => {
			const id = Number(/^i(\d+)/.exec(s.id)![1]);
			const a = s.inverted ? 0.1 : (2 * Math.PI * id) / 8;
			f[2 * i] = Math.cos(a);
			f[2 * i + 1] = Math.sin(a);
		});
		const out = networkAnswers('inversion', plan.test, batch, { features: f, cos: f, scores: f }, 8);
		expect(out.calibrationAccuracy).toBe(1);
		expect(out.thresholdDeg).toBeGreaterThan(0);
		expect(out.thresholdDeg).toBeLessThan(45);
		const [up, inv] = byCondition(out.trials, ['upright', 'inverted'], true);
		expect(up.accuracy).toBe(1);
		expect(inv.accuracy).toBe(0.5); // says "same" to every inverted pair
	});

	it('morph: P(A) from the two ends’ scores; the curve, its boundary and steepness', () => {
		const plan = makePlan('morph', 9, 1);
		const batch = networkBatch('morph', plan.test);
		const scores = new Float32Array(batch.stimuli.length * 8);
		plan.test.forEach((t, k) => {
			const row = batch.rows[k][0];
			const id = /^m(\d+)-(\d+)@/.exec(t.stimuli[0].id)!;
			// score difference linear in t: P(A) = σ(10·(0.3 − t))
			scores[row * 8 + Number(id[1])] = 10 * (0.3 - (t.level as number));
		});
		const out = networkAnswers('morph', plan.test, batch, { features: scores, cos: scores, scores }, 8);
		const curve = morphCurve(out.trials, (i) => out.trials[i].value);
		expect(curve.levels).toHaveLength(9);
		// boundary 0.3 and steepness |b1|/4 = 10/4 from the students' logistic fit (its weak prior pulls a little)
		const v = networkSide('softmax', 'morph', out.trials).values;
		const get = (m: string) => v.find((x) => x.measure === m)?.value;
		expect(get('boundary')).toBeCloseTo(0.3, 2);
		expect(get('steepness')).toBeGreaterThan(2.3);
		expect(get('steepness')).toBeLessThanOrEqual(2.5);
	});
});

describe('the trial loop', () => {
	/** A clock that runs frames at `ms` intervals on demand. */
	function fakeClock(ms: number): FrameClock & { run(n: number): void } {
		let t = 1000;
		let queue: ((t: number) => void)[] = [];
		return {
			request: (cb) => queue.push(cb),
			cancel: () => (queue = []),
			run(n) {
				for (let i = 0; i < n; i++) {
					const q = queue;
					queue = [];
					q.forEach((cb) => cb(t));
					t += ms;
				}
			}
		};
	}

	it('switches phases on frames, measures what was shown, and resolves at the response screen', async () => {
		const clock = fakeClock(1000 / 60);
		const drawn: string[] = [];
		const phases = [
			{ kind: 'fixation', ms: 500 },
			{ kind: 'study', ms: 800 },
			{ kind: 'mask', ms: 400 },
			{ kind: 'test', ms: null }
		] as const;
		const p = present([...phases], (k) => drawn.push(k), clock);
		clock.run(200);
		expect(drawn).toEqual(['fixation', 'study', 'mask', 'test']);
		const at = await p.responseOnset;
		expect(at).toBe(p.onsets[3]);
		// 800 ms at 60 Hz is 48 frames: the phase is switched half a frame early, so it lasts exactly that
		expect(shownFor([...phases], p.onsets, 'study')).toBeCloseTo(800, 0);
		expect(shownFor([...phases], p.onsets, 'mask')).toBeCloseTo(400, 0);
		expect(shownFor([...phases], p.onsets, 'test')).toBeNull();
		expect(p.frameMs()).toBeCloseTo(1000 / 60, 5);
	});

	it('a 50 Hz display shows the nearest whole number of frames, and the record says so', () => {
		const clock = fakeClock(20);
		const phases = [
			{ kind: 'study' as const, ms: 810 },
			{ kind: 'test' as const, ms: null }
		];
		const p = present(phases, () => {}, clock);
		clock.run(100);
		expect(shownFor(phases, p.onsets, 'study')).toBe(800);
	});

	it('cancel stops drawing', () => {
		const clock = fakeClock(16);
		const drawn: string[] = [];
		const p = present(
			[
				{ kind: 'study', ms: 100 },
				{ kind: 'test', ms: null }
			],
			(k) => drawn.push(k),
			clock
		);
		clock.run(2);
		p.cancel();
		clock.run(50);
		expect(drawn).toEqual(['study']);
	});

	it('resume goes to the first unanswered trial; rows carry the trial and the measured timing', () => {
		const plan = makePlan('inversion', 8, orderSeed('P-1', 'inversion'));
		expect(orderSeed('P-1', 'inversion')).toBe(orderSeed('P-1', 'inversion'));
		expect(orderSeed('P-1', 'inversion')).not.toBe(orderSeed('P-2', 'inversion'));
		expect(nextIndex(plan.test, new Set([0, 1, 3]))).toBe(2);
		expect(nextIndex(plan.test, new Set(plan.test.map((t) => t.trial)))).toBe(-1);
		const t = plan.test[0];
		const wrong = t.answer === 'same' ? 'different' : 'same';
		const row = toRow(
			t,
			{ response: wrong, rtMs: 512.3, shownMs: 800, maskMs: 400.1, input: 'touch' },
			{ participant: 'P-1', experiment: 'inversion', session: 's' },
			new Date('2026-01-01T00:00:00Z')
		);
		expect(row).toMatchObject({
			correct: false,
			block: 'test',
			trial: 0,
			rtMs: 512.3,
			maskMs: 400.1,
			input: 'touch'
		});
		expect(row.stimulus).toBe(t.stimuli.map((s) => s.id).join('|'));
		expect(row.at).toBe('2026-01-01T00:00:00.000Z');
	});
});
