import { runFigure } from '../run-figure';

export default runFigure({
	name: 'slow-motion',
	text: (t) => t.slowMotion,
	load: () => import('./SlowMotion.svelte')
});
