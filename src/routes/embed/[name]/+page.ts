import { error } from '@sveltejs/kit';
import { figureNames, isFigureName, loadFigure } from '$lib/figures/registry';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => figureNames.map((name) => ({ name }));

export const load: PageLoad = async ({ params }) => {
	if (!isFigureName(params.name)) error(404, 'No such figure');
	// The figure's own chunk: loaded here so the prerender and hydration both have it.
	await loadFigure(params.name);
	return { name: params.name };
};
