import { robustOptimumSweep } from './src/decide/synthetic.ts';
for (const seed of [1, 2, 3]) {
  const rows = robustOptimumSweep([0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], seed);
  console.log('seed', seed);
  for (const r of rows) console.log(r.eps, r.converged, r.wNorm.toFixed(4), r.lambdaMax.toFixed(4), (r.wNorm ** 2 * r.lambdaMax).toFixed(4), r.randomLambdaMax.toFixed(4), (r.lambdaMax / Math.max(r.eps, 1e-9)).toFixed(3));
}
