/** The lab's keyboard shortcuts, as a pure mapping from a key event to an action (unit-tested). */
export type LabAction = 'toggle' | 'step' | 'reset' | 'help' | null;

/**
 * Which shortcuts a page allows: `all` (the site), `run` (an embed showing only Train / Step / Reset: their
 * keys, not P) or `none` (an embed driven by its parent page alone: no shortcut at all). Matches `controls=`.
 */
export type KeyScope = 'all' | 'run' | 'none';

/** Fields own every key (typing, arrows on a slider). */
const FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Buttons and links own Space and Enter (they activate themselves). */
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

export type KeyLike = {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
	targetTag?: string;
	targetEditable?: boolean;
};

/** The parts of a key event the shortcuts look at. */
export function keyOf(e: KeyboardEvent): KeyLike {
	const target = e.target as HTMLElement | null;
	return {
		key: e.key,
		ctrlKey: e.ctrlKey,
		metaKey: e.metaKey,
		altKey: e.altKey,
		targetTag: target?.tagName,
		targetEditable: target?.isContentEditable
	};
}

/** Is a key press free for a shortcut (no modifier, not typed into a field)? */
function free(e: KeyLike): boolean {
	if (e.ctrlKey || e.metaKey || e.altKey) return false;
	return !e.targetEditable && !FIELDS.has((e.targetTag ?? '').toUpperCase());
}

/** P, on any page: presenter mode on or off. */
export function isPresenterKey(e: KeyLike): boolean {
	return free(e) && (e.key === 'p' || e.key === 'P');
}

export function labAction(e: KeyLike): LabAction {
	if (!free(e)) return null;
	const tag = (e.targetTag ?? '').toUpperCase();
	if (e.key === '?') return 'help';
	if (e.key === ' ' || e.key === 'Spacebar') return ACTIVATES.has(tag) ? null : 'toggle';
	if (e.key === 'ArrowRight') return 'step';
	if (e.key === 'r' || e.key === 'R') return 'reset';
	return null;
}

/** What a key press does under `scope`: 'present' (toggle presenter mode), a lab action, or null. */
export function shortcut(e: KeyLike, scope: KeyScope): 'present' | LabAction {
	if (scope === 'none') return null;
	if (isPresenterKey(e)) return scope === 'all' ? 'present' : null;
	return labAction(e);
}
