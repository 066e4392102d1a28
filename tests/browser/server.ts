import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export type StaticServer = { url: string; close: () => Promise<void> };

/**
 * Serve a built site on 127.0.0.1 at a free port, optionally under a sub-path (as a course server might),
 * the way a plain static host would: files only, index.html for folders.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
	const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: false });
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith(base)) {
			res.statusCode = 404;
			res.end('not under base');
			return;
		}
		req.url = '/' + url.slice(base.length);
		files(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
