/**
 * Identity markers: the Okabe–Ito colour of each of the 8 identities plus a shape, so colour is never the
 * only cue. Drawn on a canvas (many points) and in SVG (legends) from the same path definitions.
 */
import { okabeIto } from './palette';

export const identityColours = okabeIto;

export const markerShapes = [
	'circle',
	'square',
	'triangle',
	'diamond',
	'plus',
	'cross',
	'triangle-down',
	'star'
] as const;
export type MarkerShape = (typeof markerShapes)[number];

/** An SVG path of the marker centred on (0, 0) with radius r. */
export function markerPath(shape: MarkerShape, r: number): string {
	const k = r * 0.9;
	switch (shape) {
		case 'circle':
			return `M${r},0A${r},${r} 0 1 1 ${-r},0A${r},${r} 0 1 1 ${r},0Z`;
		case 'square':
			return `M${-k},${-k}H${k}V${k}H${-k}Z`;
		case 'triangle':
			return `M0,${-r * 1.15}L${r},${r * 0.75}H${-r}Z`;
		case 'triangle-down':
			return `M0,${r * 1.15}L${r},${-r * 0.75}H${-r}Z`;
		case 'diamond':
			return `M0,${-r * 1.25}L${r},0L0,${r * 1.25}L${-r},0Z`;
		case 'plus': {
			const w = r * 0.38;
			return `M${-w},${-r}H${w}V${-w}H${r}V${w}H${w}V${r}H${-w}V${w}H${-r}V${-w}H${-w}Z`;
		}
		case 'cross': {
			const w = r * 0.3;
			return `M${-r},${-r + w}L${-r + w},${-r}L0,${-w}L${r - w},${-r}L${r},${-r + w}L${w},0L${r},${r - w}L${r - w},${r}L0,${w}L${-r + w},${r}L${-r},${r - w}L${-w},0Z`;
		}
		case 'star': {
			let d = '';
			for (let i = 0; i < 10; i++) {
				const a = -Math.PI / 2 + (i * Math.PI) / 5;
				const rr = i % 2 === 0 ? r * 1.25 : r * 0.55;
				d += `${i === 0 ? 'M' : 'L'}${(Math.cos(a) * rr).toFixed(2)},${(Math.sin(a) * rr).toFixed(2)}`;
			}
			return `${d}Z`;
		}
	}
}

export function identityMarker(label: number): { colour: string; shape: MarkerShape } {
	const i = ((label % 8) + 8) % 8;
	return { colour: identityColours[i], shape: markerShapes[i] };
}
