/**
 * Resolves one identity plus one nuisance draw into the numbers the pixel loop needs (expression applied,
 * pose-dependent offsets and trigonometry computed once per image rather than once per pixel).
 */
import type { FaceParams } from './identity';
import type { NuisanceSample, Occluder } from './nuisance';
import { smoothstep } from './shapes';

/** Where the head centre sits in the image (face units, y down). */
export const HEAD_Y = -0.04;
export const CLOTH_TONE = 0.3;
/** Image magnification at scale 1: how much of the frame the head fills. */
export const FRAME_ZOOM = 1.1;
/** Wrapped Lambert: light reaches a little past the terminator, so shadows stay soft. */
export const WRAP = 0.35;

export interface Layout {
	p: FaceParams;
	n: NuisanceSample;
	headRc: number; // radius of the vertical cylinder used for yaw
	headRp: number; // radius of the horizontal cylinder used for pitch
	cosYaw: number;
	sinYaw: number;
	cosPitch: number;
	sinPitch: number;
	eyeH: number;
	irisR: number;
	browY: number; // brow centre, relative to the eye line
	browCos: number;
	browSin: number;
	browTone: number;
	noseX: number; // face-plane shift of the nose (it sticks out, so yaw moves it further)
	noseY: number; // nose base
	noseSide: number; // +1 or -1: the side the nose casts its shadow to
	mouthX: number;
	mouthY: number;
	mouthCurve: number;
	earX: [number, number]; // screen x of the left and right ear
	earFront: [number, number]; // 0..1, how much of each ear shows in front of the head
	earY: number;
	hairBackX: number;
	hairBottom: number;
	templeBottom: number;
	occluder: Occluder;
}

export function makeLayout(p: FaceParams, n: NuisanceSample): Layout {
	const headRp = p.headH * 1.1;
	const earV = p.eyeY + p.noseLen * 0.45;
	const earY = headRp * Math.sin(Math.asin(Math.min(1, Math.max(-1, earV / headRp))) + n.pitch);
	const earX: [number, number] = [0, 0];
	const earFront: [number, number] = [0, 0];
	[-1, 1].forEach((s, k) => {
		const ang = (s * Math.PI) / 2 + n.yaw;
		earX[k] = (p.headW + 0.025) * Math.sin(ang);
		earFront[k] = smoothstep(0.05, 0.45, Math.PI / 2 - Math.abs(ang));
	});
	const browAngle = p.browSlant - 0.6 * n.browRaise;
	const noseX = 0.12 * Math.tan(n.yaw);
	const noseY = p.eyeY + p.noseLen + 0.06 * Math.sin(n.pitch);
	return {
		p: { ...p }, // a fresh literal-shaped copy keeps property access fast in the pixel loop
		n,
		headRc: p.headW,
		headRp,
		cosYaw: Math.cos(n.yaw),
		sinYaw: Math.sin(n.yaw),
		cosPitch: Math.cos(n.pitch),
		sinPitch: Math.sin(n.pitch),
		eyeH: Math.max(0.012, p.eyeW * p.eyeRound * n.eyeOpen),
		irisR: p.eyeW * Math.min(0.62, p.eyeRound * 0.95),
		browY: -p.browH - n.browRaise,
		browCos: Math.cos(browAngle),
		browSin: Math.sin(browAngle),
		browTone: Math.min(p.hairTone, 0.3) * 0.85,
		noseX,
		noseY,
		noseSide: n.lightX > 0.02 ? -1 : 1,
		mouthX: 0.55 * noseX,
		mouthY: noseY + p.mouthGap + 0.03 * Math.sin(n.pitch),
		mouthCurve: p.mouthCurve + n.smile,
		earX,
		earFront,
		earY,
		hairBackX: -0.14 * p.headW * Math.sin(n.yaw),
		hairBottom: -0.15 + 0.85 * p.hairLength,
		templeBottom: p.eyeY - 0.13 + 0.22 * p.hairLength,
		occluder: n.occluder
	};
}
