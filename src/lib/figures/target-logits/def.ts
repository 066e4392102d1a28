import { decode, encode } from '$lib/state/codec';
import { targetLogitSchema, type TargetLogitSettings } from '$lib/state/figure-settings';
import type { FigureDef } from '../registry';

const def: FigureDef<TargetLogitSettings> = {
	name: 'target-logits',
	text: (t) => t.targetLogits,
	decode: (p) => decode(targetLogitSchema, p),
	encode: (s) => encode(targetLogitSchema, s),
	keys: Object.keys(targetLogitSchema),
	load: () => import('./TargetLogits.svelte')
};
export default def;
