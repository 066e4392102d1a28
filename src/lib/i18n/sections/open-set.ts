import { count } from '../number';

/** Strings of the open-set figure (issue 14): verification and identification of people never trained on. */
export const en = {
	title: 'New people: open-set verification and identification',
	caption:
		'The test a face system really faces: people the network never saw in training. Each unseen person is enrolled from one photo (and from 5, as a control), then compared by angle against a threshold. Beside them, the same tests on held-out photos of the training people (the closed set every other figure shows). Both models, both sets, the same faces and thresholds.',
	idle: 'Press Train: the test on unseen people runs each time training pauses (or press “Test now”).',
	pending: 'Testing on unseen people…',
	stale: (step: number, now: number) =>
		`Results of step ${count(step)}; the models are at step ${count(now)}. Pause, or press “Test now”, to test again.`,
	current: (step: number, ms: string) => `Results of step ${count(step)} (worker time ${ms} ms).`,
	run: 'Test now',
	facesLabel: 'Some of the people no model trains on (one photo each):',
	faceAlt: (i: number) => `Unseen person ${i + 1}`,
	setLegend: 'Show the pair angles of',
	sets: {
		unseen: 'people never trained on',
		seen: 'training people (held-out photos)'
	},
	setShort: { unseen: 'unseen', seen: 'seen' },
	column: (model: string, set: string) => `${model}, ${set}`,
	panelTitle: (model: string, set: string) => `${model}: ${set}`,
	panelDescription: (model: string, set: string, pos: number, neg: number, tar: string, far: string) =>
		`${model}, ${set}: histograms of ${count(pos)} same-person and ${count(neg)} different-people pair angles (drawn from a sample). Below the threshold: TAR ${tar}\u00a0%, FAR ${far}\u00a0%.`,
	readout: (tar: string, far: string) => `TAR ${tar}\u00a0% · FAR ${far}\u00a0% (drawn sample)`,
	rocTitle: 'Verification (1:1): ROC',
	dirTitle: 'Open-set identification (1:N): DIR against FPIR, one photo enrolled',
	rocY: 'TAR (%)',
	dirY: 'DIR (%)',
	rocX: 'FAR (log scale)',
	dirX: 'FPIR (log scale)',
	curveLabel: (model: string, set: string) => `${model}, ${set}`,
	rocDescription: (parts: string) => `ROC curves, FAR on a log axis. ${parts}`,
	dirDescription: (parts: string) =>
		`Detection-and-identification rate against false-positive identification rate, log axis. ${parts}`,
	curvePart: (label: string, rate: string, at: string) => `${label}: ${rate} at ${at}.`,
	tableCaption: (model: string) => `${model}: training people vs people never trained on`,
	measure: 'Measure',
	rowPeople: 'People / photos',
	peopleCell: (ids: number, images: number) => `${count(ids)} / ${count(images)}`,
	rowPairs: 'Pairs: same person / different people',
	pairsCell: (pos: number, neg: number) => `${count(pos)} / ${count(neg)}`,
	rowTar: (far: string) => `TAR at FAR ${far}`,
	rowRank1: (k: number) => (k === 1 ? 'Rank-1, 1 photo enrolled' : `Rank-1, ${count(k)} photos enrolled`),
	rank1Cell: (rate: string, correct: number, probes: number) =>
		`${rate}\u00a0%\n${count(correct)} of ${count(probes)}`,
	rowDir: (fpir: string, k: number) =>
		`DIR at FPIR ${fpir} (${count(k)} photo${k === 1 ? '' : 's'} enrolled)`,
	rowSearches: 'Gallery / mated / non-mated searches',
	searchesCell: (gallery: number, mated: number, nonMated: number) =>
		`${count(gallery)} / ${count(mated)} / ${count(nonMated)}`,
	notEnough: 'not enough pairs',
	diverged: 'diverged: no finite features',
	headline: (far: string, parts: string) => `TAR at FAR ${far}, training people → unseen people. ${parts}`,
	headlineModel: (model: string, seen: string, unseen: string) => `${model}: ${seen} → ${unseen}.`,
	thresholdLabel: 'Threshold τ on the histograms',
	thresholdMark: (deg: string) => `τ = ${deg}°`,
	xAxis: 'Angle between the two features (degrees)',
	xAxisShort: 'Angle (degrees)',
	yAxis: '% of pairs per degree',
	accepted: 'accepted',
	note: 'A rate at FAR (or FPIR) f is shown only when the pairs (or searches) allow at least 5 false accepts at f; otherwise the cell says so. DIR: a search of an enrolled person counts when its nearest template is the right one and closer than the threshold; the threshold is set so that only a share FPIR of searches by people who are not enrolled at all return anyone (NIST FRVT’s convention). Unseen identities are drawn from the same face space but are never in any training set.'
};

