/**
 * The one way the site reads and writes the browser's storage. Storage can be missing (server render), blocked
 * (privacy mode, a sandboxed iframe, a full quota) or throw on access: every call here then does nothing and
 * reads as null, so a page never breaks because it cannot remember something.
 */

export type StorageArea = 'local' | 'session';

function area(which: StorageArea): Storage | null {
	try {
		return which === 'local' ? (globalThis.localStorage ?? null) : (globalThis.sessionStorage ?? null);
	} catch {
		return null; // a sandboxed iframe throws on the property itself
	}
}

/** The stored string, or null when absent or unreadable. */
export function readStored(key: string, which: StorageArea = 'local'): string | null {
	try {
		return area(which)?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

/** Store a string (null removes the key). Returns whether it was written. */
export function writeStored(key: string, value: string | null, which: StorageArea = 'local'): boolean {
	try {
		const s = area(which);
		if (!s) return false;
		if (value === null) s.removeItem(key);
		else s.setItem(key, value);
		return true;
	} catch {
		return false;
	}
}

/** Whether this area can be written at all (false in a sandboxed frame, some private modes, a full quota). */
export function storageWorks(which: StorageArea = 'local'): boolean {
	const probe = 'margin-lab:probe';
	return writeStored(probe, '1', which) && writeStored(probe, null, which);
}
