/**
 * What the open-set figure draws and prints, from the open-set reports of the two models (pure TS: no DOM, no
 * Svelte). A report is the one `$lib/metrics/open-set` computes (`openSetReport`); the types below name only
 * the parts the figure reads, so any report of that shape fits.
 *
 * Each model has two reports: `seen` (held-out images of the K training identities: the closed set every other
 * figure shows) and `unseen` (people no model ever trained on). A report is null where that model's features
 * were not finite (a diverged run).
 */
import { fmt } from '$lib/i18n';
import type { Messages } from '$lib/i18n';
import { densityPerDegree, percent, powerOfTen } from '../pair-angles/data';

export type TargetPoint = {
	target: number;
	rate: number | null;
	threshold: number | null;
	achieved: number | null;
};
export type RateCurve = { error: ArrayLike<number>; rate: ArrayLike<number> };
export type ReportLike = {
	identities: number;
	images: number;
	verification: {
		positive: ArrayLike<number>;
		negative: ArrayLike<number>;
		totalPositive: number;
		totalNegative: number;
		tarAtFar: TargetPoint[];
		roc: RateCurve;
	};
	identification: {
		k: number;
		gallerySize: number;
		mated: number;
		correct: number;
		rank1: number;
		nonMated: number;
		dirAtFpir: TargetPoint[];
		curve: RateCurve;
	}[];
};
export type ModelReports = { seen: ReportLike | null; unseen: ReportLike | null };
export type SetName = 'seen' | 'unseen';
export const setNames: readonly SetName[] = ['seen', 'unseen'];

type Strings = Messages['openSet'];
const pct = (r: number) => percent(r, fmt);

/** Histograms (% of pairs per degree over 0°–180°) of one report's positive and negative pair angles. */
export function pairHistograms(r: ReportLike | null) {
	if (!r) return null;
	const pos = densityPerDegree(r.verification.positive);
	const neg = densityPerDegree(r.verification.negative);
	return { edgesDeg: pos.edgesDeg, positive: pos.density, negative: neg.density };
}

/** Highest density of any histogram, for one y-axis across panels. */
export function histogramMax(hs: (ReturnType<typeof pairHistograms> | null)[]): number {
	let max = 0;
	for (const h of hs) {
		if (!h) continue;
		for (const v of h.positive) max = Math.max(max, v);
		for (const v of h.negative) max = Math.max(max, v);
	}
	return max;
}

/** Share of the (sorted or not) angles strictly below `t` radians: the drawn sample's TAR or FAR at t. */
export function shareBelow(angles: ArrayLike<number>, t: number): number {
	if (angles.length === 0) return 0;
	let c = 0;
	for (let i = 0; i < angles.length; i++) if (angles[i] < t) c++;
	return c / angles.length;
}

/** The point at `target` (exactly), or null. */
export function pointAt(points: TargetPoint[], target: number): TargetPoint | null {
	return points.find((p) => Math.abs(p.target - target) <= target * 1e-9) ?? null;
}

/** A rate cell: "62 %" or the words for "not enough pairs/searches to measure". */
function rateCell(p: TargetPoint | null, missing: string): string {
	return p && p.rate !== null ? `${pct(p.rate)}\u00a0%` : missing;
}

/** The FAR (or FPIR) targets every report of the figure shares, ascending by value's exponent (1e-1 first). */
export function targetsOf(reports: (ReportLike | null)[], kind: 'far' | 'fpir'): number[] {
	const all = new Set<number>();
	for (const r of reports) {
		if (!r) continue;
		const pts = kind === 'far' ? r.verification.tarAtFar : (r.identification[0]?.dirAtFpir ?? []);
		for (const p of pts) all.add(p.target);
	}
	return [...all].sort((a, b) => b - a);
}

export type Column = { model: 0 | 1; set: SetName; report: ReportLike | null };

/** The table: one column per model and set, one row per measure. */
export function tableRows(t: Strings, columns: Column[]): { label: string; cells: string[] }[] {
	const reports = columns.map((c) => c.report);
	const rows: { label: string; cells: string[] }[] = [];
	const cell = (f: (r: ReportLike) => string) => columns.map((c) => (c.report ? f(c.report) : t.diverged));
	rows.push({ label: t.rowPeople, cells: cell((r) => t.peopleCell(r.identities, r.images)) });
	rows.push({
		label: t.rowPairs,
		cells: cell((r) => t.pairsCell(r.verification.totalPositive, r.verification.totalNegative))
	});
	for (const f of targetsOf(reports, 'far')) {
		rows.push({
			label: t.rowTar(powerOfTen(f)),
			cells: cell((r) => rateCell(pointAt(r.verification.tarAtFar, f), t.notEnough))
		});
	}
	const ks = [...new Set(reports.flatMap((r) => r?.identification.map((i) => i.k) ?? []))].sort(
		(a, b) => a - b
	);
	for (const k of ks) {
		rows.push({
			label: t.rowRank1(k),
			cells: cell((r) => {
				const id = r.identification.find((i) => i.k === k);
				return id && id.mated > 0 ? t.rank1Cell(pct(id.rank1), id.correct, id.mated) : t.notEnough;
			})
		});
	}
	const one = ks[0];
	for (const f of targetsOf(reports, 'fpir')) {
		rows.push({
			label: t.rowDir(powerOfTen(f), one ?? 1),
			cells: cell((r) => {
				const id = r.identification.find((i) => i.k === one);
				return id ? rateCell(pointAt(id.dirAtFpir, f), t.notEnough) : t.notEnough;
			})
		});
	}
	rows.push({
		label: t.rowSearches,
		cells: cell((r) => {
			const id = r.identification.find((i) => i.k === one);
			return id ? t.searchesCell(id.gallerySize, id.mated, id.nonMated) : '–';
		})
	});
	return rows;
}

/** The headline: for each model, TAR at FAR 10⁻² on the training people and on the unseen ones. */
export function headline(t: Strings, names: string[], reports: ModelReports[], far = 1e-2): string {
	const parts = reports.map((m, i) => {
		const at = (r: ReportLike | null) => {
			const p = r ? pointAt(r.verification.tarAtFar, far) : null;
			return p && p.rate !== null ? `${pct(p.rate)}\u00a0%` : t.notEnough;
		};
		if (!m.seen && !m.unseen) return `${names[i]}: ${t.diverged}`;
		return t.headlineModel(names[i], at(m.seen), at(m.unseen));
	});
	return t.headline(powerOfTen(far), parts.join(' '));
}

/** The ROC (or DIR) curve's points with error > 0, for a log axis; null when there are none. */
export function logCurve(c: RateCurve | undefined): { error: Float64Array; rate: Float64Array } | null {
	if (!c) return null;
	const keep: number[] = [];
	for (let i = 0; i < c.error.length; i++) {
		if (c.error[i] > 0 && Number.isFinite(c.error[i]) && Number.isFinite(c.rate[i])) keep.push(i);
	}
	if (keep.length === 0) return null;
	return {
		error: Float64Array.from(keep, (i) => c.error[i]),
		rate: Float64Array.from(keep, (i) => c.rate[i])
	};
}

/** The left end of a log axis that shows every curve: a power of ten, between 1e-6 and 1e-1. */
export function logFloor(curves: ({ error: Float64Array } | null)[]): number {
	let min = 1;
	for (const c of curves) if (c) for (const e of c.error) if (e > 0) min = Math.min(min, e);
	return Math.min(1e-1, Math.max(1e-6, 10 ** Math.floor(Math.log10(min) + 1e-9)));
}
