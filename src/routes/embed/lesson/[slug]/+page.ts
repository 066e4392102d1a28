import { withNotes } from '$lib/lessons/ui/text-url';
import type { PageLoad } from './$types';

// The server data leaves the notes out: they are in the prerendered page's HTML (prose.ts).
export const load: PageLoad = async ({ data, fetch }) => ({
	...data,
	lesson: await withNotes(data.lesson, fetch)
});
