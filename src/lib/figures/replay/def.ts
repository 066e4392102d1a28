import { runFigure } from '../run-figure';

export default runFigure({
	name: 'replay',
	text: (t) => t.replay,
	load: () => import('./Replay.svelte')
});
