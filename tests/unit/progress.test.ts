import { describe, expect, it } from 'vitest';
import { lessonStatus, parseProgress, withAnswer, withVisit } from '../../src/lib/state/progress';

describe('lesson progress', () => {
	it('survives anything in storage', () => {
		for (const raw of [null, '', 'not json', '[]', '42', 'null', '{"__proto__":{"x":1}}', '{"a b":{}}'])
			expect(parseProgress(raw)).toEqual({});
		expect(parseProgress('{"s":{"visited":"yes","answers":{"q":{"choice":-1,"correct":true}}}}')).toEqual({
			s: { visited: false, answers: {} }
		});
	});

	it('records visits and answers and reports status', () => {
		let p = withVisit({}, 'margins');
		p = withAnswer(p, 'margins', 'q1', { choice: 1, correct: true });
		p = withAnswer(p, 'margins', 'q2', { choice: 0, correct: false });
		expect(parseProgress(JSON.stringify(p))).toEqual(p);
		expect(lessonStatus(p, 'margins', ['q1', 'q2', 'q3'])).toEqual({
			visited: true,
			answered: 2,
			correct: 1,
			total: 3,
			done: false
		});
		p = withAnswer(p, 'margins', 'q2', { choice: 2, correct: true });
		p = withAnswer(p, 'margins', 'q3', { choice: 2, correct: true });
		expect(lessonStatus(p, 'margins', ['q1', 'q2', 'q3']).done).toBe(true);
		// Answers to questions a lesson no longer has do not count.
		expect(lessonStatus(p, 'margins', ['q1']).answered).toBe(1);
		expect(lessonStatus(p, 'other', ['q1'])).toMatchObject({ visited: false, answered: 0, done: false });
	});
});
