/**
 * The experiments' data on the student's own device (no request ever carries it anywhere): trial rows kept
 * in localStorage through `state/storage.ts`, the participant code, what is done per experiment (to resume),
 * export as a `ResultsFile` in JSON or as CSV, and "delete my data". Pure functions over a `Storage`-like
 * reader/writer, so Node tests drive them; `data.svelte.ts` wraps them for pages.
 */
import { csvFormatRows } from 'd3';
import { readStored, writeStored } from '$lib/state/storage';
import type { Block, ExperimentId, InputKind, ResultsFile, TrialRow } from './types';

export const EXPERIMENT_IDS: readonly ExperimentId[] = ['inversion', 'morph', 'caricature'];
export const RESULTS_FORMAT = 'margin-lab-experiments' as const;
export const RESULTS_VERSION = 1 as const;
/** localStorage keys (versioned: a later format gets new keys and never misreads these). */
export const ROWS_KEY = 'margin-lab:experiments:rows:v1';
export const PARTICIPANT_KEY = 'margin-lab:experiments:participant:v1';
/** A cap on stored rows (three experiments run to a few hundred trials; this guards a runaway loop). */
export const MAX_ROWS = 20000;

/** The columns of the CSV export, in order: exactly the fields of `TrialRow`. */
export const CSV_COLUMNS = [
	'participant',
	'experiment',
	'session',
	'block',
	'trial',
	'condition',
	'stimulus',
	'level',
	'response',
	'correct',
	'rtMs',
	'shownMs',
	'maskMs',
	'input',
	'at'
] as const satisfies readonly (keyof TrialRow)[];

// ---- participant code ----------------------------------------------------------------------------------

export const CODE_MAX = 24;

/**
 * A participant code as typed: trimmed, inner spaces to '-', only letters (any script), digits, '-' and
 * '_', at most 24 characters. Returns '' when nothing usable is left. No names are asked for; a code lets a
 * student find their own dot in the class plot.
 */
export function normaliseCode(typed: unknown): string {
	if (typeof typed !== 'string') return '';
	return typed
		.normalize('NFC')
		.trim()
		.replace(/\s+/g, '-')
		.replace(/[^\p{L}\p{N}_-]/gu, '')
		.slice(0, CODE_MAX);
}

/** A random code such as 'P-7K3QX9' (no 0/O/1/I), from crypto.getRandomValues when there is one. */
export function randomCode(random: () => number = cryptoRandom): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	let s = 'P-';
	for (let i = 0; i < 6; i++) s += alphabet[Math.floor(random() * alphabet.length) % alphabet.length];
	return s;
}

function cryptoRandom(): number {
	const c = globalThis.crypto;
	if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
	return Math.random();
}

/** The stored participant code, or null. */
export function storedParticipant(): string | null {
	const code = normaliseCode(readStored(PARTICIPANT_KEY));
	return code || null;
}

/** Stores a code (normalised); returns what was stored, or '' when the typed text had nothing usable. */
export function setParticipant(typed: string): string {
	const code = normaliseCode(typed);
	if (code) writeStored(PARTICIPANT_KEY, code);
	return code;
}

// ---- row validation --------------------------------------------------------------------------------------

const BLOCKS: readonly Block[] = ['practice', 'test'];
const INPUTS: readonly InputKind[] = ['key', 'touch', 'mouse'];
const MAX_TEXT = 200;

function text(v: unknown): v is string {
	return typeof v === 'string' && v.length <= MAX_TEXT;
}
function finiteOrNull(v: unknown): v is number | null {
	return v === null || (typeof v === 'number' && Number.isFinite(v));
}

/** Whether a value is a well-formed `TrialRow` (every field present, of its type, in range). */
export function isTrialRow(v: unknown): v is TrialRow {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const r = v as Record<string, unknown>;
	return (
		text(r.participant) &&
		r.participant.length > 0 &&
		EXPERIMENT_IDS.includes(r.experiment as ExperimentId) &&
		text(r.session) &&
		BLOCKS.includes(r.block as Block) &&
		Number.isInteger(r.trial) &&
		(r.trial as number) >= 0 &&
		text(r.condition) &&
		text(r.stimulus) &&
		finiteOrNull(r.level) &&
		text(r.response) &&
		(r.correct === null || typeof r.correct === 'boolean') &&
		typeof r.rtMs === 'number' &&
		Number.isFinite(r.rtMs) &&
		r.rtMs >= 0 &&
		finiteOrNull(r.shownMs) &&
		finiteOrNull(r.maskMs) &&
		INPUTS.includes(r.input as InputKind) &&
		text(r.at)
	);
}

/** A copy with exactly the `TrialRow` fields (drops anything extra a caller attached). */
export function cleanRow(r: TrialRow): TrialRow {
	const out = {} as Record<string, unknown>;
	for (const k of CSV_COLUMNS) out[k] = r[k];
	return out as unknown as TrialRow;
}

// ---- storage ---------------------------------------------------------------------------------------------

/** Every stored row that is still well-formed (a damaged or foreign value reads as no rows). */
export function loadRows(): TrialRow[] {
	const raw = readStored(ROWS_KEY);
	if (!raw) return [];
	try {
		const v: unknown = JSON.parse(raw);
		return Array.isArray(v) ? v.filter(isTrialRow) : [];
	} catch {
		return [];
	}
}

