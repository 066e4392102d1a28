/**
 * The frame every chart draws in: its size, margins and the plot area inside them. ChartFrame puts it in
 * context, so pieces inside the chart (Axis) know where the plot area is without being told.
 */
import { getContext, setContext } from 'svelte';

export type Margin = { top: number; right: number; bottom: number; left: number };

export type ChartBox = {
	width: number;
	height: number;
	margin: Margin;
	/** Plot area edges, in pixels from the top left corner. */
	left: number;
	right: number;
	top: number;
	bottom: number;
	innerWidth: number;
	innerHeight: number;
	/** Scale ranges across the plot area: x left to right, y bottom to top. */
	x: [number, number];
	y: [number, number];
};

/**
 * `textScale` (presenter mode's chart-text factor, see chartTextScale) widens the margins, where tick labels
 * and axis titles sit, by the factor their text grows; the chart grows taller by as much as its top and
 * bottom margins did, so the plot area keeps its height.
 */
export function chartBox(width: number, height: number, margin: Margin, textScale = 1): ChartBox {
	const k = Number.isFinite(textScale) && textScale > 1 ? textScale : 1;
	if (k !== 1) {
		const m = (v: number) => Math.round(v * k);
		height += m(margin.top) + m(margin.bottom) - margin.top - margin.bottom;
		margin = { top: m(margin.top), right: m(margin.right), bottom: m(margin.bottom), left: m(margin.left) };
	}
	// Never a reversed plot area: a chart measured before layout (width 0) would draw negative-width rects.
	const right = Math.max(margin.left, width - margin.right);
	const bottom = Math.max(margin.top, height - margin.bottom);
	return {
		width,
		height,
		margin,
		left: margin.left,
		right,
		top: margin.top,
		bottom,
		innerWidth: right - margin.left,
		innerHeight: bottom - margin.top,
		x: [margin.left, right],
		y: [bottom, margin.top]
	};
}

/** A chart's usual height for its measured width: a ratio, kept within bounds. */
export function heightFor(width: number, ratio: number, min: number, max: number): number {
	return Math.round(Math.min(max, Math.max(min, width * ratio)));
}

const key = Symbol('chart');

export function setChart(box: () => ChartBox): void {
	setContext(key, box);
}

/** The enclosing ChartFrame's box (a getter: call it where it should stay reactive), if any. */
export function getChart(): (() => ChartBox) | undefined {
	return getContext<(() => ChartBox) | undefined>(key);
}
