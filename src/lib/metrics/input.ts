/**
 * Input checks and shared preparation for the metrics. The matrix convention (flat row-major n × dim, labels
 * 0 … k − 1, centres k × dim) and its checks are `$lib/margins/matrix`, re-exported here; this file adds the
 * grouping of rows by class.
 */

import type { Numbers } from '$lib/margins/matrix';

export {
	checkDim,
	checkLabels,
	classCount,
	rowCount,
	rowNorms,
	unitRows,
	type Numbers
} from '$lib/margins/matrix';

export interface DimOptions {
	/** feature length d; the lab's features are 2-D */
	dim?: number;
}

/** Row indices grouped by class: class c's rows are `order[starts[c]] … order[starts[c + 1] − 1]`, ascending. */
export interface ClassGroups {
	order: Int32Array;
	starts: Int32Array;
}

/** Counting sort of row indices by label (stable, so each class keeps ascending row order). */
export function groupByClass(labels: Numbers, classes: number): ClassGroups {
	const starts = new Int32Array(classes + 1);
	for (let i = 0; i < labels.length; i++) starts[labels[i] + 1]++;
	for (let c = 0; c < classes; c++) starts[c + 1] += starts[c];
	const next = starts.slice(0, classes);
	const order = new Int32Array(labels.length);
	for (let i = 0; i < labels.length; i++) order[next[labels[i]]++] = i;
	return { order, starts };
}
