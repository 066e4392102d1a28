import { decodeLab, encodeLab, type LabUrlState } from '$lib/state/lab-settings';
import * as text from '$lib/i18n/sections/training-curves';
import type { FigureDef } from '../registry';

const def: FigureDef<LabUrlState> = {
	name: 'training-curves',
	text: (_t, lang) => ({ title: text[lang].title, caption: text[lang].caption }),
	decode: decodeLab,
	encode: encodeLab,
	trains: true,
	load: () => import('./Embed.svelte')
};
export default def;
