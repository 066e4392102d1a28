import { count } from '../number';

/** Strings of the slow-motion figure: one training step of one held-out face, stage by stage. */
export const en = {
	title: 'One training step in slow motion',
	caption:
		'One held-out face through one model of this run, on its current weights, stage by stage: the 2-D feature x, its length and direction, the cosine to every class centre, the angle θ_y to its own centre, the margin, the scale s, the softmax probabilities, the loss, and the gradients that say how x and its class centre W_y would move. All numbers come from the model in the training worker; the geometry is recomputed from x and W with the same formulas.',
	modelLegend: 'Model',
	modelOption: (which: string, loss: string) => `${which}: ${loss}`,
	sampleLegend: 'Held-out face',
	prevSample: 'Previous face',
	nextSample: 'Next face',
	sampleOf: (i: number, n: number) => `Face ${i + 1} of ${n}`,
	identity: (i: number) => `Identity ${i + 1}`,
	predicted: (cls: number, correct: boolean) =>
		correct ? `Model answers ${cls + 1}: right` : `Model answers ${cls + 1}: wrong`,
	faceLabel: (id: number, i: number) => `Held-out face ${i + 1}, identity ${id + 1}`,
	stagesLabel: 'Stages of one training step',
	prevStage: 'Previous stage',
	nextStage: 'Next stage',
	stageOf: (k: number, n: number) => `Stage ${k + 1} of ${n}`,
	stages: {
		feature: 'Feature x',
		normalise: 'Length and direction',
		cosines: 'Cosines to the centres',
		angle: 'Angle θ_y',
		margin: 'Add the margin',
		logits: 'Logits',
		softmax: 'Softmax',
		loss: 'Loss',
		gradient: 'Gradient and update'
	},
	explain: {
		feature: (size: number) =>
			`The network turns this ${size} × ${size} face into two numbers: its feature x. Everything below is computed from x and the class centres W_j.`,
		normalise:
			'This loss looks only at directions: x and every class centre W_j are divided by their length, which puts them on the unit circle.',
		normaliseSoftmax:
			'Softmax (L1) does not normalise: the lengths ‖x‖ and ‖W_j‖ go straight into the logits, so a longer feature gives larger logits.',
		cosines:
			'The cosine between the feature direction x̂ and each centre Ŵ_j: 1 means the same direction, 0 a right angle, −1 opposite.',
		angle:
			'The angle to its own class centre, θ_y. Training tries to make this angle small and the others large.',
		margin:
			'The margin makes the right answer harder: the own class is scored as if the feature were further from its centre, at m1·θ_y + m2, and then m3 is taken off.',
		marginFallback: (wrap: string) =>
			`Past θ_y = ${wrap} the margin angle would pass 180°, where cos turns back up and would reward a larger angle. The reference code switches to a fallback here instead.`,
		logits:
			'Every cosine is multiplied by the scale s; the own class gets the value with the margin. These are the logits.',
		logitsSoftmax: 'Softmax’s logits are dot products plus a bias: lengths and angle together.',
		softmax: 'Softmax turns the logits into probabilities that add up to 1.',
		loss: 'The loss is minus the log of the probability of the right identity: near 0 when the model is sure and right, large when it is wrong.',
		gradient:
			'Backpropagation gives the direction in which x and its centre W_y should move to lower the loss (the arrows). One plain SGD step of size η moves them that far; in training it is the network’s weights that move, and x follows.'
	},
	words: {
		withoutMargin: 'without the margin:',
		pastWrap: 'past the wrap at θ =',
		insightface: 'fallback:',
		easy: 'cos θ ≤ 0, so the easy margin keeps',
		everyCentre: 'every other W_j is normalised the same way',
		notNormalised: 'no normalisation: the lengths stay',
		closestOther: 'closest other centre:',
		intra: 'intra term + θ_y / π',
		inter: 'inter term − Σ_{j≠y} arccos(Ŵ_y · Ŵ_j) / (π (n − 1))'
	},
	asIfFree: (optimizer: string) =>
		`this face alone, x and W moved directly; the run itself trains the network with ${optimizer} on batches`,
	etaLabel: 'Learning rate η of the step shown',
	inspectNow: 'Inspect the current weights',
	pauseInspect: 'Pause training and inspect',
	running: (step: number) =>
		`Training is running and the walk-through follows it: the numbers are from step ${count(step)}.`,
	stale: (shown: number, now: number) =>
		`Numbers from step ${count(shown)}; the run is now at step ${count(now)}.`,
	waiting: 'Waiting for the run…',
	inspecting: 'Inspecting…',
	needsTwoD: (d: number) =>
		`The walk-through follows one face's 2-D feature on the circle, so it needs embedding dimension 2; this run's features have ${d} dimensions. Set the embedding dimension to 2 to walk through a step.`,
	triplet:
		'The angular triplet loss compares faces with each other, not with class centres, so it has no single-face step to walk through. Pick the other model, or another loss.',
	legend: {
		feature: 'feature x̂',
		centre: (j: number) => `centre W${j}`,
		own: 'own class centre',
		after: 'after the step (hollow)',
		rawFeature: 'feature x',
		arrows: (k: string) => `arrows: each move, drawn ×${k}`,
		arrowsTrue: 'arrows: each move, to scale',
		tooShort: 'a move too small to see is left out',
		plain: 'without the margin'
	},
	diagram: (stage: string) =>
		`Unit-circle sketch for the stage “${stage}”; the numbers are in the list beside it.`,
	bars: (stage: string) => `Bar chart for the stage “${stage}”: one bar per class, the own class marked.`,
	summary: (
		which: string,
		loss: string,
		step: number,
		i: number,
		id: number,
		theta: string,
		p: string,
		l: string
	) =>
		`${which} (${loss}), step ${count(step)}, face ${i + 1} (identity ${id + 1}): θ_y ${theta}, p_y ${p} %, loss ${l}.`,
	summaryStep: (eta: string, theta: string, change: string) =>
		`One SGD step of η ${eta} would turn θ_y to ${theta} (${change}).`,
	hardest: 'Hardest face',
	hardestHint: 'the held-out face farthest from its class centre now'
};

