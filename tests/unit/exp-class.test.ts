import { describe, expect, it } from 'vitest';
import { readClassFiles } from '$lib/experiments/class';
import { resultsCsv, resultsJson, toResultsFile } from '$lib/experiments/data';
import { poolExperiment, summariseExperiment } from '$lib/experiments/pool';
import type { TrialRow } from '$lib/experiments/types';

const now = new Date('2026-12-02T04:30:00Z');

function base(participant: string, over: Partial<TrialRow>): TrialRow {
	return {
		participant,
		experiment: 'inversion',
		session: '2026-12-02T04:00:00.000Z',
		block: 'test',
		trial: 0,
		condition: 'upright',
		stimulus: 's',
		level: null,
		response: 'same',
		correct: true,
		rtMs: 600,
		shownMs: 500,
		maskMs: 250,
		input: 'key',
		at: '2026-12-02T04:01:00.000Z',
		...over
	};
}

/** A scripted inversion participant: always right upright, alternating right/wrong inverted. */
function inversionRows(p: string, rt = 600): TrialRow[] {
	const rows: TrialRow[] = [];
	for (let i = 0; i < 20; i++) {
		const upright = i % 2 === 0;
		const different = Math.floor(i / 2) % 2 === 0;
		const correct = upright || i % 4 === 1; // inverted: half right
		const said = correct === different ? 'different' : 'same';
		rows.push(
			base(p, {
				trial: i,
				condition: upright ? 'upright' : 'inverted',
				response: said,
				correct,
				rtMs: rt + i
			})
		);
	}
	rows.push(base(p, { block: 'practice', trial: 0, correct: false }));
	return rows;
}

function morphRows(p: string, boundary: number): TrialRow[] {
	const rows: TrialRow[] = [];
	let trial = 0;
	for (let rep = 0; rep < 4; rep++)
		for (let k = 0; k < 9; k++) {
			const level = k / 8;
			rows.push(
				base(p, {
					experiment: 'morph',
					trial: trial++,
					condition: 'morph',
					level,
					response: level < boundary ? 'A' : 'B',
					correct: null
				})
			);
		}
	return rows;
}

const file = (p: string, rows: TrialRow[]) => resultsJson(toResultsFile(p, rows, now));

describe('class files', () => {
	const a = file('ann', [...inversionRows('ann'), ...morphRows('ann', 0.45)]);
	const b = file('bo', [...inversionRows('bo', 700), ...morphRows('bo', 0.6)]);
	const cCsv = resultsCsv(inversionRows('cy', 800));
	it('sorts good, malformed, duplicate and foreign files and keeps each trial once', () => {
		const d = readClassFiles([
			{ name: 'ann.json', text: a },
			{ name: 'bo.json', text: b },
			{ name: 'cy.csv', text: cCsv },
			{ name: 'ann-again.json', text: a },
			{ name: 'broken.json', text: a.slice(0, a.length / 2) },
			{ name: 'other.json', text: JSON.stringify({ hello: 'world' }) },
			{ name: 'grades.csv', text: 'name,grade\nann,A\n' },
			{ name: 'photo.png', text: '\u0089PNG\r\n\u001a\n\u0000\u0000' },
			{ name: 'empty.json', text: '   ' },
			{ name: 'v9.json', text: JSON.stringify({ format: 'margin-lab-experiments', version: 9, rows: [] }) },
			{
				name: 'norows.json',
				text: JSON.stringify({
					format: 'margin-lab-experiments',
					version: 1,
					participant: 'x',
					rows: [{ a: 1 }]
				})
			},
			{ name: 'huge.json', text: null, size: 50e6 },
			{ name: 'unreadable', text: null }
		]);
		const s = Object.fromEntries(d.outcomes.map((o) => [o.name, `${o.status}:${o.reason}`]));
		expect(s).toEqual({
			'ann.json': 'good:ok',
			'bo.json': 'good:ok',
			'cy.csv': 'good:ok',
			'ann-again.json': 'duplicate:seen',
			'broken.json': 'malformed:bad-json',
			'other.json': 'foreign:not-ours',
			'grades.csv': 'foreign:not-ours',
			'photo.png': 'foreign:binary',
			'empty.json': 'malformed:empty',
			'v9.json': 'malformed:bad-version',
			'norows.json': 'malformed:no-rows',
			'huge.json': 'malformed:too-big',
			unreadable: 'foreign:binary'
		});
		expect(d.outcomes[0].rows).toBe(21 + 36);
		expect(d.outcomes[0].participants).toEqual(['ann']);
		expect(d.rows).toHaveLength(57 * 2 + 21);
	});
	it('keeps only new rows from a partly seen file and counts bad rows', () => {
		const first = readClassFiles([{ name: 'part.csv', text: resultsCsv(inversionRows('ann').slice(0, 5)) }]);
		const withBad = JSON.parse(a);
		withBad.rows.push({ participant: 'ann', nonsense: true });
		const next = readClassFiles([{ name: 'all.json', text: JSON.stringify(withBad) }], first);
		const o = next.outcomes[1];
		expect(o.status).toBe('good');
		expect(o.seenRows).toBe(5);
		expect(o.badRows).toBe(1);
		expect(next.rows).toHaveLength(57);
	});
	it('reads CSV back to the same rows as JSON', () => {
		const rows = morphRows('dee', 0.5);
		const viaCsv = readClassFiles([{ name: 'd.csv', text: resultsCsv(rows) }]).rows;
		expect(viaCsv).toEqual(rows);
	});
});

