/**
 * Drawing the experiment's screens on one canvas (DOM side): faces pre-rendered to small offscreen canvases
 * by the site's renderer and scaled up smoothly, a fixation cross, and a mask of random grey blocks.
 */
import { hashSeed, Rng, type NuisanceLevels } from '$lib/faces';
import { renderStimulus, type Stimulus } from '../plan';
import type { PhaseKind } from './trial-loop';

/** Pixels each face is rendered at for people (the networks get the same face at their own input size). */
export const DISPLAY_PX = 160;

const BACKGROUND = '#c7c7c7';

/** A face rendered once into an offscreen canvas. */
export function faceCanvas(s: Stimulus, levels: NuisanceLevels, size = DISPLAY_PX): HTMLCanvasElement {
	const pixels = renderStimulus(s, size, levels);
	const c = document.createElement('canvas');
	c.width = size;
	c.height = size;
	const ctx = c.getContext('2d');
	if (!ctx) return c;
	const img = ctx.createImageData(size, size);
	for (let i = 0; i < size * size; i++) {
		const v = Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
		img.data.set([v, v, v, 255], 4 * i);
	}
	ctx.putImageData(img, 0, 0);
	return c;
}

/** Faces by stimulus id, rendered on first use. */
export class FaceCache {
	private readonly faces = new Map<string, HTMLCanvasElement>();
	constructor(private readonly levels: NuisanceLevels) {}
	get(s: Stimulus): HTMLCanvasElement {
		let c = this.faces.get(s.id);
		if (!c) {
			c = faceCanvas(s, this.levels);
			this.faces.set(s.id, c);
		}
		return c;
	}
	/** Renders the given faces ahead of time, one per macrotask, so the page stays responsive. */
	warm(stimuli: Stimulus[]): void {
		const todo = stimuli.filter((s) => !this.faces.has(s.id));
		const next = () => {
			const s = todo.shift();
			if (!s) return;
			this.get(s);
			setTimeout(next, 0);
		};
		setTimeout(next, 0);
	}
}

/** Sizes the canvas's backing store to its CSS box at the device's pixel ratio; returns the side in px. */
export function fitCanvas(canvas: HTMLCanvasElement): number {
	const side = Math.max(1, Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)));
	if (canvas.width !== side || canvas.height !== side) {
		canvas.width = side;
		canvas.height = side;
	}
	return side;
}

export function drawBlank(ctx: CanvasRenderingContext2D, side: number): void {
	ctx.fillStyle = BACKGROUND;
	ctx.fillRect(0, 0, side, side);
}

export function drawFixation(ctx: CanvasRenderingContext2D, side: number): void {
	drawBlank(ctx, side);
	const arm = side * 0.05;
	ctx.strokeStyle = '#111';
	ctx.lineWidth = Math.max(2, side * 0.012);
	ctx.beginPath();
	ctx.moveTo(side / 2 - arm, side / 2);
	ctx.lineTo(side / 2 + arm, side / 2);
	ctx.moveTo(side / 2, side / 2 - arm);
	ctx.lineTo(side / 2, side / 2 + arm);
	ctx.stroke();
}

export function drawFace(ctx: CanvasRenderingContext2D, side: number, face: HTMLCanvasElement): void {
	ctx.imageSmoothingEnabled = true;
	ctx.imageSmoothingQuality = 'high';
	ctx.drawImage(face, 0, 0, side, side);
}

/** A mask of 16 × 16 random grey blocks (seeded per trial), the usual backward mask of a matching task. */
export function drawMask(ctx: CanvasRenderingContext2D, side: number, seed: number): void {
	const rng = new Rng(hashSeed(seed, 77));
	const n = 16;
	const cell = side / n;
	for (let j = 0; j < n; j++)
		for (let i = 0; i < n; i++) {
			const v = Math.round(40 + 200 * rng.next());
			ctx.fillStyle = `rgb(${v},${v},${v})`;
			ctx.fillRect(Math.floor(i * cell), Math.floor(j * cell), Math.ceil(cell), Math.ceil(cell));
		}
}

/** What each phase of a trial draws: faces by phase, the mask from the trial's seed. */
export function phaseDrawer(
	canvas: HTMLCanvasElement,
	faces: Partial<Record<PhaseKind, HTMLCanvasElement>>,
	maskSeed: number
): (kind: PhaseKind) => void {
	return (kind) => {
		const ctx = canvas.getContext('2d');
		if (!ctx) return;
		const side = fitCanvas(canvas);
		const face = faces[kind];
		if (face) drawFace(ctx, side, face);
		else if (kind === 'fixation') drawFixation(ctx, side);
		else if (kind === 'mask') drawMask(ctx, side, maskSeed);
		else drawBlank(ctx, side);
	};
}
