/**
 * One SCORM 1.2 session of a package (pure TS; the window and clock are passed in): LMSInitialize, what the
 * student did reported as status, score and suspend data, then session time and LMSFinish.
 */
import type { Progress } from '$lib/state/progress';
import { findApi, type Scorm12Api, type WindowLike } from './api';
import {
	readLaunch,
	readScore,
	scoreOf,
	sessionTime,
	statusOf,
	type Launch,
	type LessonStatus
} from './report';
import { decodeSuspend, encodeSuspend, type Place, type Suspended } from './suspend';

export class ScormSession {
	readonly launch: Launch;
	/** what the LMS kept from the last session (empty on a first visit) */
	readonly resumed: Suspended;
	readonly mastery: number | null;
	private readonly api: Scorm12Api;
	private readonly now: () => number;
	private readonly started: number;
	private sent: Record<string, string> = {};
	private status: LessonStatus = 'incomplete';
	private finished = false;
	private resumeTaken = false;

	private constructor(api: Scorm12Api, launch: Launch, now: () => number) {
		this.api = api;
		this.launch = launch;
		this.now = now;
		this.started = now();
		const entry = api.LMSGetValue('cmi.core.entry');
		this.resumed = decodeSuspend(entry === 'ab-initio' ? '' : api.LMSGetValue('cmi.suspend_data'));
		this.mastery = readScore(api.LMSGetValue('cmi.student_data.mastery_score')) ?? launch.mastery;
		const status = api.LMSGetValue('cmi.core.lesson_status');
		if (status === '' || status === 'not attempted') this.set('cmi.core.lesson_status', 'incomplete');
		if (this.launch.lesson) this.set('cmi.core.lesson_location', this.launch.lesson);
		this.api.LMSCommit('');
	}

	/**
	 * A session when the page was launched as a package (`search` holds `scorm=`) and the LMS's API is found
	 * and initialises; null otherwise, and then nothing is ever called.
	 */
	static start(win: WindowLike, search: string, now: () => number = Date.now): ScormSession | null {
		const launch = readLaunch(search);
		if (!launch) return null;
		const api = findApi(win);
		if (!api || String(api.LMSInitialize('')) !== 'true') return null;
		return new ScormSession(api, launch, now);
	}

	/** The lessons this package counts: its lesson, or (the course) every lesson the student has opened. */
	slugs(progress: Progress): string[] {
		return this.launch.lesson ? [this.launch.lesson] : Object.keys(progress);
	}

	/**
	 * Progress with this package's lessons as the LMS kept them (the LMS, not this browser, is the record);
	 * null after the first call: a session resumes once.
	 */
	resume(progress: Progress): Progress | null {
		if (this.resumeTaken) return null;
		this.resumeTaken = true;
		if (!this.launch.lesson) return { ...this.resumed.progress };
		const slug = this.launch.lesson;
		return { ...progress, [slug]: this.resumed.progress[slug] ?? { visited: true, answers: {} } };
	}

	/**
	 * Report `progress` and the place: status and score when answers changed, suspend data always (committed
	 * with the answers; a new place alone waits for the next commit). `total` counts one lesson's questions.
	 */
	update(progress: Progress, place: Place | null, total: number): void {
		if (this.finished) return;
		const slugs = this.slugs(progress);
		const score = scoreOf(progress, slugs, this.launch.lesson ? total : (this.launch.total ?? total));
		const answersChanged = this.set('cmi.suspend_data', encodeSuspend(progress, slugs, null), false);
		this.set('cmi.suspend_data', encodeSuspend(progress, slugs, place));
		if (place && !this.launch.lesson) this.set('cmi.core.lesson_location', place.slug);
		if (!answersChanged) return;
		if (score.answered > 0) {
			this.set('cmi.core.score.min', '0');
			this.set('cmi.core.score.max', '100');
			this.set('cmi.core.score.raw', String(score.raw));
		}
		this.status = statusOf(score, this.mastery);
		this.set('cmi.core.lesson_status', this.status);
		this.api.LMSCommit('');
	}

	/** Send what is not yet committed, with the time so far (the page is being hidden). */
	commit(): void {
		if (this.finished) return;
		this.set('cmi.core.session_time', sessionTime(this.now() - this.started));
		this.api.LMSCommit('');
	}

	/** End the session: time, exit mode (suspend unless done), commit, LMSFinish. Safe to call twice. */
	finish(): void {
		if (this.finished) return;
		const done = this.status === 'passed' || this.status === 'completed';
		this.set('cmi.core.exit', done ? '' : 'suspend');
		this.commit();
		this.finished = true;
		this.api.LMSFinish('');
	}

	/** Set a value unless it is the one last sent; true when it changed. `send: false` only compares. */
	private set(element: string, value: string, send = true): boolean {
		const key = send ? element : `?${element}`;
		if (this.sent[key] === value) return false;
		this.sent[key] = value;
		if (send) this.api.LMSSetValue(element, value);
		return true;
	}
}
