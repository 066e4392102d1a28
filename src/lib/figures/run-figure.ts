/**
 * Run figures: figures that train in the page. Each is a component drawing one run (`{ run, id }`); the
 * factory gives it the lab's URL codec and wraps it in RunFrame, which hands it the lab's run or one from
 * the page's pool.
 */
import type { Component } from 'svelte';
import { decodeLab, encodeLab, labKeys, type LabUrlState } from '$lib/state/lab-settings';
import type { LabRun } from '$lib/state/run.svelte';
import type { FigureComponent, FigureDef } from './registry';

export type RunFigure = Component<{ run: LabRun; id: string }>;

type RunFigureSpec = Pick<FigureDef<LabUrlState>, 'name' | 'text'> & {
	/** The figure's component, as a dynamic import (a chunk of its own). */
	load: () => Promise<{ default: RunFigure }>;
};

export function runFigure({ name, text, load }: RunFigureSpec): FigureDef<LabUrlState> {
	return {
		name,
		text,
		decode: decodeLab,
		encode: encodeLab,
		keys: labKeys,
		trains: true,
		load: async () => {
			const [frame, figure] = await Promise.all([import('./RunFigureEmbed.svelte'), load()]);
			return { default: withFigure(frame.default, figure.default, name) };
		}
	};
}

/**
 * RunFigureEmbed with its figure filled in: a component taking `{ settings, id }` like every figure's. The
 * props are passed through as they are (a proxy, so `bind:settings` and updates still reach the frame).
 */
function withFigure(
	frame: typeof import('./RunFigureEmbed.svelte').default,
	figure: RunFigure,
	name: string
): FigureComponent<LabUrlState> {
	return (internals, props) => {
		const withIt = new Proxy(props, {
			get: (target, key, receiver) =>
				key === 'figure' ? figure : key === 'id' ? (target.id ?? name) : Reflect.get(target, key, receiver),
			has: (target, key) => key === 'figure' || Reflect.has(target, key)
		});
		frame(internals, withIt as Parameters<typeof frame>[1]);
		return {};
	};
}
