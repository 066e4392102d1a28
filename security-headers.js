/**
 * The site's Content-Security-Policy and the HTTP headers a host should send, in one place: svelte.config.js
 * builds each page's `<meta http-equiv="content-security-policy">` from `cspDirectives`, the README lists
 * `hostHeaders`, and the browser tests serve the site with exactly `hostHeaders` (tests/browser/csp.test.ts
 * also checks that the README shows them verbatim).
 */

/**
 * Directives for `kit.csp` (mode 'hash'): SvelteKit adds the sha256 hash of each page's inline start-up
 * script to `script-src` of that page's meta tag.
 * @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export const cspDirectives = {
	'default-src': ['self'],
	// 'wasm-unsafe-eval' lets tfjs's WebAssembly backend compile WebAssembly (it allows that only, not eval or
	// new Function: there is no 'unsafe-eval' anywhere). Measured in Chromium: only the training worker
	// compiles WebAssembly, and a worker takes its policy from its own response header (hostHeaders below),
	// not from the page's meta tag. The page itself compiles none; the meta keeps the keyword so the two
	// policies stay the same and a browser that hands a page's policy to its workers still trains on WASM.
	'script-src': ['self', 'wasm-unsafe-eval'],
	// Inline style *attributes* are needed: KaTeX's rendered formulas and Svelte components set `style="…"`
	// (sizes, colours, positions computed from data), and src/app.html wraps the body in one. Inline <style>
	// elements are the site's own component CSS, inlined into each page for a faster first paint
	// (kit.inlineStyleThreshold); SvelteKit adds each one's hash to `style-src-elem` of the page's meta tag.
	'style-src': ['self', 'unsafe-inline'],
	'style-src-elem': ['self'],
	'style-src-attr': ['unsafe-inline'],
	// data: and blob: for the PNG/SVG exports and face images drawn in the page
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	// the training worker, the pair-angle worker and the service worker are files of the site itself
	'worker-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** @param {Record<string, string[] | boolean | undefined>} directives */
function serialize(directives) {
	const keyword = /^(self|none|unsafe-inline|unsafe-eval|wasm-unsafe-eval|strict-dynamic|unsafe-hashes)$/;
	return Object.entries(directives)
		.map(([name, values]) =>
			Array.isArray(values) ? [name, ...values.map((v) => (keyword.test(v) ? `'${v}'` : v))].join(' ') : name
		)
		.join('; ');
}

/**
 * The CSP a host should send as a header. It is the meta policy plus what a meta tag cannot carry:
 * - `frame-ancestors`: which sites may show the pages in an iframe. `'self'` by default; a school adds its
 *   LMS origin(s) (e.g. `frame-ancestors 'self' https://moodle.example.edu`) to embed `/embed/<figure>/`.
 * - the policy of the Web Workers, which read their CSP from their own response headers, never from a page's
 *   meta tag: this is where `'wasm-unsafe-eval'` really matters (tfjs's WASM backend runs in the worker).
 * Its `script-src` and `style-src-elem` also allow inline scripts and styles: a header cannot list each
 * page's hashes, and the browser enforces both the header and the page's meta policy, so inline scripts and
 * style elements are still limited to the hashed ones each page's meta tag lists.
 */
export const headerCsp = serialize({
	...cspDirectives,
	'script-src': ['self', 'unsafe-inline', 'wasm-unsafe-eval'],
	// the same for the inlined <style> elements: each page's meta tag lists their hashes
	'style-src-elem': ['self', 'unsafe-inline'],
	'frame-ancestors': ['self']
});

/** The headers a host should send with every file of the site (see README, "Hosting"). */
export const hostHeaders = {
	'Content-Security-Policy': headerCsp,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};
