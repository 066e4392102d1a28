/**
 * The message protocol between an embedded Margin Lab page (an iframe) and the page that embeds it, e.g. a
 * course LMS. Pure functions, unit-tested in Node; the embed layout wires them to `window`.
 *
 * Parent → embed (everything else is ignored):
 *   { type: 'margin-lab:set', settings: { m2: 0.3, curves: ['arcface'], lang: 'zh' } }
 *   { type: 'margin-lab:play' } · { type: 'margin-lab:pause' } · { type: 'margin-lab:reset' }
 * Embed → parent:
 *   { type: 'margin-lab:ready',  frame, kind, name, settings }
 *   { type: 'margin-lab:height', frame, height }          (CSS pixels, whenever the content height changes)
 *   { type: 'margin-lab:state',  frame, settings, running, step }   (after a command, and when settings change)
 *   { subject: 'lti.frameResize', height }   (with every height report: Canvas resizes a plain iframe on it)
 *
 * Embed URL options, next to the figure's own settings: `parent=<origin>` (accept commands only from that
 * origin, and post only to it), `frame=<id>` (echoed in every report, to tell several iframes apart),
 * `controls=all|run|none`, `lang=en|zh`.
 */

export const PREFIX = 'margin-lab:';

export type Command =
	| { type: 'margin-lab:set'; settings: Record<string, string | null> }
	| { type: 'margin-lab:play' }
	| { type: 'margin-lab:pause' }
	| { type: 'margin-lab:reset' };

export type Report =
	| {
			type: 'margin-lab:ready';
			frame: string | null;
			kind: 'figure' | 'lesson';
			name: string;
			settings: string;
	  }
	| { type: 'margin-lab:height'; frame: string | null; height: number }
	| { type: 'margin-lab:state'; frame: string | null; settings: string; running: boolean; step: number };

/** Canvas's resize message (its LTI postMessage API), which it obeys from any iframe in a course page. */
export type LmsResize = { subject: 'lti.frameResize'; height: number };

export function lmsResize(height: number): LmsResize {
	return { subject: 'lti.frameResize', height };
}

export const controlModes = ['all', 'run', 'none'] as const;
export type ControlMode = (typeof controlModes)[number];

export type EmbedOptions = {
	/** the configured parent origin; null = none configured (accept any, post to '*') */
	parent: string | null;
	/** `parent=` was given but is not an origin: accept nothing (fail closed) */
	parentInvalid: boolean;
	frame: string | null;
	controls: ControlMode;
};

/** URL keys the embed itself owns; a `set` message can never change them. */
export const embedKeys = ['parent', 'frame', 'controls'] as const;

const MAX_KEYS = 40;
const MAX_VALUE = 500;
const KEY = /^[a-z][a-z0-9]{0,15}$/i;
const FRAME = /^[\w-]{1,64}$/;

/** The origin of an http(s) URL or origin string; null for anything else. */
export function toOrigin(raw: string | null | undefined): string | null {
	if (typeof raw !== 'string' || raw.length > 300) return null;
	try {
		const u = new URL(raw.trim());
		if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
		return u.origin;
	} catch {
		return null;
	}
}

export function readOptions(search: string): EmbedOptions {
	let p: URLSearchParams;
	try {
		p = new URLSearchParams(search);
	} catch {
		p = new URLSearchParams();
	}
	const rawParent = p.get('parent');
	const parent = rawParent === null || rawParent === '' ? null : toOrigin(rawParent);
	const frame = p.get('frame');
	const controls = p.get('controls');
	return {
		parent,
		parentInvalid: rawParent !== null && rawParent !== '' && parent === null,
		frame: frame !== null && FRAME.test(frame) ? frame : null,
		controls: (controlModes as readonly string[]).includes(controls ?? '') ? (controls as ControlMode) : 'all'
	};
}

/** May a command from `origin` be obeyed under these options? */
export function acceptsOrigin(options: EmbedOptions, origin: string): boolean {
	if (options.parentInvalid) return false;
	return options.parent === null || options.parent === origin;
}

/** Where reports go: the configured origin, else any (height and settings are not secret). */
export function targetOrigin(options: EmbedOptions): string | null {
	if (options.parentInvalid) return null;
	return options.parent ?? '*';
}

function settingValue(v: unknown): string | null | undefined {
	if (v === null) return null;
	if (typeof v === 'string') return v.length <= MAX_VALUE ? v : undefined;
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
	if (typeof v === 'boolean') return v ? '1' : '0';
	if (Array.isArray(v) && v.length <= 32 && v.every((x) => typeof x === 'string' && x.length <= 40)) {
		return v.join(',');
	}
	return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const proto = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
}

/**
 * Read a message event's data as a command; null for anything that is not exactly a documented command.
 * A `set` whose settings hold one unreadable value is refused whole, so a half-applied change never happens.
 */
export function parseCommand(data: unknown): Command | null {
	if (!isPlainObject(data) || typeof data.type !== 'string') return null;
	switch (data.type) {
		case 'margin-lab:play':
		case 'margin-lab:pause':
		case 'margin-lab:reset':
			return { type: data.type };
		case 'margin-lab:set': {
			const raw = data.settings;
			if (!isPlainObject(raw)) return null;
			const keys = Object.keys(raw);
			if (keys.length === 0 || keys.length > MAX_KEYS) return null;
			const settings: Record<string, string | null> = Object.create(null);
			for (const k of keys) {
				if (!KEY.test(k) || (embedKeys as readonly string[]).includes(k)) return null;
				const v = settingValue(raw[k]);
				if (v === undefined) return null;
				settings[k] = v;
			}
			return { type: 'margin-lab:set', settings: { ...settings } };
		}
		default:
			return null;
	}
}

/**
 * A queue of commands with each run of consecutive `set`s merged into one (later keys win), so a flood of
 * settings rebuilds a figure once; the other commands keep their place.
 */
export function coalesce(commands: readonly Command[]): Command[] {
	const out: Command[] = [];
	for (const cmd of commands) {
		const last = out.at(-1);
		if (cmd.type === 'margin-lab:set' && last?.type === 'margin-lab:set') {
			out[out.length - 1] = { type: 'margin-lab:set', settings: { ...last.settings, ...cmd.settings } };
		} else out.push(cmd);
	}
	return out;
}

/** Apply a `set` to a query string: listed keys replaced (null removes), every other key kept. */
export function mergeQuery(search: string, settings: Record<string, string | null>): URLSearchParams {
	let p: URLSearchParams;
	try {
		p = new URLSearchParams(search);
	} catch {
		p = new URLSearchParams();
	}
	for (const [k, v] of Object.entries(settings)) {
		if (v === null) p.delete(k);
		else p.set(k, v);
	}
	return p;
}

/** The height to report for content whose bottom edge is at `bottom` px; whole pixels, bounded. */
export function reportHeight(bottom: number): number {
	if (!Number.isFinite(bottom) || bottom < 0) return 0;
	return Math.min(100_000, Math.ceil(bottom));
}
