import { count } from '../number';

/** Strings of the pair-angle figure (paper Fig. 6, verification and identification). */
export const en = {
	title: 'Angles between pairs: verification and identification',
	caption:
		'Paper Fig. 6, live: the angle between the features of every pair of held-out faces. Pairs of one person (positive) should sit at small angles, pairs of two people (negative) at large ones. A threshold on the angle decides “same person”: TAR is the share of positive pairs it accepts, FAR the share of negative pairs it wrongly accepts. The ROC curve sweeps the threshold; rank-1 asks whether the closest enrolled face belongs to the right person (1:N).',
	positive: 'Same person (positive pairs)',
	negative: 'Different people (negative pairs)',
	panelTitle: (which: string, loss: string, step: number) => `${which}: ${loss}, step ${count(step)}`,
	xAxis: 'Angle between the two features (degrees)',
	xAxisShort: 'Angle (degrees)',
	yAxis: '% of pairs per degree',
	accepted: 'accepted',
	threshold: 'Threshold τ: accept a pair as the same person when its angle is below τ',
	thresholdMark: (deg: string) => `τ = ${deg}°`,
	readout: (tar: string, far: string) => `TAR ${tar}\u00a0% · FAR ${far}\u00a0%`,
	sliderText: (deg: string, parts: string) => `${deg}°: ${parts}`,
	sliderPart: (which: string, tar: string, far: string) => `${which} TAR ${tar}\u00a0%, FAR ${far}\u00a0%`,
	panelDescription: (loss: string, pos: string, neg: string, deg: string, tar: string, far: string) =>
		`${loss}: histograms of ${pos} positive and ${neg} negative pair angles. Accepting angles below ${deg}° gives TAR ${tar}\u00a0% and FAR ${far}\u00a0%.`,
	rocTitle: 'ROC curve',
	rocX: 'False accept rate (FAR, log scale)',
	rocXShort: 'FAR (log scale)',
	rocY: 'True accept rate (TAR, %)',
	rocDescription: (parts: string) => `ROC curves of both models, FAR on a log axis from 10⁻⁴ to 1. ${parts}`,
	rocPart: (which: string, far: string, tar: string) => `${which}: TAR ${tar}\u00a0% at FAR ${far}.`,
	rocLegend: (name: string, at: string) => `${name}: TAR ${at}`,
	rocAt: (tar: string, far: string) => `${tar}\u00a0% at FAR ${far}`,
	listSep: ', ',
	tableCaption: 'Verification (1:1) and identification (1:N) on the held-out faces',
	measure: 'Measure',
	tarAtFar: (far: string) => `TAR at FAR = ${far}`,
	tarCell: (tar: string, deg: string) => `${tar}\u00a0%\nτ = ${deg}°`,
	best: 'Best threshold (balanced accuracy)',
	bestCell: (deg: string, acc: string) => `${deg}°\naccuracy ${acc}\u00a0%`,
	rank1Enrolled: 'Rank-1, one enrolled face per identity',
	rank1Loo: 'Rank-1, all other faces enrolled (leave one out)',
	rank1Cell: (rate: string, correct: number, probes: number) =>
		`${rate}\u00a0%\n${count(correct)} of ${count(probes)}`,
	pairs: 'Pairs: same person / different people',
	pairsCell: (pos: number, neg: number) => `${count(pos)} / ${count(neg)}`,
	sampled: (n: number) => `rates and histograms from a random ${count(n)} of each kind`,
	minFar: 'Smallest FAR that can be measured (1 ÷ negative pairs)',
	summary: (step: number, parts: string) => `Step ${count(step)}. ${parts}`,
	summaryModel: (loss: string, tar: string, far: string, rank1: string) =>
		`${loss}: TAR ${tar}\u00a0% at FAR ${far}\u00a0%, rank-1 ${rank1}\u00a0%`,
	diverged: 'No finite features to compare: this model diverged.',
	nuisanceNote:
		'Turn up pose or expression variation (the sliders of the face gallery, or the nuisance settings of the lab) and train again: the same-person histogram widens and slides to the right, as it does from LFW to CPLFW and CALFW in the paper, and the best threshold moves up with it.'
};

