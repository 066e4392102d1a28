import { loadFigures } from '$lib/figures/registry';
import type { PageLoad } from './$types';

/** Load the components of the figures this lesson shows (in both languages) before the embed renders. */
export const load: PageLoad = async ({ data }) => {
	const names = [data.lesson.en, data.lesson.zh].flatMap((l) =>
		l.segments.flatMap((s) => (s.kind === 'figure' ? [s.name] : []))
	);
	await loadFigures(names);
	return data;
};
