import { count } from '../number';

/** Strings of the face-perception experiments (`/experiments/`): the runner, the three tasks, the results. */
export const en = {
	nav: 'Experiments',
	indexTitle: 'Experiments: you vs the network',
	indexLead:
		'Three short face-perception experiments of the kind psychologists run, on this site’s own synthetic faces. You are the participant; the lab’s two networks (softmax and ArcFace, trained in your browser) answer exactly the same trials, and your results are drawn beside theirs. Each takes 2–4 minutes, with the keyboard or by tapping.',
	privacy:
		'Your answers stay in this browser: nothing is sent anywhere. You can download them (CSV or JSON, for your instructor’s class view) or delete them at any time.',
	demo: (n: number) =>
		`Demo length: ${count(n)} measured trials (set by ?trials= in the address). Remove it for the full experiment.`,
	howTitle: 'How it works',
	keysHint: (keys: string) => `Answer with the keys (${keys}) or tap the big buttons under the face.`,
	length: (practice: string, test: string, minutes: string) =>
		`${practice} practice trials with feedback, then ${test} measured trials without (${minutes}). Nothing is timed until you press Start.`,
	lengthDemo: (practice: string, test: string) =>
		`${practice} practice trials with feedback, then ${test} measured trials without. Nothing is timed until you press Start.`,
	codeLabel: 'Participant code (optional)',
	codeHint:
		'No names: type a code your instructor gave you, or leave it empty for a random one. It lets you find your own dot in the class plot.',
	start: 'Start',
	resume: (done: string, total: string) => `Resume (${done} of ${total} measured trials done)`,
	learnTitle: 'First, the faces',
	startPractice: 'I have looked at them: start the practice',
	practice: 'Practice',
	measured: 'Measured block',
	trialOf: (k: string, n: string) => `Trial ${k} of ${n}`,
	stop: 'Stop',
	progressLabel: 'Trials done',
	screenLabel: 'The experiment screen: a face, a mask or a fixation cross',
	right: 'Right',
	wrong: (answer: string) => `Not this time: the answer was “${answer}”`,
	notSaved: 'This browser does not let the page store anything: your answers last for this visit only.',
	breakTitle: 'Practice done',
	breakText: (n: string) =>
		`Now the measured block: ${n} trials, no feedback. Answer as fast as you can without guessing wildly. You can stop at any time and resume later.`,
	resumeTitle: 'Welcome back',
	resumeText: (done: string, total: string) =>
		`${done} of ${total} measured trials are done. The next one continues where you stopped.`,
	startTest: 'Start the measured block',
	stoppedTitle: 'Stopped',
	stoppedText: (done: string, total: string) =>
		`${done} of ${total} measured trials done and saved in this browser. Continue now, or come back later with the same participant code.`,
	continue: 'Continue',
	resultsTitle: 'Your results beside the networks',
	resultsLead: (code: string) =>
		`Participant ${code}. The networks answered the same pictures, shown at their own input size (20 × 20 pixels).`,
	studyFace: (name: string, i: number) => `${name}, picture ${i}`,
	network: {
		label: 'Networks:',
		idle: 'not started.',
		starting: 'starting the training worker…',
		data: (done: string, total: string) =>
			`no model is trained on this page yet, so both are trained now with the lab’s default settings: drawing the faces (${done} of ${total})…`,
		training: (step: string, total: string) =>
			`training softmax and ArcFace with the lab’s default settings: step ${step} of ${total}. You can start meanwhile.`,
		answering: 'answering your trials…',
		done: (step: string, a: string, b: string) =>
			`trained for ${step} steps (held-out accuracy: softmax ${a} %, ArcFace ${b} %) and have answered every measured trial.`,
		doneShort: 'trained, and have answered every measured trial.',
		error: (msg: string) =>
			`could not be trained or asked here (${msg}). Your own results are unaffected; reload the page to try again.`
	},
	data: {
		title: 'Your data',
		lead: (n: string) =>
			`${n} answers of this experiment are stored in this browser. Download them for your instructor, or delete them.`,
		json: 'Download JSON',
		csv: 'Download CSV',
		delete: 'Delete my data',
		deleted: 'Deleted: this experiment’s answers are gone from this browser.',
		deleteFailed: 'This browser would not let the page delete its storage.'
	},
	results: {
		you: 'You',
		person: 'person',
		network: 'network',
		chance: (pct: string) => `chance ${pct} %`,
		accuracyAxis: 'Correct (%)',
		accuracy: 'Correct',
		medianRt: 'Median RT (correct trials)',
		noRt: 'no RT',
		trials: 'Trials',
		waitingNetworks: 'The networks have not answered yet: their bars appear as soon as they have.',
		familiar:
			'One difference matters for every comparison here: the networks were trained on these 8 identities, hundreds of pictures of each, so every face in the experiment is someone they know. To you they are strangers, met a few minutes ago. People recognise familiar faces far better than they match unfamiliar ones, so read the networks as a viewer who knows these people well. Where you fall behind them, familiarity may explain part of the gap; where they fall behind you on faces they know, that says something about the networks.'
	},
	inversion: {
		title: 'Faces upside down',
		lead: 'A face, a mask, a second face: the same person or not? Half the pairs are upside down.',
		minutes: 'about 3 minutes',
		instructions: [
			'Each trial shows a cross, then a face for less than a second, then a flicker of grey blocks, then a second face. Decide whether the two pictures show the same person. The pose, light and expression change between the pictures, so do not compare pixels: compare people.',
			'In half the trials both faces are upside down. Upright and upside-down trials are mixed.'
		],
		same: 'Same',
		different: 'Different',
		upright: 'upright',
		inverted: 'upside down',
		chartDescription: (parts: string) =>
			`Bar chart of proportion correct, upright and upside down: ${parts}.`,
		part: (name: string, up: string, inv: string) => `${name} upright ${up}, upside down ${inv}`,
		tableCaption: 'Upright → upside down',
		thresholds: (a: string, b: string, accA: string, accB: string) =>
			`The networks answer “same” when the angle between the two faces’ features is at most a threshold, set on 96 upright pairs of new pictures before the test: softmax ${a}° (${accA} balanced accuracy on those pairs), ArcFace ${b}° (${accB}). d′ counts “different” as the signal.`,
		compare:
			'Yin (1969) found that turning pictures upside down hurts memory for faces more than for other objects people see one way up. The lesson on face perception gives the size of the effect in large studies and explains what your numbers mean.'
	},
	morph: {
		title: 'Where does A end?',
		lead: 'Faces morphed step by step from person A to person B: label each one A or B.',
		minutes: 'about 2 minutes',
		instructions: [
			'First you see persons A and B. Then each trial shows one face from a continuum of 9 morphs between them (the face parameters mixed in steps), in a new pose and light each time. Say whether it looks more like A or more like B. There is no right answer in the middle: go with your impression.'
		],
		learn: 'Look at persons A and B: every face in the experiment is a mixture of these two.',
		fitted: 'fitted logistic',
		yAxis: 'Answered “A” (%)',
		xAxis: 'Morph position (0 = A, 1 = B)',
		chartDescription: (points: string, x0: string, nets: string) =>
			`Line chart of the share of A answers along the continuum. You: ${points}; your fitted boundary at ${x0}. Networks: ${nets}.`,
		netPart: (name: string, x0: string) => `${name}’s fitted boundary at ${x0}`,
		tableCaption: 'Category boundary and steepness',
		boundary: 'Boundary (P(A) = ½)',
		slope: 'Steepness (ΔP per unit)',
		interval: (lo: string, hi: string) => `95 % interval ${lo}–${hi}`,
		outside: 'outside the continuum',
		separated: 'no mixed answers: steepness set by the fit’s prior',
		slopeNote: (n: string) =>
			`Your boundary and steepness come from a logistic fit to your ${n} answers; the steepness is the slope of the curve at the boundary. A network’s P(A) is its own classifier restricted to A and B (softmax over the two classes’ scores: xW + b for softmax, s·cos θ for ArcFace, without the margin); its boundary and steepness come from the same logistic, fitted to its P(A) on each trial.`,
		compare:
			'Beale & Keil (1995) found that people tell apart two morphs of familiar faces more easily when they lie on opposite sides of the boundary than when they lie on the same side: categorical perception. Does the margin make ArcFace’s boundary sharper than softmax’s? Compare the steepness column.'
	},
	caricature: {
		title: 'Caricatures',
		lead: 'Learn three faces, then recognise them exaggerated, as they are, or toned down towards the average face.',
		minutes: 'about 3 minutes',
		instructions: [
			'First you learn three people (1, 2 and 3). Then each trial shows one of them, in a new pose and light, and you say who it is.',
			'Some faces are caricatures: everything that makes the person differ from the average face is made 50 % stronger. Some are anti-caricatures: those differences are halved. The rest are as learned.'
		],
		learn: 'Learn these three people. Each is shown twice, in two different pictures.',
		person: (r: string) => `Person ${r}`,
		conditions: { anti: 'anti-caricature', veridical: 'as learned', caricature: 'caricature' },
		chartDescription: (parts: string) => `Bar chart of proportion correct by version: ${parts}.`,
		tableCaption: 'By version of the face',
		cosine: 'mean cos to the person’s centre',
		trialsNote: (n: string) =>
			`From your ${n} measured answers. A network answers with the learned person whose class centre is nearest by cosine; the table also gives that cosine and the feature norm ‖x‖, which ArcFace’s cosine logit ignores.`,
		compare:
			'Rhodes, Brennan & Carey (1987) found caricatures of familiar faces identified faster than veridical drawings; with photographic caricatures the advantage is weaker. Face cells in monkeys respond more the farther a face lies from the average (Leopold, Bondar & Giese 2006): a norm, where a cosine logit keeps only the direction.'
	}
};

