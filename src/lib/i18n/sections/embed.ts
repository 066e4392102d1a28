/** Strings of the embeds and of the embed-code builder on /teach. */
export const en = {
	openFull: 'Open this lesson in Margin Lab (new tab)',
	notStarted:
		'This embed could not start. If the course page puts it in a sandboxed frame, the sandbox must allow both allow-scripts and allow-same-origin (the instructor guide on /teach/ has the code).',
	builder: {
		heading: 'Embed-code builder',
		lead: 'Choose a figure or a whole lesson, set the figure up in the preview exactly as students should first see it, then copy the code into your course page (in Moodle, Canvas or Blackboard: an HTML block or the editor’s source view).',
		kind: 'What to embed',
		kindFigure: 'One figure',
		kindLesson: 'A whole lesson',
		figure: 'Figure',
		lesson: 'Lesson',
		language: 'Language',
		controls: 'Controls students see',
		controlsAll: 'All controls',
		controlsRun: 'Only Train, Step and Reset',
		controlsNone: 'None (the figure as set, or driven by your page)',
		controlsRunStatic:
			'This figure is drawn from the formulas and does not train, so with these controls it shows none: students see it as you set it in the preview.',
		hideHeading: 'Hide these lab controls',
		origin: 'Your course site’s address (optional)',
		originHint:
			'With an address such as https://moodle.example.edu the embed only obeys messages from that site and reports its height only to it.',
		originBad: 'That is not a web address starting with https:// or http:// — it is left out of the code.',
		height: 'Starting height (px)',
		sandbox:
			'Add a sandbox attribute (only if your site requires one): it grants what the embed needs, scripts, its own origin, and links that open in a new tab',
		resize:
			'Add the script that resizes the frame to fit (Moodle or Blackboard pages that allow scripts; Canvas removes scripts and resizes the frame by itself)',
		preview: 'Preview — change the figure here; the code follows',
		code: 'Embed code',
		copy: 'Copy code',
		copied: 'Copied to the clipboard.',
		copyFailed: 'Copying was refused by the browser: select the code and copy it by hand.',
		settingsNote: (q: string) => (q ? `Settings in the code: ${q}` : 'The figure’s default settings.'),
		frameTitle: (what: string) => `Margin Lab: ${what}`
	}
};

export const zh: typeof en = {
	openFull: '在 Margin Lab 中打开本课（新标签页）',
	notStarted:
		'嵌入内容无法启动。如果课程页面把它放在带 sandbox 的框架里，sandbox 必须同时允许 allow-scripts 和 allow-same-origin（/teach/ 的教师指南里有代码）。',
	builder: {
		heading: '嵌入代码生成器',
		lead: '选一张图或一整课，在预览里把图调成学生第一眼应看到的样子，再把代码复制到课程页面（Moodle、Canvas 或 Blackboard 中用 HTML 块或编辑器的源代码视图）。',
		kind: '嵌入什么',
		kindFigure: '一张图',
		kindLesson: '一整课',
		figure: '图',
		lesson: '课',
		language: '语言',
		controls: '学生能看到的控件',
		controlsAll: '全部控件',
		controlsRun: '只有训练、单步和重置',
		controlsNone: '不显示（图保持设定，或由你的页面控制）',
		controlsRunStatic:
			'这张图由公式直接画出，不需要训练，所以选这一项时它不显示任何控件：学生看到的就是你在预览里设好的样子。',
		hideHeading: '隐藏这些实验控件',
		origin: '课程网站地址（可选）',
		originHint: '填入例如 https://moodle.example.edu 后，嵌入页只听从该网站发来的消息，也只向它报告高度。',
		originBad: '这不是以 https:// 或 http:// 开头的网址，生成代码时不会使用。',
		height: '初始高度（像素）',
		sandbox:
			'添加 sandbox 属性（仅当你的网站要求时）：它只授予嵌入页所需的权限——脚本、自身来源，以及在新标签页打开的链接',
		resize:
			'附上让框架自动适应高度的脚本（用于允许脚本的 Moodle 或 Blackboard 页面；Canvas 会删去脚本，自己调整框架高度）',
		preview: '预览——在这里调整图，代码会随之更新',
		code: '嵌入代码',
		copy: '复制代码',
		copied: '已复制到剪贴板。',
		copyFailed: '浏览器拒绝了复制：请选中代码手动复制。',
		settingsNote: (q: string) => (q ? `代码中的设置：${q}` : '图的默认设置。'),
		frameTitle: (what: string) => `Margin Lab：${what}`
	}
};
