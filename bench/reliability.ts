// The fault matrix (`node bench/run.mjs --only reliability`, loaded through Vite for `$lib`): every loss ×
// {lr at max, s at max, margins at max, batch at min and max, paper-size data}, on tfjs CPU in Node. Each
// case trains up to MAX_STEPS in chunks of CHUNK (as the worker does) and records the first alarm; after one,
// the broken setting goes back to its default (lr: to the minimum, as in issue 19), the model is restored and
// must train RECOVERY_STEPS with no alarm and finite losses ≤ DIVERGE_LOSS.
import * as tf from '@tensorflow/tfjs';
import { makeDataset, zeroNuisance, type FaceDataset } from '$lib/faces';
import { losses, lossNames, type LossName } from '$lib/margins/catalogue';
import { Engine } from '$lib/train/engine';
import { trainSchema, headRanges } from '$lib/train/schema';
import { DIVERGE_LOSS, validateSettings, type TrainSettings } from '$lib/train/settings';

const MAX_STEPS = 96;
const CHUNK = 16;
const RECOVERY_STEPS = 32;
const SIZE = 12;

type Case = {
	name: string;
	perIdentity: number;
	/** the broken settings, and the ones to restore with */
	broken: Record<string, unknown>;
	fixed: (s: TrainSettings) => TrainSettings;
};

const head = (loss: LossName, over: Record<string, number>) => ({ ...losses[loss].defaults, ...over, loss });
const maxHead = { m1: headRanges.m1[1], m2: headRanges.m2[1], m3: headRanges.m3[1] };
const defaultsOf = (s: TrainSettings): TrainSettings =>
	validateSettings({ ...s, a: { loss: s.a.loss }, b: { loss: s.b.loss } });

/** Both models get the case: model a trains `pair[0]`, model b `pair[1]`. */
function cases(pair: [LossName, LossName]): Case[] {
	const [a, b] = pair;
	const both = (over: Record<string, number> | null) =>
		over ? { a: head(a, over), b: head(b, over) } : { a: { loss: a }, b: { loss: b } };
	return [
		{
			name: 'lr max',
			perIdentity: 50,
			broken: { lr: trainSchema.lr.range[1], ...both(null) },
			fixed: (s) => ({ ...s, lr: trainSchema.lr.range[0] })
		},
		{ name: 's max', perIdentity: 50, broken: both({ s: headRanges.s[1] }), fixed: defaultsOf },
		{ name: 'margins max', perIdentity: 50, broken: both(maxHead), fixed: defaultsOf },
		{
			name: 'batch min',
			perIdentity: 50,
			broken: { batchSize: trainSchema.batchSize.range[0], ...both(null) },
			fixed: (s) => s
		},
		{
			name: 'batch max',
			perIdentity: 100,
			broken: { batchSize: trainSchema.batchSize.range[1], ...both(null) },
			fixed: (s) => s
		},
		{ name: 'paper data', perIdentity: 1500, broken: both(null), fixed: (s) => s }
	];
}

export interface MatrixRow {
	loss: LossName;
	case: string;
	/** the step of the chunk the alarm came in, null if none */
	detectedAt: number | null;
	reason: string | null;
	/** after an alarm: the restored model trained RECOVERY_STEPS cleanly; null if there was no alarm */
	recovered: boolean | null;
	finalLoss: number;
	testAcc: number;
}

const ok = (v: number) => Number.isFinite(v) && Math.abs(v) <= DIVERGE_LOSS;

function runCase(data: FaceDataset, pair: [LossName, LossName], c: Case): MatrixRow[] {
	const settings = validateSettings({
		size: SIZE,
		perIdentity: c.perIdentity,
		nuisance: zeroNuisance,
		...c.broken
	});
	const e = new Engine(data, settings);
	const alarms = new Map<number, { step: number; reason: string }>();
	while (e.steps < MAX_STEPS && e.running) {
		const r = e.step(CHUNK);
		for (const d of r.diverged) alarms.set(d.model, { step: r.step, reason: d.reason });
	}
	const recovered = new Map<number, boolean>();
	if (alarms.size) {
		e.update(c.fixed(settings));
		for (const m of alarms.keys()) {
			e.restore(m as 0 | 1);
			recovered.set(m, true);
		}
		for (let i = 0; i < RECOVERY_STEPS / CHUNK; i++) {
			const r = e.step(CHUNK);
			for (const m of alarms.keys())
				if (r.diverged.some((x) => x.model === m) || !r.losses[m].every(ok)) recovered.set(m, false);
		}
	}
	const ev = e.evaluate();
	const rows = ([0, 1] as const).map((m) => ({
		loss: pair[m],
		case: c.name,
		detectedAt: alarms.get(m)?.step ?? null,
		reason: alarms.get(m)?.reason ?? null,
		recovered: recovered.get(m) ?? null,
		finalLoss: e.runners[m].lastLoss,
		testAcc: ev[m].testAcc
	}));
	e.dispose();
	return rows;
}

export async function faultMatrix(log: (s: string) => void = () => {}): Promise<MatrixRow[]> {
	await tf.setBackend('cpu');
	const data = new Map<number, FaceDataset>();
	const rows: MatrixRow[] = [];
	for (let i = 0; i < lossNames.length; i += 2) {
		const pair: [LossName, LossName] = [lossNames[i], lossNames[i + 1] ?? lossNames[0]];
		for (const c of cases(pair)) {
			if (!data.has(c.perIdentity))
				data.set(
					c.perIdentity,
					makeDataset({ seed: 1, perIdentity: c.perIdentity, size: SIZE, nuisance: zeroNuisance })
				);
			for (const row of runCase(data.get(c.perIdentity)!, pair, c)) {
				// the odd loss out is paired with the first again: keep its row once
				if (i + 1 >= lossNames.length && row.loss === lossNames[0] && pair[1] === row.loss) continue;
				log(
					`${row.loss} ${c.name}: ${row.reason ?? 'no alarm'} ${row.detectedAt ?? ''} ${row.recovered ?? ''}`
				);
				rows.push(row);
			}
		}
	}
	return rows;
}
