/**
 * Register the service worker once the page has settled, not at `load` as SvelteKit would.
 *
 * Installing the worker downloads the whole site (≈ 5.5 MB with tfjs and its .wasm) for offline use. Started
 * at `load`, that download and its caching ran alongside hydration and the figures' own chunks: on a phone it
 * competes for the connection and the second core just when the page is becoming usable, and Lighthouse's
 * total blocking time on this machine swung between 60 and 600 ms on the unchanged home page. Waiting until
 * the browser is idle a few seconds after `load` still leaves a classroom's pages cached within seconds.
 */
import { browserSettleEnv, whenSettled, type SettleEnv } from '$lib/ui/settled';

export const SETTLE_MS = 3000;

type Env = SettleEnv & { sw: Pick<ServiceWorkerContainer, 'register'> | undefined };

function browserEnv(): Env {
	return { ...browserSettleEnv(), sw: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined };
}

/** Register `url` after `load`, SETTLE_MS and an idle moment; quietly does nothing where it cannot. */
export function registerWhenSettled(url: string, env: Env = browserEnv()): void {
	const sw = env.sw;
	if (!sw) return;
	// A refused registration (private mode, an http page) leaves the site working online.
	whenSettled(() => void sw.register(url).catch(() => undefined), SETTLE_MS, 5000, env);
}
