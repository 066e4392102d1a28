import { describe, it, expect } from 'vitest';
import {
	angularMargin,
	decisionBoundary,
	deg,
	presetNames,
	presets,
	rad,
	targetLogit,
	targetLogitCurve,
	targetLogitDetail,
	wrapAngle,
	type MarginSpec
} from '$lib/margins';

const arc = presets.arcface;
const hard: MarginSpec = { ...arc, fallback: 'insightface' };
const easy: MarginSpec = { ...arc, fallback: 'easy' };
const m = 0.5;

describe('targetLogit', () => {
	it('is cos(m1·θ + m2) − m3 for each preset', () => {
		const t = rad(50);
		expect(targetLogit(t, presets.softmax)).toBeCloseTo(Math.cos(t), 15);
		expect(targetLogit(t, presets.sphereface)).toBeCloseTo(Math.cos(1.35 * t), 15);
		expect(targetLogit(t, presets.arcface)).toBeCloseTo(Math.cos(t + 0.5), 15);
		expect(targetLogit(t, presets.cosface)).toBeCloseTo(Math.cos(t) - 0.35, 15);
		expect(targetLogit(t, presets.cm1)).toBeCloseTo(Math.cos(t + 0.3) - 0.2, 15);
		expect(targetLogit(t, presets.cm2)).toBeCloseTo(Math.cos(0.9 * t + 0.4) - 0.15, 15);
	});

	it('every preset is strictly decreasing over 20°–100° (Fig. 4b)', () => {
		for (const name of presetNames) {
			const curve = targetLogitCurve(presets[name], rad(20), rad(100), 161);
			expect(curve).toHaveLength(161);
			for (let i = 1; i < curve.length; i++) {
				expect(curve[i].value, `${name} at ${deg(curve[i].theta)}°`).toBeLessThan(curve[i - 1].value);
			}
			// Fig. 4b's y range is about −1.2 to 1
			for (const p of curve) expect(p.value).toBeGreaterThan(-1.2);
		}
	});

	it('at θ = 90° the margins rank as in Fig. 4b', () => {
		const t = rad(90);
		expect(targetLogit(t, presets.softmax)).toBeCloseTo(0, 15);
		expect(targetLogit(t, presets.arcface)).toBeCloseTo(-Math.sin(0.5), 15);
		expect(targetLogit(t, presets.cosface)).toBeCloseTo(-0.35, 15);
	});

	it('SphereFace 1.35 wraps: cos(1.35θ) turns back up past π/1.35 ≈ 133.3°', () => {
		const w = wrapAngle(presets.sphereface);
		expect(w).not.toBeNull();
		expect(deg(w as number)).toBeCloseTo(133.333, 3);
		const at = (d: number) => targetLogit(rad(d), presets.sphereface);
		expect(at(133.333)).toBeCloseTo(-1, 6);
		expect(at(120)).toBeGreaterThan(at(133.333));
		expect(at(150)).toBeGreaterThan(at(133.333));
		expect(at(150)).toBeCloseTo(Math.cos(rad(202.5)), 12); // −0.924: rising again
		expect(at(180)).toBeGreaterThan(at(150));
	});

	it('ArcFace without fallback also wraps, at π − m', () => {
		expect(wrapAngle(arc)).toBeCloseTo(Math.PI - m, 15);
		expect(targetLogit(Math.PI, arc)).toBeCloseTo(Math.cos(Math.PI + m), 15); // −0.878 > −1
		expect(targetLogit(Math.PI, arc)).toBeGreaterThan(targetLogit(Math.PI - m, arc));
	});

	it('wrapAngle is null when the combined angle stays below π', () => {
		expect(wrapAngle(presets.softmax)).toBeNull();
		expect(wrapAngle(presets.cosface)).toBeNull();
		expect(wrapAngle(presets.cm2)).toBeCloseTo((Math.PI - 0.4) / 0.9, 15);
	});

	it('is finite at θ = 0 and θ = π for every preset and fallback', () => {
		for (const name of presetNames) {
			for (const fallback of ['none', 'insightface', 'easy'] as const) {
				for (const t of [0, Math.PI])
					expect(Number.isFinite(targetLogit(t, { ...presets[name], fallback }))).toBe(true);
			}
		}
	});

	it('rejects a non-finite θ or a bad spec', () => {
		expect(() => targetLogit(NaN, arc)).toThrow(/theta/);
		expect(() => targetLogit(1, { ...arc, m1: 0 })).toThrow(/m1/);
	});
});

