import { decode, encode } from '$lib/state/codec';
import type { FigureDef } from '../registry';
import { gallerySchema, type GallerySettings } from './data';

const def: FigureDef<GallerySettings> = {
	name: 'face-gallery',
	text: (t) => t.faceGallery,
	decode: (p) => decode(gallerySchema, p),
	encode: (s) => encode(gallerySchema, s),
	keys: Object.keys(gallerySchema),
	load: () => import('./FaceGallery.svelte')
};
export default def;
