import { error } from '@sveltejs/kit';
import type { ExperimentId } from '$lib/experiments/types';
import type { EntryGenerator, PageLoad } from './$types';

const ids: readonly ExperimentId[] = ['inversion', 'morph', 'caricature'];
const isId = (v: string): v is ExperimentId => (ids as readonly string[]).includes(v);

export const entries: EntryGenerator = () => ids.map((id) => ({ id }));

export const load: PageLoad = ({ params }) => {
	if (!isId(params.id)) error(404, 'No such experiment');
	return { id: params.id };
};
