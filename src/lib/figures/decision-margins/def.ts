import { encode } from '$lib/state/codec';
import {
	decisionMarginSchema,
	decodeDecisionMargins,
	type DecisionMarginSettings
} from '$lib/state/figure-settings';
import type { FigureDef } from '../registry';

const def: FigureDef<DecisionMarginSettings> = {
	name: 'decision-margins',
	text: (t) => t.decisionMargins,
	decode: decodeDecisionMargins,
	encode: (s) => encode(decisionMarginSchema, s),
	keys: Object.keys(decisionMarginSchema),
	load: () => import('./DecisionMargins.svelte')
};
export default def;
