/** Strings of the training-curves figure. */
export const en = {
	title: 'Training curves',
	caption:
		'How both networks learn, step by step: the training loss (on a log scale, because a margin loss such as ArcFace starts near 2s + ln 8 with its scale s, while softmax starts near ln 8), the accuracy on held-out faces, and the mean angle θ_y between each held-out feature and its class centre, which starts near 90° and falls as identities gather around their centres.',
	panels: {
		loss: 'Training loss (log scale)',
		acc: 'Held-out accuracy (%)',
		theta: 'Mean θ_y (degrees)'
	},
	columns: { loss: 'Loss', acc: 'Accuracy', theta: 'Mean θ_y' },
	xAxis: 'Training step',
	model: 'Model',
	empty: 'No training yet: press Train and the curves will grow here.',
	readoutLabel: 'Read values at step',
	readoutStep: (step: string) => `Step ${step}`,
	readoutCaption: (step: string) => `Values at step ${step}`,
	latest: (s: string) => `${s} (latest)`,
	sep: '; ',
	modelLine: (which: string, loss: string) => `${which}: ${loss}`,
	modelSummary: (loss: string, l: string, acc: string, theta: string) =>
		`${loss}: loss ${l}, accuracy ${acc} %, mean angle ${theta}°`,
	summary: (step: string, parts: string) => `Step ${step}: ${parts}.`,
	summaryEmpty: 'No training steps recorded yet.'
};

export const zh: typeof en = {
	title: '训练曲线',
	caption:
		'两个网络一步一步的学习过程：训练损失（用对数坐标，因为 ArcFace 这类带间隔的损失起步约为 2s + ln 8（s 是它的尺度），而 softmax 起步约为 ln 8）、在留出人脸上的准确率，以及每个留出特征与其类中心之间的平均夹角 θ_y——它从 90° 左右开始，随着各身份向自己的类中心聚拢而下降。',
	panels: {
		loss: '训练损失（对数坐标）',
		acc: '留出集准确率（%）',
		theta: '平均 θ_y（度）'
	},
	columns: { loss: '损失', acc: '准确率', theta: '平均 θ_y' },
	xAxis: '训练步数',
	model: '模型',
	empty: '还没有开始训练：点击“训练”，曲线就会在这里画出来。',
	readoutLabel: '查看某一步的数值',
	readoutStep: (step: string) => `第 ${step} 步`,
	readoutCaption: (step: string) => `第 ${step} 步时的数值`,
	latest: (s: string) => `${s}（最新）`,
	sep: '；',
	modelLine: (which: string, loss: string) => `${which}：${loss}`,
	modelSummary: (loss: string, l: string, acc: string, theta: string) =>
		`${loss}：损失 ${l}，准确率 ${acc} %，平均夹角 ${theta}°`,
	summary: (step: string, parts: string) => `第 ${step} 步：${parts}。`,
	summaryEmpty: '还没有记录到训练步。'
};
