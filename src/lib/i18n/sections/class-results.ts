import { count } from '../number';

/** Strings of the class view on /teach/: students' experiment results files pooled in the browser. */
export const en = {
	title: 'Class results from the experiments',
	lead: 'At the end of each experiment on the Experiments page, every student downloads a results file. Drop any number of these files here, JSON or CSV. They are read in this browser only: nothing is uploaded, and leaving the page forgets them.',
	experimentsLink: 'The experiments',
	drop: 'Drop results files here',
	or: 'or',
	choose: 'Choose files',
	clear: 'Clear the class',
	reading: 'Reading the files…',
	filesHeading: 'Files',
	status: {
		good: 'used',
		malformed: 'skipped: damaged',
		duplicate: 'skipped: already loaded',
		foreign: 'skipped: not a results file'
	},
	reasons: {
		ok: (rows: number, who: string) => `${count(rows)} trials from ${who}.`,
		'too-big': 'Larger than 5 MB: not a results file from these experiments.',
		empty: 'The file is empty.',
		binary: 'Not a text file (an image, a document or a spreadsheet?).',
		'not-ours': 'A JSON or CSV file, but not a Margin Lab results file.',
		'bad-json': 'It names the Margin Lab format but is cut off or damaged; ask for a fresh download.',
		'bad-version': 'A version of the results format this page does not know.',
		'no-rows': 'A Margin Lab results file without a single readable trial.',
		seen: 'Every trial in it was already loaded from another file.'
	},
	badRows: (n: number) => `${count(n)} damaged rows skipped.`,
	seenRows: (n: number) => `${count(n)} trials already loaded from another file.`,
	total: (students: number, files: number) =>
		`${count(students)} ${students === 1 ? 'student' : 'students'} from ${count(files)} ${files === 1 ? 'file' : 'files'}.`,
	studentsN: (n: number) => `${count(n)} ${n === 1 ? 'student' : 'students'}`,
	empty: 'No results yet. The plots appear when the first good file is loaded.',
	noData: 'No student in these files has measured trials in this experiment yet.',
	experiments: {
		inversion: 'Faces upside down: sequential matching',
		morph: 'Morph categorisation',
		caricature: 'Caricatures of learned faces'
	},
	conditions: {
		upright: 'upright',
		inverted: 'inverted',
		morph: 'labels',
		abx: 'ABX',
		anti: 'anti-caricature',
		veridical: 'veridical',
		caricature: 'caricature'
	} as Record<string, string>,
	measures: {
		accuracy: 'Accuracy (%)',
		dPrime: 'd′ (sensitivity)',
		criterion: 'Criterion c',
		medianRt: 'Median RT, correct trials (ms)',
		boundary: 'Category boundary (morph position)',
		steepness: 'Steepness at the boundary (per continuum)'
	},
	axis: {
		accuracy: '%',
		dPrime: 'd′',
		criterion: 'c',
		medianRt: 'ms',
		boundary: 'morph position',
		steepness: 'per continuum'
	},
	key: {
		student: 'one student',
		mean: 'class mean and 95 % interval',
		pooled: 'logistic fit to every label of the class',
		network: (label: string) => `network: ${label}`
	},
	morphTitle: 'Psychometric function of the class',
	morphX: 'Morph position (0 = face A, 1 = face B)',
	morphY: 'Share of “A” answers',
	ciNote:
		'Each dot is one student. Intervals are t-based over students (n − 1 degrees of freedom); with one student there is no interval.',
	boundaryOutside: (n: number) =>
		`${count(n)} ${n === 1 ? 'student’s boundary falls' : 'students’ boundaries fall'} outside the continuum and ${n === 1 ? 'is' : 'are'} not plotted.`,
	separated: (n: number) =>
		`${count(n)} ${n === 1 ? 'student’s labels switch' : 'students’ labels switch'} from A to B all at once: the steepness is then unbounded and not plotted (the boundary is).`,
	networksAbsent:
		'The networks are not drawn yet: “Compute the networks’ answers” above trains them and draws them beside the class.',
	dotSummary: (measure: string, parts: string) => `${measure}: ${parts}.`,
	dotPart: (condition: string, n: number, mean: string, low: string, high: string) =>
		low === '–'
			? `${condition} mean ${mean} (${count(n)} ${n === 1 ? 'student' : 'students'})`
			: `${condition} mean ${mean}, 95 % interval ${low} to ${high} (${count(n)} students)`,
	networkPart: (label: string, condition: string, value: string) => `${label} ${condition} ${value}`,
	morphSummary: (n: number, boundary: string, low: string, high: string) =>
		low === '–'
			? `Share of “A” answers along the morph continuum for ${count(n)} students; mean boundary ${boundary}.`
			: `Share of “A” answers along the morph continuum for ${count(n)} students; mean boundary ${boundary} (95 % interval ${low} to ${high}).`,
	table: 'Download the class table (CSV)'
};

