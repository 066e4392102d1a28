/**
 * Run a job once the page has settled: after `load`, a delay, and an idle moment. For work a visitor does not
 * need in the first second but that would compete with hydration for the CPU and the connection if started
 * at once (the service worker's download, the lab's training worker).
 */

export type SettleEnv = {
	loaded: () => boolean;
	onload: (f: () => void) => void;
	later: (f: () => void, ms: number) => void;
	/** run `f` at an idle moment, at the latest after `timeoutMs` */
	idle: (f: () => void, timeoutMs: number) => void;
};

export function browserSettleEnv(): SettleEnv {
	return {
		loaded: () => document.readyState === 'complete',
		onload: (f) => addEventListener('load', f, { once: true }),
		later: (f, ms) => void setTimeout(f, ms),
		idle: (f, timeout) =>
			'requestIdleCallback' in window ? void requestIdleCallback(f, { timeout }) : void setTimeout(f, 0)
	};
}

/**
 * Call `job` after `load` (at once if the page has loaded), `delayMs`, and an idle moment (waiting for one
 * at most `idleTimeoutMs`). Returns a function that cancels the job if it has not run yet.
 */
export function whenSettled(
	job: () => void,
	delayMs: number,
	idleTimeoutMs: number,
	env: SettleEnv = browserSettleEnv()
): () => void {
	let cancelled = false;
	const run = () => env.idle(() => cancelled || job(), idleTimeoutMs);
	const settle = () => (delayMs > 0 ? env.later(run, delayMs) : run());
	if (env.loaded()) settle();
	else env.onload(settle);
	return () => (cancelled = true);
}
