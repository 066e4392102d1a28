import { describe, expect, it } from 'vitest';
import { readClassFiles } from '$lib/experiments/class';
import { classTable, networkSide, poolExperiment } from '$lib/experiments/pool';
import { Rng } from '$lib/faces/rng';

describe('the networks beside the class', () => {
	it('turns a network’s answers into the same measures as a student’s, without RT', () => {
		const answers = Array.from({ length: 40 }, (_, i) => {
			const upright = i % 2 === 0;
			const different = i % 4 < 2;
			const correct = upright || i % 8 < 4; // inverted: half right
			return {
				trial: i,
				condition: upright ? 'upright' : 'inverted',
				level: null,
				response: correct === different ? 'different' : 'same',
				correct
			};
		});
		const side = networkSide('ArcFace', 'inversion', answers);
		const get = (m: string, c: string) =>
			side.values.find((v) => v.measure === m && v.condition === c)?.value;
		expect(get('accuracy', 'upright')).toBe(1);
		expect(get('accuracy', 'inverted')).toBe(0.5);
		expect(get('dPrime', 'upright')).toBeGreaterThan(3);
		expect(side.values.some((v) => v.measure === 'medianRt')).toBe(false);
	});
	it('averages a network’s P(A) per morph level and fits its boundary', () => {
		const answers = Array.from({ length: 18 }, (_, i) => {
			const level = (i % 9) / 8;
			const value = 1 / (1 + Math.exp((level - 0.4) / 0.05));
			return {
				trial: i,
				condition: 'morph',
				level,
				response: value >= 0.5 ? 'A' : 'B',
				correct: null,
				value
			};
		});
		const side = networkSide('softmax', 'morph', answers);
		expect(side.morphCurve).toHaveLength(9);
		expect(side.morphCurve![0].pA).toBeGreaterThan(0.99);
		const boundary = side.values.find((v) => v.measure === 'boundary')!.value;
		expect(boundary).toBeGreaterThan(0.375);
		expect(boundary).toBeLessThan(0.5);
	});
});

describe('hostile files', () => {
	it('never throws and keeps nothing from junk', () => {
		const rng = new Rng(5);
		const junk = [
			'{"format":"margin-lab-experiments","version":1,"participant":"x","rows":[{"__proto__":{"a":1}}]}',
			'{"format":"margin-lab-experiments","version":1,"participant":"x","rows":"nope"}',
			'{"format":"margin-lab-experiments","version":1,"participant":"x","rows":[{"participant":"x","experiment":"inversion","session":"s","block":"test","trial":1e400,"condition":"u","stimulus":"s","level":null,"response":"same","correct":true,"rtMs":1,"shownMs":null,"maskMs":null,"input":"key","at":"t"}]}',
			'null',
			'[]',
			'"string"',
			'participant,experiment\n' + 'x,'.repeat(1000),
			Array.from({ length: 2000 }, () => String.fromCharCode(Math.floor(rng.next() * 65535))).join('')
		];
		const d = readClassFiles(junk.map((text, i) => ({ name: `j${i}`, text })));
		expect(d.rows).toEqual([]);
		expect(d.outcomes.every((o) => o.status !== 'good')).toBe(true);
		expect(({} as Record<string, unknown>).a).toBeUndefined();
	});
	it('writes a class table with each student and the class mean', () => {
		const t = classTable([poolExperiment([], 'inversion')]);
		expect(t.header[0]).toBe('participant');
		expect(t.rows).toEqual([]);
	});
});

describe('fractional responses', () => {
	it('fits a network’s P(A) curve exactly as the logistic it came from', async () => {
		const { fitLogistic } = await import('$lib/experiments/stats');
		const xs = Array.from({ length: 9 }, (_, i) => i / 8);
		const ys = xs.map((x) => 1 / (1 + Math.exp((x - 0.4) / 0.1)));
		const f = fitLogistic(xs, ys, { priorSd: 1e6, interceptSd: 1e6 });
		expect(f.x0).toBeCloseTo(0.4, 4);
		expect(f.slope).toBeCloseTo(-10, 2);
		const side = networkSide(
			'ArcFace',
			'morph',
			xs.map((level, i) => ({
				trial: i,
				condition: 'morph',
				level,
				response: ys[i] >= 0.5 ? 'A' : 'B',
				correct: null,
				value: ys[i]
			}))
		);
		expect(side.values.find((v) => v.measure === 'boundary')!.value).toBeCloseTo(0.4, 2);
		expect(Math.abs(side.values.find((v) => v.measure === 'steepness')!.value / 2.5 - 1)).toBeLessThan(0.05);
	});
});
