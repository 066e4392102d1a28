import type { Lang } from '$lib/i18n';
import type { RenderedLesson } from '../types';

type Fetch = (url: string) => Promise<Pick<Response, 'ok' | 'json'>>;

/**
 * A lesson's text in each language. The page arrives with the language it was prerendered in; another is
 * fetched the first time someone asks for it, from the prerendered JSON file beside the page (which the
 * service worker caches, so it works offline too). Sending both languages with every page made the
 * lesson's HTML about a quarter larger, all of it parsed before the first paint.
 */
export class LessonText {
	// raw: the texts are replaced whole, never edited, and keep their identity (LessonBody keys on it)
	#texts: Partial<Record<Lang, RenderedLesson>> = $state.raw({});
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping only; nothing renders from it
	#asked = new Set<Lang>();
	/** Languages whose text could not be loaded: the prerendered text stays on screen. */
	failed: Lang[] = $state([]);
	readonly #first: RenderedLesson;
	readonly #url: (lang: Lang) => string;
	readonly #get: Fetch;

	constructor(first: RenderedLesson, url: (lang: Lang) => string, get: Fetch = (u) => fetch(u)) {
		this.#first = first;
		this.#url = url;
		this.#get = get;
		this.#texts = { [first.lang]: first };
		this.#asked.add(first.lang as Lang);
	}

	/** The lesson in `lang` if it is here, else the text the page came with. */
	in(lang: Lang): RenderedLesson {
		return this.#texts[lang] ?? this.#first;
	}

	/** Fetch `lang` unless it is here or on its way. Call from an effect, not while rendering. */
	async want(lang: Lang): Promise<void> {
		if (this.#asked.has(lang)) return;
		this.#asked.add(lang);
		try {
			const res = await this.#get(this.#url(lang));
			if (!res.ok) throw new Error('not found');
			const lesson: unknown = await res.json();
			if (!isLesson(lesson, this.#first.slug, lang)) throw new Error('not this lesson');
			this.#texts = { ...this.#texts, [lang]: lesson };
		} catch {
			this.failed = [...this.failed, lang];
		}
	}
}

function isLesson(v: unknown, slug: string, lang: Lang): v is RenderedLesson {
	if (typeof v !== 'object' || v === null) return false;
	const l = v as Partial<RenderedLesson>;
	return (
		l.slug === slug &&
		l.lang === lang &&
		typeof l.title === 'string' &&
		Array.isArray(l.segments) &&
		Array.isArray(l.questions) &&
		Array.isArray(l.sources)
	);
}
