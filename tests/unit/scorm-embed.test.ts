import { describe, expect, it } from 'vitest';
import { lmsResize } from '../../src/lib/embed/protocol';
import { embedCode } from '../../src/lib/embed/snippet';

describe('embeds in an LMS', () => {
	it('tell Canvas their height in its own message', () => {
		expect(lmsResize(612)).toEqual({ subject: 'lti.frameResize', height: 612 });
	});

	it('write only iframe attributes that Canvas keeps', () => {
		const code = embedCode({
			page: 'https://lab.example/embed/feature-circle/',
			settings: '',
			lang: 'en',
			controls: 'all',
			parent: '',
			title: 'Feature circle',
			height: 700,
			resize: false
		});
		const attrs = [...code.matchAll(/\s([a-z-]+)(?==|\s|>)/g)].map((m) => m[1]);
		expect(attrs).toContain('allowfullscreen');
		expect(attrs).not.toContain('allow');
		expect(
			attrs.filter(
				(a) => !['src', 'title', 'width', 'height', 'style', 'loading', 'allowfullscreen'].includes(a)
			)
		).toEqual([]);
	});
});
