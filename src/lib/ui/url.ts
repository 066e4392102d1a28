/** Rewrite the current page's query string in place, keeping every parameter the caller does not touch. */
export function rewriteQuery(current: string, remove: readonly string[], set: URLSearchParams): string {
	const url = new URL(current);
	for (const k of remove) url.searchParams.delete(k);
	for (const [k, v] of set) url.searchParams.set(k, v);
	return url.pathname + (url.searchParams.size ? `?${url.searchParams}` : '') + url.hash;
}
