import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PairAnalyser, type Analysis } from '$lib/figures/pair-angles/analysis';
import {
	parseAnalysisReply,
	parseAnalysisRequest,
	type AnalysisReply,
	type AnalysisRequest
} from '$lib/figures/pair-angles/analysis-protocol';
import { analyseModel } from '$lib/figures/pair-angles/data';

/** Two tight clusters of four points each: labels 0 0 0 0 1 1 1 1. */
const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
const features = Float32Array.from([1, 0, 1, 0.1, 1, -0.1, 0.9, 0, 0, 1, 0.1, 1, -0.1, 1, 0, 0.9]);

describe('analysis protocol', () => {
	it('parses well-typed requests and replies and turns junk into null without throwing', () => {
		const req: AnalysisRequest = { type: 'analyse', id: 3, labels, features: [features] };
		expect(parseAnalysisRequest(req)).toBe(req);
		const reply: AnalysisReply = { type: 'analysis', id: 3, models: [null] };
		expect(parseAnalysisReply(reply)).toBe(reply);
		const junk = [
			null,
			7,
			'analyse',
			{},
			{ ...req, type: 'analysis' },
			{ ...req, id: 1.5 },
			{ ...req, labels: [0, 1] },
			{ ...req, features: [[1, 0]] },
			{ ...req, features: 'x' }
		];
		for (const j of junk) expect(parseAnalysisRequest(j)).toBeNull();
		for (const j of [null, {}, { ...reply, id: '3' }, { ...reply, models: [1] }, { ...reply, type: 'x' }])
			expect(parseAnalysisReply(j)).toBeNull();
	});
});

describe('the analysis worker', () => {
	const posted: unknown[] = [];
	let onmessage: ((e: MessageEvent) => void) | null = null;

	beforeAll(async () => {
		const fakeSelf = {
			postMessage: (m: unknown) => void posted.push(m),
			set onmessage(f: (e: MessageEvent) => void) {
				onmessage = f;
			}
		};
		Object.assign(globalThis, { self: fakeSelf });
		await import('$lib/figures/pair-angles/analysis.worker');
	});
	afterAll(() => void Reflect.deleteProperty(globalThis, 'self'));

	it('answers a request with the analysis of data.ts, answers bad shapes with nulls, drops junk', () => {
		const send = (data: unknown) => onmessage?.({ data } as MessageEvent);
		send({ type: 'analyse', id: 1, labels, features: [features, features.map(() => NaN)] });
		send({ type: 'nonsense' });
		send({ type: 'analyse', id: 2, labels, features: [new Float32Array(3)] });
		expect(posted).toHaveLength(2);
		const first = parseAnalysisReply(posted[0])!;
		expect(first.id).toBe(1);
		expect(first.models[0]).toEqual(analyseModel(features, labels));
		expect(first.models[1]).toBeNull();
		expect(parseAnalysisReply(posted[1])).toMatchObject({ id: 2, models: [null] });
	});
});

describe('PairAnalyser', () => {
	function fakeWorker() {
		const sent: { msg: AnalysisRequest; transfer: Transferable[] }[] = [];
		const fake = {
			onmessage: null as ((e: MessageEvent) => void) | null,
			onerror: null as (() => void) | null,
			postMessage: (msg: AnalysisRequest, transfer: Transferable[]) => void sent.push({ msg, transfer }),
			terminate: () => undefined
		};
		const reply = (data: unknown) => fake.onmessage?.({ data } as MessageEvent);
		return { sent, reply, create: () => fake as unknown as Worker };
	}

	it('sends one typed request at a time, keeps only the newest waiting, and ignores junk replies', () => {
		const w = fakeWorker();
		const got: Analysis[] = [];
		const a = new PairAnalyser((r) => got.push(r), w.create);
		a.analyse(10, labels, [features]);
		a.analyse(20, labels, [features]);
		a.analyse(30, labels, [features]);
		expect(w.sent).toHaveLength(1);
		const { msg, transfer } = w.sent[0];
		expect(msg).toMatchObject({ type: 'analyse', id: 1 });
		expect(Array.from(msg.features[0])).toEqual(Array.from(features));
		expect(msg.features[0]).not.toBe(features); // a copy: the snapshot stays usable
		expect(transfer).toHaveLength(2);

		w.reply({ junk: true });
		w.reply({ type: 'analysis', id: 99, models: [] });
		expect(got).toEqual([]);
		w.reply({ type: 'analysis', id: 1, models: [null] });
		expect(got).toEqual([{ step: 10, models: [null] }]);
		expect(w.sent.map((s) => s.msg.id)).toEqual([1, 2]);
		w.reply({ type: 'analysis', id: 2, models: [null] });
		expect(got.map((g) => g.step)).toEqual([10, 30]);
	});

	it('works on the main thread where a worker cannot start', () => {
		const got: Analysis[] = [];
		const a = new PairAnalyser(
			(r) => got.push(r),
			() => {
				throw new Error('no workers here');
			}
		);
		a.analyse(5, labels, [features]);
		expect(got).toEqual([{ step: 5, models: [analyseModel(features, labels)] }]);
	});
});