export const zh: typeof en = {
	title: '成对夹角：验证与识别',
	caption:
		'实时版的论文图 6：每一对留出人脸的特征之间的夹角。同一个人的两张脸（正样本对）应当夹角小，不同人的两张脸（负样本对）应当夹角大。在夹角上设一个阈值来判断“是不是同一个人”：TAR 是被接受的正样本对所占比例，FAR 是被错误接受的负样本对所占比例。ROC 曲线让阈值扫过所有取值；rank-1 则看离查询最近的登记人脸是不是同一个人（1:N 识别）。',
	positive: '同一个人（正样本对）',
	negative: '不同的人（负样本对）',
	panelTitle: (which: string, loss: string, step: number) => `${which}：${loss}，第 ${count(step)} 步`,
	xAxis: '两个特征之间的夹角（度）',
	xAxisShort: '夹角（度）',
	yAxis: '每度所占的样本对（%）',
	accepted: '接受',
	threshold: '阈值 τ：夹角小于 τ 的一对人脸判为同一个人',
	thresholdMark: (deg: string) => `τ = ${deg}°`,
	readout: (tar: string, far: string) => `TAR ${tar}% · FAR ${far}%`,
	sliderText: (deg: string, parts: string) => `${deg}°：${parts}`,
	sliderPart: (which: string, tar: string, far: string) => `${which} TAR ${tar}%，FAR ${far}%`,
	panelDescription: (loss: string, pos: string, neg: string, deg: string, tar: string, far: string) =>
		`${loss}：${pos} 个正样本对和 ${neg} 个负样本对的夹角直方图。接受小于 ${deg}° 的夹角时，TAR 为 ${tar}%，FAR 为 ${far}%。`,
	rocTitle: 'ROC 曲线',
	rocX: '误识率（FAR，对数刻度）',
	rocXShort: 'FAR（对数刻度）',
	rocY: '通过率（TAR，%）',
	rocDescription: (parts: string) => `两个模型的 ROC 曲线，FAR 取对数刻度，从 10⁻⁴ 到 1。${parts}`,
	rocPart: (which: string, far: string, tar: string) => `${which}：FAR 为 ${far} 时 TAR 为 ${tar}%。`,
	rocLegend: (name: string, at: string) => `${name}：TAR ${at}`,
	rocAt: (tar: string, far: string) => `${tar}%（FAR ${far}）`,
	listSep: '，',
	tableCaption: '留出人脸上的验证（1:1）与识别（1:N）',
	measure: '指标',
	tarAtFar: (far: string) => `FAR = ${far} 时的 TAR`,
	tarCell: (tar: string, deg: string) => `${tar}%\nτ = ${deg}°`,
	best: '最佳阈值（平衡准确率）',
	bestCell: (deg: string, acc: string) => `${deg}°\n准确率 ${acc}%`,
	rank1Enrolled: 'Rank-1，每个身份登记一张脸',
	rank1Loo: 'Rank-1，其余人脸全部登记（留一法）',
	rank1Cell: (rate: string, correct: number, probes: number) =>
		`${rate}%\n${count(probes)} 次中对 ${count(correct)} 次`,
	pairs: '样本对：同一个人 / 不同的人',
	pairsCell: (pos: number, neg: number) => `${count(pos)} / ${count(neg)}`,
	sampled: (n: number) => `比率和直方图取自每类随机抽取的 ${count(n)} 对`,
	minFar: '能测出的最小 FAR（1 ÷ 负样本对数）',
	summary: (step: number, parts: string) => `第 ${count(step)} 步。${parts}`,
	summaryModel: (loss: string, tar: string, far: string, rank1: string) =>
		`${loss}：FAR ${far}% 时 TAR ${tar}%，rank-1 ${rank1}%`,
	diverged: '没有可比较的有限特征：这个模型发散了。',
	nuisanceNote:
		'把姿态或表情的变化调大（人脸画廊里的滑块，或实验室里的干扰设置），再训练一次：同一个人的直方图会变宽并向右移，正如论文中从 LFW 到 CPLFW、CALFW 的变化，最佳阈值也随之升高。'
};
