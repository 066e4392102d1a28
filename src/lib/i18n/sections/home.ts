/** Strings of the home page and of the "page not found" page. */
export const en = {
	lead: 'Train a small face-recognition network in your browser and watch how an angular margin pulls each person’s faces together and pushes different people apart.',
	waysLabel: 'Where to start',
	start: {
		title: 'Start the course',
		text: (n: number, first: string) =>
			`${n} short lessons with questions to check yourself. Lesson 1: ${first}.`
	},
	lab: {
		title: 'Open the lab',
		text: 'Train two networks side by side on synthetic faces and change the loss, the margin and the faces.'
	},
	teach: {
		title: 'For instructors',
		text: 'A class plan, presenter mode for the projector, and embed codes for a course site or LMS.'
	},
	picture: {
		title: 'What the lab draws',
		panel: (loss: string, acc: string) => `${loss}: ${acc} held-out accuracy`,
		caption: (steps: number, seed: number) =>
			`One real run of the lab’s default settings (seed ${seed}, ${steps} training steps on the same batches for both models), computed when the site was built. Each mark is the 2-D feature of a held-out face; colour and shape give its identity, one of 8 synthetic people; each line points at an identity’s class centre. Softmax spreads faces in fans of different lengths; ArcFace puts them on a circle, each identity in its own arc.`,
		label: (softAcc: string, arcAcc: string) =>
			`Two scatter plots of face features after training. Left, softmax: fans from the centre, held-out accuracy ${softAcc}. Right, ArcFace: tight arcs around a circle, held-out accuracy ${arcAcc}.`
	},
	about: 'About this course',
	lessonsLink: 'All lessons',
	notFound: {
		title: 'Page not found',
		text: 'There is no page at this address. It may have moved, or the link may have a typo.',
		home: 'Go to the home page',
		lessons: 'See all lessons',
		error: 'Something went wrong',
		errorText: (status: number) => `The page could not be shown (error ${status}).`
	}
};

export const zh: typeof en = {
	lead: '在浏览器里训练一个小型人脸识别网络，看角度间隔怎样把同一个人的脸聚拢、把不同的人推开。',
	waysLabel: '从哪里开始',
	start: {
		title: '开始学习课程',
		text: (n: number, first: string) => `共 ${n} 节短课，每课都有自测题。第 1 课：${first}。`
	},
	lab: {
		title: '打开实验室',
		text: '在合成人脸上并排训练两个网络，可以改变损失函数、间隔和人脸。'
	},
	teach: {
		title: '教师专区',
		text: '课堂安排、适合投影的演示模式，以及嵌入课程网站或学习管理系统的代码。'
	},
	picture: {
		title: '实验室画出的是什么',
		panel: (loss: string, acc: string) => `${loss}：留出集准确率 ${acc}`,
		caption: (steps: number, seed: number) =>
			`实验室默认设置下的一次真实训练（种子 ${seed}，两个模型在相同批次上各训练 ${steps} 步），在网站构建时算出。每个标记是一张留出人脸的二维特征；颜色和形状表示身份，共 8 个合成的人；每条线指向一个身份的类中心。Softmax 把人脸摊成长短不一的扇形；ArcFace 把它们放到圆上，每个身份占据自己的一段弧。`,
		label: (softAcc: string, arcAcc: string) =>
			`训练后人脸特征的两张散点图。左为 softmax：从中心散开的扇形，留出集准确率 ${softAcc}。右为 ArcFace：沿圆排列的紧凑弧段，留出集准确率 ${arcAcc}。`
	},
	about: '关于本课程',
	lessonsLink: '全部课程',
	notFound: {
		title: '找不到这个页面',
		text: '这个地址上没有页面。它可能已经移动，或者链接里有错字。',
		home: '回到首页',
		lessons: '查看全部课程',
		error: '出了点问题',
		errorText: (status: number) => `无法显示这个页面（错误 ${status}）。`
	}
};
