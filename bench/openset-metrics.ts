// The sweep's open-set tests, on the project's pure metrics (`$lib/metrics/open-set`) with the lab's own
// protocol (src/lib/train/open-set.ts): verification over every pair of a set; the first
// min(identities, N_UNSEEN / 2) identities of the set enrolled from 1 image (and 5, the control, as mean
// templates); their other images are mated searches; every image of the last N_UNSEEN / 2 unseen identities is a
// non-mated search (people not in the gallery), for the seen and the unseen report alike. This file only
// flattens the report into the numbers the sweep's table keeps.
import { N_UNSEEN } from '$lib/faces';
import { openSetReport as report } from '$lib/metrics/open-set';

export const IMPOSTOR_IDENTITIES = N_UNSEEN / 2;

export interface OpenSetSummary {
	identities: number;
	images: number;
	positivePairs: number;
	negativePairs: number;
	/** TAR at FAR 1e-1, 1e-2, 1e-3 (null where the impostor count does not allow it) */
	tar: { target: number; tar: number | null; far: number | null }[];
	/** rank-1 of the mated searches, 1 image and 5 images enrolled */
	rank1: number;
	rank1k: number;
	gallerySize: number;
	rank1Probes: number;
	/** DIR at FPIR 1e-1, 1e-2, 1e-3 with 1 enrolled image */
	dir: { target: number; dir: number | null; fpir: number | null }[];
	matedProbes: number;
	nonMatedProbes: number;
}

/** Rows of identities ≥ `from` (unit features not needed: the metrics normalise). */
export function rowsFrom(
	f: ArrayLike<number>,
	labels: ArrayLike<number>,
	dim: number,
	from: number
): Float32Array {
	const out: number[] = [];
	for (let i = 0; i < labels.length; i++)
		if (labels[i] >= from) for (let d = 0; d < dim; d++) out.push(f[i * dim + d]);
	return Float32Array.from(out);
}

/** The seen and unseen summaries of one trained model, from its features. */
export function openSetSummaries(
	seen: { f: ArrayLike<number>; y: ArrayLike<number> },
	unseen: { f: ArrayLike<number>; y: ArrayLike<number> },
	dim: number
): { closed: OpenSetSummary; unseen: OpenSetSummary } {
	const seenIds = Math.max(...Array.from(seen.y)) + 1;
	const gallerySize = Math.min(seenIds, N_UNSEEN - IMPOSTOR_IDENTITIES);
	const gallery = Int32Array.from({ length: gallerySize }, (_, i) => i);
	const impostors = rowsFrom(unseen.f, unseen.y, dim, N_UNSEEN - IMPOSTOR_IDENTITIES);
	const opts = { dim, gallery, impostors, maxAngles: 0 };
	const flat = (r: ReturnType<typeof report>): OpenSetSummary => {
		const [one, five] = r.identification;
		return {
			identities: r.identities,
			images: r.images,
			positivePairs: r.verification.totalPositive,
			negativePairs: r.verification.totalNegative,
			tar: r.verification.tarAtFar.map((p) => ({ target: p.target, tar: p.rate, far: p.achieved })),
			rank1: one.rank1,
			rank1k: five.rank1,
			gallerySize: one.gallerySize,
			rank1Probes: one.mated,
			dir: one.dirAtFpir.map((p) => ({ target: p.target, dir: p.rate, fpir: p.achieved })),
			matedProbes: one.mated,
			nonMatedProbes: one.nonMated
		};
	};
	return {
		closed: flat(report(Float32Array.from(seen.f), seen.y, opts)),
		unseen: flat(report(Float32Array.from(unseen.f), unseen.y, opts))
	};
}
