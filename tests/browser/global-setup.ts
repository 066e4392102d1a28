import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

let server: StaticServer | undefined;

export async function setup(project: TestProject) {
	const dir = resolve('build');
	if (!existsSync(resolve(dir, 'index.html'))) {
		throw new Error('No built site in build/: run `npm run build` before the browser tests.');
	}
	server = await serveStatic(dir);
	project.provide('baseUrl', server.url);
}

export async function teardown() {
	await server?.close();
}
