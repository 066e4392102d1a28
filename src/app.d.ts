// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	interface Window {
		/** Test hooks, present only when the lab is opened with `?debug=1`. */
		marginLab?: { loseBackend: () => void; tensors: () => number };
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
