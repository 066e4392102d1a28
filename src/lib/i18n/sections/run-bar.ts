/** Strings of the lab's compact run bar (a phone: it stays on screen once the full controls scroll away). */
export const en = {
	label: 'Training, always at hand',
	settings: 'Settings',
	toSettings: 'Go to the settings',
	circles: 'Circles',
	toCircles: 'Back to the feature circles'
};

export const zh: typeof en = {
	label: '训练控制（始终可见）',
	settings: '设置',
	toSettings: '跳到设置',
	circles: '特征圆',
	toCircles: '回到特征圆'
};
