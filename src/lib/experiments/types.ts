/**
 * The shared record types of the face-perception experiments (`/experiments/`): one row per trial, the
 * file a student exports, and the experiment ids. Pure types, no runtime code; the runner writes rows,
 * `data.ts` stores and exports them, the class view on `/teach/` reads the exported files back.
 */

/** The three experiments: sequential matching upright vs inverted, morph categorisation, caricature. */
export type ExperimentId = 'inversion' | 'morph' | 'caricature';

/** Where a trial sits: the practice block (with feedback, never analysed) or the measured block. */
export type Block = 'practice' | 'test';

/** How the participant answered. */
export type InputKind = 'key' | 'touch' | 'mouse';

export interface TrialRow {
	participant: string; // the code the student typed, or a random one (no names asked)
	experiment: ExperimentId;
	session: string; // one id per sitting (start time, ISO 8601), so resumed sittings stay apart
	block: Block;
	trial: number; // 0-based index within its block
	condition: string; // e.g. 'upright' | 'inverted' | 'morph' | 'abx' | 'caricature' | 'veridical' | 'anti'
	stimulus: string; // stable ids of what was shown, e.g. 'i3/n17|i3/n42' (identity / nuisance draw)
	level: number | null; // a stimulus level when the condition has one: morph position 0..1, caricature gain
	response: string; // e.g. 'same' | 'different' | 'A' | 'B'
	correct: boolean | null; // null when there is no right answer (a morph label)
	rtMs: number; // response time from the test stimulus's first frame, performance.now() clock
	shownMs: number | null; // measured duration the (study) stimulus was on screen, from frame timestamps
	maskMs: number | null; // measured mask duration, when there was one
	input: InputKind;
	at: string; // wall-clock time of the response, ISO 8601
}

/** The file a student downloads and an instructor drops on `/teach/`. */
export interface ResultsFile {
	format: 'margin-lab-experiments';
	version: 1;
	participant: string;
	exportedAt: string; // ISO 8601
	rows: TrialRow[];
}
