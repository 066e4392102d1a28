import { describe, expect, it } from 'vitest';
import { TrainerClient } from '$lib/train/client.svelte';
import {
	defaultSettings,
	type FromWorker,
	type Inspection,
	type InvertedModelEval,
	type ToWorker
} from '$lib/train/protocol';

function fake() {
	const sent: ToWorker[] = [];
	const w = {
		onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
		onerror: null,
		postMessage: (m: ToWorker) => sent.push(m),
		terminate() {}
	};
	const client = new TrainerClient({
		createWorker: () => w as unknown as Worker,
		rememberBackend: false,
		wasmPath: 'http://x/tfjs/'
	});
	const reply = (m: FromWorker) => w.onmessage?.({ data: m } as MessageEvent<FromWorker>);
	return { client, sent, reply };
}

describe('TrainerClient: pace, inspection and the inversion test', () => {
	it('setPace sends a clamped pace and remembers it', () => {
		const { client, sent } = fake();
		client.setPace(5);
		client.setPace(0.1);
		client.setPace(null);
		expect(sent).toEqual([
			{ type: 'pace', stepsPerSec: 5 },
			{ type: 'pace', stepsPerSec: 1 },
			{ type: 'pace', stepsPerSec: null }
		]);
		expect(client.pace).toBeNull();
		client.setPace(20);
		client.configure({ ...defaultSettings });
		expect(sent.slice(-2).map((m) => m.type)).toEqual(['configure', 'pace']);
	});

	it('inspect and evaluateInverted send their requests and keep the answers until a new run', () => {
		const { client, sent, reply } = fake();
		client.inspect(1, 12);
		client.evaluateInverted();
		expect(sent).toEqual([{ type: 'inspect', model: 1, index: 12 }, { type: 'evaluate-inverted' }]);
		const inspection = { step: 3, model: 1, index: 12, label: 2 } as Inspection;
		reply({ type: 'inspection', model: 1, index: 12, step: 3, inspection });
		expect(client.inspection).toBe(inspection);
		const m = { uprightAcc: 0.99, invertedAcc: 0.31 } as InvertedModelEval;
		const labels = new Int32Array(4);
		reply({ type: 'inverted-evaluation', step: 3, dim: 2, size: 20, labels, models: [m, m], samples: [] });
		expect(client.inverted).toEqual({ step: 3, dim: 2, size: 20, labels, models: [m, m], samples: [] });
		reply({ type: 'ready', backend: 'cpu', speeds: [], nTrain: 10, nTest: 4 });
		expect([client.inspection, client.inverted]).toEqual([null, null]);
	});
});
