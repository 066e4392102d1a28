// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	interface Window {
		/** Test hooks, present only when the lab is opened with `?debug=1`. */
		marginLab?: {
			loseBackend: () => void;
			tensors: () => number;
			/** ask for an open-set evaluation; `openSet()` is its latest answer (null until it arrives) */
			evaluateOpenSet: () => void;
			openSet: () => import('$lib/train/protocol').OpenSetEvaluation | null;
		};
	}
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
