/**
 * The psychometric function of the morph experiment (pure, no DOM): a logistic fit by penalised maximum
 * likelihood with Wald intervals for the category boundary and the slope, and the fitted curve.
 */
export interface LogisticFit {
	/** P(response | x) = 1 / (1 + exp(−(x − x0) / w)), i.e. σ(b0 + b1·x) with b1 = 1/w, x0 = −b0/b1. */
	b0: number;
	b1: number;
	x0: number; // the category boundary: P = 0.5
	x0Se: number; // delta method from the inverse of the penalised information
	x0Low: number; // 95 % Wald interval
	x0High: number;
	slope: number; // b1, the change in log-odds per unit of x
	slopeSe: number;
	slopeLow: number;
	slopeHigh: number;
	/** The maximum slope of the curve, dP/dx at x0 = b1 / 4. */
	maxSlope: number;
	n: number;
	converged: boolean;
	/** True when the boundary falls outside the tested range of x: report it as "beyond the continuum". */
	boundaryOutside: boolean;
	/** True when the responses are (almost) perfectly separated: the slope is then set by the penalty. */
	separated: boolean;
}

/**
 * Fits P(y = 1 | x) = σ(b0 + b1·x) by Newton–Raphson (IRLS) on the log-likelihood plus a weak Gaussian
 * penalty −(b1·scale)²/(2·σ²) − b0²/(2·σ0²) (a ridge, i.e. a MAP estimate under a broad prior). The penalty
 * keeps the fit finite when the responses separate perfectly (a participant who never makes a "wrong"
 * label), where plain maximum likelihood has no finite slope; with σ = 50 and x on [0, 1] it moves an
 * ordinary fit by far less than its standard error. Step halving keeps every step uphill.
 * `x` and `y` are trial-wise; y is a 0/1 answer, or a probability in [0, 1] (a network's P(A), fitted as a
 * fractional response with the same likelihood); invalid pairs are dropped.
 */
export function fitLogistic(
	x: readonly number[],
	y: readonly number[],
	opts: { priorSd?: number; interceptSd?: number; maxIter?: number } = {}
): LogisticFit {
	const xs: number[] = [];
	const ys: number[] = [];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		if (Number.isFinite(x[i]) && y[i] >= 0 && y[i] <= 1) {
			xs.push(x[i]);
			ys.push(y[i]);
		}
	}
	const n = xs.length;
	const nan: LogisticFit = {
		b0: NaN,
		b1: NaN,
		x0: NaN,
		x0Se: NaN,
		x0Low: NaN,
		x0High: NaN,
		slope: NaN,
		slopeSe: NaN,
		slopeLow: NaN,
		slopeHigh: NaN,
		maxSlope: NaN,
		n,
		converged: false,
		boundaryOutside: false,
		separated: false
	};
	if (n < 2) return nan;
	const xMin = Math.min(...xs);
	const xMax = Math.max(...xs);
	const range = xMax - xMin || 1;
	const sd1 = (opts.priorSd ?? 50) / range; // prior on b1, in units of the tested range
	const sd0 = opts.interceptSd ?? 10 * (1 + Math.max(Math.abs(xMin), Math.abs(xMax)) / range);
	const maxIter = opts.maxIter ?? 100;
	const objective = (b0: number, b1: number) => {
		let ll = 0;
		for (let i = 0; i < n; i++) {
			const eta = b0 + b1 * xs[i];
			// log σ(eta) and log(1 − σ(eta)) without overflow
			const l1 = -Math.log1p(Math.exp(-Math.abs(eta))) + Math.min(0, eta);
			const l0 = -Math.log1p(Math.exp(-Math.abs(eta))) + Math.min(0, -eta);
			ll += ys[i] * l1 + (1 - ys[i]) * l0;
		}
		return ll - (b1 * b1) / (2 * sd1 * sd1) - (b0 * b0) / (2 * sd0 * sd0);
	};
	let b0 = 0;
	let b1 = 0;
	let obj = objective(b0, b1);
	let converged = false;
	let h00 = 0;
	let h01 = 0;
	let h11 = 0;
	for (let it = 0; it < maxIter; it++) {
		let g0 = -b0 / (sd0 * sd0);
		let g1 = -b1 / (sd1 * sd1);
		h00 = 1 / (sd0 * sd0);
		h01 = 0;
		h11 = 1 / (sd1 * sd1);
		for (let i = 0; i < n; i++) {
			const p = 1 / (1 + Math.exp(-(b0 + b1 * xs[i])));
			const r = ys[i] - p;
			const w = p * (1 - p);
			g0 += r;
			g1 += r * xs[i];
			h00 += w;
			h01 += w * xs[i];
			h11 += w * xs[i] * xs[i];
		}
		const det = h00 * h11 - h01 * h01;
		if (!(det > 0)) break;
		let d0 = (h11 * g0 - h01 * g1) / det;
		let d1 = (h00 * g1 - h01 * g0) / det;
		let step = 1;
		let next = objective(b0 + d0, b1 + d1);
		while (next < obj - 1e-12 && step > 1e-6) {
			step /= 2;
			next = objective(b0 + step * d0, b1 + step * d1);
		}
		d0 *= step;
		d1 *= step;
		b0 += d0;
		b1 += d1;
		const gain = next - obj;
		obj = next;
		if (Math.abs(d0) + Math.abs(d1) * range < 1e-10 || Math.abs(gain) < 1e-13) {
			converged = true;
			break;
		}
	}
	// Covariance: the inverse of the penalised information at the estimate (recomputed there).
	h00 = 1 / (sd0 * sd0);
	h01 = 0;
	h11 = 1 / (sd1 * sd1);
	let misfit = 0;
	for (let i = 0; i < n; i++) {
		const p = 1 / (1 + Math.exp(-(b0 + b1 * xs[i])));
		const w = p * (1 - p);
		h00 += w;
		h01 += w * xs[i];
		h11 += w * xs[i] * xs[i];
		if (ys[i] !== 0.5 && p > 0.5 !== ys[i] > 0.5) misfit++;
	}
	const det = h00 * h11 - h01 * h01;
	const v00 = h11 / det;
	const v01 = -h01 / det;
	const v11 = h00 / det;
	const x0 = -b0 / b1;
	// x0 = −b0/b1: gradient (−1/b1, b0/b1²)
	const g0 = -1 / b1;
	const g1 = b0 / (b1 * b1);
	const x0Se = Math.sqrt(Math.max(0, g0 * g0 * v00 + 2 * g0 * g1 * v01 + g1 * g1 * v11));
	const slopeSe = Math.sqrt(Math.max(0, v11));
	const z = 1.959963984540054;
	const ok = Number.isFinite(x0);
	return {
		b0,
		b1,
		x0: ok ? x0 : NaN,
		x0Se: ok ? x0Se : NaN,
		x0Low: ok ? x0 - z * x0Se : NaN,
		x0High: ok ? x0 + z * x0Se : NaN,
		slope: b1,
		slopeSe,
		slopeLow: b1 - z * slopeSe,
		slopeHigh: b1 + z * slopeSe,
		maxSlope: b1 / 4,
		n,
		converged,
		boundaryOutside: ok ? x0 < xMin || x0 > xMax : true,
		separated: misfit === 0
	};
}

/** The fitted curve σ(b0 + b1·x) at each x. */
export function logisticCurve(fit: Pick<LogisticFit, 'b0' | 'b1'>, xs: readonly number[]): number[] {
	return xs.map((x) => 1 / (1 + Math.exp(-(fit.b0 + fit.b1 * x))));
}