/** The key a trial is known by: a repeated row for the same trial replaces the earlier one. */
export function rowKey(
	r: Pick<TrialRow, 'participant' | 'experiment' | 'session' | 'block' | 'trial'>
): string {
	return [r.participant, r.experiment, r.session, r.block, r.trial].join('\u0001');
}

/**
 * Adds rows to storage (invalid ones are skipped) and returns the whole stored list and whether it was
 * written (false when storage is blocked or full: the page should say the data live only in this tab).
 */
export function appendRows(rows: readonly TrialRow[]): { rows: TrialRow[]; saved: boolean; skipped: number } {
	const all = loadRows();
	const index = new Map(all.map((r, i) => [rowKey(r), i]));
	let skipped = 0;
	for (const r of rows) {
		if (!isTrialRow(r)) {
			skipped++;
			continue;
		}
		const c = cleanRow(r);
		const at = index.get(rowKey(c));
		if (at === undefined) {
			index.set(rowKey(c), all.length);
			all.push(c);
		} else all[at] = c;
	}
	const kept = all.length > MAX_ROWS ? all.slice(all.length - MAX_ROWS) : all;
	const saved = writeStored(ROWS_KEY, JSON.stringify(kept));
	return { rows: kept, saved, skipped };
}

/** Deletes the rows (of one experiment, or all) and, for all, the participant code too. */
export function deleteData(experiment?: ExperimentId): boolean {
	if (!experiment) {
		const a = writeStored(ROWS_KEY, null);
		const b = writeStored(PARTICIPANT_KEY, null);
		return a && b;
	}
	const rest = loadRows().filter((r) => r.experiment !== experiment);
	return writeStored(ROWS_KEY, rest.length ? JSON.stringify(rest) : null);
}

// ---- resume ----------------------------------------------------------------------------------------------

export interface ExperimentProgress {
	experiment: ExperimentId;
	/** Distinct trial indices answered per block, over every sitting of this participant. */
	practiceDone: number[];
	testDone: number[];
	sessions: string[];
	/** The latest sitting's id, or null. */
	lastSession: string | null;
}

/**
 * What a participant has done in one experiment, over all their sittings: the runner regenerates its
 * (seeded) trial list and skips the indices listed here, so a student who stopped halfway resumes where they
 * were, in a new sitting (a new `session`), and the class view keeps both sittings.
 */
export function progressOf(
	rows: readonly TrialRow[],
	participant: string,
	experiment: ExperimentId
): ExperimentProgress {
	const mine = rows.filter((r) => r.participant === participant && r.experiment === experiment);
	const practice = new Set<number>();
	const test = new Set<number>();
	const sessions: string[] = [];
	let last: TrialRow | null = null;
	for (const r of mine) {
		(r.block === 'practice' ? practice : test).add(r.trial);
		if (!sessions.includes(r.session)) sessions.push(r.session);
		if (!last || r.at >= last.at) last = r;
	}
	return {
		experiment,
		practiceDone: [...practice].sort((a, b) => a - b),
		testDone: [...test].sort((a, b) => a - b),
		sessions,
		lastSession: last?.session ?? null
	};
}

/** A new sitting's id: its start time, ISO 8601. */
export function newSession(now: Date = new Date()): string {
	return now.toISOString();
}

// ---- export ----------------------------------------------------------------------------------------------

/** The file a student downloads: their rows (all experiments, or one), newest format. */
export function toResultsFile(
	participant: string,
	rows: readonly TrialRow[],
	now: Date = new Date(),
	experiment?: ExperimentId
): ResultsFile {
	return {
		format: RESULTS_FORMAT,
		version: RESULTS_VERSION,
		participant,
		exportedAt: now.toISOString(),
		rows: rows
			.filter(
				(r) => r.participant === participant && (!experiment || r.experiment === experiment) && isTrialRow(r)
			)
			.map(cleanRow)
	};
}

export function resultsJson(file: ResultsFile): string {
	return JSON.stringify(file, null, 1) + '\n';
}

function csvCell(v: TrialRow[keyof TrialRow]): string {
	if (v === null) return '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '';
	return v;
}

/** RFC 4180 CSV (d3's quoting), header = `CSV_COLUMNS`, CRLF line ends; one line per trial. */
export function resultsCsv(rows: readonly TrialRow[]): string {
	const body = rows.map((r) => CSV_COLUMNS.map((k) => csvCell(r[k])));
	return csvFormatRows([[...CSV_COLUMNS], ...body]).replace(/\r?\n/g, '\r\n') + '\r\n';
}

/** File names: margin-lab-<code>-<experiment|all>-<yyyymmdd-hhmm>.<ext> (code already file-safe). */
export function resultsFileName(
	participant: string,
	ext: 'json' | 'csv',
	now: Date = new Date(),
	experiment?: ExperimentId
): string {
	const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
	const code = normaliseCode(participant) || 'participant';
	return `margin-lab-${code}-${experiment ?? 'all'}-${stamp}.${ext}`;
}