export const zh: typeof en = {
	title: '实验的全班结果',
	lead: '学生在“实验”页面完成每个实验后，都会下载一份结果文件。把任意数量的这类文件（JSON 或 CSV）拖到这里。文件只在本浏览器中读取：不会上传，离开页面后即被清除。',
	experimentsLink: '实验',
	drop: '把结果文件拖到这里',
	or: '或',
	choose: '选择文件',
	clear: '清空全班数据',
	reading: '正在读取文件…',
	filesHeading: '文件',
	status: {
		good: '已使用',
		malformed: '已跳过：文件损坏',
		duplicate: '已跳过：已经载入',
		foreign: '已跳过：不是结果文件'
	},
	reasons: {
		ok: (rows: number, who: string) => `来自 ${who} 的 ${count(rows)} 个试次。`,
		'too-big': '文件大于 5 MB：不是这些实验的结果文件。',
		empty: '文件是空的。',
		binary: '不是文本文件（可能是图片、文档或电子表格）。',
		'not-ours': '是 JSON 或 CSV 文件，但不是 Margin Lab 的结果文件。',
		'bad-json': '文件标明了 Margin Lab 格式，但内容不完整或已损坏；请学生重新下载。',
		'bad-version': '本页面不认识这个版本的结果格式。',
		'no-rows': 'Margin Lab 结果文件，但没有一个可读的试次。',
		seen: '其中每个试次都已从另一个文件载入。'
	},
	badRows: (n: number) => `跳过了 ${count(n)} 行损坏的数据。`,
	seenRows: (n: number) => `${count(n)} 个试次已从另一个文件载入。`,
	total: (students: number, files: number) => `${count(students)} 名学生，来自 ${count(files)} 个文件。`,
	studentsN: (n: number) => `${count(n)} 名学生`,
	empty: '还没有结果。载入第一个有效文件后，图表就会出现。',
	noData: '这些文件中还没有学生在这个实验里完成正式试次。',
	experiments: {
		inversion: '倒置的人脸：序列匹配',
		morph: '渐变人脸的分类',
		caricature: '已学人脸的漫画'
	},
	conditions: {
		upright: '正立',
		inverted: '倒置',
		morph: '分类',
		abx: 'ABX',
		anti: '反漫画',
		veridical: '原样',
		caricature: '漫画'
	},
	measures: {
		accuracy: '正确率（%）',
		dPrime: 'd′（敏感度）',
		criterion: '判断标准 c',
		medianRt: '正确试次的反应时中位数（毫秒）',
		boundary: '类别边界（渐变位置）',
		steepness: '边界处的陡度（每条连续体）'
	},
	axis: {
		accuracy: '%',
		dPrime: 'd′',
		criterion: 'c',
		medianRt: '毫秒',
		boundary: '渐变位置',
		steepness: '每条连续体'
	},
	key: {
		student: '一名学生',
		mean: '全班平均值与 95% 区间',
		pooled: '对全班所有分类回答的 logistic 拟合',
		network: (label: string) => `网络：${label}`
	},
	morphTitle: '全班的心理测量函数',
	morphX: '渐变位置（0 = 人脸 A，1 = 人脸 B）',
	morphY: '回答“A”的比例',
	ciNote: '每个点代表一名学生。区间基于学生间的 t 分布（自由度 n − 1）；只有一名学生时没有区间。',
	boundaryOutside: (n: number) => `${count(n)} 名学生的边界落在连续体之外，未画出。`,
	separated: (n: number) =>
		`${count(n)} 名学生的回答在某一步上从 A 一下子全部变成 B：此时陡度没有上限，不画出（边界照常画出）。`,
	networksAbsent: '尚未画出网络：按上方的“计算网络的回答”即可训练它们，并画在全班结果旁。',
	dotSummary: (measure: string, parts: string) => `${measure}：${parts}。`,
	dotPart: (condition: string, n: number, mean: string, low: string, high: string) =>
		low === '–'
			? `${condition}平均 ${mean}（${count(n)} 名学生）`
			: `${condition}平均 ${mean}，95% 区间 ${low} 至 ${high}（${count(n)} 名学生）`,
	networkPart: (label: string, condition: string, value: string) => `${label} ${condition} ${value}`,
	morphSummary: (n: number, boundary: string, low: string, high: string) =>
		low === '–'
			? `${count(n)} 名学生沿渐变连续体回答“A”的比例；平均边界 ${boundary}。`
			: `${count(n)} 名学生沿渐变连续体回答“A”的比例；平均边界 ${boundary}（95% 区间 ${low} 至 ${high}）。`,
	table: '下载全班数据表（CSV）'
};
