import { runFigure } from '../run-figure';

export default runFigure({
	name: 'feature-circle',
	text: (t) => t.featureCircle,
	load: () => import('./RunCircle.svelte')
});
