/**
 * Checks the paper's PGD settings: for every dataset, phase (training, evaluation) and ε it states, whether
 * steps × step size reaches ε, i.e. whether the attack can reach the boundary of the ε-ball from a zero start.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/load.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { ClaimcheckError } from '../src/errors.ts';
import { parseLatexEpsSet, plainEps } from '../src/tables/eps.ts';
import { budget, parseIterations, parseStepSize, stepAt } from '../src/tables/pgd.ts';
import { cmp, div, mul, rational, show, toFixed, type Rational } from '../src/exact/rational.ts';

const SettingSchema = z.object({
  dataset: z.string().min(1),
  norm: z.enum(['L2', 'Linf']),
  /** The printed ε set (a `latex` fragment of role `eps-set`). */
  epsSet: z.string().min(1),
  /** The printed step size (a `latex` fragment of role `step-size`). */
  stepSize: z.string().min(1),
  /** The sentence that states the step size, verbatim; it must contain `stepSize`. */
  stepQuote: z.string().min(1),
  /** The sentence that states the iteration counts, verbatim ("for N iterations at training time and M …"). */
  iterationsQuote: z.string().min(1),
});

const ParamsSchema = z.object({ settings: z.array(SettingSchema).min(1) });

/** The assumption under which an unreachable boundary is reachable after all. */
const RANDOM_START =
  'random start: PGD starts from a uniformly random point of the ε-ball (as Madry et al. 2018 and Wu et al. 2020, ' +
  'whose settings the paper says it follows, do); the paper does not say it uses one';

interface Cell {
  readonly dataset: string;
  readonly norm: 'L2' | 'Linf';
  readonly phase: 'train' | 'eval';
  readonly eps: Rational;
  /** ε as printed ("8/255"). */
  readonly epsText: string;
  readonly steps: number;
  readonly step: Rational;
  readonly reach: Rational;
  readonly reachable: boolean;
}

function requireFragment(claim: LoadedClaim, printed: string, role: string): void {
  if (!claim.latex.some((l) => l.role === role && l.printed === printed)) {
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claim.id}: field params.settings: "${printed}" is not a latex[] fragment of role "${role}"`,
    );
  }
}

/** A pixel value for evidence: in /255 units where that is exact and shorter ("40/255", not "8/51"). */
function px(r: Rational): string {
  const plain = show(r);
  const over = show(mul(r, rational(255)));
  return plain.includes('/') && !over.includes('/') ? `${over}/255` : plain;
}

function cellText(c: Cell): string {
  return `${c.dataset} ${c.norm} ${c.phase} ε=${c.epsText}: ${c.steps} × ${px(c.step)} = ${px(c.reach)} ${c.reachable ? '≥' : '<'} ε`;
}

/** Share of coordinates whose attack-direction corner ±ε lies within `reach` of a start uniform in [−ε, ε] (L∞). */
function cornerShare(c: Cell): Rational {
  const share = div(c.reach, mul(rational(2), c.eps));
  return cmp(share, rational(1)) > 0 ? rational(1) : share;
}

/** The `pgd-budget` checker: can PGD with the stated steps and step size reach the ε-ball boundary from δ = 0? */
export const pgdBudget = defineChecker({
  kind: 'pgd-budget',
  description: 'steps × step size ≥ ε for every stated PGD setting (boundary of the ε-ball reachable from a zero start)',
  params: ParamsSchema,
  check(claim, { settings }, ctx): Verdict {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'pgd-budget' } as const;
    const cells: Cell[] = [];
    for (const s of settings) {
      requireFragment(claim, s.epsSet, 'eps-set');
      requireFragment(claim, s.stepSize, 'step-size');
      if (!s.stepQuote.includes(s.stepSize)) {
        throw new ClaimcheckError('INVALID_RECORD', `claim record ${claim.id}: field params.settings: stepQuote does not contain "${s.stepSize}"`);
      }
      const iterations = parseIterations(s.iterationsQuote);
      const step = parseStepSize(s.stepSize);
      for (const e of parseLatexEpsSet(s.epsSet).elements) {
        if (e.value.num === 0n) continue;
        for (const phase of ['train', 'eval'] as const) {
          const steps = iterations[phase];
          const reach = budget(steps, step, e.value);
          cells.push({
            dataset: s.dataset,
            norm: s.norm,
            phase,
            eps: e.value,
            epsText: plainEps(e),
            steps,
            step: stepAt(step, e.value),
            reach,
            reachable: cmp(reach, e.value) >= 0,
          });
        }
      }
    }
    const short = cells.filter((c) => !c.reachable);
    const data = {
      cells: cells.map((c) => ({
        dataset: c.dataset,
        norm: c.norm,
        phase: c.phase,
        eps: c.epsText,
        steps: c.steps,
        step: px(c.step),
        reach: px(c.reach),
        reachable: c.reachable,
      })),
    };
    const details = cells.map(cellText);
    if (short.length === 0) {
      return {
        ...base,
        status: 'confirmed',
        evidence: { summary: `all ${cells.length} (phase, ε > 0) cells have steps × step ≥ ε`, details, data },
      };
    }
    const first = short[0]!;
    const list = short.map((c) => `${c.dataset} ${c.phase} ε=${c.epsText} (${px(c.reach)})`).join(', ');
    return {
      ...base,
      status: 'holds-under',
      assumption: RANDOM_START,
      assumptionEvidence: {
        summary:
          `from a uniform random start each L∞ coordinate reaches its attack-direction corner with probability min(1, steps·step/(2ε)): ` +
          short
            .map((c) => `${c.dataset} ${c.phase} ε=${c.epsText}: ${c.norm === 'Linf' ? toFixed(cornerShare(c), 3) : 'n/a (L2)'}`)
            .join(', '),
        data: {
          cornerShare: short
            .filter((c) => c.norm === 'Linf')
            .map((c) => ({ dataset: c.dataset, phase: c.phase, eps: c.epsText, share: toFixed(cornerShare(c), 4) })),
        },
      },
      witness: {
        point: {
          dataset: first.dataset,
          norm: first.norm,
          phase: first.phase,
          eps: first.epsText,
          steps: String(first.steps),
          step: px(first.step),
        },
        paperValue: `ε = ${first.epsText}`,
        ourValue: `steps × step = ${px(first.reach)} < ε`,
      },
      evidence: {
        summary: `${short.length} of ${cells.length} (phase, ε > 0) cells cannot reach ‖δ‖ = ε from δ = 0: ${list}`,
        details,
        data,
      },
    };
  },
});
