/**
 * The readings of the constraint set 𝔹_p(x^n, ε) (convention `ball` of proofs/_data/conventions.ts) for the linear
 * logistic model, shared by the checkers of Eqs. (2), (4) and (5): a ball centred at x^n admits η^n = x^n of norm > ε
 * (it bounds ‖η^n − x^n‖, not ‖η^n‖), and over an open ball the argmax is empty. A reading holds only when neither
 * applies and the checker's own computation for the closed ball centred at 0 holds.
 */
import { z } from 'zod';
import type { ReadingOutcome, Witness } from '../../src/claims/verdict.ts';
import type { Rng } from '../../src/rng.ts';
import { formatNumber, formatVector } from '../../src/format/number.ts';
import { lossArgument } from '../../src/attack/linear-model.ts';
import { ballNorm, type BallNorm } from '../../src/numeric/vector.ts';
import { l2Maximizer, linfMaximizer } from '../../src/attack/linear-maximizer.ts';
import { sampleL2Ball, sampleLinfBox } from '../../src/noise/sample.ts';
import { instancePoint, type Instance } from './meaning.ts';
import { readingsSchema, readingOf } from '../params.ts';

/** The readings of the ball a record lists: each with its centre and boundary. */
export const BallReadingsSchema = readingsSchema({
  centre: z.enum(['x', 'origin']),
  boundary: z.enum(['open', 'closed']),
});
export type BallReadings = z.infer<typeof BallReadingsSchema>;

/** The parameters the ball analyses use. */
export interface BallAnalysisParams {
  readonly norms: readonly BallNorm[];
  /** Interior candidates (1 − δ)η* for δ = 10^-1 … 10^-maxDeltaExponent. */
  readonly maxDeltaExponent: number;
}

const NORM_TEX: Record<BallNorm, string> = { l2: 'L2', linf: 'L∞' };

/** What the open-ball analysis found: interior candidates, how many were beaten by a point still inside. */
export interface OpenResult {
  readonly candidates: number;
  readonly beaten: number;
  readonly supNotAttained: number;
  readonly witness: Witness | undefined;
}

/** Every candidate strictly inside the ball is beaten by a point still strictly inside (the linear model's loss has a
 * nonzero gradient in η), so over an open ball the argmax is empty and the supremum is not attained. */
export function openBallAnalysis(instances: readonly Instance[], params: BallAnalysisParams, rng: Rng): OpenResult {
  let candidates = 0;
  let beaten = 0;
  let supNotAttained = 0;
  let witness: Witness | undefined;
  for (const p of instances) {
    const d = p.w.length;
    for (const norm of params.norms) {
      const star = norm === 'l2' ? l2Maximizer(p.y, p.w, p.eps) : linfMaximizer(p.y, p.w, p.eps);
      const uStar = lossArgument(p.x, p.y, p.w, star);
      const dir = Float64Array.from(star, (v) => v / p.eps);
      const cands: Float64Array[] = [];
      for (let k = 1; k <= params.maxDeltaExponent; k++) cands.push(Float64Array.from(star, (v) => v * (1 - 10 ** -k)));
      for (let s = 0; s < 50; s++) {
        const r = norm === 'l2' ? sampleL2Ball(rng, d, p.eps) : sampleLinfBox(rng, d, p.eps);
        cands.push(Float64Array.from(r, (v) => v * 0.999));
      }
      for (const eta of cands) {
        const n = ballNorm(eta, norm);
        if (!(n < p.eps)) continue;
        candidates++;
        const t = (p.eps - n) / 2;
        const better = Float64Array.from(eta, (v, i) => v + t * dir[i]!);
        const u0 = lossArgument(p.x, p.y, p.w, eta);
        const u1 = lossArgument(p.x, p.y, p.w, better);
        if (ballNorm(better, norm) < p.eps && u1 > u0) beaten++;
        if (u0 < uStar) supNotAttained++;
        if (!witness && norm === 'l2' && eta === cands[params.maxDeltaExponent - 1]) {
          witness = {
            point: { ...instancePoint(p), norm: 'L2', eta: `(1 − 1e-${params.maxDeltaExponent})·η*` },
            paperValue: `η = ${formatVector(eta, 12)} with ‖η‖ = ε·(1 − 1e-${params.maxDeltaExponent}) < ε claimed as argmax over the open ball`,
            ourValue: `η' = η + ((ε − ‖η‖)/2)·η*/ε has ‖η'‖ = ${formatNumber(ballNorm(better, norm), 15)} < ε and larger loss argument u: ${formatNumber(u1, 15)} > ${formatNumber(u0, 15)}; the supremum u = ${formatNumber(uStar, 15)} is attained only on ‖η‖ = ε`,
          };
        }
      }
    }
  }
  return { candidates, beaten, supNotAttained, witness };
}

