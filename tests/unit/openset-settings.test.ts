import { describe, expect, it } from 'vitest';
import { figures } from '$lib/figures/registry';
import { decodeLab, encodeLab } from '$lib/state/lab-settings';
import { clampSetting, nearestChoice, trainSchema } from '$lib/train/schema';
import { defaultSettings, validateSettings } from '$lib/train/settings';
import { embeddingsCsv } from '$lib/ui/csv';

describe('the ids and dim settings', () => {
	it('default to the lab of today: 8 identities on the 2-D circle, and stay out of its URL', () => {
		expect([defaultSettings.identities, defaultSettings.dim]).toEqual([8, 2]);
		const state = decodeLab('');
		expect(encodeLab(state).toString()).toBe('');
	});

	it('round-trip through the lab URL for every allowed value', () => {
		for (const ids of trainSchema.identities.choices) {
			for (const dim of trainSchema.dim.choices) {
				const state = decodeLab(`ids=${ids}&dim=${dim}`);
				expect([state.settings.identities, state.settings.dim]).toEqual([ids, dim]);
				const again = decodeLab(encodeLab(state));
				expect([again.settings.identities, again.settings.dim]).toEqual([ids, dim]);
			}
		}
	});

	it('snap other values to the nearest choice and clamp extremes; garbage falls back to the default', () => {
		const read = (q: string) => {
			const s = decodeLab(q).settings;
			return [s.identities, s.dim];
		};
		expect(read('ids=100&dim=4')).toEqual([128, 3]);
		// log10: 11 is nearer 8 than 16, 5 nearer 8 than 3
		expect(read('ids=11&dim=5')).toEqual([8, 8]);
		expect(read('ids=1e9&dim=1e9')).toEqual([256, 64]);
		expect(read('ids=-5&dim=0')).toEqual([8, 2]);
		expect(read('ids=abc&dim=NaN')).toEqual([8, 2]);
		expect(read('ids=&dim=%20')).toEqual([8, 2]);
		expect(validateSettings({ identities: '32', dim: 16.4 })).toMatchObject({ identities: 32, dim: 16 });
		expect(validateSettings({ identities: Infinity, dim: -Infinity })).toMatchObject({
			identities: 256,
			dim: 2
		});
		expect(clampSetting(trainSchema.dim, 2.9)).toBe(3);
		expect(nearestChoice([2, 3, 8], 4, 'log')).toBe(3);
		expect(nearestChoice([2, 3, 8], 6, 'linear')).toBe(8);
	});

	it('are read by a run figure’s URL too', () => {
		const s = figures['feature-circle'].decode('ids=64&dim=3') as { settings: typeof defaultSettings };
		expect([s.settings.identities, s.settings.dim]).toEqual([64, 3]);
	});

	it('the embeddings download writes D coordinates in D > 2', () => {
		const m = {
			features: Float32Array.from([1, 2, 2, 0, 0, 3]),
			featureNorms: Float32Array.from([3, 3]),
			centres: new Float32Array(6),
			centreNorms: new Float32Array(2)
		};
		const snap = { step: 4, dim: 3, labels: Int32Array.from([0, 1]), models: [m, m] as [typeof m, typeof m] };
		const lines = embeddingsCsv(snap, ['softmax', 'arcface']).trim().split('\r\n');
		expect(lines[0]).toBe('model,loss,step,face,identity,x1,x2,x3,norm');
		expect(lines[1]).toBe('A,softmax,4,0,1,1,2,2,3');
		expect(lines).toHaveLength(5);
	});
});
