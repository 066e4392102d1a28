/**
 * The verdict line under a checked quiz answer: "✓ Correct." or "✗ Not quite." followed by the option's
 * feedback. Lesson authors often open a right option's feedback with "Right." or "对。" (it reads well in the
 * "why each option" list), which after the verdict doubled it ("✓ Correct. Right."). The word is dropped here
 * when the verdict already says it. Pure: the quiz component and a unit test use it.
 */

const SAYS_RIGHT = /^\s*(?:Right|Correct|Yes|Exactly)[.!]\s*|^\s*(?:对|正确|没错|是的)[。！]\s*/;
const SAYS_WRONG = /^\s*(?:No|Wrong|Not quite)[.!]\s*|^\s*(?:不对|错|不正确|还不对)[。！]\s*/;

/** The option's feedback HTML without a leading word that repeats the verdict. */
export function feedbackAfterVerdict(feedbackHtml: string, correct: boolean): string {
	const trimmed = feedbackHtml.replace(correct ? SAYS_RIGHT : SAYS_WRONG, '');
	if (!trimmed.trim()) return feedbackHtml;
	// "Right. with …" never happens, but keep a capital letter after the dropped word
	return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
