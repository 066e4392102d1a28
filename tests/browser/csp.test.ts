/**
 * Content-Security-Policy: every built page carries the meta policy, no page has inline event handlers, and
 * the site served with exactly the headers the README recommends (which also reach the Web Workers, where a
 * meta tag does not) runs lessons, the lab and training on WASM and WebGL without a single violation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hostHeaders } from '../../security-headers.js';
import { hydrated, launch, open } from './harness';
import { serveStatic, type StaticServer } from './server';

const buildDir = resolve('build');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []
	);
}

/** The start tags of a page with their quoted attribute values blanked, so text inside values can't match. */
function startTags(html: string): string[] {
	const withoutScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script>');
	return (withoutScripts.match(/<[a-zA-Z][^>]*>/g) ?? []).map((tag) =>
		tag.replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''")
	);
}

describe('the built pages', () => {
	const pages = htmlFiles(buildDir);

	it('are all there', () => {
		expect(pages.length).toBeGreaterThan(20);
	});

	it('have no inline event handlers or javascript: URLs', () => {
		const found: string[] = [];
		for (const file of pages) {
			const html = readFileSync(file, 'utf8');
			for (const tag of startTags(html)) {
				if (/\son[a-z]+\s*=/i.test(tag)) found.push(`${relative(buildDir, file)}: ${tag.slice(0, 80)}`);
			}
			if (/(href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) found.push(`${file}: javascript: URL`);
		}
		expect(found).toEqual([]);
	});

	it('each carry the CSP meta tag, with a hash for each inline script and no unsafe-eval', () => {
		for (const file of pages) {
			const html = readFileSync(file, 'utf8');
			const name = relative(buildDir, file);
			const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
			expect(metas.length, name).toBe(1);
			const policy = metas[0][1].replace(/&#39;/g, "'").replace(/&quot;/g, '"');
			// the meta tag comes before any script, so it governs all of them
			expect(html.indexOf(metas[0][0]), name).toBeLessThan(html.search(/<script\b/i));
			expect(policy, name).not.toContain("'unsafe-eval'");
			const script = policy.split(';').find((d) => d.trim().startsWith('script-src ')) ?? '';
			expect(script.trim(), name).toMatch(
				/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+$/
			);
			expect(policy, name).toContain("default-src 'self'");
			expect(policy, name).toContain("object-src 'none'");
			expect(policy, name).not.toMatch(/script-src[^;]*'unsafe-inline'/);
			const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)];
			const hashes = script.match(/'sha256-[^']+'/g) ?? [];
			expect(inline.length, name).toBeGreaterThan(0);
			expect(hashes.length, name).toBeGreaterThanOrEqual(inline.length);
		}
	});

	it('are described by the README, which lists the host headers verbatim', () => {
		const readme = readFileSync('README.md', 'utf8');
		for (const [name, value] of Object.entries(hostHeaders)) expect(readme).toContain(`${name}: ${value}`);
	});
});

type Violation = { directive: string; blocked: string; source: string };

declare global {
	interface Window {
		__cspViolations?: Violation[];
	}
}

