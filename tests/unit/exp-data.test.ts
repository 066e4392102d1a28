import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	appendRows,
	CSV_COLUMNS,
	deleteData,
	loadRows,
	normaliseCode,
	progressOf,
	randomCode,
	resultsCsv,
	resultsFileName,
	resultsJson,
	setParticipant,
	storedParticipant,
	toResultsFile
} from '$lib/experiments/data';
import type { TrialRow } from '$lib/experiments/types';

function memoryStorage(): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		clear: () => m.clear(),
		key: (i) => [...m.keys()][i] ?? null,
		getItem: (k) => m.get(k) ?? null,
		setItem: (k, v) => void m.set(k, String(v)),
		removeItem: (k) => void m.delete(k)
	};
}

export function row(over: Partial<TrialRow> = {}): TrialRow {
	return {
		participant: 'P-TEST01',
		experiment: 'inversion',
		session: '2026-12-02T04:00:00.000Z',
		block: 'test',
		trial: 0,
		condition: 'upright',
		stimulus: 'i3/n17|i3/n42',
		level: null,
		response: 'same',
		correct: true,
		rtMs: 612.5,
		shownMs: 500.1,
		maskMs: 250,
		input: 'key',
		at: '2026-12-02T04:01:00.000Z',
		...over
	};
}

beforeEach(() => {
	Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: memoryStorage() });
});
afterEach(() => {
	Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: undefined });
});

describe('participant codes', () => {
	it('normalises typed codes and makes random ones', () => {
		expect(normaliseCode('  anna b  ')).toBe('anna-b');
		expect(normaliseCode('<script>x')).toBe('scriptx');
		expect(normaliseCode('学生 七')).toBe('学生-七');
		expect(normaliseCode(42)).toBe('');
		expect(normaliseCode('x'.repeat(100))).toHaveLength(24);
		expect(randomCode()).toMatch(/^P-[A-HJ-NP-Z2-9]{6}$/);
		expect(setParticipant('  ')).toBe('');
		expect(storedParticipant()).toBeNull();
		expect(setParticipant('group 4')).toBe('group-4');
		expect(storedParticipant()).toBe('group-4');
	});
});

describe('stored rows', () => {
	it('appends, replaces a repeated trial, skips invalid rows and deletes', () => {
		appendRows([row(), row({ trial: 1, condition: 'inverted' })]);
		const r = appendRows([
			row({ trial: 1, condition: 'inverted', response: 'different', correct: false }),
			{ bad: 1 } as never
		]);
		expect(r.saved).toBe(true);
		expect(r.skipped).toBe(1);
		expect(loadRows()).toHaveLength(2);
		expect(loadRows()[1].response).toBe('different');
		appendRows([row({ experiment: 'morph', condition: 'morph', level: 0.5, response: 'A', correct: null })]);
		expect(deleteData('morph')).toBe(true);
		expect(loadRows().map((x) => x.experiment)).toEqual(['inversion', 'inversion']);
		setParticipant('abc');
		deleteData();
		expect(loadRows()).toEqual([]);
		expect(storedParticipant()).toBeNull();
	});
	it('reads damaged storage as no rows, and works (unsaved) without storage', () => {
		localStorage.setItem('margin-lab:experiments:rows:v1', '{not json');
		expect(loadRows()).toEqual([]);
		localStorage.setItem('margin-lab:experiments:rows:v1', JSON.stringify([row(), { x: 1 }]));
		expect(loadRows()).toHaveLength(1);
		Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: undefined });
		expect(appendRows([row()]).saved).toBe(false);
	});
	it('reports what is done per experiment, over sittings, for resuming', () => {
		const s2 = '2026-12-02T05:00:00.000Z';
		const rows = [
			row({ block: 'practice', trial: 0 }),
			row({ block: 'practice', trial: 1 }),
			row({ trial: 0 }),
			row({ trial: 1 }),
			row({ trial: 2, session: s2, at: '2026-12-02T05:00:09.000Z' }),
			row({ trial: 5, participant: 'other' })
		];
		const p = progressOf(rows, 'P-TEST01', 'inversion');
		expect(p.practiceDone).toEqual([0, 1]);
		expect(p.testDone).toEqual([0, 1, 2]);
		expect(p.sessions).toHaveLength(2);
		expect(p.lastSession).toBe(s2);
		expect(progressOf(rows, 'P-TEST01', 'morph').testDone).toEqual([]);
	});
});

describe('export', () => {
	const now = new Date('2026-12-02T04:30:00Z');
	it('writes a results file with only this participant’s rows', () => {
		const f = toResultsFile(
			'P-TEST01',
			[row(), row({ participant: 'x' }), row({ experiment: 'morph' })],
			now,
			'inversion'
		);
		expect(f.format).toBe('margin-lab-experiments');
		expect(f.version).toBe(1);
		expect(f.rows).toHaveLength(1);
		expect(JSON.parse(resultsJson(f))).toEqual(f);
		expect(resultsFileName('P-TEST01', 'json', now, 'inversion')).toBe(
			'margin-lab-P-TEST01-inversion-20261202-0430.json'
		);
	});
	it('writes CSV with the fixed header and quoting', () => {
		const csv = resultsCsv([row({ stimulus: 'a,"b"', level: null, correct: null })]);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(CSV_COLUMNS.join(','));
		expect(lines[1]).toContain('"a,""b"""');
		expect(lines[1]).toContain(',,'); // null level
		expect(lines[2]).toBe('');
	});
});
