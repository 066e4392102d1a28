/**
 * Reading the results files a class drops on `/teach/` (pure, never throws). Each file gets one outcome:
 * good (its rows are used), malformed (it says it is ours but cannot be read), duplicate (every row came
 * already from an earlier file) or foreign (not a Margin Lab results file at all). Rows seen in an earlier
 * file are skipped row by row, so a student who exports after each sitting can hand in every file, and the
 * JSON and CSV of the same sitting count once. `pool.ts` turns the kept rows into class statistics.
 */
import { csvParseRows } from 'd3';
import {
	CSV_COLUMNS,
	isTrialRow,
	normaliseCode,
	RESULTS_FORMAT,
	RESULTS_VERSION,
	rowKey,
	cleanRow
} from './data';
import type { TrialRow } from './types';

/** Files larger than this are not read (a whole course's results stay far below it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type FileStatus = 'good' | 'malformed' | 'duplicate' | 'foreign';

/** Why a file got its status: a code the page words in either language. */
export type FileReason =
	| 'ok'
	| 'too-big'
	| 'empty'
	| 'binary' // not text (an image, a spreadsheet)
	| 'not-ours' // JSON or CSV, but not this format
	| 'bad-json' // names our format but does not parse
	| 'bad-version' // our format, a version this page does not know
	| 'no-rows' // our format, but no well-formed trial row
	| 'seen'; // every row was already loaded from an earlier file

export interface FileOutcome {
	name: string;
	status: FileStatus;
	reason: FileReason;
	participants: string[];
	/** Rows this file added to the class. */
	rows: number;
	/** Rows skipped as not well-formed. */
	badRows: number;
	/** Rows skipped because an earlier file had them. */
	seenRows: number;
}

export interface DroppedFile {
	name: string;
	/** The file's text, or null when it was too big or could not be read as text. */
	text: string | null;
	size?: number;
}

type Parsed =
	| { ok: true; rows: TrialRow[]; badRows: number }
	| { ok: false; status: 'malformed' | 'foreign'; reason: FileReason };

function looksBinary(text: string): boolean {
	// NUL or many replacement characters: the browser decoded a binary file as UTF-8.
	const sample = text.slice(0, 4096);
	if (sample.includes('\u0000')) return true;
	const bad = sample.split('\uFFFD').length - 1;
	return bad > 8 && bad > sample.length / 50;
}

function parseJson(text: string): Parsed {
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		return text.includes(RESULTS_FORMAT)
			? { ok: false, status: 'malformed', reason: 'bad-json' }
			: { ok: false, status: 'foreign', reason: 'not-ours' };
	}
	if (typeof v !== 'object' || v === null || Array.isArray(v)) {
		return { ok: false, status: 'foreign', reason: 'not-ours' };
	}
	const o = v as Record<string, unknown>;
	if (o.format !== RESULTS_FORMAT) return { ok: false, status: 'foreign', reason: 'not-ours' };
	if (o.version !== RESULTS_VERSION) return { ok: false, status: 'malformed', reason: 'bad-version' };
	if (!Array.isArray(o.rows)) return { ok: false, status: 'malformed', reason: 'no-rows' };
	const rows = o.rows.filter(isTrialRow).map(cleanRow);
	if (rows.length === 0) return { ok: false, status: 'malformed', reason: 'no-rows' };
	return { ok: true, rows, badRows: o.rows.length - rows.length };
}

function csvValue(key: (typeof CSV_COLUMNS)[number], s: string): unknown {
	switch (key) {
		case 'trial':
		case 'rtMs':
			return s === '' ? NaN : Number(s);
		case 'level':
		case 'shownMs':
		case 'maskMs':
			return s === '' ? null : Number(s);
		case 'correct':
			return s === 'true' ? true : s === 'false' ? false : s === '' ? null : s;
		default:
			return s;
	}
}

function parseCsv(text: string): Parsed {
	const lines = csvParseRows(text.replace(/^\uFEFF/, ''));
	const header = lines[0]?.map((h) => h.trim());
	const ours = header && header.length === CSV_COLUMNS.length && CSV_COLUMNS.every((c, i) => header[i] === c);
	if (!ours) return { ok: false, status: 'foreign', reason: 'not-ours' };
	const body = lines.slice(1).filter((l) => !(l.length === 1 && l[0] === ''));
	const rows: TrialRow[] = [];
	for (const line of body) {
		const o: Record<string, unknown> = {};
		CSV_COLUMNS.forEach((c, i) => (o[c] = csvValue(c, line[i] ?? '')));
		if (line.length === CSV_COLUMNS.length && isTrialRow(o)) rows.push(cleanRow(o));
	}
	if (rows.length === 0) return { ok: false, status: 'malformed', reason: 'no-rows' };
	return { ok: true, rows, badRows: body.length - rows.length };
}

/** Reads one file's text: JSON `ResultsFile` or our CSV. */
export function parseResultsText(text: string): Parsed {
	if (looksBinary(text)) return { ok: false, status: 'foreign', reason: 'binary' };
	const t = text.trim();
	if (t === '') return { ok: false, status: 'malformed', reason: 'empty' };
	if (t.startsWith('{') || t.startsWith('[')) return parseJson(t);
	return parseCsv(t);
}

export interface ClassData {
	outcomes: FileOutcome[];
	/** Every kept row, each trial once. */
	rows: TrialRow[];
}

/**
 * Reads any number of files, in order, and keeps each trial once. Adding files to an existing class:
 * pass the earlier `ClassData` as `previous`.
 */
export function readClassFiles(files: readonly DroppedFile[], previous?: ClassData): ClassData {
	const outcomes = previous ? [...previous.outcomes] : [];
	const rows = previous ? [...previous.rows] : [];
	const seen = new Set(rows.map(rowKey));
	for (const f of files) {
		const name = typeof f.name === 'string' && f.name ? f.name.slice(0, 200) : '?';
		const base = { name, participants: [] as string[], rows: 0, badRows: 0, seenRows: 0 };
		if ((f.size ?? 0) > MAX_FILE_BYTES || (f.text !== null && f.text.length > MAX_FILE_BYTES)) {
			outcomes.push({ ...base, status: 'malformed', reason: 'too-big' });
			continue;
		}
		if (f.text === null) {
			outcomes.push({ ...base, status: 'foreign', reason: 'binary' });
			continue;
		}
		const p = parseResultsText(f.text);
		if (!p.ok) {
			outcomes.push({ ...base, status: p.status, reason: p.reason });
			continue;
		}
		const fresh: TrialRow[] = [];
		for (const r of p.rows) {
			const k = rowKey(r);
			if (seen.has(k)) continue;
			seen.add(k);
			fresh.push(r);
		}
		const participants = [...new Set(p.rows.map((r) => r.participant))];
		const seenRows = p.rows.length - fresh.length;
		rows.push(...fresh);
		outcomes.push({
			...base,
			participants,
			status: fresh.length ? 'good' : 'duplicate',
			reason: fresh.length ? 'ok' : 'seen',
			rows: fresh.length,
			badRows: p.badRows,
			seenRows
		});
	}
	return { outcomes, rows };
}

/** A participant code as shown in the class view: normalised, or '?' when unusable. */
export function displayCode(code: string): string {
	return normaliseCode(code) || '?';
}
