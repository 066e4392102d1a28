import { en, type Messages } from './en';
import { zh } from './zh';

export const languages = ['en', 'zh'] as const;
export type Lang = (typeof languages)[number];
/** The language pages are prerendered in and a first-time visitor sees. */
export const defaultLang: Lang = 'en';
export type { Messages };

export const messages: Record<Lang, Messages> = { en, zh };

/** The `lang` attribute value for each language. */
export const htmlLang: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };

export { count } from './number';

export function isLang(v: unknown): v is Lang {
	return typeof v === 'string' && (languages as readonly string[]).includes(v);
}

/** Format a number for display with a fixed count of decimals; never shows NaN. */
export function fmt(v: number, digits = 1): string {
	if (!Number.isFinite(v)) return '–';
	const s = v.toFixed(digits);
	return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
}
