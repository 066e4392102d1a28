/**
 * The student's answers and place, written compactly into `cmi.suspend_data` (SCORM 1.2: at most 4,096
 * characters) so a student who comes back resumes where they were:
 *
 *   1|margins.4|margins=why-angle:2+,fallback:0-;face-space=
 *   ^ format  ^ place (lesson, index of the block in view)
 *               ^ per lesson: question id, chosen option, + right / - wrong (no answers: lesson opened)
 *
 * Slugs and question ids are [a-z0-9-], so the separators never clash. Reading is defensive: anything
 * unexpected is dropped, never trusted.
 */
import type { Answer, Progress } from '$lib/state/progress';

/** SCORM 1.2's limit for cmi.suspend_data (CMIString4096). */
export const SUSPEND_LIMIT = 4096;

export type Place = { slug: string; anchor: number };
export type Suspended = { place: Place | null; progress: Progress };

const VERSION = '1';
const ID = /^[a-z0-9-]{1,80}$/;
const ANSWER = /^([a-z0-9-]{1,80}):(\d{1,2})([+-])$/;

function lessonPart(slug: string, answers: Record<string, Answer>): string {
	const list = Object.entries(answers)
		.filter(([qid]) => ID.test(qid))
		.map(([qid, a]) => `${qid}:${a.choice}${a.correct ? '+' : '-'}`);
	return `${slug}=${list.join(',')}`;
}

/** The suspend data for `progress` (only the lessons in `slugs`, in that order) and the place. */
export function encodeSuspend(progress: Progress, slugs: readonly string[], place: Place | null): string {
	const head = place && ID.test(place.slug) ? `${place.slug}.${Math.max(0, Math.round(place.anchor))}` : '';
	const parts = slugs.filter((s) => ID.test(s) && progress[s]).map((s) => lessonPart(s, progress[s].answers));
	// Over the limit (it takes hundreds of lessons), the lessons listed last are left out.
	while (parts.length && [VERSION, head, parts.join(';')].join('|').length > SUSPEND_LIMIT) parts.pop();
	return [VERSION, head, parts.join(';')].join('|');
}

export function decodeSuspend(raw: string | null | undefined): Suspended {
	const empty: Suspended = { place: null, progress: {} };
	if (typeof raw !== 'string' || raw.length > SUSPEND_LIMIT) return empty;
	const [version, head, body, ...rest] = raw.split('|');
	if (version !== VERSION || head === undefined || body === undefined || rest.length) return empty;
	let place: Place | null = null;
	const m = /^([a-z0-9-]{1,80})\.(\d{1,4})$/.exec(head);
	if (m) place = { slug: m[1], anchor: Number(m[2]) };
	const progress: Progress = {};
	for (const part of body ? body.split(';') : []) {
		const [slug, list, ...more] = part.split('=');
		if (!ID.test(slug) || list === undefined || more.length) continue;
		const answers: Record<string, Answer> = {};
		for (const item of list ? list.split(',') : []) {
			const a = ANSWER.exec(item);
			if (a) answers[a[1]] = { choice: Number(a[2]), correct: a[3] === '+' };
		}
		progress[slug] = { visited: true, answers };
	}
	return { place, progress };
}