describe('served with the README’s headers', () => {
	let browser: Browser;
	let server: StaticServer;
	const reportPath = '__csp-report';

	beforeAll(async () => {
		browser = await launch();
		// The enforced policy is exactly the README's. A report-only copy with a report-uri makes violations
		// inside the Web Workers visible too (they fire no event in the page).
		const headers: Record<string, string> = {
			...hostHeaders,
			'Content-Security-Policy-Report-Only': `${hostHeaders['Content-Security-Policy']}; report-uri /${reportPath}`
		};
		server = await serveStatic(buildDir, '/', { headers, collect: reportPath });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	async function openWatched(path: string) {
		const context = await browser.newContext({
			viewport: { width: 1280, height: 900 },
			serviceWorkers: 'block'
		});
		await context.addInitScript(() => {
			window.__cspViolations = [];
			addEventListener('securitypolicyviolation', (event) => {
				const e = event as SecurityPolicyViolationEvent;
				window.__cspViolations?.push({
					directive: e.violatedDirective,
					blocked: e.blockedURI,
					source: `${e.sourceFile}:${e.lineNumber}`
				});
			});
		});
		const opened = await open(browser, path, { base: server.url, context, allowConsole: ['canary'] });
		const violations = () => opened.page.evaluate(() => window.__cspViolations ?? []);
		return { ...opened, violations };
	}

	async function trainOn(page: Page, backend: string) {
		await page.locator('[data-testid="train"]:not([disabled])').first().waitFor({ timeout: 180_000 });
		await expect(page.locator('[data-backend]').first().getAttribute('data-backend')).resolves.toBe(backend);
		await page.getByTestId('train').first().click();
		await page.waitForFunction(
			() =>
				Number((document.querySelector('[data-testid="step"]')?.textContent ?? '').replace(/\D/g, '')) > 10,
			undefined,
			{ timeout: 180_000 }
		);
	}

	it('sends the headers', async () => {
		const res = await fetch(server.url + 'lab/');
		for (const [name, value] of Object.entries(hostHeaders)) expect(res.headers.get(name)).toBe(value);
	});

	it('opens home, a lesson and the lab, and trains on WASM, without a violation', async () => {
		const { page, context, problems, violations } = await openWatched('/');
		await hydrated(page);
		await page.goto(server.url + 'lessons/margins/');
		await hydrated(page);
		await page.locator('[data-lesson-figure="target-logits"]').scrollIntoViewIfNeeded();
		await page.locator('[data-figure="target-logits"][data-ready="true"]').waitFor({ timeout: 30_000 });
		await expect(page.locator('.katex').count()).resolves.toBeGreaterThan(5);
		expect(await violations()).toEqual([]);

		await page.goto(server.url + 'lab/?backend=wasm');
		await trainOn(page, 'wasm');
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);

		// The detectors work: a request the policy forbids is seen by the page and reported to the server.
		await page.evaluate(() => fetch('data:text/plain,canary').catch(() => undefined));
		// (one event for each policy that forbids it: the meta tag, the header and its report-only copy)
		await expect.poll(async () => (await violations()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
		expect(await violations()).toEqual(
			(await violations()).map(() => expect.objectContaining({ directive: 'connect-src', blocked: 'data' }))
		);
		await expect.poll(() => server.collected.length, { timeout: 30_000 }).toBe(1);
		expect(server.collected).toEqual([
			{
				'csp-report': expect.objectContaining({ 'effective-directive': 'connect-src', 'blocked-uri': 'data' })
			}
		]);
		await context.close();
	});

	it('trains on WebGL without a violation', async () => {
		server.collected.length = 0;
		const { page, context, problems, violations } = await openWatched('/lab/?backend=webgl');
		await trainOn(page, 'webgl');
		expect(await violations()).toEqual([]);
		expect(server.collected).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});

	it('lets only the listed sites embed a figure (frame-ancestors)', async () => {
		// An "LMS" on another origin (another port) with a course page that embeds a figure.
		let site = server.url;
		const lms = createServer((_req, res) => {
			res.setHeader('content-type', 'text/html');
			res.end(
				`<!doctype html><title>Course</title><iframe src="${site}embed/target-logits/?m2=0.4"></iframe>`
			);
		});
		await new Promise<void>((done) => lms.listen(0, '127.0.0.1', done));
		const lmsOrigin = `http://127.0.0.1:${(lms.address() as AddressInfo).port}`;
		// A host that lists the LMS, as the README says.
		const csp = hostHeaders['Content-Security-Policy'].replace(
			"frame-ancestors 'self'",
			`frame-ancestors 'self' ${lmsOrigin}`
		);
		const listing = await serveStatic(buildDir, '/', {
			headers: { ...hostHeaders, 'Content-Security-Policy': csp }
		});
		try {
			const embedIn = async () => {
				const context = await browser.newContext({ serviceWorkers: 'block' });
				const page = await context.newPage();
				const errors: string[] = [];
				page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
				page.on('pageerror', (e) => errors.push(e.message));
				await page.goto(lmsOrigin + '/');
				return { page, context, errors };
			};

			site = listing.url;
			const allowed = await embedIn();
			const frame = allowed.page.frameLocator('iframe');
			await frame.locator('[data-figure="target-logits"][data-ready="true"]').waitFor({ timeout: 30_000 });
			expect(allowed.errors).toEqual([]);
			await allowed.context.close();

			// The README's default, frame-ancestors 'self': the browser refuses to show the page in the LMS.
			site = server.url;
			const refused = await embedIn();
			await expect.poll(() => refused.errors.join('\n'), { timeout: 30_000 }).toContain('frame-ancestors');
			expect(refused.page.frames().map((f) => f.url())).not.toContain(`${site}embed/target-logits/?m2=0.4`);
			await refused.context.close();
		} finally {
			await listing.close();
			await new Promise((done) => lms.close(done));
		}
	});
});
