/**
 * Dependency-free SVG plotting for the report's figures: line charts with error bands, grouped small multiples,
 * contour plots (marching squares), and an optional PNG rendering.
 */
export * from './svg.ts';
export * from './scale.ts';
export * from './colors.ts';
export * from './chart-spec.ts';
export * from './line-chart.ts';
export * from './small-multiples.ts';
export * from './contour.ts';
export * from './png.ts';
