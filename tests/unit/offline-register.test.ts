import { describe, expect, it } from 'vitest';
import { registerWhenSettled, SETTLE_MS } from '$lib/offline/register';
import { whenSettled } from '$lib/ui/settled';

/** A stand-in browser: a timeline of what happened, with load, timers and idle callbacks run by hand. */
function fakeBrowser(opts: { loaded?: boolean; sw?: boolean; refuse?: boolean } = {}) {
	const log: string[] = [];
	let onload: (() => void) | null = null;
	const timers: [() => void, number][] = [];
	const idles: (() => void)[] = [];
	const env = {
		sw:
			opts.sw === false
				? undefined
				: {
						register: (url: string | URL) => {
							log.push(`register ${url}`);
							return opts.refuse ? Promise.reject(new Error('refused')) : Promise.resolve({} as never);
						}
					},
		loaded: () => opts.loaded ?? false,
		onload: (f: () => void) => void (onload = f),
		later: (f: () => void, ms: number) => void timers.push([f, ms]),
		idle: (f: () => void) => void idles.push(f)
	};
	return {
		env,
		log,
		load: () => onload?.(),
		runTimers: () => timers.splice(0).forEach(([f, ms]) => (log.push(`after ${ms} ms`), f())),
		runIdle: () => idles.splice(0).forEach((f) => f())
	};
}

describe('registerWhenSettled', () => {
	it('waits for load, then a settling delay, then an idle moment', () => {
		const b = fakeBrowser();
		registerWhenSettled('/course/service-worker.js', b.env);
		b.runTimers();
		b.runIdle();
		expect(b.log).toEqual([]);
		b.load();
		expect(b.log).toEqual([]);
		b.runTimers();
		expect(b.log).toEqual([`after ${SETTLE_MS} ms`]);
		b.runIdle();
		expect(b.log).toEqual([`after ${SETTLE_MS} ms`, 'register /course/service-worker.js']);
	});

	it('starts the delay at once on a page that has loaded already (a client-side start)', () => {
		const b = fakeBrowser({ loaded: true });
		registerWhenSettled('/service-worker.js', b.env);
		b.runTimers();
		b.runIdle();
		expect(b.log).toEqual([`after ${SETTLE_MS} ms`, 'register /service-worker.js']);
	});

	it('does nothing without service workers, and swallows a refused registration', async () => {
		const none = fakeBrowser({ sw: false, loaded: true });
		registerWhenSettled('/service-worker.js', none.env);
		none.runTimers();
		none.runIdle();
		expect(none.log).toEqual([]);
		const refused = fakeBrowser({ refuse: true, loaded: true });
		registerWhenSettled('/service-worker.js', refused.env);
		refused.runTimers();
		refused.runIdle();
		await new Promise((r) => setTimeout(r, 0));
		expect(refused.log).toContain('register /service-worker.js');
	});
});

describe('whenSettled', () => {
	it('without a delay, runs at the first idle moment after load', () => {
		const b = fakeBrowser();
		whenSettled(() => b.log.push('job'), 0, 1000, b.env);
		b.runIdle();
		expect(b.log).toEqual([]);
		b.load();
		b.runTimers();
		expect(b.log).toEqual([]);
		b.runIdle();
		expect(b.log).toEqual(['job']);
	});

	it('a cancelled job never runs', () => {
		const b = fakeBrowser({ loaded: true });
		const cancel = whenSettled(() => b.log.push('job'), 500, 1000, b.env);
		b.runTimers();
		cancel();
		b.runIdle();
		expect(b.log).toEqual(['after 500 ms']);
	});
});
