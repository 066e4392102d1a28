/**
 * Upside-down faces for the inversion experiment (pure TypeScript, no tfjs: pages may import it to draw).
 * An image is turned upside down by putting its rows in reverse order; the columns stay as they are.
 */

/** Each size × size image of `images` (row-major, one after another) with its rows in reverse order. */
export function flipRows(images: Float32Array, size: number): Float32Array {
	const px = size * size;
	if (!Number.isInteger(size) || size < 1 || images.length % px !== 0) {
		throw new Error(`flipRows: ${images.length} values are not whole ${size} × ${size} images`);
	}
	const out = new Float32Array(images.length);
	for (let base = 0; base < images.length; base += px) {
		for (let r = 0; r < size; r++) {
			const from = base + (size - 1 - r) * size;
			out.set(images.subarray(from, from + size), base + r * size);
		}
	}
	return out;
}
