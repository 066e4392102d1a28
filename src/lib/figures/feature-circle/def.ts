import { decodeLab, encodeLab, type LabUrlState } from '$lib/state/lab-settings';
import type { FigureDef } from '../registry';
import Embed from './Embed.svelte';

const def: FigureDef<LabUrlState> = {
	name: 'feature-circle',
	text: (t) => t.featureCircle,
	decode: decodeLab,
	encode: encodeLab,
	component: Embed
};
export default def;