describe('insightface fallback (hard margin)', () => {
	const mm = m * Math.sin(m); // the reference's sin(π − m)·m
	const switchAt = Math.PI - m;

	it('is cos(θ + m) before π − m', () => {
		for (const d of [0, 30, 90, 150]) {
			expect(targetLogit(rad(d), hard)).toBeCloseTo(Math.cos(rad(d) + m), 15);
			expect(targetLogitDetail(rad(d), hard).branch).toBe('margin');
		}
	});

	it('jumps at θ = π − m: from −1 down to −cos m − m·sin m ≈ −1.117', () => {
		const before = targetLogit(switchAt - 1e-9, hard);
		const after = targetLogit(switchAt + 1e-9, hard);
		expect(before).toBeCloseTo(-1, 8);
		expect(after).toBeCloseTo(-Math.cos(m) - mm, 8);
		expect(after).toBeCloseTo(-1.1173, 4);
		expect(before - after).toBeGreaterThan(0.11); // a jump, not a kink
		expect(targetLogitDetail(switchAt, hard).branch).toBe('fallback'); // cos θ > th is strict
	});

	it('beyond π − m it is cos θ − m·sin m, and keeps decreasing', () => {
		for (const d of [155, 160, 175, 180]) {
			expect(targetLogit(rad(d), hard)).toBeCloseTo(Math.cos(rad(d)) - mm, 15);
		}
		expect(targetLogit(rad(175), hard)).toBeLessThan(targetLogit(rad(160), hard));
	});

	it('generalises: SphereFace falls back to cos θ, CosFace never switches', () => {
		const sphere: MarginSpec = { ...presets.sphereface, fallback: 'insightface' };
		expect(targetLogit(rad(150), sphere)).toBeCloseTo(Math.cos(rad(150)), 15);
		expect(targetLogit(rad(120), sphere)).toBeCloseTo(Math.cos(1.35 * rad(120)), 15);
		const cos: MarginSpec = { ...presets.cosface, fallback: 'insightface' };
		expect(targetLogit(Math.PI, cos)).toBeCloseTo(-1.35, 15);
		expect(targetLogitDetail(Math.PI, cos).branch).toBe('margin');
		const cm1: MarginSpec = { ...presets.cm1, fallback: 'insightface' };
		expect(targetLogit(rad(175), cm1)).toBeCloseTo(Math.cos(rad(175)) - 0.2 - 0.3 * Math.sin(0.3), 15);
	});
});

describe('easy margin', () => {
	it('equals cos θ beyond 90° and cos(θ + m) before', () => {
		for (const d of [91, 100, 120, 170, 180]) {
			expect(targetLogit(rad(d), easy)).toBe(Math.cos(rad(d)));
			expect(targetLogitDetail(rad(d), easy).branch).toBe('fallback');
		}
		for (const d of [0, 45, 89]) expect(targetLogit(rad(d), easy)).toBeCloseTo(Math.cos(rad(d) + m), 15);
	});

	it('drops every margin beyond 90°, CosFace included', () => {
		expect(targetLogit(rad(120), { ...presets.cosface, fallback: 'easy' })).toBe(Math.cos(rad(120)));
	});
});

