import { count } from '../number';

/** Strings of the inversion figure: networks trained on upright faces, tested on upside-down ones. */
export const en = {
	title: 'Faces upside down',
	caption:
		'Both networks of this run are trained on upright faces only. The test turns the same held-out faces upside down (each image turned by 180°) and measures, on the current weights, the held-out accuracy and the mean angle θ_y between each feature and its class centre, upright and inverted. Chance is one identity in eight. The circles show where the inverted faces land next to the upright ones.',
	run: 'Test on inverted faces',
	rerun: 'Test again on the current weights',
	before:
		'Press “Test on inverted faces” to measure both networks on the held-out faces upright and upside down.',
	waiting: 'Waiting for the run…',
	testing: 'Testing…',
	evaluatedAt: (step: number) => `Tested at step ${count(step)}.`,
	stale: (shown: number, now: number) =>
		`Tested at step ${count(shown)}; the run is now at step ${count(now)}. Test again to update.`,
	untrained: 'The networks have not trained yet: press Train first, then test.',
	orientations: { upright: 'upright', inverted: 'inverted' },
	chance: (pct: string) => `chance ${pct} %`,
	yAxis: 'Held-out accuracy (%)',
	chartDescription: (parts: string) => `Bar chart of held-out accuracy: ${parts}.`,
	barPart: (which: string, upright: string, inverted: string) =>
		`${which} upright ${upright} %, inverted ${inverted} %`,
	tableCaption: 'Held-out faces: upright → inverted',
	columns: {
		acc: 'Accuracy',
		theta: 'Mean θ_y',
		changed: 'Faces whose answer changes'
	},
	panelTitle: (which: string, orientation: string) => `${which}, ${orientation}`,
	panelDescription: (loss: string, orientation: string, acc: string, theta: string, n: number) =>
		`${loss}, ${orientation}: ${n} held-out faces as points coloured and shaped by identity; accuracy ${acc} %, mean θ_y ${theta}°.`,
	facesHeading: 'Sample faces and the identity each model gives them',
	faceLabel: (id: number, orientation: string) => `Identity ${id + 1}, ${orientation}`,
	answer: (which: string, given: number, right: boolean) => `${which}: ${given + 1} ${right ? '✓' : '✗'}`,
	answerLabel: (which: string, given: number, right: boolean) =>
		`${which} answers ${given + 1}, ${right ? 'right' : 'wrong'}`,
	summary: (parts: string, chance: string) => `${parts} (chance ${chance} %)`,
	summaryPart: (which: string, loss: string, upright: string, inverted: string) =>
		`${which} (${loss}): upright ${upright} %, inverted ${inverted} %`
};

export const zh: typeof en = {
	title: '倒过来的人脸',
	caption:
		'本次训练的两个网络都只用正立的人脸训练。测试时把同样的留出人脸上下颠倒（每张图旋转 180°），在当前权重上测量正立与倒置两种情况下的留出准确率，以及每个特征与其类中心夹角 θ_y 的平均值。随机猜测的准确率是八分之一。圆上的点显示倒置的人脸落在哪里，旁边是正立的人脸。',
	run: '用倒置人脸测试',
	rerun: '在当前权重上再测一次',
	before: '点击“用倒置人脸测试”，在正立和倒置的留出人脸上测量两个网络。',
	waiting: '等待训练准备好…',
	testing: '正在测试…',
	evaluatedAt: (step: number) => `在第 ${count(step)} 步测试。`,
	stale: (shown: number, now: number) =>
		`在第 ${count(shown)} 步测试；训练现在到了第 ${count(now)} 步。再测一次即可更新。`,
	untrained: '网络还没有训练：先点“训练”，再来测试。',
	orientations: { upright: '正立', inverted: '倒置' },
	chance: (pct: string) => `随机猜测 ${pct} %`,
	yAxis: '留出准确率（%）',
	chartDescription: (parts: string) => `留出准确率柱状图：${parts}。`,
	barPart: (which: string, upright: string, inverted: string) =>
		`${which} 正立 ${upright} %，倒置 ${inverted} %`,
	tableCaption: '留出人脸：正立 → 倒置',
	columns: {
		acc: '准确率',
		theta: '平均 θ_y',
		changed: '答案改变的人脸'
	},
	panelTitle: (which: string, orientation: string) => `${which}，${orientation}`,
	panelDescription: (loss: string, orientation: string, acc: string, theta: string, n: number) =>
		`${loss}，${orientation}：${n} 张留出人脸，按身份着色并用不同形状标出；准确率 ${acc} %，平均 θ_y ${theta}°。`,
	facesHeading: '样例人脸，以及每个模型给出的身份',
	faceLabel: (id: number, orientation: string) => `身份 ${id + 1}，${orientation}`,
	answer: (which: string, given: number, right: boolean) => `${which}：${given + 1} ${right ? '✓' : '✗'}`,
	answerLabel: (which: string, given: number, right: boolean) =>
		`${which} 判为 ${given + 1}，${right ? '正确' : '错误'}`,
	summary: (parts: string, chance: string) => `${parts}（随机猜测 ${chance} %）`,
	summaryPart: (which: string, loss: string, upright: string, inverted: string) =>
		`${which}（${loss}）：正立 ${upright} %，倒置 ${inverted} %`
};
