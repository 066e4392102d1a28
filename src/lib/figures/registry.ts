/**
 * Every figure the site can show alone, in a lesson or in an embed, with how it reads its URL. Each figure
 * folder holds a `def.ts` whose default export is its FigureDef; this file collects them.
 *
 * The defs are light (name, text, URL codec) and load eagerly; each figure's component (and with it d3 and
 * the figure's drawing code) is a separate chunk fetched by `loadFigure` only on pages that show it. A
 * figure's own page awaits it in its universal `load`, so the prerendered HTML holds the whole figure and
 * hydration finds the component loaded; lessons and the lab fetch it when the figure is scrolled near.
 */
import type { Component } from 'svelte';
import type { Lang, Messages } from '$lib/i18n';
import { plannedFigures } from './names';

export type FigureDef<S> = {
	name: string;
	/** Title and caption in the visitor's language, from its string table. */
	text: (t: Messages, lang: Lang) => { title: string; caption: string };
	decode: (params: URLSearchParams | string) => S;
	encode: (settings: S) => URLSearchParams;
	/** Every URL key `encode` may write: a rewrite of the address bar removes these before setting its own. */
	keys: readonly string[];
	/** It trains in the page (a run figure, with Train, Step and Reset); the others are drawn from formulas. */
	trains?: true;
	/** The figure's component, as a dynamic import (a chunk of its own). */
	load: () => Promise<{ default: FigureComponent<S> }>;
};

export type FigureComponent<S> = Component<{ settings: S; id?: string }, Record<string, never>, 'settings'>;

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

const loaded = new Map<string, FigureComponent<unknown>>();

/** The figure's component if it has been loaded already (synchronous: for rendering). */
export function loadedFigure<S>(name: string): FigureComponent<S> | undefined {
	return loaded.get(name) as FigureComponent<S> | undefined;
}

/** Load a figure's component (once; later calls return the same component). */
export async function loadFigure<S>(name: string): Promise<FigureComponent<S>> {
	let c = loaded.get(name);
	if (!c) {
		c = (await figures[name].load()).default;
		loaded.set(name, c);
	}
	return c as FigureComponent<S>;
}
