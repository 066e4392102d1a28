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

/**
 * The held-out embeddings of both models, one row per face and model, with labels 1–K as in the figures:
 * x, y and the angle for 2-D features, x1 … xD for D > 2.
 */
export function embeddingsCsv(snap: Snapshot, losses: [string, string]): string {
	const dim = snap.dim ?? 2;
	if (dim !== 2) return embeddingsCsvD(snap, losses, dim);
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

function embeddingsCsvD(snap: Snapshot, losses: [string, string], dim: number): string {
	const rows: (string | number)[][] = [];
	snap.models.forEach((m, k) => {
		for (let i = 0; i < snap.labels.length; i++) {
			const x = Array.from(m.features.subarray(i * dim, (i + 1) * dim));
			rows.push([k === 0 ? 'A' : 'B', losses[k], snap.step, i, snap.labels[i] + 1, ...x, m.featureNorms[i]]);
		}
	});
	const coords = Array.from({ length: dim }, (_, j) => `x${j + 1}`);
	return toCsv(['model', 'loss', 'step', 'face', 'identity', ...coords, 'norm'], rows);
}
