/**
 * A small, schema-driven codec between figure settings and URL query parameters.
 * Parsing never throws: every value is validated, numbers are clamped to their range,
 * and anything unreadable falls back to the field's default.
 */

export type NumberField = { kind: 'number'; min: number; max: number; default: number; step?: number };
export type EnumField<T extends string = string> = { kind: 'enum'; values: readonly T[]; default: T };
export type ListField<T extends string = string> = {
	kind: 'list';
	values: readonly T[];
	default: readonly T[];
	/** Allow an empty selection (written as an empty parameter). */
	allowEmpty?: boolean;
};
export type BoolField = { kind: 'bool'; default: boolean };
export type Field = NumberField | EnumField | ListField | BoolField;
export type Schema = Record<string, Field>;

type ValueOf<F> = F extends NumberField
	? number
	: F extends EnumField<infer T>
		? T
		: F extends ListField<infer T>
			? T[]
			: F extends BoolField
				? boolean
				: never;

export type Settings<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** Longest raw parameter we are willing to look at; hostile URLs can be huge. */
const MAX_RAW = 512;

export function clamp(v: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, v));
}

function snap(v: number, f: NumberField): number {
	if (!f.step) return v;
	const n = Math.round((v - f.min) / f.step);
	// Round away binary noise so 0.1 + 0.2 does not show as 0.30000000000000004.
	return Number((f.min + n * f.step).toFixed(10));
}

export function parseField(f: Field, raw: string | null): unknown {
	if (raw === null || raw.length > MAX_RAW) return defaultOf(f);
	const text = raw.trim();
	switch (f.kind) {
		case 'number': {
			// Number('') is 0 and Number('0x10') is 16: accept only plain decimal numbers.
			if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return f.default;
			const v = Number(text);
			return Number.isFinite(v) ? snap(clamp(v, f.min, f.max), f) : f.default;
		}
		case 'enum':
			return (f.values as readonly string[]).includes(text) ? text : f.default;
		case 'list': {
			if (text === '') return f.allowEmpty ? [] : [...f.default];
			const picked = text.split(',').map((s) => s.trim());
			const known = f.values.filter((v) => picked.includes(v));
			return known.length > 0 || f.allowEmpty ? known : [...f.default];
		}
		case 'bool':
			if (['1', 'true', 'yes', 'on'].includes(text.toLowerCase())) return true;
			if (['0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false;
			return f.default;
	}
}

function defaultOf(f: Field): unknown {
	return f.kind === 'list' ? [...f.default] : f.default;
}

export function defaults<S extends Schema>(schema: S): Settings<S> {
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(schema)) out[k] = defaultOf(f);
	return out as Settings<S>;
}

/** Read settings from query parameters. Unknown keys are ignored; nothing throws. */
export function decode<S extends Schema>(schema: S, params: URLSearchParams | string): Settings<S> {
	let p: URLSearchParams;
	try {
		p = typeof params === 'string' ? new URLSearchParams(params) : params;
	} catch {
		p = new URLSearchParams();
	}
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(schema)) out[k] = parseField(f, p.get(k));
	return out as Settings<S>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Write settings as query parameters, leaving out values equal to their defaults. */
export function encode<S extends Schema>(schema: S, settings: Settings<S>): URLSearchParams {
	const p = new URLSearchParams();
	for (const [k, f] of Object.entries(schema)) {
		const v = (settings as Record<string, unknown>)[k];
		switch (f.kind) {
			case 'number':
				if (typeof v === 'number' && v !== f.default) p.set(k, String(v));
				break;
			case 'enum':
				if (v !== f.default) p.set(k, String(v));
				break;
			case 'list': {
				const list = (Array.isArray(v) ? v : []) as string[];
				const ordered = f.values.filter((x) => list.includes(x));
				if (!sameList(ordered, f.default)) p.set(k, ordered.join(','));
				break;
			}
			case 'bool':
				if (v !== f.default) p.set(k, v ? '1' : '0');
				break;
		}
	}
	return p;
}

/** Clamp an already-typed settings object (e.g. from a slider or a postMessage) into the schema. */
export function sanitize<S extends Schema>(schema: S, input: Partial<Record<keyof S, unknown>>): Settings<S> {
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(schema)) {
		const v = (input as Record<string, unknown>)[k];
		let raw: string | null = null;
		if (typeof v === 'number' || typeof v === 'string') raw = String(v);
		else if (typeof v === 'boolean') raw = v ? '1' : '0';
		else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) raw = v.join(',');
		out[k] = parseField(f, raw);
	}
	return out as Settings<S>;
}
