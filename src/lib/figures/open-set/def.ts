import { runFigure } from '../run-figure';

export default runFigure({
	name: 'open-set',
	text: (t) => t.openSet,
	load: () => import('./OpenSet.svelte')
});
