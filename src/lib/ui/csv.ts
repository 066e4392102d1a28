/** CSV text for downloads (pure, unit-tested). */
import { csvFormatRow } from 'd3';
import type { Snapshot } from '$lib/train/client.svelte';

/**
 * RFC 4180 CSV (d3-dsv's quoting: fields with commas, quotes or line breaks are quoted), CRLF line ends;
 * non-finite numbers are left empty.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
	const cell = (v: string | number) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v);
	return [header, ...rows].map((r) => csvFormatRow(r.map(cell)) + '\r\n').join('');
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
