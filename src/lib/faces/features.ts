/**
 * Inner face features, drawn in face-plane coordinates (u across, v down; pose already undone), mirrored
 * about u = 0 where the face is symmetric.
 */
import type { Layout } from './layout';
import { cover, ellipseCover, ellipseSd, over } from './shapes';

function drawEye(acc: Float64Array, L: Layout, x: number, y: number, s: number, px: number): void {
	const p = L.p;
	if (x < -2.2 * p.eyeW || x > 2.2 * p.eyeW || y < -3.2 * p.eyeW || y > 1.6 * p.eyeW) return;
	const skin = p.skinTone;
	over(acc, skin * 0.8, 0.5 * ellipseCover(x, y + 0.25 * p.eyeW, 1.45 * p.eyeW, 0.95 * p.eyeW, px));
	const dEye = ellipseSd(x, y, p.eyeW, L.eyeH);
	const eyeCov = cover(dEye, px);
	over(acc, 0.92, eyeCov);
	const ix = x - s * L.n.gaze * p.eyeW;
	over(acc, 0.1, eyeCov * ellipseCover(ix, y, L.irisR, L.irisR, px));
	if (y < 0.3 * L.eyeH) over(acc, 0.12, cover(Math.abs(dEye) - 0.012, px));
	const bx = x + 0.1 * p.eyeW;
	const by = y - L.browY;
	const xr = bx * L.browCos + by * L.browSin;
	const t = xr / p.browLen;
	const yr = -bx * L.browSin + by * L.browCos + 0.7 * p.browThick * (1 - t * t);
	over(acc, L.browTone, ellipseCover(xr, yr, p.browLen, p.browThick, px));
}

function drawNose(acc: Float64Array, L: Layout, u: number, v: number, px: number): void {
	const p = L.p;
	const x = u - L.noseX;
	if (x < -2 * p.noseW || x > 2 * p.noseW || v < p.eyeY || v > L.noseY + p.noseW) return;
	const skin = p.skinTone;
	const y = v - L.noseY;
	const ridge = cover(
		ellipseSd(x - L.noseSide * 0.7 * p.noseW, v - (p.eyeY + L.noseY) / 2, 0.2 * p.noseW, p.noseLen * 0.45),
		px
	);
	over(acc, skin * 0.7, 0.45 * ridge);
	over(acc, skin * 0.62, 0.55 * ellipseCover(x, y + 0.2 * p.noseW, p.noseW, 0.5 * p.noseW, px));
	const ax = Math.abs(x) - 0.45 * p.noseW;
	over(acc, 0.2, 0.9 * ellipseCover(ax, y, 0.27 * p.noseW, 0.16 * p.noseW, px));
}

function drawMouth(acc: Float64Array, L: Layout, u: number, v: number, px: number): void {
	const p = L.p;
	const x = u - L.mouthX;
	const y = v - L.mouthY;
	if (x < -1.3 * p.mouthW || x > 1.3 * p.mouthW || y < -0.15 || y > 0.15) return;
	const t = x / p.mouthW;
	const w = Math.sqrt(Math.max(0, 1 - t * t));
	const dy = Math.abs(y - L.mouthCurve * (1 - t * t));
	const ends = Math.abs(x) - p.mouthW;
	const open = L.n.mouthOpen;
	const dLips = Math.max(dy - (0.5 * p.lipThick + open) * w, ends);
	over(acc, p.skinTone * 0.58, cover(dLips, px));
	if (open > 0.003) over(acc, 0.08, cover(Math.max(dy - open * w, ends), px));
	over(acc, 0.15, cover(Math.max(dy - 0.009, ends), px));
}

function drawOccluder(acc: Float64Array, L: Layout, u: number, v: number, px: number, headCov: number): void {
	const p = L.p;
	const tone = L.n.occluderTone;
	if (L.occluder === 'mask') {
		const au = Math.abs(u) / p.headW;
		const top = L.noseY - 0.55 * p.noseLen + 0.1 * au * au;
		const d = Math.max(top - v, Math.abs(u) - 0.96 * p.headW);
		over(acc, 0.25 + 0.65 * tone, headCov * cover(d, px));
		if (au > 0.8) over(acc, 0.2, headCov * cover(Math.abs(v - top - 0.05 + 0.3 * (au - 0.8)) - 0.012, px));
		return;
	}
	const R = Math.max(1.55 * p.eyeW, 0.11);
	const x = Math.abs(u) - p.eyeSep;
	const y = v - p.eyeY;
	const dLens = ellipseSd(x, y, R, 0.8 * R);
	const fw = 0.018 + 0.012 * tone;
	if (L.occluder === 'sunglasses') over(acc, 0.1, 0.95 * cover(dLens, px));
	let d = Math.abs(dLens) - fw;
	const au = Math.abs(u);
	if (au < p.eyeSep - 0.8 * R) d = Math.min(d, Math.abs(y + 0.25 * R) - 0.7 * fw);
	if (au > p.eyeSep + 0.9 * R) d = Math.min(d, Math.abs(y + 0.3 * R) - 0.7 * fw);
	over(acc, 0.08, headCov * cover(d, px));
}

export function drawFeatures(
	acc: Float64Array,
	L: Layout,
	u: number,
	v: number,
	px: number,
	headCov: number
): void {
	const s = u < 0 ? -1 : 1;
	drawEye(acc, L, Math.abs(u) - L.p.eyeSep, v - L.p.eyeY, s, px);
	drawNose(acc, L, u, v, px);
	drawMouth(acc, L, u, v, px);
	if (L.occluder !== 'none') drawOccluder(acc, L, u, v, px, headCov);
}
