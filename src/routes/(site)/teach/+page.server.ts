import { summaries } from '$lib/server/lessons';
import { parsePage } from '$lib/lessons/parse';
import { renderBlock } from '$lib/lessons/render';
import type { PageServerLoad } from './$types';

const files = import.meta.glob('/src/content/teach/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

function page(lang: 'en' | 'zh') {
	const path = `/src/content/teach/${lang}.md`;
	const text = files[path];
	if (!text) throw new Error(`${path} is missing`);
	const p = parsePage(text, path);
	return { title: p.title, summary: p.summary, html: renderBlock(p.body) };
}

export const load: PageServerLoad = () => ({ en: page('en'), zh: page('zh'), lessons: summaries() });
