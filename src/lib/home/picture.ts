/** The home page's picture: one real run of the lab's defaults (written by scripts/home-picture.ts). */

export interface HomePictureModel {
	/** the loss's catalogue name */
	loss: string;
	/** held-out accuracy (0–1) and mean θ_y in degrees, over the whole held-out set */
	testAcc: number;
	testThetaYDeg: number;
	/** 2-D held-out features of the kept faces, same order as `labels` */
	points: [number, number][];
	/** class centres, one per identity */
	centres: [number, number][];
}

export interface HomePicture {
	seed: number;
	steps: number;
	/** identity of each kept held-out face */
	labels: number[];
	models: [HomePictureModel, HomePictureModel];
}

/** Share of the kept faces whose feature is nearest in angle to its own class centre (cosine, as the lab). */
export function nearestCentreAccuracy(m: HomePictureModel, labels: number[]): number {
	let right = 0;
	m.points.forEach(([x, y], i) => {
		let best = -1;
		let bestCos = -Infinity;
		m.centres.forEach(([cx, cy], j) => {
			const c = (x * cx + y * cy) / (Math.hypot(x, y) * Math.hypot(cx, cy) || 1);
			if (c > bestCos) [best, bestCos] = [j, c];
		});
		if (best === labels[i]) right++;
	});
	return labels.length ? right / labels.length : 0;
}
