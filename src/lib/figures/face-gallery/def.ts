import { decode, encode } from '$lib/state/codec';
import * as strings from '$lib/i18n/sections/face-gallery';
import type { FigureDef } from '../registry';
import { gallerySchema, type GallerySettings } from './data';

const def: FigureDef<GallerySettings> = {
	name: 'face-gallery',
	text: (_t, lang) => ({ title: strings[lang].title, caption: strings[lang].caption }),
	decode: (p) => decode(gallerySchema, p),
	encode: (s) => encode(gallerySchema, s),
	load: () => import('./FaceGallery.svelte')
};
export default def;
