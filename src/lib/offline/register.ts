/**
 * Register the service worker once the page has settled, not at `load` as SvelteKit would.
 *
 * Installing the worker downloads the whole site (≈ 5.5 MB with tfjs and its .wasm) for offline use. Started
 * at `load`, that download and its caching ran alongside hydration and the figures' own chunks: on a phone it
 * competes for the connection and the second core just when the page is becoming usable, and Lighthouse's
 * total blocking time on this machine swung between 60 and 600 ms on the unchanged home page. Waiting until
 * the browser is idle a few seconds after `load` still leaves a classroom's pages cached within seconds.
 */
export const SETTLE_MS = 3000;

type Env = {
	sw: Pick<ServiceWorkerContainer, 'register'> | undefined;
	loaded: () => boolean;
	onload: (f: () => void) => void;
	later: (f: () => void, ms: number) => void;
	idle: (f: () => void) => void;
};

function browserEnv(): Env {
	return {
		sw: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
		loaded: () => document.readyState === 'complete',
		onload: (f) => addEventListener('load', f, { once: true }),
		later: (f, ms) => void setTimeout(f, ms),
		idle: (f) =>
			'requestIdleCallback' in window ? void requestIdleCallback(f, { timeout: 5000 }) : void setTimeout(f, 0)
	};
}

/** Register `url` after `load`, SETTLE_MS and an idle moment; quietly does nothing where it cannot. */
export function registerWhenSettled(url: string, env: Env = browserEnv()): void {
	const sw = env.sw;
	if (!sw) return;
	const go = () =>
		env.idle(() => {
			// A refused registration (private mode, an http page) leaves the site working online.
			sw.register(url).catch(() => undefined);
		});
	const settle = () => env.later(go, SETTLE_MS);
	if (env.loaded()) settle();
	else env.onload(settle);
}
