import { afterNavigate, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { rewriteQuery } from './url';

let routerStarted = false;

export type QueryWish = { keys: readonly string[]; query: URLSearchParams } | null;

/**
 * Keep part of the address bar in step with some settings, so a copied link or a reload gives the same view.
 * `read` returns the keys this component owns and their current values (null: not yet). Other parameters
 * (e.g. `lang`) are kept. Call during component initialisation. The rewrite waits for SvelteKit's router to
 * start: rewriting during hydration throws inside the router.
 */
export function syncQuery(read: () => QueryWish): void {
	// afterNavigate fires on navigations only: a component made after the first one (e.g. a re-keyed figure)
	// learns from this flag that the router has started.
	let routerReady = $state(routerStarted);
	afterNavigate(() => (routerStarted = routerReady = true));
	$effect(() => {
		const wish = read();
		if (!routerReady || !wish) return;
		const next = rewriteQuery(location.href, wish.keys, wish.query);
		if (next === location.pathname + location.search + location.hash) return;
		// The path comes from the current location, which already carries the base path.
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		replaceState(next, page.state);
	});
}
