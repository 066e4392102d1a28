/**
 * What a SCORM 1.2 package reports, computed from the student's progress (pure): how it was launched, the
 * score of its check questions, the lesson status against a mastery score, and the session time.
 */
import type { Progress } from '$lib/state/progress';

/** A package's launch URL says what it covers: `?scorm=<lesson slug>` or `?scorm=course&total=<questions>`. */
export type Launch = {
	/** one lesson's slug, or null for the whole course */
	lesson: string | null;
	/** the course's number of check questions (a lesson counts its own) */
	total: number | null;
	/** the package's mastery score (0–100), used when the LMS gives none */
	mastery: number | null;
};

export type LessonStatus = 'incomplete' | 'completed' | 'passed' | 'failed';
export type Score = { raw: number; correct: number; answered: number; total: number };

const SLUG = /^[a-z0-9-]{1,80}$/;

function int(v: string | null, max: number): number | null {
	if (v === null || !/^\d{1,5}$/.test(v)) return null;
	const n = Number(v);
	return n <= max ? n : null;
}

/** The launch options in a page's query string; null when the page was not launched as a package. */
export function readLaunch(search: string): Launch | null {
	let p: URLSearchParams;
	try {
		p = new URLSearchParams(search);
	} catch {
		return null;
	}
	const scope = p.get('scorm');
	if (scope === null || (scope !== 'course' && !SLUG.test(scope))) return null;
	return {
		lesson: scope === 'course' ? null : scope,
		total: int(p.get('total'), 10_000),
		mastery: int(p.get('mastery'), 100)
	};
}

/** A SCORM 1.2 score or mastery score as the LMS gives it ("80", "72.5"); null when empty or odd. */
export function readScore(v: string): number | null {
	if (!/^\d{1,3}(\.\d+)?$/.test(v.trim())) return null;
	const n = Number(v);
	return n <= 100 ? n : null;
}

/** Right answers out of `total` over the lessons in `slugs`, as a 0–100 score (two decimals). */
export function scoreOf(progress: Progress, slugs: readonly string[], total: number): Score {
	let correct = 0;
	let answered = 0;
	for (const s of slugs) {
		for (const a of Object.values(progress[s]?.answers ?? {})) {
			answered++;
			if (a.correct) correct++;
		}
	}
	answered = Math.min(answered, total);
	correct = Math.min(correct, total);
	const raw = total > 0 ? Math.round((10_000 * correct) / total) / 100 : 100;
	return { raw, correct, answered, total };
}

/**
 * incomplete until every question is answered; then passed/failed against the mastery score, or
 * completed when there is none.
 */
export function statusOf(score: Score, mastery: number | null): LessonStatus {
	if (score.answered < score.total) return 'incomplete';
	if (mastery === null) return 'completed';
	return score.raw >= mastery ? 'passed' : 'failed';
}

/** Milliseconds as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS. */
export function sessionTime(ms: number): string {
	const cs = Math.max(0, Math.min(Math.round(ms / 10), 9999 * 360_000 + 359_999));
	const h = Math.floor(cs / 360_000);
	const m = Math.floor((cs % 360_000) / 6000);
	const s = (cs % 6000) / 100;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${String(h).padStart(4, '0')}:${two(m)}:${s.toFixed(2).padStart(5, '0')}`;
}
