import { getContext, setContext } from 'svelte';
import { defaultLang, htmlLang, isLang, messages, type Lang } from './index';

const KEY = Symbol('locale');
export const STORAGE_KEY = 'margin-lab:lang';

/** The visitor's language: from `?lang=`, else what they chose before, else English. */
export class Locale {
	lang = $state<Lang>(defaultLang);
	t = $derived(messages[this.lang]);
	html = $derived(htmlLang[this.lang]);

	/** Pick up the language in the browser; call once on mount. */
	init(search: string) {
		const fromUrl = langFromQuery(search);
		if (isLang(fromUrl)) {
			this.set(fromUrl);
			return;
		}
		const stored = readStored();
		if (isLang(stored)) this.lang = stored;
	}

	set(lang: Lang) {
		this.lang = lang;
		try {
			localStorage.setItem(STORAGE_KEY, lang);
		} catch {
			// Private mode or blocked storage: the choice lasts for this page only.
		}
	}
}

function langFromQuery(search: string): string | null {
	try {
		return new URLSearchParams(search).get('lang');
	} catch {
		return null;
	}
}

function readStored(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}

export function provideLocale(locale: Locale): Locale {
	return setContext(KEY, locale);
}

export function useLocale(): Locale {
	return getContext<Locale>(KEY);
}
