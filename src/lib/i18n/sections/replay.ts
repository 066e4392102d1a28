/** Strings of the replay figure (the instructor's rewind). */
export const en = {
	title: 'Replay: rewind the training',
	caption:
		'Go back to any moment the lab recorded and see where both networks had put the held-out faces then. Drag the slider (or use the arrow keys) to rewind, press Play back to watch the run again from the start, and Live to return to the present. Training carries on while you look back.',
	sliderLabel: 'Recorded moment',
	sliderValue: (step: string, i: number, n: number) => `Step ${step} (moment ${i} of ${n})`,
	live: 'Live',
	liveHint: 'Back to the current training step',
	play: 'Play back',
	pause: 'Pause play-back',
	reducedMotion:
		'Play-back is off because your device asks for reduced motion: use the slider or the arrow keys.',
	replaying: (step: string, of: string) =>
		`Replaying step ${step} of ${of} — training continues in the background`,
	liveBanner: (step: string) => `Live: step ${step}`,
	nothing: 'Nothing recorded yet: press Train, and moments of the run are kept here to rewind to.',
	summaryLive: (step: string, n: number) =>
		`Live at step ${step}; ${n} moments recorded, drag the slider to rewind.`,
	summaryReplay: (step: string, of: string) =>
		`Replaying step ${step} of ${of}; training continues in the background.`
};

export const zh: typeof en = {
	title: '回放：倒回训练过程',
	caption:
		'回到实验记录下的任何一个时刻，看看当时两个网络把留出人脸放在了哪里。拖动滑块（或用方向键）往回倒，点“回放”从头再看一遍，点“实时”回到当前。你回看的时候，训练仍在继续。',
	sliderLabel: '记录的时刻',
	sliderValue: (step: string, i: number, n: number) => `第 ${step} 步（第 ${i} / ${n} 个时刻）`,
	live: '实时',
	liveHint: '回到当前的训练步',
	play: '回放',
	pause: '暂停回放',
	reducedMotion: '你的设备设置了“减少动态效果”，所以不自动回放：请用滑块或方向键逐步查看。',
	replaying: (step: string, of: string) => `正在回放第 ${step} 步（共 ${of} 步）——训练仍在后台继续`,
	liveBanner: (step: string) => `实时：第 ${step} 步`,
	nothing: '还没有任何记录：点击“训练”，训练过程中的时刻会保存在这里，随时可以倒回去看。',
	summaryLive: (step: string, n: number) => `实时，第 ${step} 步；已记录 ${n} 个时刻，拖动滑块即可倒回。`,
	summaryReplay: (step: string, of: string) => `正在回放第 ${step} 步（共 ${of} 步）；训练仍在后台继续。`
};
