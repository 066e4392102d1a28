/**
 * Upside-down faces for the inversion experiment (pure TypeScript, no tfjs: pages may import it to draw).
 * An image is turned upside down by a 180° rotation: pixel (r, c) moves to (H − 1 − r, W − 1 − c), i.e.
 * the rows in reverse order and each row reversed.
 */

/** Each size × size image of `images` (row-major, one after another) turned by 180°. */
export function rotate180(images: Float32Array, size: number): Float32Array {
	const px = size * size;
	if (!Number.isInteger(size) || size < 1 || images.length % px !== 0) {
		throw new Error(`rotate180: ${images.length} values are not whole ${size} × ${size} images`);
	}
	const out = new Float32Array(images.length);
	// within one image, index i = r·size + c goes to (size−1−r)·size + (size−1−c) = px − 1 − i
	for (let base = 0; base < images.length; base += px) {
		for (let i = 0; i < px; i++) out[base + px - 1 - i] = images[base + i];
	}
	return out;
}

/** The name importers used before the flip became a rotation. */
export const flipRows = rotate180;
