// Writes src/lib/home/picture.json from a real training run (scripts/home-picture.ts explains it).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport('./scripts/home-picture.ts', {
	configFile: false,
	resolve: { alias: { $lib: resolve('src/lib') } }
});
const t0 = performance.now();
const picture = await module.makePicture();
const out = resolve('src/lib/home/picture.json');
writeFileSync(out, JSON.stringify(picture) + '\n');
const acc = picture.models.map((m) => `${m.loss} ${(m.testAcc * 100).toFixed(1)} %`).join(', ');
console.log(
	`${out}: ${picture.steps} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s; held-out ${acc}`
);
