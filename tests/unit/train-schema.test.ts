import { describe, expect, it } from 'vitest';
import { NUISANCE_KEYS } from '$lib/faces';
import { lossInfo, lossNames } from '$lib/margins/catalogue';
import { decodeLab, labKeys, urlField } from '$lib/state/lab-settings';
import { marginRanges, targetLogitSchema } from '$lib/state/figure-settings';
import {
	appliesTo,
	dataKey,
	headNumbers,
	headRanges,
	labSchema,
	modelSchema,
	nuisanceSchema,
	sliderOf,
	slidersIn,
	trainSchema,
	type NumberSetting
} from '$lib/train/schema';
import { defaultSettings, LIMITS, lossDefaults, validateSettings, withModel } from '$lib/train/settings';

const numbers: [string, NumberSetting][] = [
	...Object.entries(modelSchema),
	...Object.entries(trainSchema),
	...Object.entries(nuisanceSchema),
	...Object.entries(labSchema)
].filter((e): e is [string, NumberSetting] => e[1].type === 'number' || e[1].type === 'integer');

describe('settings schema', () => {
	it('gives every number one range: the URL field, the validator and the slider use the same values', () => {
		expect(numbers.length).toBeGreaterThan(15);
		for (const [name, e] of numbers) {
			const f = urlField(e);
			expect(f.kind === 'number' && [f.min, f.max], name).toEqual([...e.range]);
			const slider = sliderOf(e);
			expect([slider.min, slider.max], name).toEqual([...e.range]);
			expect(slider.scale).toBe(e.scale);
		}
		for (const k of ['s', 'm1', 'm2', 'm3'] as const) expect(LIMITS[k]).toBe(modelSchema[k].range);
		for (const k of ['lr', 'batchSize', 'momentum', 'perIdentity', 'size', 'seed'] as const)
			expect(LIMITS[k]).toBe(trainSchema[k].range);
		expect(modelSchema.lr.range).toBe(trainSchema.lr.range);
	});

	it('uses the single ranges the issue asks for', () => {
		expect(LIMITS.s).toEqual([1, 1e6]);
		expect(LIMITS.lr).toEqual([1e-5, 1e6]);
		expect(LIMITS.m1).toEqual([0.5, 3]);
		expect(LIMITS.m2).toEqual([0, 1.5]);
		expect(LIMITS.m3).toEqual([0, 1]);
		// the target-logit figure's custom curve reuses them
		for (const k of ['m1', 'm2', 'm3'] as const)
			expect([targetLogitSchema[k].min, targetLogitSchema[k].max]).toEqual([...headRanges[k]]);
		// the decision-margin figure's ranges sit inside them and start at the catalogue's defaults
		const inside = (r: (typeof marginRanges)['arcface'], k: 'm1' | 'm2' | 'm3') => {
			expect(r!.min).toBeGreaterThanOrEqual(headRanges[k][0]);
			expect(r!.max).toBeLessThanOrEqual(headRanges[k][1]);
		};
		inside(marginRanges.sphereface, 'm1');
		inside(marginRanges.arcface, 'm2');
		inside(marginRanges.cosface, 'm3');
		expect(marginRanges.arcface!.default).toBe(lossInfo('arcface').defaults.m2);
	});

	it('lets the URL ask for no more than the sliders: lr and s stop at the sliders’ minimum', () => {
		expect(validateSettings({ lr: 1e-6, b: { loss: 'arcface', s: 0.1 } })).toMatchObject({
			lr: 1e-5,
			b: { s: 1 }
		});
	});

	it('decodes an under-range URL value to the slider’s minimum, where the knob sits', () => {
		const { settings } = decodeLab('?lr=0.000001&sa=0.1&sb=0.1&a=arcface&b=cosface');
		expect(settings.lr).toBe(sliderOf(trainSchema.lr).min);
		expect(settings.a.s).toBe(sliderOf(modelSchema.s).min);
		expect(settings.b.s).toBe(sliderOf(modelSchema.s).min);
	});

	it('shows and keeps a head number exactly for the losses that have it (the catalogue)', () => {
		for (const loss of lossNames) {
			const params = lossInfo(loss).params;
			for (const e of headNumbers) expect(appliesTo(e, loss)).toBe(params.includes(e.param));
			expect(appliesTo(modelSchema.fallback, loss)).toBe(params.includes('fallback'));
			expect(lossDefaults(loss)).toEqual({ loss, ...lossInfo(loss).defaults });
		}
	});

	it('lists the sliders of each hide group and every URL key once', () => {
		expect(slidersIn('optimizer')).toEqual(['lr', 'batchSize', 'momentum']);
		expect(slidersIn('data')).toEqual(['perIdentity', 'size', 'identities', 'dim']);
		expect(new Set(labKeys).size).toBe(labKeys.length);
		for (const k of NUISANCE_KEYS) expect(labKeys).toContain(nuisanceSchema[k].key);
	});

	it('keys the data cache on the data settings only', () => {
		const d = defaultSettings;
		expect(dataKey({ ...d, lr: 0.1, b: { ...d.b, m2: 0.2 } })).toBe(dataKey(d));
		expect(dataKey({ ...d, seed: 2 })).not.toBe(dataKey(d));
		expect(dataKey({ ...d, size: 24 })).not.toBe(dataKey(d));
		expect(dataKey({ ...d, nuisance: { ...d.nuisance, noise: 0 } })).not.toBe(dataKey(d));
	});

	it('applies a control change like the validator would', () => {
		const b = defaultSettings.b;
		expect(withModel(b, { m2: 9 }).m2).toBe(1.5);
		expect(withModel(b, { m1: 2 }).m1).toBe(1);
		expect(withModel(b, { loss: 'cosface' })).toEqual({ ...lossDefaults('cosface'), lr: null });
		expect(withModel(b, { m2: 0.3 })).toEqual(validateSettings({ b: { ...b, m2: 0.3 } }).b);
	});
});