/** What the centre analysis found: instances where η^n = x^n lies in 𝔹_p(x^n, ε) although ‖x^n‖ > ε. */
export interface CentreResult {
  readonly witness: Witness | undefined;
  readonly count: number;
  readonly details: string[];
}

/** With the ball centred at x^n, η^n = x^n is admissible although ‖η^n‖ = ‖x^n‖ > ε. */
export function centreAnalysis(instances: readonly Instance[], params: BallAnalysisParams): CentreResult {
  let witness: Witness | undefined;
  let count = 0;
  const details: string[] = [];
  for (const p of instances) {
    for (const norm of params.norms) {
      const eta = p.x; // η = x^n: ‖η − x^n‖ = 0 < ε, so η ∈ 𝔹_p(x^n, ε) as printed
      const inPrinted =
        ballNorm(
          Float64Array.from(eta, (v, i) => v - p.x[i]!),
          norm,
        ) < p.eps;
      const size = ballNorm(eta, norm);
      if (!(inPrinted && size > p.eps)) continue;
      count++;
      // The argmax over the printed (closed) ball: η = x^n + η*, i.e. x' = 2x^n + η*.
      const star = norm === 'l2' ? l2Maximizer(p.y, p.w, p.eps) : linfMaximizer(p.y, p.w, p.eps);
      const printedEta = Float64Array.from(star, (v, i) => v + p.x[i]!);
      const printedSize = ballNorm(printedEta, norm);
      details.push(
        `d=${p.w.length} ${NORM_TEX[norm]} ε=${p.eps}: η = x^n ∈ 𝔹(x^n, ε) has ‖η‖ = ${formatNumber(size)}; printed argmax perturbs x^n by ‖η‖ = ${formatNumber(printedSize)}`,
      );
      if (!witness) {
        witness = {
          point: { ...instancePoint(p), norm: NORM_TEX[norm], eta: 'x^n' },
          paperValue: `η^n = x^n lies in 𝔹_p(x^n, ε) (‖η^n − x^n‖ = 0 < ε), so the printed constraint admits ‖η^n‖ = ${formatNumber(size)} > ε = ${p.eps}; its argmax perturbs x^n by ‖η^n‖ = ${formatNumber(printedSize)}`,
          ourValue: `with η^n ∈ 𝔹_p(0, ε): ‖η^n‖ ≤ ${p.eps}; argmax η^n = ${formatVector(star)} (‖η^n‖ = ${formatNumber(ballNorm(star, norm))})`,
        };
      }
    }
  }
  return { witness, count, details };
}

/** What the checker computed for the closed ball centred at 0. */
export interface ClosedOutcome {
  readonly holds: boolean;
  readonly summary: string;
  readonly witness?: Witness;
}

/** The outcome of one reading of the ball: fails on an admissible x^n, on an open ball, or as the closed ball does. */
export function ballReadingOutcome(
  reading: BallReadings['readings'][number],
  analyses: { readonly centre?: CentreResult; readonly open?: OpenResult; readonly closed: ClosedOutcome },
): ReadingOutcome {
  const r = readingOf(reading);
  const { centre, open, closed } = analyses;
  if (reading.centre === 'x' && centre?.witness) {
    return {
      ...r,
      outcome: 'fails',
      summary: `centred at x^n the set bounds ‖η^n − x^n‖, not ‖η^n‖ (shown at ${centre.count} seeded instances)`,
      witness: centre.witness,
    };
  }
  if (reading.boundary === 'open' && open && open.candidates > 0 && open.beaten === open.candidates && open.witness) {
    return {
      ...r,
      outcome: 'fails',
      summary: `over the open ball the maximum is not attained: ${open.beaten} of ${open.candidates} interior candidates are beaten by a point still inside`,
      witness: open.witness,
    };
  }
  if ((reading.centre === 'x' && !centre) || (reading.boundary === 'open' && !open)) {
    return { ...r, outcome: 'undecided', summary: 'this reading was not analysed' };
  }
  if (reading.centre === 'x' || reading.boundary === 'open') {
    return {
      ...r,
      outcome: 'undecided',
      summary: 'no instance with ‖x^n‖ > ε, or not every interior candidate was beaten',
    };
  }
  return closed.holds
    ? { ...r, outcome: 'holds', summary: closed.summary }
    : { ...r, outcome: 'fails', summary: closed.summary, witness: closed.witness! };
}
