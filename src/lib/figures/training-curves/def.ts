import { runFigure } from '../run-figure';

export default runFigure({
	name: 'training-curves',
	text: (t) => t.trainingCurves,
	load: () => import('./TrainingCurves.svelte')
});
