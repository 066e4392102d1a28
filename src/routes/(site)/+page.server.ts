import { summaries } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

/** The home page names lesson 1 and counts the lessons, in both languages. */
export const load: PageServerLoad = () => {
	const all = summaries();
	const first = (lang: 'en' | 'zh') => {
		const l = [...all[lang]].sort((a, b) => a.order - b.order)[0];
		return { slug: l.slug, title: l.title, count: all[lang].length };
	};
	return { firstLesson: { en: first('en'), zh: first('zh') } };
};
