import { error } from '@sveltejs/kit';
import { figureNames, isFigureName } from '$lib/figures/registry';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => figureNames.map((name) => ({ name }));

export const load: PageLoad = ({ params }) => {
	if (!isFigureName(params.name)) error(404, 'No such figure');
	return { name: params.name };
};
