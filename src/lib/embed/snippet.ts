/** The `<iframe>` code an instructor pastes into a course page (pure; the builder on /teach shows it). */
import { toOrigin, type ControlMode } from './protocol';

export type EmbedChoice = {
	/** absolute URL of the embed page, without query (e.g. https://host/course/embed/feature-circle/) */
	page: string;
	/** the figure's settings as a query string ('' for defaults) */
	settings: string;
	lang: 'en' | 'zh';
	controls: ControlMode;
	/** the course site's origin as typed by the instructor; ignored unless it is an http(s) origin */
	parent: string;
	title: string;
	height: number;
	resize: boolean;
	/** write a `sandbox` attribute with the flags the embed needs (for sites that require one) */
	sandbox?: boolean;
};

/**
 * The sandbox flags an embed works with: scripts, and its own origin (without it the frame's origin is
 * opaque, so its module scripts, training worker and storage fail and it never starts); popups that escape
 * the sandbox let "open in Margin Lab" links open a normal tab.
 */
export const SANDBOX_FLAGS = [
	'allow-scripts',
	'allow-same-origin',
	'allow-popups',
	'allow-popups-to-escape-sandbox'
] as const;

export const HEIGHT_LIMITS = [200, 5000] as const;

export function clampHeight(h: number): number {
	if (!Number.isFinite(h)) return 700;
	return Math.round(Math.min(HEIGHT_LIMITS[1], Math.max(HEIGHT_LIMITS[0], h)));
}

export function embedSrc(c: EmbedChoice): string {
	const url = new URL(c.page);
	url.search = '';
	for (const [k, v] of new URLSearchParams(c.settings)) url.searchParams.set(k, v);
	if (c.lang !== 'en') url.searchParams.set('lang', c.lang);
	if (c.controls !== 'all') url.searchParams.set('controls', c.controls);
	const parent = toOrigin(c.parent);
	if (parent) url.searchParams.set('parent', parent);
	return url.href;
}

function attr(v: string): string {
	return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Only attributes that LMS editors keep: Canvas's sanitiser removes `allow` (and any script) but keeps
 * `allowfullscreen`; the embed sizes itself there by `lti.frameResize` (protocol.ts).
 */
export function embedCode(c: EmbedChoice): string {
	const src = embedSrc(c);
	const lines = [
		`<iframe src="${attr(src)}"`,
		`        title="${attr(c.title)}"`,
		`        width="100%" height="${clampHeight(c.height)}" style="border:0; max-width:980px"`,
		c.sandbox
			? `        loading="lazy" allowfullscreen\n        sandbox="${SANDBOX_FLAGS.join(' ')}"></iframe>`
			: `        loading="lazy" allowfullscreen></iframe>`
	];
	if (!c.resize) return lines.join('\n');
	// Fits the frame to its content: only height reports from Margin Lab's own origin are obeyed.
	const origin = new URL(src).origin;
	const script = [
		'<script>',
		"window.addEventListener('message', function (e) {",
		`  if (e.origin !== '${origin}' || !e.data || e.data.type !== 'margin-lab:height') return;`,
		"  document.querySelectorAll('iframe').forEach(function (f) {",
		"    if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';",
		'  });',
		'});',
		'</script>'
	];
	return [...lines, ...script].join('\n');
}
