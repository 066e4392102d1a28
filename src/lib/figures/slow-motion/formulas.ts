/**
 * The formula lines of each stage, with the real numbers (pure TS, plain text: "cos θ₃ = 0.412"). Classes are
 * shown 1..8 like the rays of the feature circle. Words come from the figure's string section.
 */
import { fmt } from '$lib/i18n';
import { lossInfo } from '$lib/margins';
import type { Inspection } from '$lib/train/protocol';
import { hypot, type StageKey, type Update, type Vec, type Walk } from './data';

export type Line = { text: string; target?: boolean };

export interface FormulaWords {
	withoutMargin: string;
	pastWrap: string;
	insightface: string;
	easy: string;
	everyCentre: string;
	notNormalised: string;
	closestOther: string;
	intra: string;
	inter: string;
	asIfFree: string;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴' };
const SUP2 = '⁵⁶⁷⁸⁹';

/** Subscript digits: sub(3) = '₃'. */
export function sub(n: number): string {
	return String(n).replace(/\d/g, (d) => SUB[Number(d)]);
}

function sup(s: string): string {
	return s.replace(/[-0-9]/g, (c) => SUP[c] ?? SUP2[Number(c) - 5]);
}

/** A number for a formula: 3 decimals (fewer when large), a true minus sign, tiny values as a × 10⁻ⁿ. */
export function num(v: number, digits = 3): string {
	if (!Number.isFinite(v)) return '–';
	if (v === 0) return '0';
	const a = Math.abs(v);
	let s: string;
	if (a < 10 ** -digits) {
		const [m, e] = v.toExponential(2).split('e');
		s = `${m} × 10${sup(String(Number(e)))}`;
	} else s = fmt(v, a >= 100 ? Math.max(0, digits - 2) : a >= 10 ? Math.max(0, digits - 1) : digits);
	return s.replace(/^-/, '−');
}

/** A factor: "12", "8.5 × 10⁴". */
export function factor(v: number): string {
	if (!Number.isFinite(v)) return '–';
	if (v < 1000) return fmt(v, v < 10 ? 1 : 0);
	const [m, e] = v.toExponential(1).split('e');
	return `${m} × 10${sup(String(Number(e)))}`;
}

/** A change with its sign: "+0.012", "−3.20 × 10⁻⁶". */
export const signed = (v: number, digits = 3): string => (v > 0 ? `+${num(v, digits)}` : num(v, digits));

/** Degrees from radians: "23.4°". */
export const deg = (rad: number, digits = 1): string =>
	`${fmt((rad * 180) / Math.PI, digits).replace(/^-/, '−')}°`;

/** v² for a formula, a negative v in brackets: "(−0.986)²". */
const sq = (v: number): string => (v < 0 ? `(${num(v)})²` : `${num(v)}²`);
const vec = (v: Vec): string => `(${num(v[0])}, ${num(v[1])})`;
const neg = (v: Vec): Vec => [-v[0], -v[1]];

export function stageLines(key: StageKey, w: Walk, ins: Inspection, up: Update, words: FormulaWords): Line[] {
	const y = sub(w.label + 1);
	const { s, m1, m2, m3 } = ins.head;
	const info = lossInfo(w.kind);
	const other = w.theta.reduce(
		(best, t, j) => (j !== w.label && (best < 0 || t < w.theta[best]) ? j : best),
		-1
	);
	const each = (f: (j: number) => string): Line[] =>
		w.cos.map((_, j) => ({ text: f(j), target: j === w.label }));
	switch (key) {
		case 'feature':
			return [{ text: `x = ${vec(w.x)}` }];
		case 'normalise':
			return [
				{ text: `‖x‖ = √(${sq(w.x[0])} + ${sq(w.x[1])}) = ${num(w.xNorm)}` },
				...(!info.normalised
					? [{ text: `‖W${y}‖ = ${num(w.centreNorms[w.label])}` }, { text: words.notNormalised }]
					: [
							{ text: `x̂ = x / ‖x‖ = ${vec(w.xHat)}` },
							{ text: `Ŵ${y} = W${y} / ‖W${y}‖ = ${vec(w.centreHats[w.label])}` },
							{ text: words.everyCentre }
						])
			];
		case 'cosines':
			return [{ text: 'cos θⱼ = x̂ · Ŵⱼ' }, ...each((j) => `cos θ${sub(j + 1)} = ${num(w.cos[j])}`)];
		case 'angle':
			return [
				{ text: `θ${y} = arccos(${num(w.cos[w.label])}) = ${deg(w.thetaY)}`, target: true },
				...(other >= 0 ? [{ text: `${words.closestOther} θ${sub(other + 1)} = ${deg(w.theta[other])}` }] : [])
			];
		case 'margin': {
			const m = w.margin;
			if (!m) return [];
			const angle = `m1·θ${y} + m2 = ${num(m1, 2)} × ${deg(w.thetaY)} + ${deg(m2)} = ${deg(m.angle)}`;
			const mLine = { text: `m1 = ${num(m1, 2)}, m2 = ${num(m2, 2)} rad = ${deg(m2)}, m3 = ${num(m3, 2)}` };
			if (m.branch === 'margin')
				return [
					mLine,
					{ text: angle },
					{ text: `cos(${deg(m.angle)}) − ${num(m3, 2)} = ${num(m.value)}`, target: true },
					{ text: `${words.withoutMargin} cos θ${y} = ${num(w.cos[w.label])}` }
				];
			if (ins.head.fallback === 'easy')
				return [mLine, { text: `${words.easy} cos θ${y} = ${num(m.value)}`, target: true }];
			return [
				mLine,
				{ text: angle },
				{ text: `${words.pastWrap} ${deg(m.wrap ?? Math.PI)}` },
				{
					text: `${words.insightface} cos θ${y} − m3 − m2·sin m2 = ${num(w.cos[w.label])} − ${num(m3, 2)} − ${num(m2 * Math.sin(m2))} = ${num(m.value)}`,
					target: true
				}
			];
		}
		case 'logits':
			if (info.logits === 'affine')
				return [
					{ text: 'zⱼ = Wⱼ · x + bⱼ = ‖Wⱼ‖ ‖x‖ cos θⱼ + bⱼ' },
					...each((j) => `z${sub(j + 1)} = ${num(w.logits[j])}`)
				];
			return [
				{ text: `zⱼ = s · cos θⱼ,  s = ${num(s, 1)}` },
				...(w.margin
					? [
							{
								text: `z${y} = s · ${num(w.margin.value)} (${words.withoutMargin} ${num(s * w.cos[w.label], 2)})`
							}
						]
					: []),
				...each((j) => `z${sub(j + 1)} = ${num(w.logits[j], 2)}`)
			];
		case 'softmax':
			return [
				{ text: 'pⱼ = exp(zⱼ) / Σₖ exp(zₖ)' },
				...each((j) => `p${sub(j + 1)} = ${num(w.probs[j] * 100, 1)} %`)
			];
		case 'loss': {
			const regularised = info.regulariser !== null;
			const lines: Line[] = [
				{
					text: `${regularised ? '' : 'L = '}−log p${y} = −log ${num(w.pY, 4)} = ${num(w.crossEntropy)}`,
					target: !regularised
				}
			];
			if (regularised)
				lines.push(
					{ text: `${info.regulariser === 'intra' ? words.intra : words.inter} = ${num(w.extra)}` },
					{
						text: `L = ${num(w.crossEntropy)} ${w.extra < 0 ? '−' : '+'} ${num(Math.abs(w.extra))} = ${num(w.loss)}`,
						target: true
					}
				);
			return lines;
		}
		case 'gradient':
			return [
				{ text: `−∂L/∂x = ${vec(neg(w.gradX))},  |·| = ${num(hypot(w.gradX))}` },
				{ text: `−∂L/∂W${y} = ${vec(neg(w.gradWy))},  |·| = ${num(hypot(w.gradWy))}` },
				{ text: `η = ${num(up.eta, 4)} (${words.asIfFree})` },
				{ text: `x → x − η ∂L/∂x = ${vec(up.x)}` },
				{ text: `W${y} → W${y} − η ∂L/∂W${y} = ${vec(up.wy)}` },
				{
					text: `θ${y}: ${deg(up.thetaBefore, 2)} → ${deg(up.thetaAfter, 2)} (${signed((up.thetaAfter - up.thetaBefore) * (180 / Math.PI))}°)`,
					target: true
				},
				{ text: `L: ${num(up.lossBefore, 4)} → ${num(up.lossAfter, 4)}` }
			];
	}
}
