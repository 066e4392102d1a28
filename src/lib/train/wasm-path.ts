/**
 * Where the site serves the tfjs WASM binaries, relative to the site root (the `static/` folder):
 * `static/tfjs/` holds a copy of `node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm`.
 * The worker needs an absolute URL (its own script lives elsewhere in dev and in the build), so the client
 * resolves this against the site's base path and sends it with `configure`.
 */
export const WASM_DIR = 'tfjs/';

/** The absolute URL of the WASM folder, from the site's asset base (e.g. `asset('/')`) and the page URL. */
export function wasmUrl(assetBase: string, pageHref: string): string {
	const root = assetBase.endsWith('/') ? assetBase : `${assetBase}/`;
	return new URL(`${root}${WASM_DIR}`, pageHref).href;
}
