/**
 * A student's progress through the lessons, kept only in this browser (localStorage).
 * Reading is defensive: anything unexpected in storage is dropped, never trusted.
 */
export const PROGRESS_KEY = 'margin-lab:progress';

export type Answer = { choice: number; correct: boolean };
export type LessonProgress = { visited: boolean; answers: Record<string, Answer> };
export type Progress = Record<string, LessonProgress>;

const ID = /^[a-z0-9-]{1,80}$/;

export function parseProgress(raw: string | null): Progress {
	if (!raw) return {};
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return {};
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
	const out: Progress = {};
	for (const [slug, v] of Object.entries(data as Record<string, unknown>)) {
		if (!ID.test(slug) || !v || typeof v !== 'object') continue;
		const lp = v as Record<string, unknown>;
		const answers: Record<string, Answer> = {};
		if (lp.answers && typeof lp.answers === 'object') {
			for (const [qid, a] of Object.entries(lp.answers as Record<string, unknown>)) {
				const ans = a as Record<string, unknown>;
				if (!ID.test(qid) || !ans || typeof ans !== 'object') continue;
				if (!Number.isInteger(ans.choice) || (ans.choice as number) < 0 || typeof ans.correct !== 'boolean')
					continue;
				answers[qid] = { choice: ans.choice as number, correct: ans.correct };
			}
		}
		out[slug] = { visited: lp.visited === true, answers };
	}
	return out;
}

export type LessonStatus = {
	visited: boolean;
	answered: number;
	correct: number;
	total: number;
	done: boolean;
};

export function lessonStatus(p: Progress, slug: string, questionIds: readonly string[]): LessonStatus {
	const lp = p[slug];
	const answers = questionIds.map((q) => lp?.answers[q]).filter((a): a is Answer => a !== undefined);
	const correct = answers.filter((a) => a.correct).length;
	return {
		visited: lp?.visited ?? false,
		answered: answers.length,
		correct,
		total: questionIds.length,
		done: questionIds.length > 0 && correct === questionIds.length
	};
}

export function withVisit(p: Progress, slug: string): Progress {
	const lp = p[slug] ?? { visited: false, answers: {} };
	return { ...p, [slug]: { ...lp, visited: true } };
}

export function withAnswer(p: Progress, slug: string, qid: string, answer: Answer): Progress {
	const lp = p[slug] ?? { visited: true, answers: {} };
	return { ...p, [slug]: { visited: true, answers: { ...lp.answers, [qid]: answer } } };
}
