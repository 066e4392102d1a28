/**
 * Metrics for Margin Lab's figures: θ_y, pair-angle distributions, verification (ROC, TAR@FAR, best
 * threshold, AUC), rank-1 identification, and per-identity spread and arcs. Pure TypeScript: no Svelte, tfjs
 * or DOM. Inputs follow the one matrix convention of `$lib/margins/matrix` (re-exported here with its θ_y):
 * what the training worker sends, features n × dim row-major, labels 0 … k − 1, class centres k × dim
 * row-major. `thetaY` takes dim explicitly; the other metrics take `{ dim }` (default 2). Angles are radians; convert with `deg` from `$lib/margins` for
 * display. Outputs are plain numbers and typed arrays, never NaN for valid input; invalid input throws.
 */

export { classCount, type DimOptions, type Numbers } from './input';
export { angle, cosine, cosines, dimOf, mean, meanThetaY, row, rows, thetaY } from '$lib/margins/matrix';
export { histogram, type Histogram, type HistogramOptions } from './histogram';
export { pairAngles, pairCounts, sampleIndices, type PairAngles, type PairOptions } from './pairs';
export { countBelow, ratesAt, sortAngles, verificationRates, type OperatingPoint } from './rates';
export { auc, bestThreshold, rocCurve, tarAtFar, type BestThreshold, type RocCurve } from './roc';
export {
	rank1ByCentres,
	rank1Enrolled,
	rank1LeaveOneOut,
	type EnrolOptions,
	type Rank1,
	type Rank1Enrolled
} from './identification';
export { identitySpread, summariseSpread, type IdentitySpread, type SpreadOptions } from './spread';
export { identityArcs, wrapPi, type ArcGap, type IdentityArc, type IdentityArcs } from './arcs';
