import { describe, expect, it } from 'vitest';
import { labAction } from '../../src/lib/lab/keys';
import { decodeLab, encodeLab, labKeys } from '../../src/lib/state/lab-settings';
import { defaultSettings } from '../../src/lib/train/settings';
import { thin } from '../../src/lib/state/run.svelte';
import { embeddingsCsv, toCsv } from '../../src/lib/ui/csv';

describe('lab URL', () => {
	it('gives the default settings for an empty query and writes nothing for them', () => {
		const s = decodeLab('');
		expect(s.settings).toEqual(defaultSettings);
		expect(s.hidden).toEqual([]);
		expect(encodeLab(s).toString()).toBe('');
	});

	it('round-trips a full set of settings', () => {
		const q =
			'a=cosface&m3a=0.4&b=arcface&m2b=0.3&fb=easy&lr=0.003&bs=64&opt=sgd&mom=0.8&n=600&size=24&pose=0.7&noise=0&seed=42&pace=5&backend=wasm&hide=margins,seed';
		const s = decodeLab(q);
		expect(s.settings.a).toMatchObject({ loss: 'cosface', m3: 0.4, m1: 1, m2: 0 });
		expect(s.settings.b).toMatchObject({ loss: 'arcface', m2: 0.3, fallback: 'easy' });
		expect(s.settings).toMatchObject({
			lr: 0.003,
			batchSize: 64,
			optimizer: 'sgd',
			momentum: 0.8,
			perIdentity: 600,
			size: 24,
			seed: 42
		});
		expect(s.settings.nuisance.yaw).toBe(0.7);
		expect(s.settings.nuisance.noise).toBe(0);
		expect(s.hidden).toEqual(['margins', 'seed']);
		expect(s.pace).toBe(5);
		expect(s.backend).toBe('wasm');
		expect(decodeLab(encodeLab(s))).toEqual(s);
		for (const k of encodeLab(s).keys()) expect(labKeys).toContain(k);
	});

	it('clamps and ignores hostile values without throwing', () => {
		const bad = [
			'a=__proto__&b=constructor&lr=NaN&bs=1e9&n=-5&size=9999&pose=7&seed=-1&hide=<script>',
			'sa=1e999&m2b=abc&lrb=0x10&opt=rmsprop&mom=2&pace=1e9&backend=gpu',
			'%E0%A4%A&lr=%ZZ',
			'lr=' + '9'.repeat(1000)
		];
		for (const q of bad) {
			const s = decodeLab(q);
			expect(s.settings.batchSize).toBeLessThanOrEqual(512);
			expect(s.settings.perIdentity).toBeGreaterThanOrEqual(50);
			expect(s.settings.size).toBeLessThanOrEqual(32);
			expect(Object.values(s.settings.nuisance).every((v) => v >= 0 && v <= 1)).toBe(true);
			expect(Number.isFinite(s.settings.lr)).toBe(true);
			expect(['sgd', 'adam']).toContain(s.settings.optimizer);
			expect(s.pace).toBeGreaterThanOrEqual(0);
			expect(s.pace).toBeLessThanOrEqual(500);
			expect(['auto', 'webgl', 'wasm', 'cpu']).toContain(s.backend);
		}
		expect(decodeLab('bs=1e9').settings.batchSize).toBe(512);
		expect(decodeLab('a=__proto__').settings.a.loss).toBe('softmax');
	});
});

describe('keyboard shortcuts', () => {
	it('maps space, →, r and ? and leaves fields and buttons alone', () => {
		expect(labAction({ key: ' ', targetTag: 'BODY' })).toBe('toggle');
		expect(labAction({ key: 'ArrowRight', targetTag: 'DIV' })).toBe('step');
		expect(labAction({ key: 'r', targetTag: 'MAIN' })).toBe('reset');
		expect(labAction({ key: '?', targetTag: 'BODY' })).toBe('help');
		expect(labAction({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
		expect(labAction({ key: 'ArrowRight', targetTag: 'INPUT' })).toBeNull();
		expect(labAction({ key: 'r', targetTag: 'SELECT' })).toBeNull();
		expect(labAction({ key: '?', targetTag: 'INPUT' })).toBeNull();
		expect(labAction({ key: 'r', targetTag: 'DIV', ctrlKey: true })).toBeNull();
		expect(labAction({ key: 'r', targetEditable: true })).toBeNull();
	});
});

describe('run history', () => {
	it('thins evenly and keeps the first and newest items', () => {
		const items = Array.from({ length: 11 }, (_, i) => i);
		expect(thin(items, 20)).toBe(items);
		const t = thin(items, 10);
		expect(t[0]).toBe(0);
		expect(t.at(-1)).toBe(10);
		expect(t.length).toBeLessThanOrEqual(10);
	});
});

describe('CSV', () => {
	it('quotes what needs quoting and leaves non-finite numbers empty', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['x,y', 'say "hi"'],
					[1.5, Number.NaN]
				]
			)
		).toBe('a,b\r\n"x,y","say ""hi"""\r\n1.5,\r\n');
	});

	it('writes one row per face and model with identities numbered 1–8', () => {
		const snap = {
			step: 7,
			dim: 2,
			labels: Int32Array.from([0, 7]),
			models: [0, 1].map(() => ({
				features: Float32Array.from([1, 0, 0, 2]),
				featureNorms: Float32Array.from([1, 2]),
				centres: new Float32Array(16),
				centreNorms: new Float32Array(8)
			})) as never
		};
		const lines = embeddingsCsv(snap, ['softmax', 'arcface']).trim().split('\r\n');
		expect(lines).toHaveLength(5);
		expect(lines[0]).toBe('model,loss,step,face,identity,x,y,norm,angle_deg');
		expect(lines[2]).toBe('A,softmax,7,1,8,0,2,2,90');
		expect(lines[3].startsWith('B,arcface,7,0,1,')).toBe(true);
	});
});
