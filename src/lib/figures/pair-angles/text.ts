/**
 * The words and numbers the pair-angle figure prints (summary, threshold readout, table, ROC legend), built
 * from the analysed models and the figure's string section. Pure: no DOM, no Svelte.
 */
import { fmt } from '$lib/i18n';
import type { Messages } from '$lib/i18n';
import { DEG, FAR_TARGETS, MAX_PAIRS, percent, powerOfTen, scientific, type ModelPairs } from './data';

type Strings = Messages['pairAngles'];
type Models = (ModelPairs | null)[];

const pct = (r: number) => percent(r, fmt);

/** What a model's readouts say when it has no finite features. */
const failed = (t: Strings, name: string) => `${name}: ${t.diverged}`;

/** "Step 400. Softmax (L1): TAR 91 % at FAR 1 %, rank-1 97 %; ArcFace: …" (FAR 10⁻², one enrolled face). */
export function summaryText(t: Strings, step: number, models: Models, names: string[]): string {
	const far = FAR_TARGETS[1];
	const parts = models.map((m, i) => {
		if (!m) return failed(t, names[i]);
		const p = m.atFar.find((a) => a.target === far)!;
		return t.summaryModel(names[i], pct(p.tar), fmt(far * 100, 0), pct(m.rank1.enrolled.rate));
	});
	return t.summary(step, `${parts.join('; ')}.`);
}

/** The threshold slider's value text: the angle and each model's TAR and FAR there. */
export function thresholdText(
	t: Strings,
	deg: number,
	rates: ({ tar: number; far: number } | null)[],
	names: string[]
): string {
	const parts = rates.map((r, i) =>
		r ? t.sliderPart(names[i], pct(r.tar), pct(r.far)) : failed(t, names[i])
	);
	return t.sliderText(fmt(deg, 0), parts.join('; '));
}

/** Rows of the verification and identification table, one cell per model. */
export function tableRows(
	t: Strings,
	models: Models
): { rows: { label: string; cells: string[] }[]; note: string } {
	const cells = (f: (m: ModelPairs) => string) => models.map((m) => (m ? f(m) : '–'));
	const rank1 = (r: ModelPairs['rank1']['enrolled']) => t.rank1Cell(pct(r.rate), r.correct, r.probes);
	const rows = FAR_TARGETS.map((target) => ({
		label: t.tarAtFar(powerOfTen(target)),
		cells: cells((m) => {
			const p = m.atFar.find((a) => a.target === target)!;
			return t.tarCell(pct(p.tar), fmt(p.threshold / DEG, 1));
		})
	}));
	rows.push(
		{ label: t.best, cells: cells((m) => t.bestCell(fmt(m.best.threshold / DEG, 0), pct(m.best.accuracy))) },
		{ label: t.rank1Enrolled, cells: cells((m) => rank1(m.rank1.enrolled)) },
		{ label: t.rank1Loo, cells: cells((m) => rank1(m.rank1.leaveOneOut)) },
		{ label: t.pairs, cells: cells((m) => t.pairsCell(m.totalPositive, m.totalNegative)) },
		{ label: t.minFar, cells: cells((m) => scientific(1 / m.negative.length, fmt)) }
	);
	const sampled = models.some((m) => m && m.totalNegative > m.negative.length);
	return { rows, note: sampled ? t.sampled(MAX_PAIRS) : '' };
}

/** ROC legend entries ("Softmax (L1): TAR 97.8 % at FAR 10⁻¹, 91.5 % at FAR 10⁻²") and the chart's description. */
export function rocText(
	t: Strings,
	models: Models,
	names: string[]
): { legend: string[]; description: string } {
	const legend = names.map((name, i) => {
		const m = models[i];
		if (!m) return failed(t, name);
		return t.rocLegend(name, m.atFar.map((p) => t.rocAt(pct(p.tar), powerOfTen(p.target))).join(t.listSep));
	});
	const parts = models.flatMap((m, i) =>
		m ? m.atFar.map((p) => t.rocPart(names[i], powerOfTen(p.target), pct(p.tar))) : []
	);
	return { legend, description: t.rocDescription(parts.join(' ')) };
}
