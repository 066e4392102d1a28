import { decodeLab, encodeLab, type LabUrlState } from '$lib/state/lab-settings';
import type { FigureDef } from '../registry';

const def: FigureDef<LabUrlState> = {
	name: 'feature-circle',
	text: (t) => t.featureCircle,
	decode: decodeLab,
	encode: encodeLab,
	trains: true,
	load: () => import('./Embed.svelte')
};
export default def;
