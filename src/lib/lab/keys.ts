/** The lab's keyboard shortcuts, as a pure mapping from a key event to an action (unit-tested). */
export type LabAction = 'toggle' | 'step' | 'reset' | 'help' | null;

/** Fields own every key (typing, arrows on a slider). */
const FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Buttons and links own Space and Enter (they activate themselves). */
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

export function labAction(e: {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
	targetTag?: string;
	targetEditable?: boolean;
}): LabAction {
	if (e.ctrlKey || e.metaKey || e.altKey) return null;
	const tag = (e.targetTag ?? '').toUpperCase();
	if (e.targetEditable || FIELDS.has(tag)) return null;
	if (e.key === '?') return 'help';
	if (e.key === ' ' || e.key === 'Spacebar') return ACTIVATES.has(tag) ? null : 'toggle';
	if (e.key === 'ArrowRight') return 'step';
	if (e.key === 'r' || e.key === 'R') return 'reset';
	return null;
}
