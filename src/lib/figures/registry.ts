/** Every figure the site can show alone, in a lesson or in an embed, with how it reads its URL. */
import type { Component } from 'svelte';
import { decode, encode } from '$lib/state/codec';
import {
	decisionMarginSchema,
	decodeDecisionMargins,
	targetLogitSchema,
	type DecisionMarginSettings,
	type TargetLogitSettings
} from '$lib/state/figure-settings';
import type { Messages } from '$lib/i18n';
import TargetLogits from './target-logits/TargetLogits.svelte';
import DecisionMargins from './decision-margins/DecisionMargins.svelte';
import { figureNames, type RegisteredFigure } from './names';

export { figureNames };

export type FigureDef<S> = {
	name: string;
	/** Title and caption in the visitor's language. */
	text: (t: Messages) => { title: string; caption: string };
	decode: (params: URLSearchParams | string) => S;
	encode: (settings: S) => URLSearchParams;
	component: Component<{ settings: S; id?: string }, Record<string, never>, 'settings'>;
};

function define<S>(def: FigureDef<S>): FigureDef<S> {
	return def;
}

export const figures = {
	'target-logits': define<TargetLogitSettings>({
		name: 'target-logits',
		text: (t) => t.targetLogits,
		decode: (p) => decode(targetLogitSchema, p),
		encode: (s) => encode(targetLogitSchema, s),
		component: TargetLogits
	}),
	'decision-margins': define<DecisionMarginSettings>({
		name: 'decision-margins',
		text: (t) => t.decisionMargins,
		decode: decodeDecisionMargins,
		encode: (s) => encode(decisionMarginSchema, s),
		component: DecisionMargins
	})
} satisfies Record<RegisteredFigure, unknown>;

export type FigureName = RegisteredFigure;

export function isFigureName(v: string): v is FigureName {
	return Object.hasOwn(figures, v);
}
