import { describe, expect, it } from 'vitest';
import {
	acceptsOrigin,
	coalesce,
	mergeQuery,
	parseCommand,
	readOptions,
	reportHeight,
	targetOrigin,
	toOrigin,
	type Report
} from '../../src/lib/embed/protocol';
import {
	clampHeight,
	embedCode,
	embedSrc,
	SANDBOX_FLAGS,
	type EmbedChoice
} from '../../src/lib/embed/snippet';
import { EmbedHost } from '../../src/lib/embed/host.svelte';
import { shortcut } from '../../src/lib/lab/keys';
import { Presenter } from '../../src/lib/ui/presenter.svelte';
import type { RunPool } from '../../src/lib/state/run-pool';

describe('embed options from the URL', () => {
	it('reads parent, frame and controls, and nothing else', () => {
		expect(
			readOptions('?parent=https://moodle.example.edu/course/view.php?id=3&frame=f1&controls=run')
		).toEqual({
			parent: 'https://moodle.example.edu',
			parentInvalid: false,
			frame: 'f1',
			controls: 'run'
		});
		expect(readOptions('')).toEqual({ parent: null, parentInvalid: false, frame: null, controls: 'all' });
	});

	it('fails closed on a parent that is not an origin, and drops odd frame ids and control modes', () => {
		for (const bad of [
			'javascript:alert(1)',
			'moodle.example.edu',
			'file:///etc',
			'data:,x',
			'x'.repeat(400)
		]) {
			const o = readOptions(`?parent=${encodeURIComponent(bad)}`);
			expect(o.parentInvalid).toBe(true);
			expect(acceptsOrigin(o, 'https://moodle.example.edu')).toBe(false);
			expect(targetOrigin(o)).toBeNull();
		}
		expect(readOptions('?frame=<script>&controls=ALL').frame).toBeNull();
		expect(readOptions('?frame=<script>&controls=ALL').controls).toBe('all');
		expect(readOptions('?%E0%A4%A=1&parent=%ZZ').parentInvalid).toBe(true);
	});

	it('accepts any origin when none is configured, and only the configured one otherwise', () => {
		const open = readOptions('');
		expect(acceptsOrigin(open, 'https://anything.example')).toBe(true);
		expect(targetOrigin(open)).toBe('*');
		const locked = readOptions('?parent=https://lms.example.edu');
		expect(acceptsOrigin(locked, 'https://lms.example.edu')).toBe(true);
		expect(acceptsOrigin(locked, 'https://lms.example.edu.evil.example')).toBe(false);
		expect(acceptsOrigin(locked, 'http://lms.example.edu')).toBe(false);
		expect(acceptsOrigin(locked, 'null')).toBe(false);
		expect(targetOrigin(locked)).toBe('https://lms.example.edu');
	});

	it('normalises origins', () => {
		expect(toOrigin('HTTPS://LMS.Example.edu:443/x')).toBe('https://lms.example.edu');
		expect(toOrigin('http://localhost:8080')).toBe('http://localhost:8080');
		expect(toOrigin(null)).toBeNull();
	});
});

describe('commands', () => {
	it('reads the four documented commands', () => {
		expect(parseCommand({ type: 'margin-lab:play' })).toEqual({ type: 'margin-lab:play' });
		expect(parseCommand({ type: 'margin-lab:pause', extra: 1 })).toEqual({ type: 'margin-lab:pause' });
		expect(parseCommand({ type: 'margin-lab:reset' })).toEqual({ type: 'margin-lab:reset' });
		expect(
			parseCommand({
				type: 'margin-lab:set',
				settings: { m2: 0.3, curves: ['arcface'], lang: 'zh', on: true, m3: null }
			})
		).toEqual({
			type: 'margin-lab:set',
			settings: { m2: '0.3', curves: 'arcface', lang: 'zh', on: '1', m3: null }
		});
	});

	it('refuses everything else whole', () => {
		const refused: unknown[] = [
			null,
			undefined,
			'margin-lab:play',
			42,
			[{ type: 'margin-lab:play' }],
			{ type: 'margin-lab:navigate' },
			{ type: 'MARGIN-LAB:PLAY' },
			{ type: 'margin-lab:set' },
			{ type: 'margin-lab:set', settings: {} },
			{ type: 'margin-lab:set', settings: 'm2=0.3' },
			{ type: 'margin-lab:set', settings: { m2: Number.NaN } },
			{ type: 'margin-lab:set', settings: { m2: Infinity } },
			{ type: 'margin-lab:set', settings: { m2: { valueOf: () => 1 } } },
			{ type: 'margin-lab:set', settings: { m2: 'x'.repeat(501) } },
			{ type: 'margin-lab:set', settings: { parent: 'https://evil.example' } },
			{ type: 'margin-lab:set', settings: { frame: 'x' } },
			{ type: 'margin-lab:set', settings: { controls: 'all' } },
			{ type: 'margin-lab:set', settings: { 'm2;x': 1 } },
			{
				type: 'margin-lab:set',
				settings: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, 1]))
			},
			{ type: 'margin-lab:set', settings: new Map([['m2', 1]]) },
			new (class {
				type = 'margin-lab:play';
			})()
		];
		for (const r of refused) expect(parseCommand(r), JSON.stringify(r) ?? String(r)).toBeNull();
	});

	it('is not fooled by __proto__ keys', () => {
		const cmd = parseCommand({
			type: 'margin-lab:set',
			settings: JSON.parse('{"__proto__": {"m2": 1}, "m3": 0.1}')
		});
		// "__proto__" as an own key fails the key pattern, so the whole set is refused.
		expect(cmd).toBeNull();
		expect(({} as Record<string, unknown>).m2).toBeUndefined();
	});
});

