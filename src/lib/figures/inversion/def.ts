import { runFigure } from '../run-figure';

export default runFigure({
	name: 'inversion',
	text: (t) => t.inversion,
	load: () => import('./Inversion.svelte')
});
