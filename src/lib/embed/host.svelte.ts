/**
 * The embedded page's side of the protocol in protocol.ts: listens to its parent window, obeys documented
 * commands from the allowed origin, and reports its height and state. One per embed page (the embed layout
 * makes it); the page inside tells it what it shows and how to apply new settings.
 */
import { getContext, setContext, tick } from 'svelte';
import type { RunPool } from '$lib/state/run-pool';
import {
	acceptsOrigin,
	coalesce,
	lmsResize,
	parseCommand,
	readOptions,
	reportHeight,
	targetOrigin,
	type Command,
	type EmbedOptions,
	type LmsResize,
	type Report
} from './protocol';

type Shown = {
	kind: 'figure' | 'lesson';
	name: string;
	/** the current settings as a canonical query string */
	settings: () => string;
	/** apply a `set` (already validated, not yet clamped); page-level keys such as `lang` are done here */
	apply: (settings: Record<string, string | null>) => void;
};

type Deps = {
	pool: RunPool;
	setLang: (lang: string) => void;
	/** run `fn` once soon (default: the next animation frame, or 50 ms if frames are throttled) */
	schedule?: (fn: () => void) => void;
	/** where reports go (default: the parent window, see `post`) */
	post?: (report: Report | LmsResize) => void;
};

/** The next animation frame; a frame out of view may get none, so at most 50 ms later. */
function soon(fn: () => void): void {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		fn();
	};
	requestAnimationFrame(once);
	setTimeout(once, 50);
}

export class EmbedHost {
	options = $state<EmbedOptions>({ parent: null, parentInvalid: false, frame: null, controls: 'all' });
	private shown: Shown | null = null;
	private lastHeight = -1;
	private lastSettings = '';
	private lastRun = { running: false, step: 0 };
	private lastReport = 0;
	/** commands waiting for the next flush: every `set`, and whatever arrives behind one */
	private queue: Command[] = [];
	private reportDue = false;
	private readonly deps: Deps;
	private readonly schedule: (fn: () => void) => void;

	constructor(deps: Deps) {
		this.deps = deps;
		this.schedule = deps.schedule ?? soon;
		// In the browser, read the options now: the page inside mounts (and announces itself) first.
		if (typeof location !== 'undefined') this.options = readOptions(location.search);
	}

	/** Start listening; returns the clean-up. Call once in the browser. */
	start(content: HTMLElement): () => void {
		const onmessage = (e: MessageEvent) => this.receive(e);
		window.addEventListener('message', onmessage);
		let frame = 0;
		const measure = () => {
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => this.reportHeight(content));
		};
		const observer = new ResizeObserver(measure);
		observer.observe(content);
		measure();
		// Training state lives in workers; look twice a second and tell the parent when it moved.
		const poll = setInterval(() => this.watchRuns(), 500);
		return () => {
			window.removeEventListener('message', onmessage);
			observer.disconnect();
			cancelAnimationFrame(frame);
			clearInterval(poll);
		};
	}

	/** The page tells what it shows; announces `ready` to the parent. */
	show(shown: Shown): void {
		this.shown = shown;
		this.lastSettings = shown.settings();
		this.post({
			type: 'margin-lab:ready',
			frame: this.options.frame,
			kind: shown.kind,
			name: shown.name,
			settings: this.lastSettings
		});
	}

	/** The page's settings may have changed (a student moved a slider): report when they did. */
	settingsChanged(): void {
		if (!this.shown) return;
		const now = this.shown.settings();
		if (now === this.lastSettings) return;
		this.reportSoon();
	}

	/** One state report for everything that changed until the next flush. */
	private reportSoon(): void {
		if (this.reportDue) return;
		this.reportDue = true;
		this.schedule(() => {
			this.reportDue = false;
			this.reportState();
		});
	}

	private receive(e: MessageEvent): void {
		// Only the window that embeds us may drive us, and only from the configured origin.
		if (e.source !== window.parent || window.parent === window) return;
		if (!acceptsOrigin(this.options, e.origin)) return;
		const cmd = parseCommand(e.data);
		if (cmd) this.obey(cmd);
	}

	/**
	 * Carry out a command (exposed for tests). A `set` rebuilds the figure, so sets wait for the next frame and
	 * a flood of them is applied once, merged; play, pause and reset behind a waiting set keep their order.
	 */
	obey(cmd: Command): void {
		if (cmd.type === 'margin-lab:set' || this.queue.length) {
			this.queue.push(cmd);
			if (this.queue.length === 1) this.schedule(() => void this.flush());
			return;
		}
		this.run(cmd);
		this.reportSoon();
	}

	private async flush(): Promise<void> {
		const commands = coalesce(this.queue);
		this.queue = [];
		for (const cmd of commands) {
			this.run(cmd);
			// the figure starts again from new settings before a play or reset behind them reaches its run
			if (cmd.type === 'margin-lab:set') await tick();
		}
		this.reportSoon();
	}

	private run(cmd: Command): void {
		const runs = this.deps.pool.runs();
		switch (cmd.type) {
			case 'margin-lab:set': {
				const { lang, ...rest } = cmd.settings;
				if (typeof lang === 'string') this.deps.setLang(lang);
				if (Object.keys(rest).length) this.shown?.apply(rest);
				break;
			}
			case 'margin-lab:play':
				for (const run of runs) run.play();
				break;
			case 'margin-lab:pause':
				for (const run of runs) run.pause();
				break;
			case 'margin-lab:reset':
				for (const run of runs) run.reset();
				break;
		}
	}

	private runState(): { running: boolean; step: number } {
		const runs = this.deps.pool.runs();
		return {
			running: runs.some((r) => r.running),
			step: Math.max(0, ...runs.map((r) => r.step))
		};
	}

	/** Report when training starts or stops, and the step at most once a second while it runs. */
	private watchRuns(): void {
		const now = this.runState();
		const moved = now.step !== this.lastRun.step && performance.now() - this.lastReport >= 1000;
		if (now.running !== this.lastRun.running || moved) this.reportState();
	}

	reportState(): void {
		const settings = this.shown?.settings() ?? '';
		this.lastSettings = settings;
		this.lastRun = this.runState();
		this.lastReport = performance.now();
		this.post({ type: 'margin-lab:state', frame: this.options.frame, settings, ...this.lastRun });
	}

	private reportHeight(content: HTMLElement): void {
		const height = reportHeight(content.getBoundingClientRect().bottom + window.scrollY);
		if (height === this.lastHeight) return;
		this.lastHeight = height;
		this.post({ type: 'margin-lab:height', frame: this.options.frame, height });
		// Canvas resizes the frame on its own message, with no script on the course page.
		this.post(lmsResize(height));
	}

	private post(report: Report | LmsResize): void {
		if (this.deps.post) return this.deps.post(report);
		const target = targetOrigin(this.options);
		if (target === null || window.parent === window) return;
		window.parent.postMessage(report, target);
	}
}

const KEY = Symbol('embed-host');

export function provideEmbedHost(host: EmbedHost): EmbedHost {
	return setContext(KEY, host);
}

export function useEmbedHost(): EmbedHost | undefined {
	return getContext<EmbedHost | undefined>(KEY);
}