export const zh: typeof en = {
	title: '新的人：开集验证与识别',
	caption:
		'人脸系统真正面对的考验：训练时从未见过的人。每个没见过的人只用一张照片登记（对照组用 5 张），然后按夹角和阈值比较。旁边是对训练中那些人的留出照片做的同样测试（也就是其他图都在展示的闭集）。两个模型、两组人，用同样的人脸和阈值。',
	idle: '按“训练”：每次训练暂停时都会对没见过的人做一次测试（也可以按“立即测试”）。',
	pending: '正在测试没见过的人……',
	stale: (step: number, now: number) =>
		`这是第 ${count(step)} 步的结果；模型已到第 ${count(now)} 步。暂停训练或按“立即测试”即可重新测试。`,
	current: (step: number, ms: string) => `第 ${count(step)} 步的结果（工作线程用时 ${ms} 毫秒）。`,
	run: '立即测试',
	facesLabel: '几位任何模型都不会用来训练的人（每人一张照片）：',
	faceAlt: (i: number) => `没见过的人 ${i + 1}`,
	setLegend: '显示成对夹角：',
	sets: {
		unseen: '训练中从未见过的人',
		seen: '训练中的人（留出照片）'
	},
	setShort: { unseen: '没见过的人', seen: '见过的人' },
	column: (model: string, set: string) => `${model}，${set}`,
	panelTitle: (model: string, set: string) => `${model}：${set}`,
	panelDescription: (model: string, set: string, pos: number, neg: number, tar: string, far: string) =>
		`${model}，${set}：${count(pos)} 个同一人样本对和 ${count(neg)} 个不同人样本对的夹角直方图（按抽样画出）。阈值以下：TAR ${tar}\u00a0%，FAR ${far}\u00a0%。`,
	readout: (tar: string, far: string) => `TAR ${tar}\u00a0% · FAR ${far}\u00a0%（抽样）`,
	rocTitle: '验证（1:1）：ROC 曲线',
	dirTitle: '开集识别（1:N）：DIR 随 FPIR 的变化，每人登记一张照片',
	rocY: 'TAR（%）',
	dirY: 'DIR（%）',
	rocX: 'FAR（对数坐标）',
	dirX: 'FPIR（对数坐标）',
	curveLabel: (model: string, set: string) => `${model}，${set}`,
	rocDescription: (parts: string) => `ROC 曲线，FAR 用对数坐标。${parts}`,
	dirDescription: (parts: string) => `检测并识别率（DIR）随误识率（FPIR）的变化，对数坐标。${parts}`,
	curvePart: (label: string, rate: string, at: string) => `${label}：在 ${at} 时为 ${rate}。`,
	tableCaption: (model: string) => `${model}：训练中的人与从未见过的人`,
	measure: '指标',
	rowPeople: '人数 / 照片数',
	peopleCell: (ids: number, images: number) => `${count(ids)} / ${count(images)}`,
	rowPairs: '样本对：同一人 / 不同人',
	pairsCell: (pos: number, neg: number) => `${count(pos)} / ${count(neg)}`,
	rowTar: (far: string) => `FAR = ${far} 时的 TAR`,
	rowRank1: (k: number) => `Rank-1，登记 ${count(k)} 张照片`,
	rank1Cell: (rate: string, correct: number, probes: number) =>
		`${rate}\u00a0%\n${count(probes)} 次中对 ${count(correct)} 次`,
	rowDir: (fpir: string, k: number) => `FPIR = ${fpir} 时的 DIR（登记 ${count(k)} 张）`,
	rowSearches: '底库 / 已登记者查询 / 未登记者查询',
	searchesCell: (gallery: number, mated: number, nonMated: number) =>
		`${count(gallery)} / ${count(mated)} / ${count(nonMated)}`,
	notEnough: '样本对不够',
	diverged: '已发散：没有有限的特征',
	headline: (far: string, parts: string) => `FAR = ${far} 时的 TAR，训练中的人 → 没见过的人。${parts}`,
	headlineModel: (model: string, seen: string, unseen: string) => `${model}：${seen} → ${unseen}。`,
	thresholdLabel: '直方图上的阈值 τ',
	thresholdMark: (deg: string) => `τ = ${deg}°`,
	xAxis: '两个特征之间的夹角（度）',
	xAxisShort: '夹角（度）',
	yAxis: '每度所占样本对的百分比',
	accepted: '接受',
	note: '只有当样本对（或查询）足以在 FAR（或 FPIR）为 f 时出现至少 5 次误接受，才给出该处的比率；否则表格里会注明。DIR：对已登记者的一次查询，当最近的模板正是本人且夹角小于阈值时算作命中；阈值的取法是让根本没登记的人发起的查询中只有 FPIR 这么多比例会返回某个人（NIST FRVT 的约定）。没见过的身份取自同一个人脸空间，但从不出现在任何训练集中。'
};
