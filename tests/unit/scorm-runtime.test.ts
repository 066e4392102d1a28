import { describe, expect, it } from 'vitest';
import { findApi, MAX_DEPTH, searchUp, type Scorm12Api, type WindowLike } from '../../src/lib/scorm/api';
import { readLaunch, readScore, scoreOf, sessionTime, statusOf } from '../../src/lib/scorm/report';
import { ScormSession } from '../../src/lib/scorm/session';
import { decodeSuspend, encodeSuspend, SUSPEND_LIMIT } from '../../src/lib/scorm/suspend';
import { lessonSlugs, lessonBySlug } from '../../src/lib/server/lessons';
import type { Progress } from '../../src/lib/state/progress';

/** A fake LMS: keeps what it is given, logs every call. */
function fakeApi(initial: Record<string, string> = {}) {
	const data: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', ...initial };
	const calls: string[] = [];
	const api: Scorm12Api = {
		LMSInitialize: () => (calls.push('init'), 'true'),
		LMSFinish: () => (calls.push('finish'), 'true'),
		LMSGetValue: (k) => data[k] ?? '',
		LMSSetValue: (k, v) => (calls.push(`set ${k}`), (data[k] = v), 'true'),
		LMSCommit: () => (calls.push('commit'), 'true'),
		LMSGetLastError: () => '0',
		LMSGetErrorString: () => '',
		LMSGetDiagnostic: () => ''
	};
	return { api, data, calls };
}

/** A window `depth` frames below one that holds `api`. */
function nested(depth: number, api: unknown): WindowLike {
	const top: WindowLike = { API: api };
	top.parent = top;
	let w = top;
	for (let i = 0; i < depth; i++) w = { parent: w, top };
	return w;
}

describe('finding the LMS API', () => {
	it('walks up nested frames, and no further than the bound', () => {
		const { api } = fakeApi();
		expect(findApi(nested(0, api))).toBe(api);
		expect(findApi(nested(3, api))).toBe(api);
		expect(searchUp(nested(MAX_DEPTH, api))).toBe(api);
		expect(searchUp(nested(MAX_DEPTH + 1, api))).toBeNull();
	});

	it('looks in the opener (a pop-up player) and its parents', () => {
		const { api } = fakeApi();
		const popup: WindowLike = { opener: nested(2, api) };
		popup.parent = popup;
		popup.top = popup;
		expect(findApi(popup)).toBe(api);
	});

	it('skips frames that throw (another origin) and objects that are not an API', () => {
		const { api } = fakeApi();
		const foreign = {
			get API(): unknown {
				throw new Error('SecurityError');
			},
			parent: nested(0, api)
		};
		expect(findApi({ parent: foreign })).toBe(api);
		expect(findApi(nested(2, { LMSInitialize: 'no' }))).toBeNull();
		expect(findApi(nested(2, undefined))).toBeNull();
	});

	it('starts no session without the launch flag or without an API: nothing is called', () => {
		const { api, calls } = fakeApi();
		expect(ScormSession.start(nested(1, api), '?lang=zh')).toBeNull();
		expect(ScormSession.start(nested(1, undefined), '?scorm=margins')).toBeNull();
		expect(calls).toEqual([]);
	});
});

