/**
 * Okabe–Ito colours (colour-blind safe). Wherever colour carries meaning a second cue goes with it:
 * a dash pattern for lines, a marker shape for points, and a direct label.
 */
export const okabeIto = [
	'#E69F00', // orange
	'#56B4E9', // sky blue
	'#009E73', // bluish green
	'#F0E442', // yellow
	'#0072B2', // blue
	'#D55E00', // vermillion
	'#CC79A7', // reddish purple
	'#000000' // black
] as const;

/** The same colours by name. */
export const oi = {
	orange: okabeIto[0],
	skyBlue: okabeIto[1],
	bluishGreen: okabeIto[2],
	yellow: okabeIto[3],
	blue: okabeIto[4],
	vermillion: okabeIto[5],
	reddishPurple: okabeIto[6],
	black: okabeIto[7]
} as const;

/** Light tints of three of them, for backgrounds and hatching. */
export const tints = { orange: '#FFF1E5', yellow: '#FFF3C4', vermillion: '#FBE3D3' } as const;

/** Vermillion dark enough for text on white (4.5:1). */
export const vermillionText = '#A33B00';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The CSS custom properties `src/app.css` defines on :root for stylesheets (a unit test keeps them equal). */
export const cssColours: Record<string, string> = Object.fromEntries([
	...Object.entries(oi).map(([k, v]) => [`--oi-${kebab(k)}`, v]),
	...Object.entries(tints).map(([k, v]) => [`--oi-${kebab(k)}-tint`, v]),
	['--oi-vermillion-text', vermillionText]
]);

export type LineStyle = { color: string; dash: string; width: number };

/** Line styles of the target-logit curves: no two share both colour and dash. */
export const curveStyles = {
	softmax: { color: '#000000', dash: '', width: 2.5 },
	sphereface: { color: '#E69F00', dash: '10 4', width: 2.5 },
	arcface: { color: '#0072B2', dash: '', width: 3 },
	cosface: { color: '#009E73', dash: '3 3', width: 2.5 },
	cm1: { color: '#CC79A7', dash: '12 4 3 4', width: 2.5 },
	cm2: { color: '#D55E00', dash: '6 3', width: 2.5 },
	custom: { color: '#56B4E9', dash: '2 2 8 2', width: 3 },
	fallback: { color: '#0072B2', dash: '1 4', width: 3 },
	easy: { color: '#0072B2', dash: '8 3 1 3', width: 2 }
} as const satisfies Record<string, LineStyle>;

/** The two classes of the binary decision-margin figure. */
export const classStyles = [
	{ color: '#0072B2', fill: '#0072B2', label: '1' },
	{ color: '#D55E00', fill: '#D55E00', label: '2' }
] as const;

export const marginGrey = '#9a9a9a';

/** Greys for reference lines: the soft ink of app.css (`--ink-soft`) and a lighter one for plain cos θ. */
export const greys = { inkSoft: '#5b6470', light: '#8a8a8a' } as const;
