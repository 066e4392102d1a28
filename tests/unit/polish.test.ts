import { describe, expect, it } from 'vitest';
import { feedbackAfterVerdict } from '$lib/lessons/verdict';
import { nearestCentreAccuracy, type HomePicture } from '$lib/home/picture';
import picture from '$lib/home/picture.json';
import { defaultSettings } from '$lib/train/settings';
import { notFoundPage, script, sha256, style } from '../../scripts/not-found-page';
import { en, zh } from '$lib/i18n/sections/home';
import { renderAllLessons } from '../../scripts/katex-css';
import { chartBox } from '$lib/figures/chart';
import { turnBackBand, turnBackDeg } from '$lib/figures/target-logits/data';
import { endLabelGap, endLabelSpace, spreadLabels } from '$lib/figures/training-curves/data';
import { overflows } from '$lib/lessons/ui/scroll-cue';

describe('quiz verdict', () => {
	it('drops a leading word that repeats the verdict ("✓ Correct. Right." was shown)', () => {
		expect(feedbackAfterVerdict('Right. The margin is added to θ.', true)).toBe('The margin is added to θ.');
		expect(feedbackAfterVerdict('Correct. <em>s</em> scales it.', true)).toBe('<em>s</em> scales it.');
		expect(feedbackAfterVerdict('对。间隔加在角度上。', true)).toBe('间隔加在角度上。');
		expect(feedbackAfterVerdict('正确。阈值升高。', true)).toBe('阈值升高。');
		expect(feedbackAfterVerdict('No. That is softmax.', false)).toBe('That is softmax.');
		expect(feedbackAfterVerdict('不对。那是 softmax。', false)).toBe('那是 softmax。');
	});
	it('keeps feedback that does not repeat it, and never leaves it empty', () => {
		expect(feedbackAfterVerdict('Right after training, θ is small.', true)).toBe(
			'Right after training, θ is small.'
		);
		expect(feedbackAfterVerdict('Right. That is softmax.', false)).toBe('Right. That is softmax.');
		expect(feedbackAfterVerdict('Right.', true)).toBe('Right.');
	});
	it('leaves no lesson feedback of a right option starting with a verdict word', () => {
		const doubled: string[] = [];
		for (const l of renderAllLessons('lessons'))
			for (const q of l.questions)
				for (const o of q.options) {
					const shown = feedbackAfterVerdict(o.feedback, o.correct);
					if (o.correct && /^(Right|Correct|Yes)[.!]|^(对|正确)。/.test(shown))
						doubled.push(`${l.slug} ${q.id}`);
				}
		expect(doubled).toEqual([]);
	});
});

describe("the home page's picture (src/lib/home/picture.json)", () => {
	const p = picture as HomePicture;
	it('is a run of the lab defaults: softmax vs ArcFace, 8 identities, the default seed', () => {
		expect(p.seed).toBe(defaultSettings.seed);
		expect(p.models.map((m) => m.loss)).toEqual([defaultSettings.a.loss, defaultSettings.b.loss]);
		expect(new Set(p.labels).size).toBe(8);
		for (const m of p.models) {
			expect(m.points.length).toBe(p.labels.length);
			expect(m.centres.length).toBe(8);
			expect(m.points.flat().every(Number.isFinite)).toBe(true);
		}
	});
	it("ArcFace's drawn points agree with its reported accuracy (nearest class centre by angle)", () => {
		const arc = p.models[1];
		expect(arc.testAcc).toBeGreaterThanOrEqual(0.95);
		expect(Math.abs(nearestCentreAccuracy(arc, p.labels) - arc.testAcc)).toBeLessThan(0.05);
		expect(arc.testThetaYDeg).toBeLessThan(30);
	});
});

describe('build/404.html (scripts/not-found-page.ts)', () => {
	const html = notFoundPage();
	it('has both languages from the i18n table and links home and to the lessons', () => {
		for (const t of [en.notFound, zh.notFound]) {
			expect(html).toContain(t.title);
			expect(html).toContain(t.home);
			expect(html).toContain(t.lessons);
		}
		expect(html).toContain('data-path=""');
		expect(html).toContain('data-path="lessons/"');
	});
	it('hashes its one inline script and its style in its CSP', () => {
		const policy = html.match(/http-equiv="content-security-policy" content="([^"]*)"/)![1];
		expect(policy).toContain(sha256(script));
		expect(policy).toContain(sha256(style));
		expect(policy).not.toContain('unsafe-inline');
		expect(html).toContain(`<script>${script}</script>`);
		expect(html).toContain(`<style>${style}</style>`);
	});
});

describe('figure layout maths', () => {
	it("lesson 10's shaded band never has a negative width, even in a chart measured before layout", () => {
		const x = (box: ReturnType<typeof chartBox>) => (deg: number) =>
			box.x[0] + ((deg - 0) / 180) * (box.x[1] - box.x[0]);
		const turn = turnBackDeg(0.5);
		// a chart 0 px wide (not laid out yet) had a reversed x range: width −20 − 66 … < 0
		const tiny = chartBox(0, 300, { top: 16, right: 20, bottom: 58, left: 66 });
		expect(tiny.innerWidth).toBeGreaterThanOrEqual(0);
		expect(turnBackBand(x(tiny), turn, [0, 180])).toBeNull();
		const band = turnBackBand(
			x(chartBox(366, 300, { top: 16, right: 20, bottom: 58, left: 66 })),
			turn,
			[0, 180]
		);
		expect(band!.width).toBeGreaterThan(0);
		expect(turnBackBand((d) => d, turn, [20, 100])).toBeNull();
		expect(turnBackBand((d) => d, null, [0, 180])).toBeNull();
	});
	it('training-curve end labels: room for the widest, a line of the chart font apart', () => {
		// "Softmax (L1)" in presenter mode's 24 px bold is about 160 px: the old estimate gave 116
		expect(endLabelSpace([160, 90], 116)).toBeGreaterThanOrEqual(160 + 6);
		expect(endLabelSpace([], 116)).toBe(116);
		const gap = endLabelGap(24);
		expect(gap).toBeGreaterThanOrEqual(24);
		const [a, b] = spreadLabels([14, 14], gap, 14, 200);
		expect(Math.abs(a - b)).toBeGreaterThanOrEqual(24);
		expect(endLabelGap(NaN)).toBe(16);
	});
	it('a box overflows only when its content is wider than it', () => {
		expect(overflows({ scrollWidth: 451, clientWidth: 366 })).toBe(true);
		expect(overflows({ scrollWidth: 367, clientWidth: 366 })).toBe(false);
	});
});
