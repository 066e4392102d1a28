import { getContext, setContext } from 'svelte';
import { readStored, storageWorks, writeStored } from './storage';
import { PROGRESS_KEY, parseProgress, withAnswer, withVisit, type Answer, type Progress } from './progress';

const KEY = Symbol('progress');

/** Lesson progress as reactive state, saved to localStorage on every change. */
export class ProgressStore {
	value = $state.raw<Progress>({});
	/** False when storage is blocked (private mode, LMS sandbox): progress then lasts for this visit. */
	persistent = $state(true);

	private loaded = false;

	/** Read saved progress; safe to call more than once (children mount before the layout that loads it). */
	load() {
		if (this.loaded) return;
		this.loaded = true;
		this.persistent = storageWorks();
		this.value = parseProgress(readStored(PROGRESS_KEY));
	}

	private save(next: Progress) {
		this.value = next;
		this.loaded = true;
		if (!writeStored(PROGRESS_KEY, JSON.stringify(next))) this.persistent = false;
	}

	visit(slug: string) {
		this.load();
		if (!this.value[slug]?.visited) this.save(withVisit(this.value, slug));
	}

	answer(slug: string, qid: string, a: Answer) {
		this.load();
		this.save(withAnswer(this.value, slug, qid, a));
	}

	reset() {
		this.value = {};
		if (!writeStored(PROGRESS_KEY, null)) this.persistent = false;
	}
}

export function provideProgress(p: ProgressStore): ProgressStore {
	return setContext(KEY, p);
}

export function useProgress(): ProgressStore {
	return getContext<ProgressStore>(KEY);
}
