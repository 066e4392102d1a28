/** Strings of presenter mode. */
export const en = {
	toggle: 'Presenter mode',
	toggleHint: 'Large type and lines for a projector (P)',
	on: 'Presenter mode is on: press P or the button to leave it.',
	key: 'Presenter mode on or off (any page)'
};

export const zh: typeof en = {
	toggle: '演示模式',
	toggleHint: '投影用的大字号和粗线条（P）',
	on: '演示模式已开启：按 P 或该按钮退出。',
	key: '开关演示模式（任何页面）'
};
