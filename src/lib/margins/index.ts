/**
 * Margin maths for Margin Lab: the single source of truth for every formula the site shows or trains with.
 * Pure TypeScript: no Svelte, tfjs or DOM. Angles are radians; `deg`/`rad` convert.
 */

export * from './spec';
export * from './vec';
export * from './validate';
export * from './geometry';
export * from './logits';
export * from './losses';
export * from './catalogue';
