/** Course notes after the build has rendered them: plain data, safe to send to the browser. */
export type Source = { id: string; text: string };

export type QuestionOption = { text: string; correct: boolean; feedback: string };
export type Question = { id: string; prompt: string; options: QuestionOption[] };

/** A lesson file as written: front matter plus the Markdown body. */
export type LessonSource = {
	title: string;
	slug: string;
	order: number;
	summary: string;
	figures: string[];
	sources: Source[];
	questions: Question[];
	body: string;
};

/** A stretch of rendered notes, or a figure placed by a `::figure NAME key=value …` line. */
export type Segment = { kind: 'html'; html: string } | { kind: 'figure'; name: string; query: string };

export type RenderedLesson = {
	lang: string;
	slug: string;
	order: number;
	title: string;
	summary: string;
	figures: string[];
	segments: Segment[];
	/** Prompt, option texts and feedback as HTML (they may hold inline maths). */
	questions: Question[];
	sources: Source[];
};

export type LessonSummary = Pick<RenderedLesson, 'slug' | 'order' | 'title' | 'summary'> & {
	questionIds: string[];
};
