/**
 * Styles of the pair-angle figure. Positive and negative pairs differ in colour, fill (solid vs hatched) and
 * outline (solid vs dashed); the two models differ in colour, dash and marker shape.
 */
import { okabeIto } from '../palette';
import type { MarkerShape } from '../markers';

export const pairStyles = {
	positive: { colour: okabeIto[4], dash: '' },
	negative: { colour: okabeIto[5], dash: '5 3' }
} as const;

export const modelStyles: readonly { colour: string; dash: string; marker: MarkerShape }[] = [
	{ colour: okabeIto[7], dash: '7 4', marker: 'circle' },
	{ colour: okabeIto[6], dash: '', marker: 'square' }
];
