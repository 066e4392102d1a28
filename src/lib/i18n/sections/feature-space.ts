import { count } from '../number';

/** Strings of the feature circle when the feature is not 2-D: the sphere (D = 3) and the projection (D > 3). */
export const en = {
	sphereLabel: (title: string) =>
		`${title}. A sphere you can turn: drag it, or focus it and use the arrow keys.`,
	sphereHint:
		'Drag the sphere sideways (with a mouse: any way), use the buttons, or focus it and press the arrow keys. Faint points are on the far side.',
	sphereRotation: (lon: string, lat: string) => `View centred on longitude ${lon}°, latitude ${lat}°`,
	sphereReset: 'Front view',
	turnLeft: 'Turn the sphere left',
	turnRight: 'Turn the sphere right',
	tiltUp: 'Tilt the sphere up',
	tiltDown: 'Tilt the sphere down',
	sphereRaw:
		'Softmax’s 3-D features are drawn by direction only: their lengths, which vary, are not shown on the sphere.',
	projection: (dim: number) =>
		`A projection, not the whole space: the ${dim}-D features on their two principal directions (uncentred PCA: the plane through the origin that keeps the most of Σ‖x‖²; each panel says how much). Angles between the points on the page are not the true angles.`,
	projectionShort: (dim: number, share: string) => `${dim}-D → 2-D projection, keeps ${share}\u00a0%`,
	projectionUnit:
		'Normalised losses: unit features, so a point inside the dashed circle has part of its length off the page.',
	repeats: (k: number) =>
		`${count(k)} identities: the 8 colours and marker shapes repeat (identity 9 looks like 1, 17 like 1 and 9).`,
	panelDescription: (loss: string, acc: string, theta: string, n: number, dim: number, k: number) =>
		`${loss}: ${count(n)} held-out faces of ${count(k)} identities, ${dim}-D features. Held-out accuracy ${acc}\u00a0%, mean angle to the own class centre ${theta}°.`
};

export const zh: typeof en = {
	sphereLabel: (title: string) => `${title}。可以转动的球面：拖动它，或先聚焦再用方向键。`,
	sphereHint:
		'左右拖动球面（用鼠标可向任意方向拖动）、点按钮，或聚焦后按方向键，都可以转动它。颜色较淡的点在球的背面。',
	sphereRotation: (lon: string, lat: string) => `视图中心：经度 ${lon}°，纬度 ${lat}°`,
	sphereReset: '正面视图',
	turnLeft: '向左转动球面',
	turnRight: '向右转动球面',
	tiltUp: '向上倾斜球面',
	tiltDown: '向下倾斜球面',
	sphereRaw: 'softmax 的三维特征在球面上只按方向画出：它们长短不一，长度在球面上看不到。',
	projection: (dim: number) =>
		`这是投影，不是整个空间：把 ${dim} 维特征投到两个主方向上（不去均值的 PCA：过原点、保留 Σ‖x‖² 最多的平面；每个面板标出保留了多少）。页面上点与点之间的角度并不是真实的夹角。`,
	projectionShort: (dim: number, share: string) => `${dim} 维 → 2 维投影，保留 ${share}\u00a0%`,
	projectionUnit: '归一化的损失：特征是单位向量，落在虚线圆内的点有一部分长度不在这个平面上。',
	repeats: (k: number) =>
		`共 ${count(k)} 个身份：8 种颜色和标记形状循环使用（身份 9 与 1 看起来一样，17 与 1、9 一样）。`,
	panelDescription: (loss: string, acc: string, theta: string, n: number, dim: number, k: number) =>
		`${loss}：${count(k)} 个身份的 ${count(n)} 张留出人脸，${dim} 维特征。留出集准确率 ${acc}\u00a0%，到本类中心的平均夹角 ${theta}°。`
};
