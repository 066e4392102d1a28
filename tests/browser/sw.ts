/** Helpers for the tests of the service worker (offline.test.ts, deploy.test.ts). */
import type { Page } from 'playwright-core';

/**
 * The cache of the service worker that is active with no other one installing or waiting, once it holds
 * files (a new worker's cache exists, empty, from the start of its install): null before. Caches are listed
 * in the order they were made, so with an old build's cache still kept this is the newest.
 */
export async function activeCache(page: Page): Promise<string | null> {
	return page.evaluate(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg?.active || reg.installing || reg.waiting || reg.active.state !== 'activated') return null;
		const full: string[] = [];
		for (const key of await caches.keys()) if ((await (await caches.open(key)).keys()).length) full.push(key);
		return full.at(-1) ?? null;
	});
}
