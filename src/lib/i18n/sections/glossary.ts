/** Strings of the glossary page (/glossary/) and of its link on every lesson page. */
export const en = {
	title: 'Glossary',
	lead: 'The terms the course uses, each with its Chinese counterpart and a one-line definition. The Chinese notes use exactly these terms.',
	avoid: (words: string) => `Not: ${words}`,
	link: 'Glossary of terms (English and Chinese)'
};

export const zh: typeof en = {
	title: '术语表',
	lead: '本课程使用的术语，每条都附有英文原词和一句话定义。中文笔记一律采用这里的译名。',
	avoid: (words: string) => `不用：${words}`,
	link: '术语表（中英对照）'
};
