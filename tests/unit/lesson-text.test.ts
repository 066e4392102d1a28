import { describe, expect, it } from 'vitest';
import { LessonText } from '$lib/lessons/ui/lesson-text.svelte';
import { withoutProse } from '$lib/lessons/prose';
import type { RenderedLesson } from '$lib/lessons/types';

const lesson = (lang: string, title: string): RenderedLesson => ({
	lang,
	slug: 'margins',
	order: 5,
	title,
	summary: '',
	figures: [],
	segments: [
		{ kind: 'html', html: `<p>${title}</p>` },
		{ kind: 'figure', name: 'target-logits', query: '' }
	],
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
const both = { [url('en')]: lesson('en', 'Margins'), [url('zh')]: lesson('zh', '间隔') };

describe('LessonText', () => {
	it('shows the text the page came with until another language arrives, then that one', async () => {
		const { asked, get } = server(both);
		const first = lesson('en', 'Margins');
		const text = new LessonText(first, url, get);
		expect(text.shown).toBe(first);
		const going = text.show('zh');
		expect(text.shown).toBe(first);
		await going;
		expect(text.shown.title).toBe('间隔');
		// a complete first text is kept: coming back fetches nothing
		await text.show('en');
		expect(text.shown).toBe(first);
		expect(asked).toEqual([url('zh')]);
	});

	it('keeps notes that live in the page while they are on screen, and fetches them once they have left', async () => {
		const { asked, get } = server(both);
		const first = withoutProse(lesson('en', 'Margins'));
		const text = new LessonText(first, url, get, true);
		await text.show('en');
		expect(text.shown).toBe(first);
		expect(asked).toEqual([]);
		await text.show('zh');
		await text.show('en');
		expect(asked).toEqual([url('zh'), url('en')]);
		expect(text.shown.segments[0]).toEqual({ kind: 'html', html: '<p>Margins</p>' });
		// both complete now: switching costs nothing
		await text.show('zh');
		await text.show('en');
		expect(asked).toHaveLength(2);
	});

	it('fetches the notes of a text that came without them and is not on the page (a client-side navigation)', async () => {
		const { asked, get } = server(both);
		const text = new LessonText(withoutProse(lesson('en', 'Margins')), url, get, false);
		await text.show('en');
		expect(asked).toEqual([url('en')]);
		expect(text.shown.segments[0]).toEqual({ kind: 'html', html: '<p>Margins</p>' });
	});

	it('hands out the same object for a text each time (the lesson view is keyed on it)', async () => {
		const { get } = server(both);
		const text = new LessonText(lesson('en', 'Margins'), url, get);
		await text.show('zh');
		const zh = text.shown;
		await text.show('en');
		await text.show('zh');
		expect(text.shown).toBe(zh);
	});

	it('asks once for a language while a request is on its way; the last choice wins', async () => {
		const { asked, get } = server(both);
		const text = new LessonText(lesson('en', 'Margins'), url, get);
		await Promise.all([text.show('zh'), text.show('zh'), text.show('en')]);
		expect(asked).toEqual([url('zh')]);
		// the Chinese text arrived after English was chosen again: English stays on screen
		expect(text.shown.lang).toBe('en');
		expect(text.failed).toEqual([]);
	});

	it('keeps the text it has and reports the language when the file is missing, broken, another lesson or without notes', async () => {
		for (const body of [
			undefined,
			new Error('offline'),
			{ title: 'x' },
			{ ...lesson('zh', 'x'), slug: 'other' },
			withoutProse(lesson('zh', 'x'))
		]) {
			const { get } = server(body === undefined ? {} : { [url('zh')]: body });
			const text = new LessonText(lesson('en', 'Margins'), url, get);
			await text.show('zh');
			expect(text.shown.title).toBe('Margins');
			expect(text.failed).toEqual(['zh']);
		}
	});

	it('tries again when the reader comes back to a language that failed, and clears the note on success', async () => {
		const table: Record<string, unknown> = {};
		const { asked, get } = server(table);
		const text = new LessonText(lesson('en', 'Margins'), url, get);
		await text.show('zh');
		expect(text.failed).toEqual(['zh']);
		await text.show('en');
		table[url('zh')] = lesson('zh', '间隔');
		await text.show('zh');
		expect(text.shown.title).toBe('间隔');
		expect(text.failed).toEqual([]);
		expect(asked).toEqual([url('zh'), url('zh')]);
	});
});
