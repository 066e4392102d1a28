/**
 * Margin maths for Margin Lab: the single source of truth for every formula the site shows or trains with.
 * Pure TypeScript: no Svelte, tfjs or DOM. Angles are radians; `deg`/`rad` convert.
 *
 * The shared feature-matrix convention and θ_y on flat rows live in `./matrix` (import `$lib/margins/matrix`,
 * or `$lib/metrics`, which re-exports them); `thetaY` here is the paper's form on x (N×d) and W (d×n).
 */

export * from './spec';
export * from './vec';
export * from './validate';
export * from './geometry';
export * from './logits';
export * from './losses';
export * from './catalogue';
