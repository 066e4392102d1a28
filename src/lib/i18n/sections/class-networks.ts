/** Strings of the networks' side of the class view on /teach/ (ClassNetworksPanel, its status line). */
export const en = {
	title: 'The networks on the same trials',
	lead: 'This trains the lab’s two networks (softmax and ArcFace, default settings and seed) here in this browser, 400 steps as on each experiment page, then has them answer the measured trials of all three experiments: the full-length blocks, the same pictures every student of a full block saw (a shorter demo, ?trials=, draws pictures of its own). Their values then appear in every plot beside the class. You can press it before the files arrive; dropping or clearing files keeps the answers.',
	known:
		'Keep in mind when you compare: the networks were trained on these 8 identities, so every face in the experiments is someone they know, while to the students they are strangers met a few minutes earlier. People recognise familiar faces far better than they match unfamiliar ones, so the networks stand for a viewer who knows these people well, not for a student.',
	compute: 'Compute the networks’ answers',
	again: 'Try again',
	status: {
		label: 'Networks:',
		idle: 'not started.',
		starting: 'starting the training worker…',
		data: (done: string, total: string) =>
			`no model is trained on this page yet, so both are trained now with the lab’s default settings: drawing the faces (${done} of ${total})…`,
		training: (step: string, total: string) =>
			`training softmax and ArcFace with the lab’s default settings: step ${step} of ${total}. You can keep adding files meanwhile.`,
		answering: 'answering the measured trials of the three experiments…',
		done: (step: string, a: string, b: string) =>
			`trained for ${step} steps (held-out accuracy: softmax ${a} %, ArcFace ${b} %) and have answered every measured trial of the three experiments; they are drawn beside the class.`,
		doneShort: 'trained, and have answered every measured trial; they are drawn beside the class.',
		error: (msg: string) =>
			`could not be trained or asked here (${msg}). The class plots are unaffected; press Try again.`
	}
};

export const zh: typeof en = {
	title: '网络回答同样的试次',
	lead: '这会在本浏览器中训练实验室的两个网络（softmax 与 ArcFace，默认设置与种子），与每个实验页面一样训练 400 步，然后让它们回答三个实验的全部正式试次：完整长度的试次块，也就是每名做完整试次块的学生看到的同一批图片（缩短的演示版 ?trials= 会另外抽取图片）。之后，每张图中都会在全班结果旁画出它们的数值。可以在文件到齐之前就按下；添加或清除文件不会丢失网络的回答。',
	known:
		'比较时请记住：网络是用这 8 个身份训练的，实验中的每张脸对它们来说都是熟人；而对学生来说，这些人是几分钟前才见到的陌生人。人识别熟悉面孔的能力远强于匹配陌生面孔，所以网络代表的是一位熟识这些人的观察者，而不是一名学生。',
	compute: '计算网络的回答',
	again: '再试一次',
	status: {
		label: '网络：',
		idle: '尚未开始。',
		starting: '正在启动训练线程……',
		data: (done: string, total: string) =>
			`本页还没有训练好的模型，因此现在用实验室的默认设置训练两个模型：正在生成人脸（${done} / ${total}）……`,
		training: (step: string, total: string) =>
			`正在用实验室的默认设置训练 softmax 与 ArcFace：第 ${step} / ${total} 步。期间可以继续添加文件。`,
		answering: '正在回答三个实验的正式试次……',
		done: (step: string, a: string, b: string) =>
			`已训练 ${step} 步（留出集准确率：softmax ${a} %，ArcFace ${b} %），并已回答三个实验的全部正式试次；已画在全班结果旁。`,
		doneShort: '已训练完毕，并已回答全部正式试次；已画在全班结果旁。',
		error: (msg: string) => `无法在此训练或询问网络（${msg}）。全班的图不受影响；请按“再试一次”。`
	}
};
