/**
 * Seeded random and malformed inputs for the fuzz tests: query strings and postMessage payloads. The same
 * seed gives the same inputs, so a failure can be replayed.
 */
import { labKeys } from '../../src/lib/state/lab-settings';

export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Every key some page reads, plus the embed's own and a few that nothing reads. */
export const knownKeys = [
	...labKeys,
	'curves',
	'm1',
	'm2',
	'm3',
	'range',
	'loss',
	'm',
	'phi',
	'view',
	'size',
	'lang',
	'present',
	'parent',
	'frame',
	'controls',
	'debug',
	'__proto__',
	'constructor',
	'toString',
	'',
	'x'
];

const hostileValues = [
	'',
	'NaN',
	'Infinity',
	'-Infinity',
	'-1e999',
	'1e309',
	'0x10',
	'1e-400',
	'-0',
	'+5',
	'.5',
	'5.',
	'1,2',
	'%00',
	'%ZZ',
	'%E0%A4%A',
	'%F0%9F%98%80',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'https://evil.example',
	'__proto__',
	'constructor',
	'true',
	'false',
	'null',
	'undefined',
	'[]',
	'{}',
	'softmax',
	'arcface',
	'cosface',
	'sphereface',
	'adam',
	'sgd',
	'wasm',
	'webgl',
	'cpu',
	'zh',
	'en',
	'fr',
	'wide',
	'paper',
	'plane',
	'circle',
	'both',
	'none',
	'run',
	'all',
	'arcface,custom,softmax',
	',,,',
	'losses,margins,export,link,nope'
];

function value(r: () => number): string {
	const k = r();
	if (k < 0.35) return pick(r, hostileValues);
	if (k < 0.7) return String((r() - 0.3) * 10 ** Math.floor(r() * 8 - 3));
	if (k < 0.8) return String(Math.floor(r() * 2000) - 500);
	if (k < 0.9) return 'x'.repeat(Math.floor(r() * 3000));
	return Array.from({ length: Math.floor(r() * 20) }, () =>
		String.fromCharCode(Math.floor(r() * 0x3000))
	).join('');
}

const rawJunk = [
	'?',
	'?&&&',
	'?=',
	'?=&=&=',
	'?%',
	'?%%%%',
	'?a=%',
	'??m2=1',
	'?m2==0.3',
	'?#m2=1',
	'?m2=1#x',
	'?+=+'
];

/** One random, often malformed, query string starting with "?". */
export function randomQuery(r: () => number): string {
	if (r() < 0.08) return pick(r, rawJunk);
	const n = 1 + Math.floor(r() * 12);
	const parts: string[] = [];
	for (let i = 0; i < n; i++) {
		const key = r() < 0.85 ? pick(r, knownKeys) : value(r).slice(0, 20);
		const v = value(r);
		// Some parts are left unescaped on purpose, as a hand-typed URL would be.
		parts.push(
			r() < 0.7 ? `${encodeURIComponent(key)}=${encodeURIComponent(v)}` : `${key}=${v}`.slice(0, 600)
		);
	}
	return '?' + parts.join('&');
}

/** One random postMessage payload: documented commands with random settings, near misses and junk. */
export function randomMessage(r: () => number, keys: readonly string[]): unknown {
	const k = r();
	if (k < 0.45) {
		const settings: Record<string, unknown> = {};
		const n = 1 + Math.floor(r() * 5);
		for (let i = 0; i < n; i++) {
			const key = r() < 0.8 ? pick(r, keys) : pick(r, knownKeys);
			const t = r();
			settings[key] =
				t < 0.5
					? value(r)
					: t < 0.8
						? (r() - 0.3) * 10 ** Math.floor(r() * 6 - 2)
						: t < 0.9
							? r() < 0.5
							: [value(r)];
		}
		return { type: 'margin-lab:set', settings };
	}
	if (k < 0.5) return { type: pick(r, ['margin-lab:pause', 'margin-lab:reset', 'margin-lab:play']) };
	const junk: unknown[] = [
		null,
		undefined,
		0,
		Number.NaN,
		'margin-lab:play',
		'{"type":"margin-lab:set","settings":{"m2":0.3}}',
		[],
		[{ type: 'margin-lab:play' }],
		{},
		{ type: 'margin-lab:set' },
		{ type: 'margin-lab:set', settings: null },
		{ type: 'margin-lab:set', settings: 'm2=1' },
		{ type: 'margin-lab:set', settings: { m2: { nested: { deep: 1 } } } },
		{ type: 'margin-lab:set', settings: { parent: 'https://evil.example' } },
		{
			type: 'margin-lab:set',
			settings: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))
		},
		{ type: 'margin-lab:navigate', url: 'https://evil.example' },
		{ type: 'margin-lab:eval', code: 'alert(1)' },
		{ type: 'margin-lab:height', height: 1 },
		{ type: 'MARGIN-LAB:PLAY' },
		{ type: 42 },
		{ type: ['margin-lab:play'] },
		new Date(0),
		/margin-lab:play/,
		new Map([['type', 'margin-lab:play']]),
		new ArrayBuffer(16),
		'x'.repeat(100_000)
	];
	return pick(r, junk);
}