describe('pooling', () => {
	const rows = readClassFiles([
		{ name: 'a', text: file('ann', [...inversionRows('ann', 600), ...morphRows('ann', 0.45)]) },
		{ name: 'b', text: file('bo', [...inversionRows('bo', 700), ...morphRows('bo', 0.6)]) },
		{ name: 'c', text: file('cy', inversionRows('cy', 800)) }
	]).rows;
	it('summarises one participant exactly as scripted (practice ignored)', () => {
		const s = summariseExperiment(rows, 'inversion', 'ann');
		expect(s.trials).toBe(20);
		const [up, inv] = s.conditions;
		expect(up.condition).toBe('upright');
		expect(up.accuracy).toBe(1);
		expect(inv.accuracy).toBe(0.5);
		expect(up.dPrime).toBeGreaterThan(2);
		expect(Math.abs(inv.dPrime)).toBeLessThan(0.01);
		expect(up.medianRt).toBe(609); // upright RTs 600, 602, …, 618
	});
	it('pools per student with 95 % intervals and fits the morph boundary', () => {
		const inv = poolExperiment(rows, 'inversion');
		expect(inv.participants).toEqual(['ann', 'bo', 'cy']);
		const acc = inv.measures.find((m) => m.measure === 'accuracy' && m.condition === 'inverted')!;
		expect(acc.students.map((s) => s.value)).toEqual([0.5, 0.5, 0.5]);
		expect(acc.ci.mean).toBe(0.5);
		const rt = inv.measures.find((m) => m.measure === 'medianRt' && m.condition === 'upright')!;
		expect(rt.ci.mean).toBe(709);
		expect(rt.ci.low).toBeLessThan(709);
		expect(rt.ci.high).toBeGreaterThan(709);
		const morph = poolExperiment(rows, 'morph');
		expect(morph.participants).toEqual(['ann', 'bo']);
		const bnd = morph.measures.find((m) => m.measure === 'boundary')!;
		// ann switches between 0.375 and 0.5, bo between 0.5 and 0.625
		expect(bnd.students[0].value).toBeCloseTo(0.4375, 2);
		expect(bnd.students[1].value).toBeCloseTo(0.5625, 2);
		expect(morph.morphLevels).toHaveLength(9);
		expect(morph.morphLevels[4].ci.mean).toBe(0.5);
		expect(morph.pooledFit!.x0).toBeCloseTo(0.5, 1);
		expect(poolExperiment(rows, 'caricature').participants).toEqual([]);
	});
});
