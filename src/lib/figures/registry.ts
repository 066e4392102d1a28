/**
 * Every figure the site can show alone, in a lesson or in an embed, with how it reads its URL. Each figure
 * folder holds a `def.ts` whose default export is its FigureDef; this file collects them.
 */
import type { Component } from 'svelte';
import type { Lang, Messages } from '$lib/i18n';
import { plannedFigures } from './names';

export type FigureDef<S> = {
	name: string;
	/** Title and caption in the visitor's language (from the UI table, or from the figure's own section). */
	text: (t: Messages, lang: Lang) => { title: string; caption: string };
	decode: (params: URLSearchParams | string) => S;
	encode: (settings: S) => URLSearchParams;
	component: Component<{ settings: S; id?: string }, Record<string, never>, 'settings'>;
};

const modules = import.meta.glob<{ default: FigureDef<unknown> }>('./*/def.ts', { eager: true });

export const figures: Record<string, FigureDef<unknown>> = Object.fromEntries(
	Object.values(modules).map((m) => [m.default.name, m.default])
);

/** Registered figures, in the order the course introduces them. */
export const figureNames: string[] = [
	...plannedFigures.filter((n) => n in figures),
	...Object.keys(figures).filter((n) => !(plannedFigures as readonly string[]).includes(n))
];

export function isFigureName(v: string): boolean {
	return Object.hasOwn(figures, v);
}
