import { describe, expect, it } from 'vitest';
import { figures } from '../../src/lib/figures/registry';
import { decode, type Schema } from '../../src/lib/state/codec';
import { decisionMarginSchema, targetLogitSchema } from '../../src/lib/state/figure-settings';
import { gallerySchema } from '../../src/lib/figures/face-gallery/data';
import {
	backendChoices,
	decodeLab,
	hideable,
	labKeys,
	type LabUrlState
} from '../../src/lib/state/lab-settings';
import { lossNames } from '../../src/lib/margins/catalogue';
import { fallbackModes } from '../../src/lib/margins';

/** Settings of a schema with every field away from its default. */
function allChanged(schema: Schema): Record<string, unknown> {
	const s: Record<string, unknown> = decode(schema, '');
	for (const [k, f] of Object.entries(schema)) {
		if (f.kind === 'number') s[k] = f.default === f.max ? f.min : f.max;
		else if (f.kind === 'enum') s[k] = f.values.find((v) => v !== f.default);
		else if (f.kind === 'list') s[k] = f.default.length ? [] : [...f.values];
		else s[k] = !f.default;
	}
	return s;
}

/** Every number in an object (nested) moved off its value, nulls given one. */
function nudge<T>(v: T): T {
	if (typeof v === 'number') return (v * 1.5 + 0.25) as T;
	if (v === null) return 0.4 as T;
	if (Array.isArray(v) || typeof v !== 'object') return v;
	return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nudge(x)])) as T;
}

/** Lab states that move every setting, for every loss on either side. */
function labStates(): LabUrlState[] {
	const base = decodeLab('');
	return lossNames.flatMap((loss, i) => {
		const other = lossNames[(i + 1) % lossNames.length];
		const settings = nudge(base.settings);
		const fallback = fallbackModes[i % fallbackModes.length];
		settings.a = { ...settings.a, loss, fallback };
		settings.b = { ...settings.b, loss: other, fallback };
		settings.optimizer = settings.optimizer === 'adam' ? 'sgd' : 'adam';
		const backend = backendChoices[1 + (i % (backendChoices.length - 1))];
		return [{ settings, hidden: [...hideable], pace: 7, backend }];
	});
}

const schemas: Record<string, Schema> = {
	'target-logits': targetLogitSchema,
	'decision-margins': decisionMarginSchema,
	'face-gallery': gallerySchema
};

describe('figure defs', () => {
	it('declare every URL key their encode can write', () => {
		for (const def of Object.values(figures)) {
			const samples: unknown[] = def.trains ? labStates() : [allChanged(schemas[def.name])];
			expect(def.trains || def.name in schemas, def.name).toBe(true);
			const written = new Set(samples.flatMap((s) => [...def.encode(s).keys()]));
			expect(written.size, def.name).toBeGreaterThan(3);
			for (const key of written) expect(def.keys, `${def.name}: ${key}`).toContain(key);
		}
	});

	it('give run figures the lab’s keys and the others their schema’s', () => {
		for (const def of Object.values(figures))
			expect([...def.keys].sort(), def.name).toEqual(
				def.trains ? [...labKeys].sort() : Object.keys(schemas[def.name]).sort()
			);
	});
});
