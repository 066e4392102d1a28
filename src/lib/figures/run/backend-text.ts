/** The backend readouts and notices in words: display names (never `webgl`/`wasm`), one step or many. */
import type { Messages } from '$lib/i18n';
import type { BackendChoice, BackendName } from '$lib/train/protocol';
import type { BackendNotice } from '$lib/train/client.svelte';

type Lab = Messages['lab'];

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
