// The tests the open-set sweep runs on one set of embedded images (features n × dim, labels 0..c − 1), on the
// project's pure metrics: verification by pair angle, rank-1 with enrolled images, and open-set
// identification (DIR at FPIR, NIST FRVT: a non-mated probe is a false alarm when its best gallery score
// passes the threshold; a mated probe counts when its best match is its own identity and passes it).
import { hashSeed, Rng } from '$lib/faces';
import { pairAngles, rank1Enrolled, tarAtFar } from '$lib/metrics';
import { unitRows } from '$lib/metrics/input';

export const FARS = [1e-1, 1e-2, 1e-3];
export const FPIRS = [1e-1, 1e-2];
export const ENROL_K = 5;

export interface OpenSetReport {
	identities: number;
	images: number;
	positivePairs: number;
	negativePairs: number;
	/** TAR at each of FARS; `far` the achieved FAR */
	tar: { target: number; tar: number; far: number }[];
	/** rank-1 with 1 enrolled image per identity, and with ENROL_K */
	rank1: number;
	rank1k: number;
	rank1Probes: number;
	/** open-set identification: first half of the identities enrolled (1 image), second half never enrolled */
	dir: { target: number; dir: number; fpir: number }[];
	matedProbes: number;
	nonMatedProbes: number;
}

export function openSetReport(
	f: Float32Array,
	labels: ArrayLike<number>,
	dim: number,
	seed: number
): OpenSetReport {
	const n = labels.length;
	const ids = Math.max(...Array.from(labels)) + 1;
	const pairs = pairAngles(f, labels, { dim });
	const tar = FARS.map((target) => {
		const p = tarAtFar(pairs.positive, pairs.negative, target);
		return { target, tar: p.tar, far: p.far };
	});
	const r1 = rank1Enrolled(f, labels, { dim, perIdentity: 1, seed });
	const r1k = rank1Enrolled(f, labels, { dim, perIdentity: ENROL_K, seed });
	return {
		identities: ids,
		images: n,
		positivePairs: pairs.totalPositive,
		negativePairs: pairs.totalNegative,
		tar,
		rank1: r1.rate,
		rank1k: r1k.rate,
		rank1Probes: r1.probes,
		...openSetIdentification(f, labels, dim, seed)
	};
}

export function openSetIdentification(
	f: Float32Array,
	labels: ArrayLike<number>,
	dim: number,
	seed: number
): Pick<OpenSetReport, 'dir' | 'matedProbes' | 'nonMatedProbes'> {
	const n = labels.length;
	const ids = Math.max(...Array.from(labels)) + 1;
	const enrolledIds = Math.ceil(ids / 2);
	const u = unitRows(f, dim);
	// one gallery image per enrolled identity, picked by a seeded shuffle of its images
	const gallery: number[] = [];
	for (let c = 0; c < enrolledIds; c++) {
		const rows = Array.from({ length: n }, (_, i) => i).filter((i) => labels[i] === c);
		const order = Int32Array.from(rows);
		new Rng(hashSeed(seed, c)).shuffle(order);
		gallery.push(order[0]);
	}
	const inGallery = new Set(gallery);
	const mated: { score: number; correct: boolean }[] = [];
	const nonMated: number[] = [];
	for (let i = 0; i < n; i++) {
		if (inGallery.has(i)) continue;
		let best = -Infinity;
		let who = -1;
		for (const g of gallery) {
			let c = 0;
			for (let d = 0; d < dim; d++) c += u[i * dim + d] * u[g * dim + d];
			if (c > best) {
				best = c;
				who = labels[g];
			}
		}
		if (labels[i] < enrolledIds) mated.push({ score: best, correct: who === labels[i] });
		else nonMated.push(best);
	}
	const desc = [...nonMated].sort((a, b) => b - a);
	const dir = FPIRS.map((target) => {
		// accept when score > t; t is the (⌊target·N⌋ + 1)-th largest non-mated score: at most ⌊target·N⌋ pass
		const allowed = Math.floor(target * desc.length + 1e-9);
		const t = allowed < desc.length ? desc[allowed] : -Infinity;
		const fpir = desc.length ? desc.filter((s) => s > t).length / desc.length : 0;
		const hits = mated.filter((m) => m.correct && m.score > t).length;
		return { target, dir: mated.length ? hits / mated.length : 0, fpir };
	});
	return { dir, matedProbes: mated.length, nonMatedProbes: nonMated.length };
}