export const zh: typeof en = {
	title: '慢动作看一次训练更新',
	caption:
		'取一张留出人脸，在本次训练中某个模型当前的权重上，一步一步走完一次训练：二维特征 x、它的长度和方向、与每个类中心的余弦、与自己类中心的夹角 θ_y、加上间隔、乘上尺度 s、softmax 概率、损失，以及梯度——它告诉我们 x 和它的类中心 W_y 会往哪里移动。所有数字都来自训练线程里的模型；几何量用同样的公式从 x 和 W 重新算出。',
	modelLegend: '模型',
	modelOption: (which: string, loss: string) => `${which}：${loss}`,
	sampleLegend: '留出人脸',
	prevSample: '上一张',
	nextSample: '下一张',
	sampleOf: (i: number, n: number) => `第 ${i + 1} 张，共 ${n} 张`,
	identity: (i: number) => `身份 ${i + 1}`,
	predicted: (cls: number, correct: boolean) =>
		correct ? `模型判为 ${cls + 1}：正确` : `模型判为 ${cls + 1}：错误`,
	faceLabel: (id: number, i: number) => `第 ${i + 1} 张留出人脸，身份 ${id + 1}`,
	stagesLabel: '一次训练更新的各个阶段',
	prevStage: '上一阶段',
	nextStage: '下一阶段',
	stageOf: (k: number, n: number) => `第 ${k + 1} 阶段，共 ${n} 个`,
	stages: {
		feature: '特征 x',
		normalise: '长度与方向',
		cosines: '与各中心的余弦',
		angle: '夹角 θ_y',
		margin: '加上间隔',
		logits: 'logit',
		softmax: 'softmax',
		loss: '损失',
		gradient: '梯度与更新'
	},
	explain: {
		feature: (size: number) =>
			`网络把这张 ${size} × ${size} 的人脸变成两个数：它的特征 x。下面每一步都由 x 和类中心 W_j 算出。`,
		normalise: '这个损失只看方向：x 和每个类中心 W_j 都除以自己的长度，于是都落在单位圆上。',
		normaliseSoftmax: 'Softmax（L1）不做归一化：长度 ‖x‖ 和 ‖W_j‖ 直接进入 logit，特征越长，logit 越大。',
		cosines: '特征方向 x̂ 与每个中心 Ŵ_j 之间的余弦：1 表示方向相同，0 表示垂直，−1 表示相反。',
		angle: '与自己类中心的夹角 θ_y。训练要让这个角变小，让其他角变大。',
		margin: '间隔让正确答案更难拿到：自己这一类按“特征离中心更远”来打分，角度变成 m1·θ_y + m2，再减去 m3。',
		marginFallback: (wrap: string) =>
			`θ_y 超过 ${wrap} 后，加间隔的角度会超过 180°，cos 在那里会回升，反而奖励更大的角度。参考代码在这里改用一个替代公式，如下所示。`,
		logits: '每个余弦都乘以尺度 s；自己这一类用加了间隔的值。这就是 logit。',
		logitsSoftmax: 'Softmax 的 logit 是点积加偏置：长度和角度一起起作用。',
		softmax: 'softmax 把 logit 变成加起来等于 1 的概率。',
		loss: '损失是正确身份概率的负对数：模型有把握且答对时接近 0，答错时很大。',
		gradient:
			'反向传播给出 x 和它的中心 W_y 应该往哪个方向移动才能降低损失（图中箭头）。学习率为 η 的一步普通 SGD 会让它们移动这么远；真正训练时移动的是网络的权重，x 随之改变。'
	},
	words: {
		withoutMargin: '不加间隔时：',
		pastWrap: '已越过折返点 θ =',
		insightface: '替代公式：',
		easy: 'cos θ ≤ 0，所以 easy margin 保留',
		everyCentre: '其他 W_j 也同样归一化',
		notNormalised: '不归一化：长度保留',
		closestOther: '最近的其他中心：',
		intra: 'intra 项 + θ_y / π',
		inter: 'inter 项 − Σ_{j≠y} arccos(Ŵ_y · Ŵ_j) / (π (n − 1))'
	},
	asIfFree: (optimizer: string) =>
		`只用这一张脸，直接移动 x 和 W；本次训练实际用 ${optimizer} 按批次训练网络`,
	etaLabel: '图中这一步的学习率 η',
	inspectNow: '查看当前权重',
	pauseInspect: '暂停训练并查看',
	running: (step: number) => `训练正在进行，逐步讲解会跟着更新：这些数字来自第 ${count(step)} 步。`,
	stale: (shown: number, now: number) => `数字来自第 ${count(shown)} 步；训练现在到了第 ${count(now)} 步。`,
	waiting: '等待训练准备好…',
	inspecting: '正在计算…',
	needsTwoD: (d: number) =>
		`逐步讲解跟踪的是一张人脸在圆上的二维特征，所以需要嵌入维度为 2；这次训练的特征是 ${d} 维。把嵌入维度设为 2 即可逐步查看。`,
	triplet:
		'角度三元组损失比较的是人脸与人脸，而不是人脸与类中心，所以没有“单张人脸的一步”可以展示。请选另一个模型或换一种损失。',
	legend: {
		feature: '特征 x̂',
		centre: (j: number) => `中心 W${j}`,
		own: '自己的类中心',
		after: '更新之后（空心）',
		rawFeature: '特征 x',
		arrows: (k: string) => `箭头：各自的移动，放大 ${k} 倍画出`,
		arrowsTrue: '箭头：各自的移动，按实际比例',
		tooShort: '太小看不见的移动没有画出',
		plain: '不加间隔'
	},
	diagram: (stage: string) => `“${stage}”阶段的单位圆示意图；数字见旁边的列表。`,
	bars: (stage: string) => `“${stage}”阶段的柱状图：每类一根柱子，标出自己这一类。`,
	summary: (
		which: string,
		loss: string,
		step: number,
		i: number,
		id: number,
		theta: string,
		p: string,
		l: string
	) =>
		`${which}（${loss}），第 ${count(step)} 步，第 ${i + 1} 张脸（身份 ${id + 1}）：θ_y ${theta}，p_y ${p} %，损失 ${l}。`,
	summaryStep: (eta: string, theta: string, change: string) =>
		`学习率 η ${eta} 的一步 SGD 会让 θ_y 变成 ${theta}（${change}）。`,
	hardest: '最难的一张',
	hardestHint: '现在离自己类中心最远的留出人脸'
};
