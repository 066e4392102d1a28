import { describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n';
import { choiceText, fallbackText, noticeText } from '$lib/figures/run/backend-text';

describe('backend readouts and notices', () => {
	it('name backends by their display names in both languages', () => {
		for (const lang of ['en', 'zh'] as const) {
			const t = messages[lang].lab;
			const changed = noticeText(t, { kind: 'changed', from: 'webgl', to: 'wasm', reason: 'lost' });
			const lost = noticeText(t, { kind: 'lost', backend: 'cpu', reason: 'x' });
			expect(changed).toContain('WebGL');
			expect(changed).toContain('WebAssembly');
			expect(lost).toContain('CPU');
			for (const s of [changed, lost]) expect(s).not.toMatch(/\b(webgl|wasm|cpu)\b/);
		}
		expect(noticeText(messages.en.lab, { kind: 'changed', from: 'webgl', to: 'wasm', reason: '' })).toBe(
			'The WebGL backend stopped working; training carries on with WebAssembly.'
		);
	});

	it('count one step per second as one', () => {
		const t = messages.en.lab;
		expect(t.rate('1')).toBe('1 step/s');
		expect(t.rate('0')).toBe('0 steps/s');
		expect(t.rate('12')).toBe('12 steps/s');
		expect(t.speedCell('1', '0.5')).toBe('1 step/s (start-up 0.5 s)');
		expect(messages.zh.lab.rate('1')).toBe('每秒 1 步');
	});

	it('say plainly when the asked-for backend did not start', () => {
		expect(fallbackText(messages.en.lab, 'webgl', 'wasm')).toBe(
			'WebGL is not available on this device; training runs on WebAssembly.'
		);
		expect(fallbackText(messages.zh.lab, 'webgl', 'wasm')).toContain('WebGL');
		expect(fallbackText(messages.en.lab, 'webgl', 'webgl')).toBeNull();
		expect(fallbackText(messages.en.lab, 'auto', 'wasm')).toBeNull();
		expect(fallbackText(messages.en.lab, 'webgl', null)).toBeNull();
	});

	it('say what ran and what was timed: started on the default, kept, moved with the measured factor, remembered', () => {
		for (const lang of ['en', 'zh'] as const) {
			const t = messages[lang];
			const names = t.lab.backendNames;
			const speeds = [
				{ backend: 'wasm' as const, stepsPerSec: 100, warmupMs: 1 },
				{ backend: 'webgl' as const, stepsPerSec: 250, warmupMs: 900 }
			];
			const started = choiceText(t.backendChoice, names, 'wasm', { kind: 'measuring' }, 'auto');
			const kept = choiceText(
				t.backendChoice,
				names,
				'wasm',
				{ kind: 'done', from: 'wasm', to: 'wasm', speeds },
				'auto'
			);
			const moved = choiceText(
				t.backendChoice,
				names,
				'webgl',
				{ kind: 'done', from: 'wasm', to: 'webgl', speeds },
				'auto'
			);
			const remembered = choiceText(t.backendChoice, names, 'cpu', null, 'remembered');
			expect(started).toContain('WebAssembly');
			expect(kept).toContain('1.25');
			expect(moved).toContain('2.2'); // 20.0 s against 8.9 s for a typical run
			expect(moved).toContain('WebGL');
			expect(remembered).toContain('CPU');
			for (const s of [started, kept, moved, remembered]) expect(s).not.toMatch(/\b(webgl|wasm|cpu)\b/);
			expect(choiceText(t.backendChoice, names, 'webgl', null, 'asked')).toBeNull();
		}
	});
});
