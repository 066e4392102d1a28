import { runFigure } from '../run-figure';

export default runFigure({
	name: 'theta-distribution',
	text: (t) => t.thetaDistribution,
	load: () => import('./ThetaDistribution.svelte')
});