describe('suspend data', () => {
	const progress: Progress = {
		margins: {
			visited: true,
			answers: { 'why-angle': { choice: 2, correct: true }, fallback: { choice: 0, correct: false } }
		},
		'face-space': { visited: true, answers: {} }
	};

	it('round-trips answers, opened lessons and the place', () => {
		const raw = encodeSuspend(progress, ['margins', 'face-space'], { slug: 'margins', anchor: 4 });
		expect(raw).toBe('1|margins.4|margins=why-angle:2+,fallback:0-;face-space=');
		expect(decodeSuspend(raw)).toEqual({ place: { slug: 'margins', anchor: 4 }, progress });
	});

	it('drops what it cannot read', () => {
		for (const bad of ['', 'x', '2|a.1|a=', '1|a.1', '1|a.1|a=b:c+|z', 'x'.repeat(5000)]) {
			expect(decodeSuspend(bad).progress).toEqual({});
		}
		expect(decodeSuspend('1|BAD.1|ok=q:1+,Q!:2-,r:x+;__proto__=;=').progress).toEqual({
			ok: { visited: true, answers: { q: { choice: 1, correct: true } } }
		});
	});

	it('stays under 4,096 characters with every question of the course answered', () => {
		const all: Progress = {};
		for (const slug of lessonSlugs()) {
			const qs = lessonBySlug(slug)!.en.questions;
			all[slug] = {
				visited: true,
				answers: Object.fromEntries(qs.map((q) => [q.id, { choice: q.options.length - 1, correct: false }]))
			};
		}
		const raw = encodeSuspend(all, lessonSlugs(), { slug: lessonSlugs().at(-1)!, anchor: 99 });
		// measured: the whole course takes a few hundred characters
		expect(raw.length).toBeLessThan(SUSPEND_LIMIT / 2);
		expect(decodeSuspend(raw).progress).toEqual(all);
	});

	it('leaves lessons out rather than pass the limit', () => {
		const many: Progress = {};
		const slugs = Array.from({ length: 400 }, (_, i) => `lesson-${i}`);
		for (const s of slugs)
			many[s] = { visited: true, answers: { 'question-one': { choice: 1, correct: true } } };
		const raw = encodeSuspend(many, slugs, null);
		expect(raw.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
		expect(Object.keys(decodeSuspend(raw).progress).length).toBeGreaterThan(100);
	});
});

describe('what is reported', () => {
	it('reads the launch flag', () => {
		expect(readLaunch('?scorm=margins')).toEqual({ lesson: 'margins', total: null, mastery: null });
		expect(readLaunch('?scorm=course&total=30&mastery=80')).toEqual({ lesson: null, total: 30, mastery: 80 });
		expect(readLaunch('?scorm=../x')).toBeNull();
		expect(readLaunch('?scorm=course&mastery=900')?.mastery).toBeNull();
		expect(readLaunch('')).toBeNull();
		expect(readScore('72.5')).toBe(72.5);
		expect(readScore('')).toBeNull();
		expect(readScore('101')).toBeNull();
	});

	it('scores right answers and decides the status against the mastery score', () => {
		const p: Progress = {
			a: { visited: true, answers: { q1: { choice: 0, correct: true }, q2: { choice: 1, correct: false } } }
		};
		const half = scoreOf(p, ['a'], 2);
		expect(half).toEqual({ raw: 50, correct: 1, answered: 2, total: 2 });
		expect(statusOf(half, 50)).toBe('passed');
		expect(statusOf(half, 80)).toBe('failed');
		expect(statusOf(half, null)).toBe('completed');
		expect(statusOf(scoreOf(p, ['a'], 3), 10)).toBe('incomplete');
		expect(scoreOf(p, ['a'], 3).raw).toBe(33.33);
	});

	it('writes session time as HHHH:MM:SS.SS', () => {
		expect(sessionTime(0)).toBe('0000:00:00.00');
		expect(sessionTime(3_723_450)).toBe('0001:02:03.45');
		expect(sessionTime(-5)).toBe('0000:00:00.00');
	});
});

describe('a session', () => {
	it('initialises, resumes, reports answers and finishes with time and exit', () => {
		const lms = fakeApi({
			'cmi.core.entry': 'resume',
			'cmi.suspend_data': '1|margins.3|margins=q1:1+',
			'cmi.student_data.mastery_score': '60'
		});
		let t = 1000;
		const s = ScormSession.start(nested(2, lms.api), '?scorm=margins', () => t)!;
		expect(lms.data['cmi.core.lesson_status']).toBe('incomplete');
		expect(s.mastery).toBe(60);
		const local: Progress = { margins: { visited: true, answers: { q9: { choice: 0, correct: true } } } };
		const resumed = s.resume(local)!;
		// the LMS's record replaces this browser's for the package's lesson
		expect(resumed.margins.answers).toEqual({ q1: { choice: 1, correct: true } });
		expect(s.resume(local)).toBeNull();
		expect(s.resumed.place).toEqual({ slug: 'margins', anchor: 3 });

		s.update(resumed, { slug: 'margins', anchor: 3 }, 2);
		expect(lms.data['cmi.core.score.raw']).toBe('50');
		expect(lms.data['cmi.core.lesson_status']).toBe('incomplete');
		const two: Progress = {
			margins: { visited: true, answers: { ...resumed.margins.answers, q2: { choice: 0, correct: true } } }
		};
		s.update(two, { slug: 'margins', anchor: 5 }, 2);
		expect(lms.data['cmi.core.lesson_status']).toBe('passed');
		expect(lms.data['cmi.core.score.raw']).toBe('100');
		expect(lms.data['cmi.core.score.max']).toBe('100');
		expect(lms.data['cmi.suspend_data']).toBe('1|margins.5|margins=q1:1+,q2:0+');

		t += 65_000;
		s.finish();
		s.finish();
		expect(lms.data['cmi.core.session_time']).toBe('0000:01:05.00');
		expect(lms.data['cmi.core.exit']).toBe('');
		expect(lms.calls.filter((c) => c === 'finish')).toHaveLength(1);
		expect(lms.calls.at(-2)).toBe('commit');
	});

	it('a new place alone is set but not committed; the course counts every lesson against its total', () => {
		const lms = fakeApi();
		const s = ScormSession.start(nested(0, lms.api), '?scorm=course&total=4')!;
		const p: Progress = {
			a: { visited: true, answers: { q1: { choice: 0, correct: true } } },
			b: { visited: true, answers: { q1: { choice: 2, correct: false } } }
		};
		s.update(p, { slug: 'a', anchor: 0 }, 2);
		expect(lms.data['cmi.core.score.raw']).toBe('25');
		const commits = lms.calls.filter((c) => c === 'commit').length;
		s.update(p, { slug: 'b', anchor: 2 }, 2);
		expect(lms.calls.filter((c) => c === 'commit').length).toBe(commits);
		expect(lms.data['cmi.suspend_data']).toBe('1|b.2|a=q1:0+;b=q1:2-');
		expect(lms.data['cmi.core.lesson_location']).toBe('b');
		s.finish();
		expect(lms.data['cmi.core.exit']).toBe('suspend');
	});
});