describe('merging and heights', () => {
	it('replaces the given keys, removes nulls, keeps the rest', () => {
		expect(mergeQuery('?m2=0.3&lang=zh&curves=arcface', { m2: '0.4', curves: null }).toString()).toBe(
			'm2=0.4&lang=zh'
		);
	});
	it('reports whole, bounded pixels', () => {
		expect(reportHeight(612.2)).toBe(613);
		expect(reportHeight(Number.NaN)).toBe(0);
		expect(reportHeight(-5)).toBe(0);
		expect(reportHeight(1e9)).toBe(100_000);
	});
});

describe('embed code', () => {
	const base: EmbedChoice = {
		page: 'https://course.example.edu/margin-lab/embed/target-logits/',
		settings: 'm2=0.3&curves=arcface',
		lang: 'zh',
		controls: 'run',
		parent: 'https://moodle.example.edu/course/view.php?id=4',
		title: 'Margin Lab: "Target logit" <curves>',
		height: 640,
		resize: true
	};

	it('puts the settings, language, controls and parent origin in the iframe URL', () => {
		const src = new URL(embedSrc(base));
		expect(src.pathname).toBe('/margin-lab/embed/target-logits/');
		expect(Object.fromEntries(src.searchParams)).toEqual({
			m2: '0.3',
			curves: 'arcface',
			lang: 'zh',
			controls: 'run',
			parent: 'https://moodle.example.edu'
		});
		expect(
			new URL(embedSrc({ ...base, lang: 'en', controls: 'all', parent: 'not a url', settings: '' })).search
		).toBe('');
	});

	it('escapes attributes and resizes only on height reports from the site', () => {
		const code = embedCode(base);
		expect(code).toContain('title="Margin Lab: &quot;Target logit&quot; &lt;curves&gt;"');
		expect(code).toContain('m2=0.3&amp;curves=arcface');
		expect(code).toContain("e.origin !== 'https://course.example.edu'");
		expect(code).toContain("'margin-lab:height'");
		expect(code).toContain('height="640"');
		expect(embedCode({ ...base, resize: false })).not.toContain('<script>');
	});

	it('keeps the height sensible', () => {
		expect(clampHeight(10)).toBe(200);
		expect(clampHeight(1e7)).toBe(5000);
		expect(clampHeight(Number.NaN)).toBe(700);
	});
});

describe('sandbox', () => {
	const base: EmbedChoice = {
		page: 'https://course.example.edu/embed/feature-circle/',
		settings: '',
		lang: 'en',
		controls: 'all',
		parent: '',
		title: 'Margin Lab',
		height: 640,
		resize: false
	};

	it('writes the flags the embed works with, and no sandbox unless asked', () => {
		expect(embedCode(base)).not.toContain('sandbox');
		const code = embedCode({ ...base, sandbox: true });
		expect(code).toContain(
			'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"'
		);
		expect(SANDBOX_FLAGS).toContain('allow-same-origin');
		expect(code.match(/<iframe[^>]*><\/iframe>/s)).not.toBeNull();
	});
});

