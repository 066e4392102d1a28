import { decodeLab, encodeLab, type LabUrlState } from '$lib/state/lab-settings';
import * as strings from '$lib/i18n/sections/pair-angles';
import type { FigureDef } from '../registry';

const def: FigureDef<LabUrlState> = {
	name: 'pair-angles',
	text: (_t, lang) => ({ title: strings[lang].title, caption: strings[lang].caption }),
	decode: decodeLab,
	encode: encodeLab,
	trains: true,
	load: () => import('./Embed.svelte')
};
export default def;
