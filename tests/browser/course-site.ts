import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CourseSite = {
	/** e.g. http://localhost:PORT — another origin than the site under test (served on 127.0.0.1) */
	origin: string;
	/** Serve this HTML at `path` and return its full URL. */
	page: (path: string, html: string) => string;
	close: () => Promise<void>;
};

/** A stand-in for a course LMS: serves the HTML pages a test gives it, on an origin of its own. */
export async function courseSite(): Promise<CourseSite> {
	const pages = new Map<string, string>();
	const server = createServer((req, res) => {
		const html = pages.get(req.url ?? '');
		res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
		res.end(html ?? 'not found');
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	// Same machine, another origin: "localhost" is not "127.0.0.1".
	const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		page: (path, html) => {
			pages.set(path, html);
			return origin + path;
		},
		close: () => new Promise((r) => server.close(() => r()))
	};
}
