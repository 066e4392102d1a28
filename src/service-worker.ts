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
 * installs it in the background on the next visit, it takes over at once (skipWaiting + claim) and deletes
 * the old caches, so the visitor sees the new build from the next page load on. A tab still showing the old
 * build whose next in-app navigation needs a chunk that is gone is reloaded by SvelteKit itself (it checks
 * `_app/version.json`, which this worker leaves to the network, and navigates the full page).
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

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			await sw.clients.claim();
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
	const response = await fetch(request);
	if (response.ok && runtimeCacheable(url)) await cache.put(request, response.clone());
	return response;
}

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
	if (!precached.has(url.pathname) && !runtimeCacheable(url)) return;
	event.respondWith(respond(request, url));
});
