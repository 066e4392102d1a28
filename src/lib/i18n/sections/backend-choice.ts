/** Strings of the backend readout about the choice made without a wait (issue 17): what ran, what was measured. */
export const en = {
	starting: 'Starting the training backend…',
	startedOn: (name: string) =>
		`${name} is the fastest backend for these small networks on most devices, so training starts on it at once. The other backends are timed on this device whenever training is stopped.`,
	kept: (name: string, factor: string) =>
		`Timed on this device: no backend is clearly faster than ${name} (a typical run, start-up included, at least ${factor} × as quick), so training stays on it. Remembered for your next visit.`,
	moved: (from: string, to: string, factor: string) =>
		`Timed on this device: ${to} finishes a typical run ${factor} × as fast as ${from}, start-up included, so the run moved to ${to}, keeping its weights. Remembered for your next visit.`,
	remembered: (name: string) => `${name} was timed as the fastest on this device on an earlier visit.`
};

export const zh: typeof en = {
	starting: '正在启动训练后端…',
	startedOn: (name: string) =>
		`对这样的小网络，${name} 在大多数设备上是最快的后端，所以训练立即在它上面开始。其他后端会在训练停下时在这台设备上计时。`,
	kept: (name: string, factor: string) =>
		`已在这台设备上计时：没有哪个后端明显快于 ${name}（连同启动时间，完成一次典型训练的速度至少是它的 ${factor} 倍），所以训练继续在它上面进行。下次访问会记住这个结果。`,
	moved: (from: string, to: string, factor: string) =>
		`已在这台设备上计时：连同启动时间，${to} 完成一次典型训练的速度是 ${from} 的 ${factor} 倍，所以训练已带着当前权重移到 ${to} 上。下次访问会记住这个结果。`,
	remembered: (name: string) => `在之前的访问中，${name} 被测出是这台设备上最快的后端。`
};
