import { describe, expect, it } from 'vitest';
import { LessonText } from '$lib/lessons/ui/lesson-text.svelte';
import type { RenderedLesson } from '$lib/lessons/types';

const lesson = (lang: string, title: string): RenderedLesson => ({
	lang,
	slug: 'margins',
	order: 5,
	title,
	summary: '',
	figures: [],
	segments: [{ kind: 'html', html: `<p>${title}</p>` }],
	questions: [],
	sources: []
});

/** A stand-in fetch answering from a table of URL → body (or status), counting requests. */
function server(table: Record<string, unknown>) {
	const asked: string[] = [];
	const get = async (url: string) => {
		asked.push(url);
		if (!(url in table)) return { ok: false, json: async () => null };
		const body = table[url];
		if (body instanceof Error) throw body;
		return { ok: true, json: async () => body };
	};
	return { asked, get };
}

const url = (lang: string) => `/lessons/margins/${lang}.json`;

describe('LessonText', () => {
	it('shows the text the page came with until another language arrives, then that one', async () => {
		const { asked, get } = server({ [url('zh')]: lesson('zh', '间隔') });
		const text = new LessonText(lesson('en', 'Margins'), url, get);
		expect(text.in('en').title).toBe('Margins');
		expect(text.in('zh').title).toBe('Margins');
		await text.want('zh');
		expect(text.in('zh').title).toBe('间隔');
		expect(text.in('en').title).toBe('Margins');
		expect(asked).toEqual([url('zh')]);
	});

	it('hands out the same object for a text each time (the lesson view is keyed on it)', async () => {
		const first = lesson('en', 'Margins');
		const { get } = server({ [url('zh')]: lesson('zh', '间隔') });
		const text = new LessonText(first, url, get);
		expect(text.in('en')).toBe(first);
		expect(text.in('zh')).toBe(first);
		await text.want('zh');
		expect(text.in('zh')).toBe(text.in('zh'));
		expect(text.in('en')).toBe(first);
	});

	it('asks once per language, and never for the one it came with', async () => {
		const { asked, get } = server({ [url('zh')]: lesson('zh', '间隔') });
		const text = new LessonText(lesson('en', 'Margins'), url, get);
		await Promise.all([text.want('zh'), text.want('zh'), text.want('en')]);
		await text.want('zh');
		expect(asked).toEqual([url('zh')]);
		expect(text.failed).toEqual([]);
	});

	it('keeps the text it has and reports the language when the file is missing, broken or another lesson', async () => {
		for (const body of [
			undefined,
			new Error('offline'),
			{ title: 'x' },
			{ ...lesson('zh', 'x'), slug: 'other' }
		]) {
			const { get } = server(body === undefined ? {} : { [url('zh')]: body });
			const text = new LessonText(lesson('en', 'Margins'), url, get);
			await text.want('zh');
			expect(text.in('zh').title).toBe('Margins');
			expect(text.failed).toEqual(['zh']);
		}
	});
});
