/**
 * Fuzzing in Node: tens of thousands of random and malformed query strings and messages through every reader
 * the pages use. Nothing throws, every number lands inside its range, and what a page writes back is
 * canonical (reading it again changes nothing). The browser fuzz (tests/browser/fuzz.test.ts) sends a
 * sample of the same inputs to the real pages.
 */
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/lib/state/codec';
import { decisionMarginSchema, targetLogitSchema } from '../../src/lib/state/figure-settings';
import { gallerySchema } from '../../src/lib/figures/face-gallery/data';
import { LIMITS } from '../../src/lib/train/settings';
import type { TrainSettings } from '../../src/lib/train/settings';
import { mergeQuery, parseCommand, readOptions } from '../../src/lib/embed/protocol';
import { presentFromQuery } from '../../src/lib/ui/presenter.svelte';
import { canonical, codecs } from '../support/figure-codecs';
import { randomMessage, randomQuery, rng } from '../support/fuzz-inputs';

const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isFinite(v) && v >= lo && v <= hi;

function checkSchema(schema: Schema, s: Record<string, unknown>) {
	for (const [k, f] of Object.entries(schema)) {
		const v = s[k];
		if (f.kind === 'number') expect(within(v as number, [f.min, f.max]), `${k}=${v}`).toBe(true);
		if (f.kind === 'enum') expect(f.values).toContain(v);
		if (f.kind === 'list') for (const x of v as string[]) expect(f.values).toContain(x);
	}
}

function checkLab(s: TrainSettings) {
	for (const k of ['lr', 'batchSize', 'momentum', 'perIdentity', 'size', 'seed'] as const)
		expect(within(s[k], LIMITS[k]), `${k}=${s[k]}`).toBe(true);
	for (const m of [s.a, s.b])
		for (const k of ['s', 'm1', 'm2', 'm3'] as const)
			expect(within(m[k], LIMITS[k]), `${k}=${m[k]}`).toBe(true);
	for (const v of Object.values(s.nuisance)) expect(within(v, [0, 1])).toBe(true);
}

const schemas: Record<string, Schema> = {
	'target-logits': targetLogitSchema,
	'decision-margins': decisionMarginSchema,
	'face-gallery': gallerySchema
};

/** The seven training figures share the lab's reader: fuzz it once. */
const distinct = Object.entries(codecs).filter(
	([name, c], i, all) => all.findIndex(([, d]) => d === c) === i || name === 'target-logits'
);

describe('fuzzing the URL readers', () => {
	for (const [name, codec] of distinct) {
		it(`${name === 'feature-circle' ? 'lab figures' : name}: 2,000 hostile query strings read without throwing, clamped and canonical`, () => {
			const r = rng(name.length * 7919);
			for (let i = 0; i < 2000; i++) {
				const q = randomQuery(r);
				const s = codec.decode(q) as Record<string, unknown>;
				if (schemas[name]) checkSchema(schemas[name], s);
				else checkLab((s as { settings: TrainSettings }).settings);
				const written = codec.encode(s as never).toString();
				expect(canonical(codec, written), `${q} → ${written}`).toBe(true);
			}
		}, 60_000);
	}

	it('embed options and presenter mode read 5,000 hostile query strings without throwing', () => {
		const r = rng(42);
		for (let i = 0; i < 5000; i++) {
			const q = randomQuery(r);
			const o = readOptions(q);
			expect(['all', 'run', 'none']).toContain(o.controls);
			if (o.parent !== null) expect(o.parent).toMatch(/^https?:\/\/[^/]+$/);
			expect([true, false, null]).toContain(presentFromQuery(q));
		}
	}, 60_000);
});

describe('fuzzing the embed messages', () => {
	it('5,000 random messages per reader: junk refused, every accepted set ends clamped and canonical', () => {
		for (const [name, codec] of distinct) {
			const r = rng(name.length * 31);
			let current = codec.encode(codec.decode('') as never).toString();
			let accepted = 0;
			for (let i = 0; i < 5000; i++) {
				const cmd = parseCommand(randomMessage(r, codec.keys));
				if (cmd?.type !== 'margin-lab:set') continue;
				accepted++;
				const merged = mergeQuery(current, cmd.settings);
				current = codec.encode(codec.decode(merged.toString()) as never).toString();
				expect(canonical(codec, current)).toBe(true);
			}
			expect(accepted, name).toBeGreaterThan(500);
		}
	}, 60_000);
});
