// Copy the tfjs WASM binaries into static/tfjs/ so the site serves them itself (never from a CDN).
// Only the single-threaded builds: the threaded one needs cross-origin isolation that static hosts and LMS
// iframes rarely give (see DESIGN §7).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
const out = 'static/tfjs';
mkdirSync(out, { recursive: true });
for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'])
	copyFileSync(join(dist, f), join(out, f));
