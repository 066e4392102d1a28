/** The readouts of the settings schema's formats (`Format` in `$lib/train/schema`). */
import { fmt } from '$lib/i18n';
import type { Format } from '$lib/train/schema';

export const formats: Readonly<Record<Format, (v: number) => string>> = {
	plain: String,
	fixed2: (v) => fmt(v, 2),
	radians: (v) => `${fmt(v, 2)} (${fmt((v * 180) / Math.PI, 1)}°)`,
	scale: (v) => fmt(v, v < 10 ? 1 : 0),
	rate: (v) => (v >= 0.01 && v < 1000 ? String(v) : v.toExponential(1)),
	pixels: (v) => `${v} × ${v}`
};
