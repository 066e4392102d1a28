import type { Handle } from '@sveltejs/kit';
import { isLang } from '$lib/i18n';
import { fillProse, rootFrom } from '$lib/lessons/prose';
import { lessonBySlug } from '$lib/server/lessons';

/** Writes each lesson's notes into its prerendered page, where the lesson view left a marker (see prose.ts). */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			fillProse(
				html,
				(slug, lang) => (isLang(lang) ? (lessonBySlug(slug)?.[lang] ?? null) : null),
				rootFrom(event.url.pathname)
			)
	});
