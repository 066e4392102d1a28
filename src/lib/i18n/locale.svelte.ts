import { getContext, setContext } from 'svelte';
import { readStored, writeStored } from '$lib/state/storage';
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
		const stored = readStored(STORAGE_KEY);
		if (isLang(stored)) this.lang = stored;
	}

	set(lang: Lang) {
		this.lang = lang;
		// Private mode or blocked storage: the choice lasts for this page only.
		writeStored(STORAGE_KEY, lang);
	}
}

function langFromQuery(search: string): string | null {
	try {
		return new URLSearchParams(search).get('lang');
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
