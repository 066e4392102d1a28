// The "Open set" targets in headless Chromium (`node bench/run.mjs --only opensetPage`), filled in once the
// lab trains any K and D (issue 14).
export async function opensetPage() {
	return { lines: ['not measured yet: the lab does not train K and D in this build'] };
}
