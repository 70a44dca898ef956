/**
 * Checks the paper's PGD settings: for every dataset, phase (training, evaluation) and ε it states, whether the attack
 * can reach the boundary of the ε-ball, under each reading of where PGD starts: from δ = 0 (Eq. (3) as printed), it
 * can iff steps × step ≥ ε; from a uniformly random point of the ball (the cited settings), it does with probability
 * 1 − (1 − min(1, steps·step/(2ε)))^d for L∞ (some coordinate starts within reach of its corner) and
 * 1 − (1 − min(1, steps·step/ε))^d for L2 (the start's radius is within reach of the sphere), d the input dimension.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import { printedOf } from '../src/claims/load.ts';
import { type LoadedClaim } from '../src/claims/loaded.ts';
import type { ReadingOutcome, Verdict, Witness } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { readingsSchema, readingsResult, readingOf } from './params.ts';
import { parseLatexEpsSet, plainEps } from '../src/tables/eps.ts';
import { budget, parseStepSize, stepAt } from '../src/tables/pgd.ts';
import { cmp, div, mul, rational, show, toFixed, toNumber, type Rational } from '../src/exact/rational.ts';

const SettingSchema = z.object({
  dataset: z.string().min(1),
  norm: z.enum(['L2', 'Linf']),
  /** The role of the `latex` fragment that is the printed ε set. */
  epsSet: z.string().min(1),
  /** The role of the `latex` fragment that is the printed step size. */
  stepSize: z.string().min(1),
  /** The roles of the `latex` fragments that are the printed iteration counts at training and evaluation time. */
  iterations: z.object({ train: z.string().min(1), eval: z.string().min(1) }),
  /** Input dimension d of the dataset (MNIST: 784; CIFAR10 and SVHN: 3072). */
  inputDim: z.number().int().min(1),
});

const ParamsSchema = z.object({
  settings: z.array(SettingSchema).min(1),
  /** Readings of where PGD starts: `zero` (δ = 0) or `random` (uniform in the ε-ball). */
  readings: readingsSchema({ start: z.enum(['zero', 'random']) }),
  /** Probability of reaching the boundary from a random start that counts as "can reach" (supplied by claimcheck). */
  minProbability: z
    .number()
    .min(0)
    .max(1)
    .default(1 - 1e-6),
});

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
  readonly inputDim: number;
}

/** An iteration count as printed (a whole number). */
function iterationCount(claim: LoadedClaim, role: string): number {
  const printed = printedOf(claim, role, 'params.settings.iterations');
  if (!/^\d+$/.test(printed))
    throw new SyntaxError(`pgd-budget: the iteration count "${printed}" (${role}) is not a whole number`);
  return Number(printed);
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

/** Probability that PGD from a uniform random start in the ε-ball reaches its boundary (see the module comment). */
function randomStartProbability(c: Cell): number {
  const share = c.norm === 'Linf' ? toNumber(cornerShare(c)) : Math.min(1, toNumber(div(c.reach, c.eps)));
  return share >= 1 ? 1 : -Math.expm1(c.inputDim * Math.log1p(-share));
}

/** The `pgd-budget` checker: can PGD with the stated steps and step size reach the ε-ball boundary from δ = 0? */
export const pgdBudget = defineChecker({
  kind: 'pgd-budget',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'steps × step size ≥ ε for every stated PGD setting (boundary of the ε-ball reachable from a zero start)',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const { settings } = params;
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'pgd-budget' } as const;
    const cells: Cell[] = [];
    for (const s of settings) {
      const iterations = {
        train: iterationCount(claim, s.iterations.train),
        eval: iterationCount(claim, s.iterations.eval),
      };
      const step = parseStepSize(printedOf(claim, s.stepSize, 'params.settings.stepSize'));
      for (const e of parseLatexEpsSet(printedOf(claim, s.epsSet, 'params.settings.epsSet')).elements) {
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
            inputDim: s.inputDim,
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
        randomStartProbability: randomStartProbability(c),
      })),
    };
    const details = cells.map(cellText);
    const list = short.map((c) => `${c.dataset} ${c.phase} ε=${c.epsText} (${px(c.reach)})`).join(', ');
    const cellPoint = (c: Cell) => ({
      dataset: c.dataset,
      norm: c.norm,
      phase: c.phase,
      eps: c.epsText,
      steps: String(c.steps),
      step: px(c.step),
      d: String(c.inputDim),
    });
    const outcomes: ReadingOutcome[] = params.readings.readings.map((r) => {
      const reading = readingOf(r);
      if (r.start === 'zero') {
        if (short.length === 0)
          return {
            ...reading,
            outcome: 'holds',
            summary: `all ${cells.length} (phase, ε > 0) cells have steps × step ≥ ε`,
          };
        const first = short[0]!;
        const witness: Witness = {
          point: cellPoint(first),
          paperValue: `ε = ${first.epsText}`,
          ourValue: `steps × step = ${px(first.reach)} < ε`,
        };
        return {
          ...reading,
          outcome: 'fails',
          summary: `${short.length} of ${cells.length} (phase, ε > 0) cells cannot reach ‖δ‖ = ε from δ = 0: ${list}`,
          witness,
        };
      }
      const probs = cells.map((c) => ({ c, p: randomStartProbability(c) }));
      const low = probs.filter((x) => x.p < params.minProbability);
      const shares = short
        .filter((c) => c.norm === 'Linf')
        .map((c) => `${c.dataset} ${c.phase} ε=${c.epsText}: ${toFixed(cornerShare(c), 3)}`);
      const cornerNote =
        shares.length > 0
          ? `; each coordinate reaches its attack-direction corner with probability min(1, steps·step/(2ε)): ${shares.join(', ')}`
          : '';
      if (low.length === 0) {
        return {
          ...reading,
          outcome: 'holds',
          summary: `from a uniform random start every cell reaches the boundary with probability ≥ ${params.minProbability} (smallest ${Math.min(...probs.map((x) => x.p)).toPrecision(6)} in d = ${[...new Set(cells.map((c) => c.inputDim))].join(', ')})${cornerNote}`,
        };
      }
      const first = low[0]!;
      return {
        ...reading,
        outcome: 'fails',
        summary: `from a uniform random start ${low.length} cell(s) reach the boundary with probability below ${params.minProbability} (${first.c.dataset} ${first.c.phase} ε=${first.c.epsText}: ${first.p.toPrecision(6)})${cornerNote}`,
        witness: {
          point: cellPoint(first.c),
          paperValue: `ε = ${first.c.epsText} reachable`,
          ourValue: `P(reach ‖δ‖ = ε from a uniform start) = ${first.p.toPrecision(6)}`,
        },
      };
    });
    return decideReadings({
      base,
      readings: readingsResult(params.readings, outcomes),
      evidence: {
        summary:
          short.length === 0
            ? `all ${cells.length} (phase, ε > 0) cells have steps × step ≥ ε`
            : `${short.length} of ${cells.length} (phase, ε > 0) cells cannot reach ‖δ‖ = ε from δ = 0: ${list}`,
        details,
        data,
      },
      basis: {
        kind: 'proved',
        method: 'exact rational arithmetic on the printed steps, step sizes and ε; closed-form start probabilities',
      },
    });
  },
});
