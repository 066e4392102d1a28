import { afterEach, describe, expect, it } from 'vitest';
import { readStored, storageWorks, writeStored } from '$lib/state/storage';

/** A Map-backed Storage, or one whose every call throws (a sandboxed frame, a full quota). */
function fakeStorage(throws = false): Storage {
	const m = new Map<string, string>();
	const guard = <T>(f: () => T) => {
		if (throws) throw new DOMException('blocked', 'SecurityError');
		return f();
	};
	return {
		get length() {
			return m.size;
		},
		clear: () => guard(() => m.clear()),
		key: (i) => guard(() => [...m.keys()][i] ?? null),
		getItem: (k) => guard(() => m.get(k) ?? null),
		setItem: (k, v) => guard(() => void m.set(k, String(v))),
		removeItem: (k) => guard(() => void m.delete(k))
	};
}

function install(name: 'localStorage' | 'sessionStorage', value: Storage | 'throws' | undefined) {
	Object.defineProperty(globalThis, name, {
		configurable: true,
		get: () => {
			if (value === 'throws') throw new DOMException('denied', 'SecurityError');
			return value;
		}
	});
}

afterEach(() => {
	install('localStorage', undefined);
	install('sessionStorage', undefined);
});

describe('storage', () => {
	it('reads back what it wrote, per area, and removes with null', () => {
		install('localStorage', fakeStorage());
		install('sessionStorage', fakeStorage());
		expect(writeStored('k', 'local value')).toBe(true);
		expect(writeStored('k', 'tab value', 'session')).toBe(true);
		expect(readStored('k')).toBe('local value');
		expect(readStored('k', 'session')).toBe('tab value');
		expect(writeStored('k', null)).toBe(true);
		expect(readStored('k')).toBeNull();
		expect(storageWorks()).toBe(true);
		expect(readStored('margin-lab:probe')).toBeNull();
	});

	it('never throws: no storage, a storage that throws, a property that throws', () => {
		for (const value of [undefined, fakeStorage(true), 'throws'] as const) {
			install('localStorage', value);
			expect(readStored('k')).toBeNull();
			expect(writeStored('k', 'v')).toBe(false);
			expect(writeStored('k', null)).toBe(false);
			expect(storageWorks()).toBe(false);
		}
	});
});
