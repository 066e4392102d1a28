/** Strings of the θ_y-distribution figure (paper Fig. 4a over Fig. 4b). */
export const en = {
	title: 'Where the angles θ_y sit on the target-logit curve',
	caption:
		'Paper Fig. 4a over Fig. 4b, from this run: histograms of θ_y, the angle between each held-out feature and its class centre, at the start of training (about 90°), halfway to now, and now, drawn over the target-logit curve of the same loss. Training moves the faces to where the curve is high. The paper draws 20°–100°; in this 2-D toy trained features come closer than 20° to their centre, so the figure shows 0°–120° (at the start, θ_y in 2-D spreads over all of 0°–180°: switch to the full range to see it).',
	modelLegend: 'Model',
	modelOption: (which: string, loss: string) => `${which}: ${loss}`,
	moments: { start: 'Start', middle: 'Middle', now: 'Now' },
	momentLabel: (name: string, step: string) => `${name} (step ${step})`,
	momentMedian: (name: string, step: string, med: string) => `${name}, step ${step}: median ${med}°`,
	xAxis: 'θ_y, angle between feature and its class centre (degrees)',
	xAxisShort: 'θ_y (degrees)',
	yAxis: 'Faces per 3° bin (%)',
	yAxisRight: 'Target logit (÷ s)',
	lossCurve: (loss: string) => `${loss} target logit`,
	cosCurve: 'cos θ (softmax)',
	cosCurveSame: (loss: string) => `cos θ (softmax; also ${loss})`,
	noCurve: (loss: string) => `${loss} has no target logit; cos θ is drawn for reference.`,
	rangeLegend: 'Angles shown',
	ranges: { narrow: '0°–120°', full: '0°–180° (all)' },
	beyond: (name: string, pct: string, max: number) =>
		`${name}: ${pct} % of faces lie beyond ${max}° (not drawn; show 0°–180° to see them).`,
	nothing: 'No snapshot yet: the histograms appear once the run has drawn its faces.',
	description: (loss: string) =>
		`Histograms of θ_y for ${loss} at the moments listed below, drawn over the target-logit curve.`,
	summary: (loss: string, start: string, now: string, step: string) =>
		`${loss}: θ_y started at ${start}° (median), is now ${now}° (step ${step}).`,
	join: ' ',
	summaryMiddle: (mid: string, step: string) => `Halfway, at step ${step}, it was ${mid}°.`,
	summaryStart: (loss: string, start: string) =>
		`${loss}: θ_y starts at ${start}° (median); press Train to see it fall.`
};

export const zh: typeof en = {
	title: '角度 θ_y 落在目标 logit 曲线的哪一段',
	caption:
		'用本次训练的数据重画论文图 4a 与图 4b：θ_y 是每个留出特征与其类中心之间的夹角，这里画出它在训练开始时（约 90°）、训练到一半时和现在的直方图，背后是同一损失的目标 logit 曲线。训练会把人脸推到曲线较高的地方。论文画的是 20°–100°；在这个二维的小例子里，训练好的特征与类中心的夹角会小于 20°，所以这里默认画 0°–120°（训练开始时，二维的 θ_y 分布在整个 0°–180° 上，切换到完整范围就能看到）。',
	modelLegend: '模型',
	modelOption: (which: string, loss: string) => `${which}：${loss}`,
	moments: { start: '开始', middle: '中途', now: '现在' },
	momentLabel: (name: string, step: string) => `${name}（第 ${step} 步）`,
	momentMedian: (name: string, step: string, med: string) => `${name}，第 ${step} 步：中位数 ${med}°`,
	xAxis: 'θ_y：特征与其类中心的夹角（度）',
	xAxisShort: 'θ_y（度）',
	yAxis: '每 3° 区间的人脸占比（%）',
	yAxisRight: '目标 logit（÷ s）',
	lossCurve: (loss: string) => `${loss} 目标 logit`,
	cosCurve: 'cos θ（softmax）',
	cosCurveSame: (loss: string) => `cos θ（softmax；${loss} 也是它）`,
	noCurve: (loss: string) => `${loss} 没有目标 logit；这里画出 cos θ 作参考。`,
	rangeLegend: '显示的角度范围',
	ranges: { narrow: '0°–120°', full: '0°–180°（全部）' },
	beyond: (name: string, pct: string, max: number) =>
		`${name}：有 ${pct} % 的人脸夹角超过 ${max}°（未画出；选 0°–180° 可以看到）。`,
	nothing: '还没有快照：训练数据生成好之后，这里会出现直方图。',
	description: (loss: string) => `${loss} 在下列时刻的 θ_y 直方图，背后是目标 logit 曲线。`,
	summary: (loss: string, start: string, now: string, step: string) =>
		`${loss}：θ_y 一开始是 ${start}°（中位数），现在是 ${now}°（第 ${step} 步）。`,
	join: '',
	summaryMiddle: (mid: string, step: string) => `训练到一半（第 ${step} 步）时是 ${mid}°。`,
	summaryStart: (loss: string, start: string) =>
		`${loss}：θ_y 起始为 ${start}°（中位数）；点击“训练”看它下降。`
};
