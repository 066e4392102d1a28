import { describe, it, expect } from 'vitest';
import {
	assertMargins,
	fallbackModes,
	isPresetName,
	isPureArcFace,
	marginKind,
	presetNames,
	presets,
	specLabel,
	validateSpec,
	type MarginSpec,
	type PresetName
} from '$lib/margins';

describe('presets', () => {
	it('lists the seven presets in order', () => {
		expect(presetNames).toEqual(['softmax', 'normface', 'sphereface', 'arcface', 'cosface', 'cm1', 'cm2']);
		expect(Object.keys(presets).sort()).toEqual([...presetNames].sort());
	});

	it("holds the paper's (m1, m2, m3) with s = 64", () => {
		const expected: Record<PresetName, [number, number, number]> = {
			softmax: [1, 0, 0],
			normface: [1, 0, 0],
			sphereface: [1.35, 0, 0],
			arcface: [1, 0.5, 0],
			cosface: [1, 0, 0.35],
			cm1: [1, 0.3, 0.2],
			cm2: [0.9, 0.4, 0.15]
		};
		for (const name of presetNames) {
			const p = presets[name];
			expect([p.m1, p.m2, p.m3]).toEqual(expected[name]);
			expect(p.s).toBe(64);
			expect(p.fallback ?? 'none').toBe('none');
		}
	});

	it('is frozen so a figure cannot change a preset by accident', () => {
		expect(Object.isFrozen(presets)).toBe(true);
		expect(Object.isFrozen(presets.arcface)).toBe(true);
	});

	it('recognises preset names', () => {
		expect(isPresetName('arcface')).toBe(true);
		expect(isPresetName('ArcFace')).toBe(false);
		expect(isPresetName('toString')).toBe(false);
	});
});

describe('spec helpers', () => {
	it('isPureArcFace is true only for m1 = 1, m3 = 0, m2 > 0', () => {
		expect(isPureArcFace(presets.arcface)).toBe(true);
		expect(isPureArcFace({ ...presets.arcface, m2: 0.3, fallback: 'insightface' })).toBe(true);
		for (const name of ['softmax', 'normface', 'sphereface', 'cosface', 'cm1', 'cm2'] as const) {
			expect(isPureArcFace(presets[name])).toBe(false);
		}
	});

	it('marginKind names the single margin in use', () => {
		expect(marginKind(presets.softmax)).toBe('normface');
		expect(marginKind(presets.sphereface)).toBe('sphereface');
		expect(marginKind(presets.arcface)).toBe('arcface');
		expect(marginKind(presets.cosface)).toBe('cosface');
		expect(marginKind(presets.cm1)).toBe('combined');
		expect(marginKind(presets.cm2)).toBe('combined');
	});

	it('specLabel builds labels from the numbers', () => {
		expect(specLabel(presets.normface)).toBe('NormFace');
		expect(specLabel(presets.sphereface)).toBe('SphereFace (m = 1.35)');
		expect(specLabel(presets.arcface)).toBe('ArcFace (m = 0.5)');
		expect(specLabel(presets.cosface)).toBe('CosFace (m = 0.35)');
		expect(specLabel(presets.cm2)).toBe('Combined (0.9, 0.4, 0.15)');
		expect(specLabel(presets.arcface, { scale: true })).toBe('ArcFace (m = 0.5), s = 64');
		expect(specLabel({ ...presets.arcface, fallback: 'insightface' })).toBe(
			'ArcFace (m = 0.5) · insightface'
		);
		expect(specLabel({ ...presets.arcface, fallback: 'none' })).toBe('ArcFace (m = 0.5)');
		expect(specLabel({ m1: 1, m2: 0.1 + 0.2, m3: 0, s: 30 })).toBe('ArcFace (m = 0.3)');
	});

	it('validateSpec accepts every preset and every fallback', () => {
		for (const name of presetNames) expect(() => validateSpec(presets[name])).not.toThrow();
		for (const fallback of fallbackModes)
			expect(() => validateSpec({ ...presets.cm1, fallback })).not.toThrow();
	});

	it('validateSpec rejects bad numbers with a clear message', () => {
		const bad: MarginSpec[] = [
			{ ...presets.arcface, s: 0 },
			{ ...presets.arcface, s: -1 },
			{ ...presets.arcface, s: Infinity },
			{ ...presets.arcface, m1: 0 },
			{ ...presets.arcface, m2: NaN },
			{ ...presets.arcface, m3: Infinity }
		];
		for (const spec of bad) expect(() => validateSpec(spec)).toThrow(/spec\./);
		const odd = { ...presets.arcface, fallback: 'hard' } as unknown as MarginSpec;
		expect(() => validateSpec(odd)).toThrow(/fallback/);
	});

	it('assertMargins ignores s (curves do not need it)', () => {
		expect(() => assertMargins({ ...presets.arcface, s: 0 })).not.toThrow();
		expect(() => assertMargins({ ...presets.arcface, m1: -1 })).toThrow(/m1/);
	});
});
