/**
 * A derivative oracle that needs no CAS: the central difference (f(v + h) − f(v − h)) / 2h at 128 digits with
 * h = 1e-40 (truncation ~1e-80), which matches true derivatives to ~1e-80 and so catches a wrong engine derivative.
 */
import type { PrecisionEvaluator } from '../engines/types.ts';
import type { Point } from './sampler.ts';
import { TOLERANCES } from './tolerances.ts';
import { create, all } from '../engines/mathjs-load.ts';

const m = create(all, { number: 'BigNumber', precision: 160 });

/** ∂expr/∂variable at `point` by central differences, as a decimal string. */
export function centralDifference(expr: string, variable: string, point: Point, ev: PrecisionEvaluator): string {
  const { digits, step } = TOLERANCES.fdOracle;
  const v = m.bignumber(point[variable] ?? '0');
  const h = m.bignumber(step);
  const plus = ev.evaluate(expr, { ...point, [variable]: v.plus(h).toString() }, digits + 40);
  const minus = ev.evaluate(expr, { ...point, [variable]: v.minus(h).toString() }, digits + 40);
  return m.bignumber(plus).minus(m.bignumber(minus)).div(h.times(2)).toSignificantDigits(digits).toString();
}

/** log10 of the relative difference between the FD oracle and a derivative expression at a point. */
export function fdAgreement(
  expr: string,
  derivative: string,
  variable: string,
  point: Point,
  ev: PrecisionEvaluator,
): number {
  const fd = centralDifference(expr, variable, point, ev);
  const r = ev.relativeDifference(`${fd}`, derivative, point, TOLERANCES.fdOracle.digits);
  return r.log10Rel;
}
