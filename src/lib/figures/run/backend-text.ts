/** The backend readouts and notices in words: display names (never `webgl`/`wasm`), one step or many. */
import type { Messages } from '$lib/i18n';
import type { BackendChoice, BackendName } from '$lib/train/protocol';
import type { BackendMeasurement, BackendNotice, BackendSource } from '$lib/train/client.svelte';
import { SWITCH_FACTOR, runTimeMs } from '$lib/train/idle-bench';
import { fmt } from '$lib/i18n';

type Lab = Messages['lab'];
type Choice = Messages['backendChoice'];

/** The notice for a backend that stopped working (training moved on, or nothing is left). */
export function noticeText(t: Lab, notice: BackendNotice): string {
	const name = t.backendNames;
	return notice.kind === 'changed'
		? t.backendChanged(name[notice.from], name[notice.to])
		: t.backendLost(name[notice.backend]);
}

/** Said plainly when the backend the URL asked for (`?backend=webgl`) did not start; null otherwise. */
export function fallbackText(t: Lab, requested: BackendChoice, used: BackendName | null): string | null {
	if (requested === 'auto' || used === null || used === requested) return null;
	return t.backendUnavailable(t.backendNames[requested], t.backendNames[used]);
}

/**
 * Why the run is on its backend, in words: started on the usual fastest while the others are timed, timed and
 * kept, timed and moved (with the measured factor), or timed on an earlier visit; null when it was asked for.
 */
export function choiceText(
	t: Choice,
	names: Lab['backendNames'],
	backend: BackendName | null,
	m: BackendMeasurement | null,
	source: BackendSource
): string | null {
	if (!backend) return null;
	if (m?.kind === 'measuring') return t.startedOn(names[backend]);
	if (m?.kind === 'done') {
		if (m.from === m.to) return t.kept(names[m.to], fmt(SWITCH_FACTOR, 2));
		const run = (b: BackendName) => {
			const s = m.speeds.find((x) => x.backend === b);
			return s ? runTimeMs(s) : NaN;
		};
		const factor = run(m.from) / run(m.to);
		return t.moved(names[m.from], names[m.to], fmt(factor, 1));
	}
	return source === 'remembered' ? t.remembered(names[backend]) : null;
}