export const zh: typeof en = {
	nav: '实验',
	indexTitle: '实验：你与网络',
	indexLead:
		'三个简短的人脸知觉实验，与心理学家做的实验同一类型，使用本站自己的合成人脸。你是被试；实验室的两个网络（softmax 与 ArcFace，在你的浏览器中训练）回答完全相同的试次，你的结果与它们的结果画在一起。每个实验约 2–4 分钟，可用键盘或点按。',
	privacy:
		'你的回答只保存在这个浏览器中，不会发送到任何地方。你可以随时下载（CSV 或 JSON，供教师的全班视图使用）或删除。',
	demo: (n: number) => `演示长度：${count(n)} 个正式试次（由地址中的 ?trials= 设定）。去掉它即为完整实验。`,
	howTitle: '实验流程',
	keysHint: (keys: string) => `用按键作答（${keys}），或点按人脸下方的大按钮。`,
	length: (practice: string, test: string, minutes: string) =>
		`先做 ${practice} 个有反馈的练习试次，再做 ${test} 个无反馈的正式试次（${minutes}）。按“开始”之前不会计时。`,
	lengthDemo: (practice: string, test: string) =>
		`先做 ${practice} 个有反馈的练习试次，再做 ${test} 个无反馈的正式试次。按“开始”之前不会计时。`,
	codeLabel: '被试编号（可不填）',
	codeHint: '不要填姓名：输入教师给你的编号，或留空以生成随机编号。它让你在全班图中找到自己的点。',
	start: '开始',
	resume: (done: string, total: string) => `继续（已完成 ${done} / ${total} 个正式试次）`,
	learnTitle: '先看这些人脸',
	startPractice: '看好了：开始练习',
	practice: '练习',
	measured: '正式测试',
	trialOf: (k: string, n: string) => `第 ${k} / ${n} 个试次`,
	stop: '停止',
	progressLabel: '已完成的试次',
	screenLabel: '实验画面：人脸、遮罩或注视十字',
	right: '正确',
	wrong: (answer: string) => `这次不对：正确答案是“${answer}”`,
	notSaved: '这个浏览器不允许页面保存数据：你的回答只在本次访问中保留。',
	breakTitle: '练习结束',
	breakText: (n: string) =>
		`接下来是正式测试：${n} 个试次，没有反馈。尽量快速作答，但不要乱猜。你可以随时停止，以后再继续。`,
	resumeTitle: '欢迎回来',
	resumeText: (done: string, total: string) => `已完成 ${done} / ${total} 个正式试次，将从你停下的地方继续。`,
	startTest: '开始正式测试',
	stoppedTitle: '已停止',
	stoppedText: (done: string, total: string) =>
		`已完成 ${done} / ${total} 个正式试次，并已保存在这个浏览器中。现在继续，或以后用同一个被试编号回来。`,
	continue: '继续',
	resultsTitle: '你的结果与网络的对比',
	resultsLead: (code: string) =>
		`被试 ${code}。网络回答的是同样的图片，只是按它们自己的输入尺寸（20 × 20 像素）呈现。`,
	studyFace: (name: string, i: number) => `${name}，第 ${i} 张图片`,
	network: {
		label: '网络：',
		idle: '尚未开始。',
		starting: '正在启动训练线程……',
		data: (done: string, total: string) =>
			`本页还没有训练好的模型，因此现在用实验室的默认设置训练两个模型：正在生成人脸（${done} / ${total}）……`,
		training: (step: string, total: string) =>
			`正在用实验室的默认设置训练 softmax 与 ArcFace：第 ${step} / ${total} 步。你可以同时开始实验。`,
		answering: '正在回答你的试次……',
		done: (step: string, a: string, b: string) =>
			`已训练 ${step} 步（留出集准确率：softmax ${a} %，ArcFace ${b} %），并已回答全部正式试次。`,
		doneShort: '已训练完毕，并已回答全部正式试次。',
		error: (msg: string) => `无法在此训练或询问网络（${msg}）。你自己的结果不受影响；重新加载页面可再试一次。`
	},
	data: {
		title: '你的数据',
		lead: (n: string) => `本实验的 ${n} 条回答保存在这个浏览器中。可下载交给教师，或删除。`,
		json: '下载 JSON',
		csv: '下载 CSV',
		delete: '删除我的数据',
		deleted: '已删除：本实验的回答已从这个浏览器中清除。',
		deleteFailed: '这个浏览器不允许页面删除其存储。'
	},
	results: {
		you: '你',
		person: '人',
		network: '网络',
		chance: (pct: string) => `随机水平 ${pct} %`,
		accuracyAxis: '正确率（%）',
		accuracy: '正确率',
		medianRt: '反应时中位数（正确试次）',
		noRt: '无反应时',
		trials: '试次数',
		waitingNetworks: '网络尚未作答：它们一回答完，柱子就会出现。',
		familiar:
			'这里的每一项比较都受一个差别影响：网络是用这 8 个身份训练的，每人有数百张图片，所以实验中的每张脸对它们来说都是熟人；对你来说，这些人却是几分钟前才见到的陌生人。人识别熟悉面孔的能力远强于匹配陌生面孔，所以请把网络看作一位熟识这些人的观察者。你落后于网络的地方，一部分差距可能来自熟悉度；网络在它们熟悉的面孔上反而落后于你的地方，则说明了网络自身的特点。'
	},
	inversion: {
		title: '倒置的人脸',
		lead: '一张人脸、一个遮罩、第二张人脸：是同一个人吗？一半的配对是倒置的。',
		minutes: '约 3 分钟',
		instructions: [
			'每个试次先出现一个十字，然后一张人脸呈现不到一秒，接着闪过一片灰色方块，最后出现第二张人脸。判断两张图片是否为同一个人。两张图片之间姿态、光照和表情都会变化，所以不要比较像素，而要比较人。',
			'一半试次中两张人脸都是倒置的。正立与倒置试次随机混合。'
		],
		same: '相同',
		different: '不同',
		upright: '正立',
		inverted: '倒置',
		chartDescription: (parts: string) => `正立与倒置正确率的柱状图：${parts}。`,
		part: (name: string, up: string, inv: string) => `${name} 正立 ${up}，倒置 ${inv}`,
		tableCaption: '正立 → 倒置',
		thresholds: (a: string, b: string, accA: string, accB: string) =>
			`当两张人脸特征之间的夹角不超过阈值时，网络回答“相同”。阈值在测试前用 96 对新的正立图片设定：softmax ${a}°（在这些配对上的平衡准确率 ${accA}），ArcFace ${b}°（${accB}）。d′ 以“不同”为信号。`,
		compare:
			'Yin（1969）发现，把图片倒过来对人脸记忆的损害大于对其他通常只以一种朝向出现的物体。人脸知觉一课给出大样本研究中的效应大小，并解释你的数字意味着什么。'
	},
	morph: {
		title: 'A 在哪里结束？',
		lead: '从人物 A 逐步变形到人物 B 的人脸：把每一张标为 A 或 B。',
		minutes: '约 2 分钟',
		instructions: [
			'先看人物 A 和 B。之后每个试次呈现二者之间 9 级变形连续体中的一张人脸（人脸参数按步长混合），每次姿态和光照都不同。判断它更像 A 还是更像 B。中间没有正确答案：凭你的印象作答。'
		],
		learn: '请看人物 A 和 B：实验中的每一张人脸都是这两人的混合。',
		fitted: '拟合的逻辑斯蒂曲线',
		yAxis: '回答“A”（%）',
		xAxis: '变形位置（0 = A，1 = B）',
		chartDescription: (points: string, x0: string, nets: string) =>
			`沿连续体回答 A 的比例的折线图。你：${points}；你拟合的边界在 ${x0}。网络：${nets}。`,
		netPart: (name: string, x0: string) => `${name} 拟合的边界在 ${x0}`,
		tableCaption: '类别边界与陡峭程度',
		boundary: '边界（P(A) = ½）',
		slope: '陡峭程度（每单位 ΔP）',
		interval: (lo: string, hi: string) => `95 % 区间 ${lo}–${hi}`,
		outside: '在连续体之外',
		separated: '没有混合的回答：陡峭程度由拟合的先验决定',
		slopeNote: (n: string) =>
			`你的边界和陡峭程度来自对你 ${n} 个回答的逻辑斯蒂拟合；陡峭程度是曲线在边界处的斜率。网络的 P(A) 是把它自己的分类器限制在 A 与 B 两类上（对两类得分做 softmax：softmax 模型用 xW + b，ArcFace 用不带间隔的 s·cos θ）；其边界和陡峭程度来自同一个逻辑斯蒂模型，对它在每个试次上的 P(A) 拟合。`,
		compare:
			'Beale 与 Keil（1995）发现，对于熟悉的人脸，两张变形图位于边界两侧时比位于同一侧时更容易区分：这就是范畴知觉。间隔是否让 ArcFace 的边界比 softmax 更陡？请比较“陡峭程度”一栏。'
	},
	caricature: {
		title: '漫画化',
		lead: '先记住三张人脸，再辨认它们被夸张、保持原样或向平均脸弱化后的版本。',
		minutes: '约 3 分钟',
		instructions: [
			'先记住三个人（1、2、3）。之后每个试次以新的姿态和光照呈现其中一人，你说出是谁。',
			'有些人脸是漫画化的：这个人与平均脸的所有差异都被放大 50 %。有些是反漫画化的：这些差异被减半。其余与记住时一样。'
		],
		learn: '记住这三个人。每人以两张不同的图片呈现。',
		person: (r: string) => `人物 ${r}`,
		conditions: { anti: '反漫画', veridical: '原样', caricature: '漫画' },
		chartDescription: (parts: string) => `按版本的正确率柱状图：${parts}。`,
		tableCaption: '按人脸版本',
		cosine: '与该人中心的平均 cos',
		trialsNote: (n: string) =>
			`来自你的 ${n} 个正式回答。网络以余弦最接近的已学人物类中心作答；表中还给出该余弦和特征范数 ‖x‖（ArcFace 的余弦 logit 忽略了它）。`,
		compare:
			'Rhodes、Brennan 与 Carey（1987）发现，熟悉人脸的漫画比原样线条画辨认得更快；对照片级的漫画，这一优势较弱。猴子的面孔细胞对离平均脸越远的人脸反应越强（Leopold、Bondar 与 Giese 2006）：这是一种以常模为参照的编码，而余弦 logit 只保留方向。'
	}
};
