/**
 * Finding the LMS's SCORM 1.2 API object (`window.API`), as the SCORM 1.2 run-time environment describes:
 * look in this window and its parents, then in the window that opened it and that window's parents. A
 * frame of another origin throws on access; it is skipped as if it had no API. Pure: takes the window.
 */

/** The SCORM 1.2 calls an SCO makes; every value is a string, "true"/"false" for success. */
export interface Scorm12Api {
	LMSInitialize(arg: ''): string;
	LMSFinish(arg: ''): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(arg: ''): string;
	LMSGetLastError(): string;
	LMSGetErrorString(code: string): string;
	LMSGetDiagnostic(code: string): string;
}

/** What the search reads of a window (a real `Window` fits; tests pass plain objects). */
export type WindowLike = {
	API?: unknown;
	parent?: WindowLike | null;
	opener?: WindowLike | null;
	top?: WindowLike | null;
};

/** How many parents to climb before giving up (the ADL reference code uses 7; nested LMS players need more). */
export const MAX_DEPTH = 10;

function read<K extends keyof WindowLike>(win: WindowLike, key: K): WindowLike[K] | undefined {
	try {
		return win[key];
	} catch {
		return undefined;
	}
}

function isApi(v: unknown): v is Scorm12Api {
	if (typeof v !== 'object' || v === null) return false;
	const api = v as Record<string, unknown>;
	return ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'].every(
		(k) => typeof api[k] === 'function'
	);
}

/** The API in `win` or one of its parents (at most MAX_DEPTH up), or null. */
export function searchUp(win: WindowLike): Scorm12Api | null {
	let w: WindowLike | null | undefined = win;
	for (let depth = 0; w && depth <= MAX_DEPTH; depth++) {
		const api = read(w, 'API');
		if (isApi(api)) return api;
		const parent: WindowLike | null | undefined = read(w, 'parent');
		if (!parent || parent === w) return null;
		w = parent;
	}
	return null;
}

/** The LMS's API for the SCO running in `win`: its frames first, then its opener's (a pop-up player). */
export function findApi(win: WindowLike): Scorm12Api | null {
	const own = searchUp(win);
	if (own) return own;
	const top = read(win, 'top') ?? win;
	const opener = read(top, 'opener') ?? read(win, 'opener');
	return opener ? searchUp(opener) : null;
}
