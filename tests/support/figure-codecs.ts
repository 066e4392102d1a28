/** Each figure's URL reader and writer, without its Svelte component (for Node-side checks). */
import { decode, encode } from '../../src/lib/state/codec';
import {
	decisionMarginSchema,
	decodeDecisionMargins,
	targetLogitSchema,
	type DecisionMarginSettings,
	type TargetLogitSettings
} from '../../src/lib/state/figure-settings';
import { decodeLab, encodeLab, labKeys } from '../../src/lib/state/lab-settings';
import { gallerySchema, type GallerySettings } from '../../src/lib/figures/face-gallery/data';

export type Codec = { decode: (q: string) => unknown; encode: (s: never) => URLSearchParams; keys: string[] };

const lab: Codec = { decode: decodeLab, encode: encodeLab as never, keys: labKeys };
export const codecs: Record<string, Codec> = {
	'target-logits': {
		decode: (q) => decode(targetLogitSchema, q),
		encode: ((s: TargetLogitSettings) => encode(targetLogitSchema, s)) as never,
		keys: Object.keys(targetLogitSchema)
	},
	'decision-margins': {
		decode: decodeDecisionMargins,
		encode: ((s: DecisionMarginSettings) => encode(decisionMarginSchema, s)) as never,
		keys: Object.keys(decisionMarginSchema)
	},
	'face-gallery': {
		decode: (q) => decode(gallerySchema, q),
		encode: ((s: GallerySettings) => encode(gallerySchema, s)) as never,
		keys: Object.keys(gallerySchema)
	}
};
for (const name of [
	'feature-circle',
	'replay',
	'theta-distribution',
	'training-curves',
	'pair-angles',
	'slow-motion',
	'inversion'
])
	codecs[name] = lab;

/** A settings query string is canonical when reading and writing it again gives the same string. */
export function canonical(codec: Codec, q: string): boolean {
	return codec.encode(codec.decode(q) as never).toString() === q;
}