describe('decisionBoundary (Fig. 5)', () => {
	const grid = Array.from({ length: 19 }, (_, i) => rad(i * 10)); // 0°, 10°, …, 180°

	it('softmax: θ2 = θ1 everywhere', () => {
		for (const t of grid) expect(decisionBoundary(t, presets.softmax)).toBeCloseTo(t, 15);
	});

	it('ArcFace: θ2 − θ1 = 0.5 rad = 28.65° wherever defined, null past π − m', () => {
		let defined = 0;
		for (const t of grid) {
			const gap = angularMargin(t, arc);
			if (t <= Math.PI - m) {
				expect(gap).not.toBeNull();
				expect(gap as number).toBeCloseTo(0.5, 12);
				expect(deg(gap as number)).toBeCloseTo(28.65, 2);
				defined++;
			} else {
				expect(gap).toBeNull();
			}
		}
		expect(defined).toBe(16); // 0°…150°
		expect(decisionBoundary(Math.PI - m, arc)).toBeCloseTo(Math.PI, 15);
	});

	it('SphereFace: θ2 = 1.35·θ1 up to 133.3°, null beyond', () => {
		expect(decisionBoundary(rad(60), presets.sphereface)).toBeCloseTo(rad(81), 14);
		expect(decisionBoundary(rad(130), presets.sphereface)).toBeCloseTo(rad(175.5), 14);
		expect(decisionBoundary(rad(140), presets.sphereface)).toBeNull();
	});

	it('CosFace: cos θ2 = cos θ1 − m, so the angular margin changes with θ1', () => {
		// by hand: θ1 = 60° → acos(0.5 − 0.35) = acos(0.15) = 81.373°, a 21.373° margin
		expect(deg(decisionBoundary(rad(60), presets.cosface) as number)).toBeCloseTo(81.373, 3);
		expect(deg(angularMargin(rad(60), presets.cosface) as number)).toBeCloseTo(21.373, 3);
		// θ1 = 30° → acos(0.866 − 0.35) = 58.934°, a 28.934° margin
		expect(deg(angularMargin(rad(30), presets.cosface) as number)).toBeCloseTo(28.934, 3);
		// θ1 = 90° → acos(−0.35) = 110.487°
		expect(deg(angularMargin(rad(90), presets.cosface) as number)).toBeCloseTo(20.487, 3);
		// null once cos θ1 − 0.35 < −1, i.e. θ1 > acos(−0.65) ≈ 130.54°
		expect(decisionBoundary(rad(130), presets.cosface)).not.toBeNull();
		expect(decisionBoundary(rad(131), presets.cosface)).toBeNull();
	});

	it('combined: θ2 = acos(cos(m1·θ1 + m2) − m3)', () => {
		const t = rad(40);
		expect(decisionBoundary(t, presets.cm1)).toBeCloseTo(Math.acos(Math.cos(t + 0.3) - 0.2), 14);
		expect(decisionBoundary(t, presets.cm2)).toBeCloseTo(Math.acos(Math.cos(0.9 * t + 0.4) - 0.15), 14);
		// the boundary always lies above θ2 = θ1 for these margins in 20°–100°
		for (const name of ['sphereface', 'arcface', 'cosface', 'cm1', 'cm2'] as const) {
			for (let d = 20; d <= 100; d += 10) {
				expect(angularMargin(rad(d), presets[name]) as number).toBeGreaterThan(0);
			}
		}
	});

	it('fallbacks: insightface ArcFace is null past π − m, easy gives θ2 = θ1 past 90°', () => {
		expect(decisionBoundary(rad(60), hard)).toBeCloseTo(rad(60) + m, 15);
		expect(decisionBoundary(rad(155), hard)).toBeNull();
		expect(decisionBoundary(rad(60), easy)).toBeCloseTo(rad(60) + m, 15);
		expect(decisionBoundary(rad(120), easy)).toBeCloseTo(rad(120), 14);
		expect(angularMargin(rad(120), easy)).toBeCloseTo(0, 14);
	});

	it('rejects θ1 outside [0, π]', () => {
		expect(() => decisionBoundary(-0.1, arc)).toThrow(/theta1/);
		expect(() => decisionBoundary(4, arc)).toThrow(/theta1/);
		expect(() => angularMargin(NaN, arc)).toThrow(/theta1/);
	});
});
