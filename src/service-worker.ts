/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Offline support: after a first visit the whole site (pages, lessons, the lab, training with the tfjs worker
 * and its .wasm files) works without a network, as a classroom behind a flaky connection needs.
 *
 * Strategy: cache first, one cache per build. Installing a build's worker downloads every file of that build
 * into a cache named after the build's version; every request for one of those files is then answered from
 * that cache. Pages, their data and their hashed scripts therefore always come from the same build (a
 * network-first page could come from a newer build whose lazily loaded chunks this cache lacks), and pages
 * load at once on a slow network. A new build has a new `version`, so a new service-worker.js: the browser
 * installs it in the background on the next visit and it takes over at once (skipWaiting + claim), so the
 * visitor sees the new build from the next page load on.
 *
 * Old builds' caches are kept while a page of the old build may still be open: a tab loaded from the old
 * build goes on asking for the old build's files (its training worker, figure chunks, .wasm) after the new
 * worker has taken over, and the host no longer has them. So activation retires the old caches instead of
 * deleting them, noting which windows were open then; requests are answered from the current cache, then
 * from a retired one, then from the network; and once none of those windows is left (each reload or close
 * ends one), the retired caches are deleted. A tab still showing the old build whose next in-app navigation
 * needs a chunk that is gone is reloaded by SvelteKit itself (it checks `_app/version.json`, which this
 * worker leaves to the network, and navigates the full page).
 *
 * Paths: `$service-worker` gives paths from the worker's own location, so the site works from any host and
 * any sub-path (`/course/margin-lab/service-worker.js` has the scope `/course/margin-lab/`). Requests to other
 * origins, and to paths outside the scope, are never touched.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

// Caches belong to the origin, not to the scope: two copies of the site under different sub-paths of one host
// must not delete each other's caches, so the scope is part of the name.
const PREFIX = `margin-lab:${sw.registration.scope}:`;
const CACHE = `${PREFIX}${version}`;

/**
 * KaTeX's stylesheet lists each font as woff2, then woff, then ttf; every browser with service workers reads
 * woff2, so the woff and ttf copies (≈ 870 KB) are left out. A browser that does ask for one gets it from the
 * network and keeps it (see `runtimeCacheable`). The README's screenshot is not part of the site.
 */
const skipped = (path: string) => /\.(woff|ttf)$/.test(path) || path.endsWith('/screenshot.png');

const precache = [...build, ...files, ...prerendered].filter((p) => !skipped(p));
const precached = new Set(precache.map((p) => new URL(p, sw.location.href).pathname));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// `cache: 'reload'` skips the HTTP cache, which may still hold a page of the previous build.
			await cache.addAll(precache.map((p) => new Request(p, { cache: 'reload' })));
			await sw.skipWaiting();
		})()
	);
});

/** Where the current cache notes the retired caches and the windows open when they were retired. */
const RETIRED = new URL('__margin-lab-retired', sw.registration.scope).href;

type Retired = { caches: string[]; clients: string[] };

async function readRetired(cache: Cache): Promise<Retired | null> {
	try {
		const r = (await (await cache.match(RETIRED))?.json()) as Retired | undefined;
		return r && Array.isArray(r.caches) && Array.isArray(r.clients) ? r : null;
	} catch {
		return null;
	}
}

/** Delete the retired caches once no window that was open at their retirement is left. */
async function sweepRetired(): Promise<void> {
	const cache = await caches.open(CACHE);
	const retired = await readRetired(cache);
	if (!retired) return;
	const open = new Set(
		(await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id)
	);
	if (retired.clients.some((id) => open.has(id))) return;
	for (const key of retired.caches) await caches.delete(key);
	await cache.delete(RETIRED);
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
			const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const cache = await caches.open(CACHE);
			const earlier = (await readRetired(cache))?.clients ?? [];
			const retired: Retired = {
				caches: old,
				clients: [...new Set([...earlier, ...windows.map((c) => c.id)])]
			};
			if (old.length) await cache.put(RETIRED, new Response(JSON.stringify(retired)));
			await sw.clients.claim();
			await sweepRetired();
		})()
	);
});

/** Hashed build files never change under their name: safe to keep whatever of them the network gives. */
function runtimeCacheable(url: URL): boolean {
	return url.pathname.startsWith(new URL('_app/immutable/', sw.registration.scope).pathname);
}

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// A static host ignores the query string (`/lab/?m2a=0.3` is the file `/lab/index.html`), and so do we.
	const cached = await cache.match(request, { ignoreSearch: true });
	if (cached) return cached;
	// A page of an older build asks for that build's files: a retired cache may still hold them.
	for (const key of (await readRetired(cache))?.caches ?? []) {
		const old = await (await caches.open(key)).match(request, { ignoreSearch: true });
		if (old) return old;
	}
	const response = await fetch(request);
	if (response.ok && runtimeCacheable(url)) await cache.put(request, response.clone());
	return response;
}

/** A page was loaded since the last sweep (kept in memory only: activation sweeps too). */
let sweepDue = false;

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || !url.href.startsWith(sw.registration.scope)) return;
	// `/lab` is the folder `/lab/`: most hosts redirect, and the page's relative links need the slash. Do it
	// here too, so it also happens offline and on hosts that serve the folder's index.html without redirecting.
	if (request.mode === 'navigate' && !precached.has(url.pathname) && precached.has(url.pathname + '/')) {
		url.pathname += '/';
		event.respondWith(Response.redirect(url.href, 301));
		return;
	}
	// Only what this build knows about; anything else (version.json, files of another site under this host…)
	// goes to the network untouched.
	// A page load may end the last window of an older build: see whether its files can go, once the new page
	// asks for its first file (by then the document it replaced is gone).
	if (request.mode === 'navigate') sweepDue = true;
	else if (sweepDue) {
		sweepDue = false;
		event.waitUntil(sweepRetired().catch(() => undefined));
	}
	if (!precached.has(url.pathname) && !runtimeCacheable(url)) return;
	event.respondWith(respond(request, url));
});
