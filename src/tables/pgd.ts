/**
 * PGD settings as the paper prints them: step sizes (`0.01`, `\frac{2}{255}`, `0.15\times\varepsilon`) and iteration
 * counts, and the largest perturbation norm that `steps` steps can reach from a zero start.
 */
import { parseLatexNumber } from './eps.ts';
import { mul, rational, type Rational } from '../exact/rational.ts';

/** A PGD step size: a fixed length, or a multiple of ε (`0.15\times\varepsilon`). */
export type StepSize =
  | { readonly kind: 'absolute'; readonly value: Rational }
  | { readonly kind: 'relative'; readonly factor: Rational };

/** Parses a printed step size: a LaTeX number, or `c\times\varepsilon`. */
export function parseStepSize(latex: string): StepSize {
  const t = latex.replace(/\s+/g, '');
  const rel = /^(.*)\\times\\varepsilon$/.exec(t);
  if (rel) return { kind: 'relative', factor: parseLatexNumber(rel[1]!) };
  try {
    return { kind: 'absolute', value: parseLatexNumber(t) };
  } catch {
    throw new SyntaxError(`parseStepSize: expected a number, \\frac{a}{b} or c\\times\\varepsilon, got "${latex}"`);
  }
}

/** The step length at a given ε. */
export function stepAt(step: StepSize, eps: Rational): Rational {
  return step.kind === 'absolute' ? step.value : mul(step.factor, eps);
}

/**
 * Largest ‖δ‖ reachable from δ = 0 after `steps` steps: steps × step. Each L∞ step moves a coordinate by at most the
 * step (sign step) and each L2 step has length the step (normalised gradient), so this bounds either norm.
 */
export function budget(steps: number, step: StepSize, eps: Rational): Rational {
  return mul(rational(steps), stepAt(step, eps));
}
