/**
 * Every figure a lesson may place (lessons/FORMAT.md). Kept apart from the registry so that Node tests and
 * the lesson build can check names without loading Svelte components.
 */
export const plannedFigures = [
	'target-logits',
	'decision-margins',
	'feature-circle',
	'replay',
	'theta-distribution',
	'training-curves',
	'face-gallery',
	'pair-angles',
	'open-set',
	'slow-motion',
	'inversion'
] as const;
export type PlannedFigure = (typeof plannedFigures)[number];
