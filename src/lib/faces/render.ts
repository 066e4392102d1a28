/**
 * Analytic face renderer: every pixel is evaluated against signed-distance shapes with a one-pixel linear edge
 * ramp (anti-aliasing without supersampling), so the same face draws at 16, 20, 32 or 64 px.
 *
 * Pipeline per pixel: image → head coordinates (undo shift, scale, roll) → body layers (shoulders, neck, hair,
 * ears, head) → face-plane coordinates (undo yaw and pitch on a cylinder, which shifts the features sideways
 * and squashes the far side) → features and occluders → Lambert shading on a head-shaped ellipsoid →
 * background, gain, noise.
 */
import { drawFeatures } from './features';
import type { FaceParams } from './identity';
import { CLOTH_TONE, FRAME_ZOOM, HEAD_Y, WRAP, makeLayout, type Layout } from './layout';
import type { NuisanceSample } from './nuisance';
import { Rng } from './rng';
import { clamp, cover, ellipseCover, over, smoothstep } from './shapes';

function drawEar(
	acc: Float64Array,
	L: Layout,
	hx: number,
	hy: number,
	k: number,
	px: number,
	alpha: number
): void {
	const p = L.p;
	const x = hx - L.earX[k];
	const y = hy - L.earY;
	const rx = 0.07 * p.earSize;
	const ry = 0.13 * p.earSize;
	if (Math.abs(x) > 2 * rx || Math.abs(y) > 1.5 * ry) return;
	over(acc, p.skinTone * 0.88, alpha * ellipseCover(x, y, rx, ry, px));
	over(acc, p.skinTone * 0.62, alpha * 0.6 * ellipseCover(x, y, 0.45 * rx, 0.6 * ry, px));
}

/**
 * Composites one pixel's foreground into `acc` (premultiplied value, coverage), given head coordinates;
 * shading, background and noise are applied by the caller.
 */
function shadePixel(acc: Float64Array, L: Layout, hx: number, hy: number, px: number): void {
	const p = L.p;
	acc[0] = 0;
	acc[1] = 0;
	over(acc, CLOTH_TONE, ellipseCover(hx, hy - p.headH - 0.75, 1.2, 0.58, px));
	over(acc, p.skinTone * 0.7, cover(Math.max(Math.abs(hx) - 0.48 * p.headW, 0.2 - hy), px));
	const hairBack = ellipseCover(
		hx - L.hairBackX,
		hy + 0.1 * p.headH,
		p.headW * (1.03 + 0.24 * p.hairVolume),
		p.headH * (0.96 + 0.1 * p.hairVolume + 0.25 * p.hairLength),
		px
	);
	if (hairBack > 0) over(acc, p.hairTone, hairBack * cover(hy - L.hairBottom, px));
	drawEar(acc, L, hx, hy, 0, px, 1);
	drawEar(acc, L, hx, hy, 1, px, 1);
	const taper = hy > 0 ? 1 - 0.3 * p.jaw * smoothstep(0, 1, hy / p.headH) : 1;
	const headCov = ellipseCover(hx, hy, p.headW * taper, p.headH, px);
	if (headCov <= 0) return;
	// Face plane: undo yaw on a vertical cylinder and pitch on a horizontal one, via sin(asin(s) - a) =
	// s·cos a - √(1 - s²)·sin a; points turned behind the cylinder are clamped to its rim.
	const sx = clamp(hx / L.headRc, -1, 1);
	const cx = Math.sqrt(1 - sx * sx);
	let cosT = cx * L.cosYaw + sx * L.sinYaw;
	let u = L.headRc * (sx * L.cosYaw - cx * L.sinYaw);
	if (cosT < 0) {
		cosT = 0;
		u = u < 0 ? -L.headRc : L.headRc;
	}
	const sy = clamp(hy / L.headRp, -1, 1);
	const cy = Math.sqrt(1 - sy * sy);
	const v =
		cy * L.cosPitch + sy * L.sinPitch < 0
			? sy < 0
				? -L.headRp
				: L.headRp
			: L.headRp * (sy * L.cosPitch - cy * L.sinPitch);
	const pxU = px * clamp(cosT / Math.max(0.2, cx), 1, 4);
	const au = Math.abs(u) / p.headW;
	const hairline = p.hairY + p.hairCurve * au * au + p.hairPart * (u / p.headW);
	const temple = Math.max(0.8 - au, (v - L.templeBottom) / p.headW) * p.headW;
	const hairCov = cover(Math.min(v - hairline, temple), pxU);
	over(acc, p.skinTone + (p.hairTone - p.skinTone) * hairCov, headCov);
	for (let k = 0; k < 2; k++) if (L.earFront[k] > 0) drawEar(acc, L, hx, hy, k, px, L.earFront[k]);
	drawFeatures(acc, L, u, v, pxU, headCov);
}

/**
 * Renders one face into `out` starting at `offset` (size × size, row-major, values in [0, 1]). The dataset
 * builder calls this directly to fill its big arrays without copying.
 */
export function renderFaceInto(
	out: Float32Array,
	offset: number,
	params: FaceParams,
	sample: NuisanceSample,
	size: number
): void {
	const L = makeLayout(params, sample);
	const n = sample;
	const acc = new Float64Array(2);
	const zoom = n.scale * FRAME_ZOOM;
	const px = 2 / size / zoom;
	const cr = Math.cos(n.roll);
	const sr = Math.sin(n.roll);
	const noiseRng = n.noise > 0 ? new Rng(n.noiseSeed) : null;
	const lx = n.lightX;
	const ly = n.lightY;
	const lz = n.lightZ;
	const nrx = 1 / (1.2 * params.headW);
	const nry = 1 / (1.2 * params.headH);
	for (let j = 0; j < size; j++) {
		const qy = (((j + 0.5) / size) * 2 - 1 - n.shiftY) / zoom;
		for (let i = 0; i < size; i++) {
			const qx = (((i + 0.5) / size) * 2 - 1 - n.shiftX) / zoom;
			const hx = cr * qx + sr * qy;
			const hy = -sr * qx + cr * qy - HEAD_Y;
			shadePixel(acc, L, hx, hy, px);
			let nx = hx * nrx;
			let ny = Math.min(hy + 0.1, 0.45 * params.headH) * nry;
			const r2 = nx * nx + ny * ny;
			let nz = 0;
			if (r2 > 1) {
				const r = Math.sqrt(r2);
				nx /= r;
				ny /= r;
			} else nz = Math.sqrt(1 - r2);
			const lambert = Math.max(0, (nx * lx + ny * ly + nz * lz + WRAP) / (1 + WRAP));
			const shade = n.ambient + (1 - n.ambient) * lambert;
			let value = n.gain * (n.background * (1 - acc[1]) + acc[0] * shade);
			if (noiseRng) value += n.noise * noiseRng.gaussian();
			out[offset + j * size + i] = value < 0 ? 0 : value > 1 ? 1 : value;
		}
	}
}

/** Renders one face to a new size × size Float32Array (row-major, values in [0, 1]). */
export function renderFace(params: FaceParams, sample: NuisanceSample, size: number): Float32Array {
	const out = new Float32Array(size * size);
	renderFaceInto(out, 0, params, sample, size);
	return out;
}
