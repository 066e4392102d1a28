// `npm run package:scorm`: SCORM 1.2 packages of the static build, for an LMS (Moodle, Canvas, Blackboard):
// build-scorm/margin-lab-course.zip (the whole course, one SCO) and build-scorm/margin-lab-<slug>.zip (one
// lesson each). Every package holds the whole build (links between pages keep working, nothing is fetched
// from outside) and an imsmanifest.xml that lists every file. The lesson pages report to the LMS through
// src/lib/scorm/ when launched with `?scorm=` (see README, "SCORM packages").
//
//   node scripts/package-scorm.mjs [--build] [--mastery 80] [--out build-scorm]
//   --build: run `npm run build` first even when build/ exists (without it, an existing build is reused)
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { parse } from 'yaml';

/** @typedef {{ slug: string, order: number, title: string, questions: number }} Lesson */
/** @typedef {{ name: string, title: string, launch: string, mastery: number }} Package */

/**
 * Every file under `dir`, as sorted paths relative to it with `/` separators.
 * @param {string} dir
 * @returns {string[]}
 */
export function listFiles(dir, prefix = '') {
	/** @type {string[]} */
	const out = [];
	for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
		const rel = prefix ? `${prefix}/${e.name}` : e.name;
		if (e.isDirectory()) out.push(...listFiles(dir, rel));
		else if (e.isFile()) out.push(rel);
	}
	return out.sort();
}

/** The English lessons' front matter (lessons/en/NN-slug.md), in course order. */
export function readLessons(dir = 'lessons/en') {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.map((f) => {
			const front = readFileSync(join(dir, f), 'utf8').split(/^---$/m)[1] ?? '';
			const meta = parse(front);
			return {
				slug: String(meta.slug),
				order: Number(meta.order),
				title: String(meta.title),
				questions: Array.isArray(meta.questions) ? meta.questions.length : 0
			};
		})
		.sort((a, b) => a.order - b.order);
}

/** The packages: the course (launched at its first lesson) and one per lesson (its bare lesson page). */
export function packages(/** @type {Lesson[]} */ lessons, mastery = 80) {
	const total = lessons.reduce((n, l) => n + l.questions, 0);
	const course = {
		name: 'margin-lab-course',
		title: 'Margin Lab: how face-recognition networks learn',
		launch: `lessons/${lessons[0].slug}/index.html?scorm=course&total=${total}&mastery=${mastery}`,
		mastery
	};
	return [
		course,
		...lessons.map((l) => ({
			name: `margin-lab-${l.slug}`,
			title: `Margin Lab ${l.order}: ${l.title}`,
			launch: `embed/lesson/${l.slug}/index.html?scorm=${l.slug}&mastery=${mastery}`,
			mastery
		}))
	];
}

/** @param {string} s */
const xml = (s) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A file path as a relative URL (each segment escaped). */
export const fileHref = (/** @type {string} */ path) => path.split('/').map(encodeURIComponent).join('/');

/** imsmanifest.xml for one package: one organization, one SCO, every file of the package listed. */
export function manifest(/** @type {Package} */ pkg, /** @type {string[]} */ files) {
	const list = files.map((f) => `      <file href="${xml(fileHref(f))}"/>`).join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${pkg.name}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${pkg.name}">
    <organization identifier="org-${pkg.name}">
      <title>${xml(pkg.title)}</title>
      <item identifier="item-${pkg.name}" identifierref="sco-${pkg.name}" isvisible="true">
        <title>${xml(pkg.title)}</title>
        <adlcp:masteryscore>${pkg.mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${pkg.name}" type="webcontent" adlcp:scormtype="sco" href="${xml(pkg.launch)}">
${list}
    </resource>
  </resources>
</manifest>
`;
}

// Already compressed: stored as they are.
const STORED = /\.(png|jpe?g|gif|webp|woff2?|wasm|zip|gz|br)$/;

/** The zip of one package: imsmanifest.xml at its root, then the build's files. */
export function zipPackage(/** @type {Package} */ pkg, /** @type {string} */ buildDir) {
	const files = listFiles(buildDir);
	const mtime = new Date('2026-01-01T00:00:00Z');
	/** @type {import('fflate').Zippable} */
	const entries = { 'imsmanifest.xml': [strToU8(manifest(pkg, files)), { level: 9, mtime }] };
	for (const f of files) {
		entries[f] = [new Uint8Array(readFileSync(join(buildDir, f))), { level: STORED.test(f) ? 0 : 6, mtime }];
	}
	return zipSync(entries);
}

function main() {
	const args = process.argv.slice(2);
	const opt = (/** @type {string} */ name, /** @type {string} */ fallback) => {
		const i = args.indexOf(name);
		return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
	};
	const mastery = Number(opt('--mastery', '80'));
	if (!Number.isInteger(mastery) || mastery < 0 || mastery > 100) throw new Error('--mastery: 0 to 100');
	const out = opt('--out', 'build-scorm');
	if (args.includes('--build') || !existsSync('build/index.html'))
		execSync('npm run build', { stdio: 'inherit' });
	mkdirSync(out, { recursive: true });
	for (const pkg of packages(readLessons(), mastery)) {
		const zip = zipPackage(pkg, 'build');
		writeFileSync(join(out, `${pkg.name}.zip`), zip);
		console.log(`${out}/${pkg.name}.zip  ${(zip.length / 1e6).toFixed(1)} MB  launch: ${pkg.launch}`);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
