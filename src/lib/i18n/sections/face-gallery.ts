/** Strings of the face gallery: the synthetic identities under nuisance variation (no training). */
export const en = {
	title: 'The faces: eight identities and what changes a photo',
	caption:
		'Each row is one synthetic identity, each image a fresh draw of the nuisance factors: pose, tilt, lighting, expression, scale and position, pixel noise and occluders. Turn them up and two photos of the same person drift apart pixel by pixel. That is the variation a face-recognition network has to learn to ignore.',
	factorsLegend: 'Nuisance factors (0 = none, 1 = strong)',
	factors: {
		yaw: 'Pose (head turned left or right)',
		tilt: 'Tilt (head rolled or nodding)',
		lighting: 'Lighting',
		expression: 'Expression',
		scaleShift: 'Scale and position',
		noise: 'Pixel noise',
		occluder: 'Occluders (glasses, mask)'
	},
	allZero: 'All at 0',
	defaults: 'Defaults',
	imagesLegend: 'Images',
	seed: 'Seed',
	resample: 'Draw new faces',
	sizeLegend: 'Image size',
	size20: '20 × 20 px (what the network sees)',
	size48: '48 × 48 px (a closer look)',
	identity: (i: number) => `ID ${i + 1}`,
	sample: (i: number, k: number) => `Identity ${i + 1}, photo ${k + 1}`,
	drawing: 'Drawing…',
	gridLabel: (faces: number, size: number) => `${faces} sample faces at ${size} × ${size} pixels`,
	summary: (within: string, between: string, nearest: number, faces: number) =>
		`At these settings two photos of one person differ by ${within} grey levels per pixel on average (root mean square, out of 255), two different people by ${between}. Matching raw pixels, the closest other photo shows the same person for ${nearest} of ${faces} faces.`,
	overlap:
		' For most faces the closest photo in raw pixels now shows someone else: pixel distance alone no longer tells these people apart.'
};

export const zh: typeof en = {
	title: '人脸：八个身份，以及让照片变样的因素',
	caption:
		'每一行是一个合成身份，每张图都是干扰因素的一次新抽样：姿态、倾斜、光照、表情、缩放与位置、像素噪声和遮挡物。把它们调大，同一个人的两张照片在像素上就会越来越不一样。人脸识别网络必须学会忽略的，正是这种变化。',
	factorsLegend: '干扰因素（0 = 没有，1 = 很强）',
	factors: {
		yaw: '姿态（头向左右转）',
		tilt: '倾斜（头歪或点头）',
		lighting: '光照',
		expression: '表情',
		scaleShift: '缩放与位置',
		noise: '像素噪声',
		occluder: '遮挡物（眼镜、口罩）'
	},
	allZero: '全部设为 0',
	defaults: '恢复默认',
	imagesLegend: '图像',
	seed: '随机种子',
	resample: '重新抽取人脸',
	sizeLegend: '图像尺寸',
	size20: '20 × 20 像素（网络看到的大小）',
	size48: '48 × 48 像素（看得更清楚）',
	identity: (i: number) => `身份 ${i + 1}`,
	sample: (i: number, k: number) => `身份 ${i + 1}，第 ${k + 1} 张照片`,
	drawing: '正在绘制…',
	gridLabel: (faces: number, size: number) => `${faces} 张样本人脸，${size} × ${size} 像素`,
	summary: (within: string, between: string, nearest: number, faces: number) =>
		`在当前设置下，同一个人的两张照片平均每个像素相差 ${within} 个灰度级（均方根，满量程 255），两个不同的人相差 ${between}。如果直接比较像素，${faces} 张脸中有 ${nearest} 张最接近的另一张照片是同一个人。`,
	overlap: '现在大多数人脸在像素上最接近的照片都是别人：仅凭像素距离已无法区分这些人。'
};
