/**
 * Whether the page the browser first loaded has been hydrated. Until then, a load function is preparing
 * that page, whose prerendered HTML is on screen; after, it is preparing a client-side navigation.
 */
export function markHydrated(): void {
	// Also a marker for tests and scripts: the page is interactive.
	document.documentElement.dataset.hydrated = 'true';
}

export function pageHydrated(): boolean {
	return typeof document !== 'undefined' && document.documentElement.dataset.hydrated === 'true';
}
