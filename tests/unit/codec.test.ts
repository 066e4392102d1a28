import { describe, expect, it } from 'vitest';
import { decode, defaults, encode, sanitize, type Schema } from '../../src/lib/state/codec';
import { decodeDecisionMargins, targetLogitSchema, clampMargin } from '../../src/lib/state/figure-settings';

const schema = {
	n: { kind: 'number', min: 0, max: 1, default: 0.5, step: 0.01 },
	e: { kind: 'enum', values: ['a', 'b'], default: 'a' },
	l: { kind: 'list', values: ['x', 'y', 'z'], default: ['x', 'y'] },
	f: { kind: 'bool', default: false }
} as const satisfies Schema;

describe('codec', () => {
	it('gives defaults for an empty query', () => {
		expect(decode(schema, '')).toEqual({ n: 0.5, e: 'a', l: ['x', 'y'], f: false });
		expect(defaults(schema)).toEqual(decode(schema, ''));
	});

	it('clamps numbers and snaps them to the step', () => {
		expect(decode(schema, 'n=7').n).toBe(1);
		expect(decode(schema, 'n=-3').n).toBe(0);
		expect(decode(schema, 'n=0.123456').n).toBe(0.12);
		expect(decode(schema, 'n=.3').n).toBe(0.3);
	});

	it('falls back to the default for anything that is not a plain decimal number', () => {
		for (const bad of ['NaN', 'Infinity', '1e999', '0x10', '', ' ', 'abc', '1,5', '--1', '1e']) {
			expect(decode(schema, `n=${encodeURIComponent(bad)}`).n, bad).toBe(0.5);
		}
	});

	it('accepts only known enum values and list members, in schema order', () => {
		expect(decode(schema, 'e=b').e).toBe('b');
		expect(decode(schema, 'e=__proto__').e).toBe('a');
		expect(decode(schema, 'l=z,x,bogus').l).toEqual(['x', 'z']);
		expect(decode(schema, 'l=bogus').l).toEqual(['x', 'y']);
		expect(decode(schema, 'l=').l).toEqual(['x', 'y']);
	});

	it('reads booleans in the usual spellings', () => {
		expect(decode(schema, 'f=1').f).toBe(true);
		expect(decode(schema, 'f=yes').f).toBe(true);
		expect(decode(schema, 'f=0').f).toBe(false);
		expect(decode(schema, 'f=maybe').f).toBe(false);
	});

	it('ignores absurdly long values', () => {
		expect(decode(schema, `e=${'b'.repeat(2000)}`).e).toBe('a');
		expect(decode(schema, `n=${'9'.repeat(600)}`).n).toBe(0.5);
	});

	it('round-trips through encode, writing only what differs from the defaults', () => {
		const s = { n: 0.25, e: 'b' as const, l: ['z' as const], f: true };
		const q = encode(schema, s);
		expect(q.toString()).toBe('n=0.25&e=b&l=z&f=1');
		expect(decode(schema, q)).toEqual(s);
		expect(encode(schema, defaults(schema)).toString()).toBe('');
	});

	it('sanitizes typed input such as a postMessage payload', () => {
		expect(sanitize(schema, { n: 5, e: 'zzz', l: ['y', 3], f: 'no' })).toEqual({
			n: 1,
			e: 'a',
			l: ['x', 'y'],
			f: false
		});
	});
});

describe('figure settings', () => {
	it('keeps an empty curve list when asked for one', () => {
		expect(decode(targetLogitSchema, 'curves=').curves).toEqual([]);
		expect(decode(targetLogitSchema, 'curves=arcface,softmax').curves).toEqual(['softmax', 'arcface']);
	});

	it("reads the decision margin against the chosen loss's range and default", () => {
		expect(decodeDecisionMargins('loss=cosface').m).toBe(0.35);
		expect(decodeDecisionMargins('loss=cosface&m=5').m).toBe(0.8);
		expect(decodeDecisionMargins('loss=sphereface&m=0').m).toBe(1);
		expect(decodeDecisionMargins('loss=sphereface&m=junk').m).toBe(1.35);
		expect(decodeDecisionMargins('loss=softmax&m=0.4').m).toBe(0);
		expect(decodeDecisionMargins('').loss).toBe('arcface');
		expect(decodeDecisionMargins('phi=1000').phi).toBe(160);
	});

	it('clamps a margin when the loss changes', () => {
		expect(clampMargin('arcface', 3)).toBe(1.2);
		expect(clampMargin('cosface', null)).toBe(0.35);
		expect(clampMargin('softmax', 0.5)).toBe(0);
	});
});
