/**
 * Export what a figure shows as one standalone SVG (its SVG layers plus its canvases as images, laid out
 * as on screen) or as a PNG rendered from that SVG; and tables as CSV. Browser only.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Presentation properties copied inline, so the file looks the same without the page's CSS variables. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-size',
	'font-weight',
	'font-family',
	'text-anchor',
	'dominant-baseline',
	'paint-order'
];

function inlineStyles(source: Element, target: Element) {
	const cs = getComputedStyle(source);
	const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
	target.setAttribute('style', style);
	for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

/** One SVG holding every svg and canvas inside `root`, positioned as they are on screen. */
export function figureToSvg(root: HTMLElement, title: string): string {
	const box = root.getBoundingClientRect();
	const out = document.createElementNS(SVG_NS, 'svg');
	out.setAttribute('xmlns', SVG_NS);
	out.setAttribute('width', String(Math.ceil(box.width)));
	out.setAttribute('height', String(Math.ceil(box.height)));
	out.setAttribute('viewBox', `0 0 ${Math.ceil(box.width)} ${Math.ceil(box.height)}`);
	const bg = document.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', '#ffffff');
	out.appendChild(bg);
	const t = document.createElementNS(SVG_NS, 'title');
	t.textContent = title;
	out.appendChild(t);
	for (const el of root.querySelectorAll('svg, canvas')) {
		if (el.closest('svg') !== el && el.tagName.toLowerCase() === 'svg') continue; // nested svg
		if (el.tagName.toLowerCase() === 'svg' && el.parentElement?.closest('svg')) continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const x = r.left - box.left;
		const y = r.top - box.top;
		if (el instanceof HTMLCanvasElement) {
			const img = document.createElementNS(SVG_NS, 'image');
			img.setAttribute('href', el.toDataURL('image/png'));
			img.setAttribute('x', String(x));
			img.setAttribute('y', String(y));
			img.setAttribute('width', String(r.width));
			img.setAttribute('height', String(r.height));
			out.appendChild(img);
		} else {
			const clone = el.cloneNode(true) as SVGSVGElement;
			inlineStyles(el, clone);
			const g = document.createElementNS(SVG_NS, 'svg');
			g.setAttribute('x', String(x));
			g.setAttribute('y', String(y));
			g.setAttribute('width', String(r.width));
			g.setAttribute('height', String(r.height));
			g.setAttribute('overflow', 'visible');
			const vb = el.getAttribute('viewBox');
			if (vb) g.setAttribute('viewBox', vb);
			while (clone.firstChild) g.appendChild(clone.firstChild);
			out.appendChild(g);
		}
	}
	return new XMLSerializer().serializeToString(out);
}

/** Render an SVG string to a PNG blob at `scale` device pixels per CSS pixel. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('could not draw the figure'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2-D canvas');
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Offer a blob or a string as a download. */
export function download(name: string, data: Blob | string, type = 'text/plain'): void {
	const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
