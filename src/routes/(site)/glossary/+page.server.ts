import { parseGlossary } from '$lib/lessons/glossary';
import type { PageServerLoad } from './$types';

const files = import.meta.glob('/lessons/glossary.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export const load: PageServerLoad = () => {
	const text = files['/lessons/glossary.yaml'];
	if (!text) throw new Error('/lessons/glossary.yaml is missing');
	return { terms: parseGlossary(text) };
};
