// Take screenshots of pages of the built site: node scripts/shot.mjs <out-dir> <width>x<height> <path> [<path> …]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { createServer } from 'node:http';

const [out, size, ...paths] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
mkdirSync(out, { recursive: true });
const files = sirv(resolve('build'), { extensions: ['html'] });
const server = createServer((req, res) => files(req, res, () => ((res.statusCode = 404), res.end())));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--enable-unsafe-swiftshader'
	]
});
const page = await browser.newPage({ viewport: { width, height } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
for (const p of paths) {
	await page.goto(base + p.replace(/^\//, ''), { waitUntil: 'load' });
	await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 30000 });
	await page.waitForTimeout(1500);
	const file = `${out}/${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}.png`;
	await page.screenshot({ path: file, fullPage: true });
	console.log(file);
}
await browser.close();
server.close();
