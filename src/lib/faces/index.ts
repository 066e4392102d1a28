/** Synthetic face identities and nuisances → pixels. Pure TypeScript, seeded, no DOM: runs in Node, workers, pages. */
import type { FaceParams } from './identity';
import { sampleNuisance, type NuisanceLevels } from './nuisance';
import { renderFace } from './render';
import type { Rng } from './rng';

export { hashSeed, Rng } from './rng';
export {
	averageFace,
	clampIdentityCount,
	DEFAULT_IDENTITY_SEED,
	identityPool,
	makeIdentities,
	MAX_TRAIN_IDENTITIES,
	N_IDENTITIES,
	N_UNSEEN,
	trainIdentities,
	UNSEEN_OFFSET,
	unseenIdentities,
	PARAM_KEYS,
	PARAM_RANGES,
	paramsFromUnit,
	type FaceParamKey,
	type FaceParams
} from './identity';
export {
	clampNuisance,
	defaultNuisance,
	fullNuisance,
	neutralNuisance,
	NUISANCE_KEYS,
	NUISANCE_LIMITS,
	sampleNuisance,
	zeroNuisance,
	type NuisanceKey,
	type NuisanceLevels,
	type NuisanceSample,
	type Occluder
} from './nuisance';
export { renderFace, renderFaceInto } from './render';
export {
	budgetPerIdentity,
	datasetImage,
	DEFAULT_HELD_OUT,
	generateDataset,
	generateUnseen,
	IMAGE_BUDGET,
	makeDataset,
	makeUnseen,
	UNSEEN_PER_IDENTITY,
	PER_IDENTITY_MAX,
	PER_IDENTITY_MIN,
	pixelStats,
	resolveOptions,
	SIZE_MAX,
	SIZE_MIN,
	standardize,
	type DatasetOptions,
	type DatasetProgress,
	type FaceDataset,
	type UnseenOptions,
	type UnseenSet
} from './dataset';

/** One gallery image: a fresh nuisance draw from `rng` applied to `identity`. */
export function renderIdentitySample(
	identity: FaceParams,
	rng: Rng,
	levels: NuisanceLevels,
	size: number
): Float32Array {
	return renderFace(identity, sampleNuisance(rng, levels), size);
}
