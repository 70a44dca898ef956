/**
 * Ordinary least-squares line fit with the goodness-of-fit numbers the "nearly linear in ε" claim (Fig. 3) is decided on.
 */

/** Least-squares line y = a + b x: slope, intercept, R² and max |residual| / max |y|. */
export function linearFit(
  x: readonly number[],
  y: readonly number[],
): { slope: number; intercept: number; r2: number; maxRelDeviation: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
    syy += (y[i]! - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  let ssr = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i]! - (intercept + slope * x[i]!);
    ssr += r * r;
    worst = Math.max(worst, Math.abs(r));
  }
  const r2 = syy > 0 ? 1 - ssr / syy : ssr === 0 ? 1 : 0;
  const scale = Math.max(...y.map((v) => Math.abs(v)));
  return { slope, intercept, r2, maxRelDeviation: scale > 0 ? worst / scale : 0 };
}
