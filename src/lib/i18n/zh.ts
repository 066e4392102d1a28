import { count } from './number';
import type { Messages } from './en';
import { zh as embed } from './sections/embed';
import { zh as classResults } from './sections/class-results';
import { zh as classNetworks } from './sections/class-networks';
import { zh as present } from './sections/present';
import { zh as runBar } from './sections/run-bar';
import { zh as faceGallery } from './sections/face-gallery';
import { zh as inversion } from './sections/inversion';
import { zh as pairAngles } from './sections/pair-angles';
import { zh as replay } from './sections/replay';
import { zh as backendChoice } from './sections/backend-choice';
import { zh as slowMotion } from './sections/slow-motion';
import { zh as thetaDistribution } from './sections/theta-distribution';
import { zh as trainingCurves } from './sections/training-curves';
import { zh as glossary } from './sections/glossary';
import { zh as expRun } from './sections/experiments-run';
import { zh as featureSpace } from './sections/feature-space';
import { zh as openSet } from './sections/open-set';
import { zh as homePage } from './sections/home';

/** 简体中文界面文字：键与英文表完全一致（由类型检查保证）。 */
export const zh: Messages = {
	langName: '简体中文',
	siteName: 'Margin Lab 间隔实验室',
	tagline: '人脸识别网络如何学习：ArcFace、角度间隔与大脑',
	skipToContent: '跳到正文',
	nav: { teach: '教师指南', home: '首页', figures: '图示', label: '主导航' },
	langSwitch: '语言',
	home: {
		lead: 'Margin Lab 是一门交互式课程，围绕 ArcFace 论文（Deng 等，CVPR 2019）讲解深度人脸识别网络怎样学会区分不同身份。每张图都由公式在你的浏览器里实时算出；图旁的笔记把计算机模型与认知神经科学对人类和灵长类识别人脸的认识放在一起比较。',
		figuresHeading: '现在可以使用的图示',
		offline: '所有计算都在本页完成：数据不会离开你的浏览器，也不需要联网。'
	},
	lessons: {
		nav: '课程',
		indexTitle: '课程',
		indexLead:
			'共十二课，每课都把可以动手调整的图示与笔记放在一起，笔记将计算机模型与大脑识别人脸的已知机制相对照。学习进度只保存在这个浏览器里。',
		lessonN: (n: number) => `第 ${n} 课`,
		status: (correct: number, total: number) => `已答对 ${correct} / ${total} 题`,
		notStarted: '未开始',
		visited: '已打开',
		done: '已完成',
		resetProgress: '清除我的学习进度',
		resetConfirm: '学习进度已清除。',
		notSaved: '此浏览器不允许网页保存数据，学习进度只在本次访问中有效。',
		checkHeading: '检验一下理解',
		check: '提交答案',
		correct: '回答正确。',
		incorrect: '还不对。',
		rightOption: '正确答案',
		wrongOption: '你的答案，不正确',
		chooseFirst: '请先选择一个选项。',
		scrollsSideways: '内容较宽：可左右滚动',
		allFeedback: '每个选项对在哪里、错在哪里',
		sources: '参考文献',
		previous: '上一课',
		next: '下一课',
		print: '打印本课',
		textMissing: '未能加载本课的中文文本（网络是否已断开？）。页面上已有的内容保持不变；请重新加载页面再试。',
		figureMissing: (name: string) => `“${name}”图示需要浏览器内的训练实验室，当前版本还没有包含它。`,
		openFigure: '在单独页面中打开此图'
	},
	lab: {
		nav: '实验室',
		title: '实验室：在浏览器里训练 Softmax 与 ArcFace',
		skipToSettings: '跳到设置',
		lead: '两个小网络用同样的图像、同样的顺序、同样的初始权重学习同样的 8 个合成身份，唯一的区别是损失函数。点击“训练”，看看它们各自把身份放在哪里。',
		train: '训练',
		pause: '暂停',
		step: '单步',
		reset: '重置',
		modelA: '模型 A',
		modelB: '模型 B',
		lossOf: (which: string) => `${which}的损失函数`,
		seed: '随机种子',
		preparing: (done: number, total: number) => `正在绘制人脸：${count(done)} / ${count(total)}…`,
		lazyRun: (faces: number) => `按“训练”：在你的浏览器里生成 ${count(faces)} 张合成人脸和两个小型网络。`,
		backendChosen: (name: string) => `正在使用 ${name} 训练。`,
		backendNames: { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU（JavaScript）' },
		backendUnavailable: (wanted: string, used: string) =>
			`此设备无法使用 ${wanted}，训练改在 ${used} 上进行。`,
		speedsHeading: '各后端的实测速度',
		speedCell: (sps: string, warm: string) => `每秒 ${sps} 步（启动 ${warm} 秒）`,
		speedFailed: '不可用',
		stepCounter: (step: number) => `第 ${count(step)} 步`,
		rate: (sps: string) => `每秒 ${sps} 步`,
		stats: {
			model: '模型',
			loss: '损失',
			trainAcc: '训练集准确率',
			testAcc: '留出集准确率',
			theta: '平均 θ_y'
		},
		panelTitle: (which: string, loss: string, step: number) => `${which}：${loss}，第 ${count(step)} 步`,
		panelDescription: (loss: string, acc: string, theta: string, n: number) =>
			`${loss}：${n} 张留出人脸画成点，颜色和形状表示身份；留出集准确率 ${acc}%，与类中心的平均夹角 ${theta}°。`,
		summary: (which: string, loss: string, step: number, acc: string, theta: string) =>
			`${which}，${loss}，第 ${count(step)} 步：留出集准确率 ${acc}%，到类中心的平均夹角 θ ${theta}°`,
		identity: (i: number) => `身份 ${i + 1}`,
		sample: (i: number, k: number) => `身份 ${i + 1}，样本 ${k + 1}`,
		facesHeading: '网络看到的是什么',
		facesNote: (size: number) => `训练用的人脸样本，尺寸与网络输入相同：${size} × ${size} 像素。`,
		diverged: {
			'lr-too-high': '学习率太高，损失发散了。',
			's-too-large': '尺度 s 太大，logit 溢出了。',
			'margin-too-large': '间隔太大，网络无法满足。',
			unknown: '损失不再是有限的数。',
			'features-overflow':
				'特征长度超出了计算机数字的范围（多半是学习率太高）：归一化后全部变成零，模型不再学习。',
			'no-gradient': '梯度变成了零，模型不再学习（多半是学习率太高）。',
			collapsed: '所有特征都落到了同一个点上，无法区分任何身份（多半是学习率太高）。',
			stuck: '损失不再变化，准确率停在随机水平：模型不再学习。'
		},
		divergedTitle: (which: string) => `${which}已暂停`,
		restore: '恢复到最后一组正常的权重',
		backendChanged: (from: string, to: string) => `${from} 后端停止工作，训练改用 ${to} 继续。`,
		backendLost: (name: string) => `${name} 后端停止工作，且没有其他可用的后端。`,
		workerError: (msg: string) => `训练已停止：${msg}`,
		newVersion:
			'Margin Lab 已发布新版本，这个页面来自旧版本，无法载入训练代码。请重新加载页面，用新版本训练。',
		reload: '重新加载页面',
		controls: {
			heading: '设置',
			marginsOf: (which: string) => `${which}的间隔`,
			s: '尺度 s',
			m1: 'm1（乘以 θ）',
			m2: 'm2（加到 θ 上，弧度）',
			m3: 'm3（从 cos θ 中减去）',
			fallback: '当 θ 超过 π − m 时',
			fallbacks: { none: '直接用 cos(θ + m)', insightface: 'insightface 回退', easy: 'easy margin' },
			optimizer: '优化器',
			optimizers: { sgd: '带动量的 SGD', adam: 'Adam' },
			lr: '学习率',
			batch: '批大小',
			momentum: '动量',
			data: '数据',
			perIdentity: '每个身份的人脸数',
			size: '图像尺寸（像素）',
			identities: '训练身份数',
			dim: '嵌入维度',
			nuisance: '同一身份内部的变化',
			nuisanceNames: {
				yaw: '姿态（转头）',
				tilt: '倾斜',
				lighting: '光照',
				expression: '表情',
				scaleShift: '缩放与平移',
				noise: '像素噪声',
				occluder: '眼镜或口罩'
			},
			seed: '随机种子',
			newSeed: '换一个种子',
			pace: '速度',
			paces: { slow: '慢', medium: '中等', fast: '尽可能快' },
			applyData: '修改数据会开始一次新的训练。',
			copyLink: '复制当前设置的链接',
			copied: '链接已复制。',
			copyFailed: '请复制这个链接：',
			help: '键盘快捷键',
			keys: {
				space: '训练 / 暂停',
				right: '训练一步',
				r: '重置到第 0 步',
				help: '显示或隐藏此列表',
				close: '关闭'
			}
		},
		losses: {
			softmax: 'Softmax（L1）',
			normface: 'NormFace（L2）',
			sphereface: 'SphereFace',
			arcface: 'ArcFace',
			cosface: 'CosFace',
			cm1: '组合间隔 CM1',
			cm2: '组合间隔 CM2',
			custom: '自定义间隔',
			intra: '类内损失（L5）',
			inter: '类间损失（L6）',
			triplet: '角度三元组'
		}
	},
	featureCircle: {
		title: '圆上的特征',
		caption:
			'实时版的论文图 3：每张留出人脸是一个点，位置是网络给出的二维特征，颜色和形状表示身份，射线表示各类中心方向 W_j。Softmax 保留原始特征，范数各不相同，同一身份沿射线拉成长条；归一化的损失画在单位圆上，ArcFace 把每个身份收拢成一段紧凑的圆弧。'
	},
	exportMenu: {
		label: '导出',
		png: '保存 PNG',
		svg: '保存 SVG',
		csv: '保存嵌入数据（CSV）',
		failed: (why: string) => `导出失败：${why}`
	},
	figure: {
		openAlone: '单独打开此图（用于嵌入）',
		summaryHeading: '图中显示的内容',
		degrees: '°'
	},
	targetLogits: {
		title: '目标 logit 曲线',
		caption:
			'正确类别的 logit 随特征与其类中心夹角 θ 的变化，每种损失一条曲线（论文图 4b）。间隔把曲线往下压，网络必须把 θ 压得更小，正确类别才能胜出。',
		curvesLegend: '要画的曲线',
		customLegend: '自定义组合间隔 cos(m1·θ + m2) − m3',
		rangeLabel: '角度范围',
		rangePaper: '20°–100°（训练中实际用到的范围）',
		rangeWide: '0°–180°（cos(θ + m) 在这里重新上升）',
		readoutLabel: '读取 θ 处的数值',
		xAxis: '特征与类中心的夹角 θ（度）',
		xAxisShort: 'θ（度）',
		yAxis: '目标 logit（÷ s）',
		turnBack: '当 θ 超过 180° − m 时，cos(θ + m) 又开始上升',
		names: {
			softmax: 'Softmax',
			sphereface: 'SphereFace（m1 = 1.35）',
			arcface: 'ArcFace（m2 = 0.5）',
			cosface: 'CosFace（m3 = 0.35）',
			cm1: 'CM1（1, 0.3, 0.2）',
			cm2: 'CM2（0.9, 0.4, 0.15）',
			custom: '自定义',
			fallback: 'ArcFace + insightface 回退',
			easy: 'ArcFace + easy margin'
		},
		noCurves: '没有选中任何曲线。',
		summary: (theta: string, values: string) => `θ = ${theta}° 时：${values}。`,
		summaryNone: (theta: string) => `θ = ${theta}° 处没有选中任何曲线。`,
		wideOnlyHint: '灰色的曲线只在 0°–180° 范围内显示。',
		wideOnly: '仅在 0°–180° 范围内绘制'
	},
	decisionMargins: {
		title: '决策间隔',
		caption:
			'论文图 5 的二分类情形：在特征与两个类中心的夹角 θ1、θ2 构成的平面上，看特征从哪里开始不再属于类 1 而属于类 2。虚线是两个类别各自的决策边界，中间的灰色带是不属于任何一类的间隔。',
		lossLabel: '损失函数',
		marginLabel: '间隔 m',
		phiLabel: '两个类中心之间的夹角',
		viewLabel: '视图',
		views: { both: '平面与圆', plane: '角度平面', circle: '圆' },
		losses: {
			softmax: 'Softmax',
			sphereface: 'SphereFace（m·θ1 = θ2）',
			cosface: 'CosFace（cos θ1 − m = cos θ2）',
			arcface: 'ArcFace（θ1 + m = θ2）'
		},
		planeTitle: '(θ1, θ2) 平面上的决策边界',
		circleTitle: '同一间隔在两个类中心之间形成的扇形',
		xAxis: 'θ1：与类 1 中心的夹角（度）',
		yAxis: 'θ2：与类 2 中心的夹角（度）',
		class1: '类 1',
		class2: '类 2',
		marginArea: '间隔',
		noMargin: 'Softmax 没有间隔：两个类别共用 θ1 = θ2 这条线。',
		gapAt: (theta: string, gap: string) => `θ1 = ${theta}° 处间隔为 ${gap}°`,
		gapNone: (theta: string) => `θ1 = ${theta}° 处没有决策边界`,
		summaryPlane: (loss: string, m: string, gaps: string) => `${loss}，m = ${m}：${gaps}。`,
		summaryCircle: (phi: string, a: string, b: string, w: string) =>
			`两个类中心相距 ${phi}° 时，类 1 的区域止于距其中心 ${a}° 处，类 2 的区域始于距类 1 中心 ${b}° 处：中间 ${w}° 的扇形不属于任何一类。`,
		summaryCircleNone: (phi: string) =>
			`两个类中心相距 ${phi}° 时，这个间隔太大：两者之间没有任何特征能满足任一类别。`
	},
	// Figures' and pages' own strings, one file each in ./sections
	embed,
	classResults,
	classNetworks,
	present,
	runBar,
	faceGallery,
	inversion,
	expRun,
	pairAngles,
	replay,
	backendChoice,
	slowMotion,
	thetaDistribution,
	trainingCurves,
	glossary,
	featureSpace,
	openSet,
	homePage
};