describe('shortcuts obey controls=', () => {
	const key = (k: string, targetTag = 'BODY') => ({ key: k, targetTag });

	it('leaves every key under all, the run keys under run, and none under none', () => {
		expect(['p', ' ', 'ArrowRight', 'r', '?'].map((k) => shortcut(key(k), 'all'))).toEqual([
			'present',
			'toggle',
			'step',
			'reset',
			'help'
		]);
		expect(['p', 'P', ' ', 'ArrowRight', 'r'].map((k) => shortcut(key(k), 'run'))).toEqual([
			null,
			null,
			'toggle',
			'step',
			'reset'
		]);
		for (const k of ['p', 'P', ' ', 'ArrowRight', 'r', 'R', '?']) expect(shortcut(key(k), 'none')).toBeNull();
		// fields still own their keys
		expect(shortcut(key('p', 'INPUT'), 'all')).toBeNull();
	});

	it('an embed that hides P never turns presenter mode on from the tab’s earlier choice', () => {
		const stored = new Map<string, string>([['margin-lab:present', '1']]);
		const session = {
			getItem: (k: string) => stored.get(k) ?? null,
			setItem: (k: string, v: string) => void stored.set(k, v),
			removeItem: (k: string) => void stored.delete(k)
		};
		const g = globalThis as { sessionStorage?: unknown };
		const before = g.sessionStorage;
		g.sessionStorage = session;
		try {
			const site = new Presenter();
			site.init('');
			expect(site.on).toBe(true);
			const embed = new Presenter();
			embed.keys = 'none';
			embed.init('');
			expect(embed.on).toBe(false);
			// the URL is the parent page's own choice
			embed.init('?present=1');
			expect(embed.on).toBe(true);
		} finally {
			g.sessionStorage = before;
		}
	});
});

type FakeRun = { running: boolean; step: number; play(): void; pause(): void; reset(): void };

/** A host with a hand-cranked scheduler and a figure that counts its rebuilds. */
function fakeHost() {
	const run: FakeRun = {
		running: false,
		step: 0,
		play: () => void (run.running = true),
		pause: () => void (run.running = false),
		reset: () => void (run.step = 0)
	};
	const pool = { runs: () => [run] } as unknown as RunPool;
	const due: (() => void)[] = [];
	const reports: Report[] = [];
	const host = new EmbedHost({
		pool,
		setLang: () => {},
		schedule: (fn) => void due.push(fn),
		post: (r) => void ('type' in r && r.type === 'margin-lab:state' && reports.push(r))
	});
	let current = '';
	const applied: Record<string, string | null>[] = [];
	host.show({
		kind: 'figure',
		name: 'feature-circle',
		settings: () => current,
		apply: (s) => {
			applied.push(s);
			current = mergeQuery(current, s).toString();
			// the rebuilt figure tells its settings, as FigureHost does
			queueMicrotask(() => host.settingsChanged());
		}
	});
	/** run what is due, and what that schedules, until nothing is left */
	const frames = async () => {
		for (let i = 0; i < 10 && due.length; i++) {
			for (const fn of due.splice(0)) fn();
			await new Promise((r) => setTimeout(r, 0));
		}
	};
	return { host, run, reports, applied, frames };
}

describe('the embed host', () => {
	it('sends one state report for one set', async () => {
		const { host, reports, frames } = fakeHost();
		host.obey({ type: 'margin-lab:set', settings: { n: '100' } });
		await frames();
		expect(reports).toHaveLength(1);
		expect(reports[0]).toMatchObject({ settings: 'n=100', running: false });
	});

	it('rebuilds the figure once for a flood of sets, with the latest values', async () => {
		const { host, reports, applied, frames } = fakeHost();
		for (let i = 0; i < 10_000; i++) host.obey({ type: 'margin-lab:set', settings: { n: String(i) } });
		host.obey({ type: 'margin-lab:set', settings: { bs: '64' } });
		await frames();
		expect(applied).toEqual([{ n: '9999', bs: '64' }]);
		expect(reports).toHaveLength(1);
	});

	it('keeps play, pause and reset in order behind a waiting set', async () => {
		const { host, run, reports, applied, frames } = fakeHost();
		host.obey({ type: 'margin-lab:play' });
		await frames();
		expect(run.running).toBe(true);
		host.obey({ type: 'margin-lab:set', settings: { n: '1' } });
		host.obey({ type: 'margin-lab:pause' });
		host.obey({ type: 'margin-lab:set', settings: { n: '2' } });
		expect(run.running).toBe(true);
		await frames();
		expect(applied).toEqual([{ n: '1' }, { n: '2' }]);
		expect(run.running).toBe(false);
		expect(reports.at(-1)).toMatchObject({ settings: 'n=2', running: false });
	});

	it('merges runs of sets only', () => {
		expect(
			coalesce([
				{ type: 'margin-lab:set', settings: { a: '1', b: '1' } },
				{ type: 'margin-lab:set', settings: { b: null } },
				{ type: 'margin-lab:reset' },
				{ type: 'margin-lab:set', settings: { a: '2' } }
			])
		).toEqual([
			{ type: 'margin-lab:set', settings: { a: '1', b: null } },
			{ type: 'margin-lab:reset' },
			{ type: 'margin-lab:set', settings: { a: '2' } }
		]);
	});
});
