/**
 * build/404.html: the page a static host (GitHub Pages, Netlify, Cloudflare Pages, an Apache or nginx
 * `error_page`) sends for an address the site does not have. Hosts send this one file for every missing path
 * at any depth, and the site may live under any sub-path, so the page cannot use SvelteKit's relative
 * `./_app/…` paths: it is one self-contained file (inline style, one small inline script, both hashed in its
 * Content-Security-Policy). Both languages are in the HTML; the script shows the visitor's language (the
 * `?lang=` parameter, the stored choice, then the browser's language) and points the links at the site's
 * root, found by asking each parent folder for `_app/version.json`. Without the script both languages
 * show and the links go to the host's root.
 *
 * The strings come from the i18n tables (src/lib/i18n/sections/home.ts). Written by the adapter in
 * svelte.config.js after adapter-static; tests/unit/not-found-page.test.ts checks the page and its hashes.
 */
import { createHash } from 'node:crypto';
import { en, zh } from '../src/lib/i18n/sections/home.ts';

type Text = typeof en.notFound;

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Shows one language and fixes the links; must stay ES5-plain and never throw. */
export const script = `(function () {
	var d = document.documentElement;
	var lang = null;
	try { lang = new URLSearchParams(location.search).get('lang'); } catch (e) {}
	if (lang !== 'en' && lang !== 'zh') { try { lang = localStorage.getItem('margin-lab:lang'); } catch (e) {} }
	if (lang !== 'en' && lang !== 'zh') lang = /^zh/i.test(navigator.language || '') ? 'zh' : 'en';
	d.lang = lang === 'zh' ? 'zh-Hans' : 'en';
	d.setAttribute('data-lang', lang);
	var parts = location.pathname.split('/').slice(1, -1);
	var roots = [];
	for (var i = parts.length; i >= 0; i--) roots.push('/' + parts.slice(0, i).map(function (p) { return p + '/'; }).join(''));
	function tryRoot(k) {
		if (k >= roots.length || !window.fetch) return;
		fetch(roots[k] + '_app/version.json', { cache: 'no-store' }).then(function (r) {
			if (!r.ok) throw 0;
			var links = document.querySelectorAll('a[data-path]');
			for (var j = 0; j < links.length; j++) links[j].href = roots[k] + links[j].getAttribute('data-path') + (lang === 'zh' ? '?lang=zh' : '');
			d.setAttribute('data-root', roots[k]);
		}).catch(function () { tryRoot(k + 1); });
	}
	tryRoot(0);
})();`;

export const style = `:root{color-scheme:light;--ink:#1b1f24;--soft:#5b6470;--accent:#0062a3}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:var(--ink);background:#fff;line-height:1.5;font-size:clamp(1rem,.9rem + .35vw,1.3rem)}
main{max-width:40rem;margin:0 auto;padding:clamp(1.5rem,6vw,4rem) 1.25rem}
.brand{font-weight:700;color:var(--soft);margin:0 0 1.5rem}
h1{font-size:clamp(1.6rem,5vw,2.4rem);margin:0 0 .5rem;line-height:1.2}
p{margin:0 0 1rem}
.code{font-size:1rem;color:var(--soft)}
ul{list-style:none;padding:0;margin:1.5rem 0 0;display:flex;flex-wrap:wrap;gap:.75rem}
a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 1rem;border:2px solid var(--accent);border-radius:6px;color:var(--accent);font-weight:700;text-decoration:none}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
section+section{margin-top:2.5rem;padding-top:1.5rem;border-top:1px solid #d5d9df}
[data-lang=en] section[lang=zh-Hans],[data-lang=zh] section[lang=en]{display:none}
[data-lang] section+section{margin-top:0;padding-top:0;border-top:0}`;

function block(t: Text, lang: string, siteName: string): string {
	return `<section lang="${lang}">
<p class="brand">${esc(siteName)}</p>
<p class="code">404</p>
<h1>${esc(t.title)}</h1>
<p>${esc(t.text)}</p>
<ul><li><a href="/" data-path="">${esc(t.home)}</a></li><li><a href="/lessons/" data-path="lessons/">${esc(t.lessons)}</a></li></ul>
</section>`;
}

export function notFoundPage(siteName = 'Margin Lab'): string {
	const policy = [
		"default-src 'self'",
		`script-src 'self' 'wasm-unsafe-eval' ${sha256(script)}`,
		`style-src 'self' ${sha256(style)}`,
		"img-src 'self'",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'"
	].join('; ');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${esc(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(en.notFound.title)} · ${esc(zh.notFound.title)} · ${esc(siteName)}</title>
<style>${style}</style>
<script>${script}</script>
</head>
<body>
<main>
${block(en.notFound, 'en', siteName)}
${block(zh.notFound, 'zh-Hans', siteName)}
</main>
</body>
</html>
`;
}
