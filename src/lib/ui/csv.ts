/** CSV text for downloads (pure, unit-tested). */
import type { Snapshot } from '$lib/train/client.svelte';

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; non-finite numbers are left empty. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
	const cell = (v: string | number) => {
		const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The held-out embeddings of both models, one row per face and model, with labels 1–8 as in the figures. */
export function embeddingsCsv(snap: Snapshot, losses: [string, string]): string {
	const rows: (string | number)[][] = [];
	snap.models.forEach((m, k) => {
		for (let i = 0; i < snap.labels.length; i++) {
			const x = m.features[2 * i];
			const y = m.features[2 * i + 1];
			const angle = (Math.atan2(y, x) * 180) / Math.PI;
			rows.push([
				k === 0 ? 'A' : 'B',
				losses[k],
				snap.step,
				i,
				snap.labels[i] + 1,
				x,
				y,
				m.featureNorms[i],
				angle
			]);
		}
	});
	return toCsv(['model', 'loss', 'step', 'face', 'identity', 'x', 'y', 'norm', 'angle_deg'], rows);
}
