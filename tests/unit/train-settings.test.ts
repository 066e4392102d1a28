import { describe, expect, it } from 'vitest';
import { Rng } from '$lib/faces';
import { parseToWorker } from '$lib/train/protocol';
import {
	defaultSettings,
	guessDivergeReason,
	LIMITS,
	lossDefaults,
	validateSettings,
	type TrainSettings
} from '$lib/train/settings';
import { lossNames } from '$lib/train/types';

function inRange(s: TrainSettings): void {
	const within = (v: number, [lo, hi]: readonly [number, number]) => {
		expect(Number.isFinite(v)).toBe(true);
		expect(v).toBeGreaterThanOrEqual(lo);
		expect(v).toBeLessThanOrEqual(hi);
	};
	for (const m of [s.a, s.b]) {
		expect(lossNames).toContain(m.loss);
		within(m.s, LIMITS.s);
		within(m.m1, LIMITS.m1);
		within(m.m2, LIMITS.m2);
		within(m.m3, LIMITS.m3);
		expect(['none', 'insightface', 'easy']).toContain(m.fallback);
		if (m.lr !== null) within(m.lr, LIMITS.lr);
	}
	within(s.lr, LIMITS.lr);
	within(s.batchSize, LIMITS.batchSize);
	within(s.momentum, LIMITS.momentum);
	within(s.perIdentity, LIMITS.perIdentity);
	within(s.size, LIMITS.size);
	within(s.seed, LIMITS.seed);
	expect(Number.isInteger(s.batchSize) && Number.isInteger(s.perIdentity) && Number.isInteger(s.size)).toBe(
		true
	);
	expect(['sgd', 'adam']).toContain(s.optimizer);
	for (const v of Object.values(s.nuisance)) within(v, [0, 1]);
}

/** Random JSON-like garbage, seeded. */
function garbage(rng: Rng, depth = 0): unknown {
	const pick = rng.int(depth > 2 ? 8 : 11);
	const keys = [
		'a',
		'b',
		'lr',
		'batchSize',
		'optimizer',
		'loss',
		's',
		'm1',
		'm2',
		'm3',
		'nuisance',
		'yaw',
		'seed'
	];
	switch (pick) {
		case 0:
			return null;
		case 1:
			return undefined;
		case 2:
			return rng.uniform(-1e9, 1e9);
		case 3:
			return [NaN, Infinity, -Infinity, -0, 1e308][rng.int(5)];
		case 4:
			return ['', 'adam', 'arcface', '12', '1e400', 'NaN', '0x10', '__proto__'][rng.int(8)];
		case 5:
			return rng.next() < 0.5;
		case 6:
			return Symbol('x');
		case 7:
			return () => 1;
		default: {
			const o: Record<string, unknown> = {};
			for (let i = rng.int(6); i > 0; i--) o[keys[rng.int(keys.length)]] = garbage(rng, depth + 1);
			return rng.next() < 0.2 ? [o] : o;
		}
	}
}

describe('validateSettings', () => {
	it('returns the defaults for nothing', () => {
		expect(validateSettings(undefined)).toEqual(defaultSettings);
		expect(validateSettings({})).toEqual(defaultSettings);
	});

	it('never throws on garbage and always lands in range', () => {
		const rng = new Rng(3);
		for (let i = 0; i < 1000; i++) inRange(validateSettings(garbage(rng)));
		const hostile = {
			get lr(): number {
				throw new Error('boom');
			}
		};
		expect(validateSettings(hostile)).toEqual(defaultSettings);
		const { proxy, revoke } = Proxy.revocable({}, {});
		revoke();
		expect(validateSettings(proxy)).toEqual(defaultSettings);
	});

	it('clamps numbers, rounds integers, reads numeric strings', () => {
		const s = validateSettings({
			lr: -3,
			batchSize: 5000.7,
			perIdentity: '77.6',
			size: 3,
			momentum: 2,
			seed: -5,
			nuisance: { yaw: 9, noise: -1, tilt: 'x' },
			b: { loss: 'arcface', s: 1e9, m2: 0.7, m1: 3, lr: 1e-9 }
		});
		expect(s.lr).toBe(LIMITS.lr[0]);
		expect(s.batchSize).toBe(512);
		expect(s.perIdentity).toBe(78);
		expect(s.size).toBe(LIMITS.size[0]);
		expect(s.momentum).toBe(LIMITS.momentum[1]);
		expect(s.seed).toBe(0);
		expect(s.nuisance.yaw).toBe(1);
		expect(s.nuisance.noise).toBe(0);
		expect(s.nuisance.tilt).toBe(defaultSettings.nuisance.tilt);
		// ArcFace keeps its own m2 and s but m1 is pinned to 1
		expect(s.b).toMatchObject({ loss: 'arcface', s: LIMITS.s[1], m1: 1, m2: 0.7, m3: 0, lr: LIMITS.lr[0] });
	});

	it('a changed loss starts from its own defaults and pins the margins it lacks', () => {
		const s = validateSettings({ a: { loss: 'cosface' }, b: { loss: 'sphereface', m2: 0.4, m3: 0.2 } });
		expect(s.a).toMatchObject({ ...lossDefaults('cosface'), lr: null });
		expect(s.b).toMatchObject({ loss: 'sphereface', m1: 1.35, m2: 0, m3: 0 });
		const c = validateSettings({ a: { loss: 'custom', m1: 1.2, m2: 0.2, m3: 0.1, fallback: 'easy' } });
		expect(c.a).toMatchObject({ m1: 1.2, m2: 0.2, m3: 0.1, fallback: 'easy' });
		expect(validateSettings({ a: { loss: 'softmax', fallback: 'easy' } }).a.fallback).toBe('none');
	});

	it('is idempotent', () => {
		const rng = new Rng(9);
		for (let i = 0; i < 300; i++) {
			const once = validateSettings(garbage(rng));
			expect(validateSettings(JSON.parse(JSON.stringify(once)))).toEqual(once);
		}
	});
});

describe('guessDivergeReason', () => {
	it('names s, then lr, then the margin', () => {
		const base = validateSettings({});
		expect(guessDivergeReason(validateSettings({ b: { loss: 'arcface', s: 1e6 } }), 1)).toBe('s-too-large');
		expect(guessDivergeReason(validateSettings({ a: { loss: 'softmax', lr: 1e6 } }), 0)).toBe('lr-too-high');
		expect(guessDivergeReason(validateSettings({ lr: 5, optimizer: 'sgd' }), 1)).toBe('lr-too-high');
		expect(guessDivergeReason(validateSettings({ b: { loss: 'cosface', m3: 1.5 } }), 1)).toBe(
			'margin-too-large'
		);
		expect(guessDivergeReason(base, 1)).toBe('unknown');
	});
});

describe('parseToWorker', () => {
	it('accepts protocol messages and rejects anything else', () => {
		expect(parseToWorker({ type: 'start' })).toEqual({ type: 'start' });
		expect(parseToWorker({ type: 'step', n: 5 })).toEqual({ type: 'step', n: 5 });
		expect(parseToWorker({ type: 'restore', model: 1 })).toEqual({ type: 'restore', model: 1 });
		for (const bad of [
			null,
			3,
			'start',
			{},
			{ type: 'step', n: NaN },
			{ type: 'restore', model: 2 },
			{ type: 'x' }
		]) {
			expect(parseToWorker(bad)).toBeNull();
		}
	});
});
