import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssColours, okabeIto } from '../../src/lib/figures/palette';

const css = readFileSync(join(__dirname, '../../src/app.css'), 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
const defined = Object.fromEntries(
	[...root.matchAll(/(--oi-[a-z-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1], m[2].toUpperCase()])
);

describe('palette colours in CSS', () => {
	it('are the palette’s, each defined once on :root', () => {
		expect(defined).toEqual(
			Object.fromEntries(Object.entries(cssColours).map(([k, v]) => [k, v.toUpperCase()]))
		);
		for (const name of Object.keys(cssColours)) expect(css.split(`${name}:`).length - 1, name).toBe(1);
	});

	it('include all eight Okabe–Ito colours', () => {
		for (const c of okabeIto) expect(Object.values(defined)).toContain(c);
	});
});
