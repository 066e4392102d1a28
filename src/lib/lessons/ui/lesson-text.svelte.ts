import type { Lang } from '$lib/i18n';
import { lacksProse } from '../prose';
import type { RenderedLesson } from '../types';

type Fetch = (url: string) => Promise<Pick<Response, 'ok' | 'json'>>;

/**
 * A lesson's text in each language, and which one is on screen. The page arrives with the language it was
 * prerendered in, its notes already in the HTML (prose.ts); another language is fetched the first time
 * someone asks for it, from the prerendered JSON file beside the page (which the service worker caches, so
 * it works offline too). Once the page's own notes have left the screen they are no longer anywhere, so
 * coming back to that language fetches its file as well.
 */
export class LessonText {
	/** The text on screen: the lesson view is keyed on it, so it is replaced whole, never edited. */
	shown: RenderedLesson = $state.raw() as RenderedLesson;
	/** Languages whose text could not be loaded: the text on screen stays, with a note. */
	failed: Lang[] = $state([]);
	/** Complete texts, by language. */
	#texts: Partial<Record<Lang, RenderedLesson>> = {};
	#loading: Partial<Record<Lang, Promise<RenderedLesson | null>>> = {};
	/** The notes of `shown` are in the page's HTML, not in `shown`. */
	#onPage: boolean;
	#ticket = 0;
	readonly #url: (lang: Lang) => string;
	readonly #get: Fetch;

	/**
	 * `onPage`: the first text's notes are in the page it came with (true when hydrating a prerendered page;
	 * a page reached by client-side navigation brings them in its data instead).
	 */
	constructor(
		first: RenderedLesson,
		url: (lang: Lang) => string,
		get: Fetch = (u) => fetch(u),
		onPage = lacksProse(first)
	) {
		this.shown = first;
		this.#onPage = onPage && lacksProse(first);
		if (!lacksProse(first)) this.#texts[first.lang as Lang] = first;
		this.#url = url;
		this.#get = get;
	}

	/** Put `lang` on screen, fetching it if needed. The last call wins. Call from an effect. */
	async show(lang: Lang): Promise<void> {
		const ticket = ++this.#ticket;
		const here = this.shown.lang === lang && (this.#onPage || !lacksProse(this.shown));
		if (here) return;
		const text = this.#texts[lang] ?? (await this.#load(lang));
		if (text && ticket === this.#ticket) {
			this.shown = text;
			this.#onPage = false;
		}
	}

	#load(lang: Lang): Promise<RenderedLesson | null> {
		this.#loading[lang] ??= this.#fetch(lang).finally(() => delete this.#loading[lang]);
		return this.#loading[lang];
	}

	async #fetch(lang: Lang): Promise<RenderedLesson | null> {
		try {
			const res = await this.#get(this.#url(lang));
			if (!res.ok) throw new Error('not found');
			const lesson: unknown = await res.json();
			if (!isLesson(lesson, this.shown.slug, lang)) throw new Error('not this lesson');
			this.#texts[lang] = lesson;
			if (this.failed.includes(lang)) this.failed = this.failed.filter((l) => l !== lang);
			return lesson;
		} catch {
			if (!this.failed.includes(lang)) this.failed = [...this.failed, lang];
			return null;
		}
	}
}

/** A lesson file's parsed JSON, checked to be the lesson and language asked for, notes included. */
export function isLesson(v: unknown, slug: string, lang: string): v is RenderedLesson {
	if (typeof v !== 'object' || v === null) return false;
	const l = v as Partial<RenderedLesson>;
	return (
		l.slug === slug &&
		l.lang === lang &&
		typeof l.title === 'string' &&
		Array.isArray(l.segments) &&
		l.segments.every((s) => (s?.kind === 'html' ? typeof s.html === 'string' && s.html !== '' : s?.kind === 'figure')) &&
		Array.isArray(l.questions) &&
		Array.isArray(l.sources)
	);
}
