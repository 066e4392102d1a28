import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export type StaticServer = {
	url: string;
	/** Bodies of the requests the server answered at `collect` (e.g. CSP violation reports), parsed as JSON. */
	collected: unknown[];
	close: () => Promise<void>;
};

export type ServeOptions = {
	/** headers sent with every response, as a host configured after the README's "Hosting" section would */
	headers?: Record<string, string>;
	/** a path (under `base`) that accepts POSTed JSON and keeps it in `collected`, answering 204 */
	collect?: string;
	/** a port to listen on (default: any free one); a test "redeploys" by serving again on the same port */
	port?: number;
	/** a file (under `dir`) sent with status 404 for a missing path, as GitHub Pages or Netlify send 404.html */
	notFound?: string;
};

/**
 * Serve a built site on 127.0.0.1 at a free port, optionally under a sub-path (as a course server might),
 * the way a plain static host would: files only, index.html for folders.
 */
export async function serveStatic(dir: string, base = '/', opts: ServeOptions = {}): Promise<StaticServer> {
	const files = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: false });
	const collected: unknown[] = [];
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith(base)) {
			res.statusCode = 404;
			res.end('not under base');
			return;
		}
		req.url = '/' + url.slice(base.length);
		if (
			opts.collect &&
			req.method === 'POST' &&
			req.url.split('?')[0] === '/' + opts.collect.replace(/^\//, '')
		) {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				try {
					collected.push(JSON.parse(body));
				} catch {
					collected.push(body);
				}
				res.statusCode = 204;
				res.end();
			});
			return;
		}
		for (const [name, value] of Object.entries(opts.headers ?? {})) res.setHeader(name, value);
		files(req, res, () => {
			res.statusCode = 404;
			if (opts.notFound && existsSync(join(dir, opts.notFound))) {
				res.setHeader('content-type', 'text/html; charset=utf-8');
				res.end(readFileSync(join(dir, opts.notFound)));
			} else res.end('not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		collected,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				// keep-alive connections would hold close() open, and keep answering after it
				server.closeAllConnections();
			})
	};
}
