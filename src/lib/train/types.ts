/**
 * Types shared by the tensor code (heads, model, engine) and the UI-side protocol. Pure TypeScript: importing
 * this file never pulls in tfjs.
 */

import type { Fallback } from '$lib/margins';

/** Every loss the lab trains: the names come from the loss catalogue (`$lib/margins/catalogue`). */
export { lossNames, type LossName } from '$lib/margins/catalogue';
import type { LossName } from '$lib/margins/catalogue';

/**
 * What a loss head needs. Which fields matter depends on `loss`:
 * - softmax (L1): none (logits xW + b);
 * - normface (L2), intra (L5), inter (L6): s;
 * - sphereface, arcface, cosface, cm1, cm2, custom (L3/L4): s, m1, m2, m3, fallback (the head uses the numbers
 *   given here; `normaliseModel` in settings.ts pins the ones a named loss does not have, e.g. ArcFace m1 = 1);
 * - triplet: m2 is the angular margin in radians.
 */
export interface HeadConfig {
	loss: LossName;
	s: number;
	m1: number;
	m2: number;
	m3: number;
	fallback: Fallback;
}

export type OptimizerName = 'sgd' | 'adam';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export const backendNames = ['webgl', 'wasm', 'cpu'] as const satisfies readonly BackendName[];

/**
 * Why a model was paused, as a key for the i18n table: its loss went non-finite or huge (the first four), or
 * it died or collapsed with a finite loss (health.ts).
 */
export type DivergeReason =
	| 'lr-too-high'
	| 's-too-large'
	| 'margin-too-large'
	| 'unknown'
	| 'features-overflow'
	| 'no-gradient'
	| 'collapsed'
	| 'stuck';
