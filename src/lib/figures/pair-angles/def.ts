import { runFigure } from '../run-figure';

export default runFigure({
	name: 'pair-angles',
	text: (t) => t.pairAngles,
	load: () => import('./PairAngles.svelte')
});
