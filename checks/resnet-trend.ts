/**
 * Decides the paper's ResNet18 statements (Section 5.2) from measured results: "sharper as ε grows" (every ε step of
 * the filter-normalised landscape rise increases) and "the generalization gap becomes larger in most cases" (more than
 * half of the steps). Without results the verdict is `inconclusive`, naming the command that measures them.
 */
import { z } from 'zod';
import { defineChecker } from '../src/claims/checker.ts';
import type { Verdict } from '../src/claims/verdict.ts';
import { gapTrend, landscapeTrend, type Trend } from '../src/experiments/resnet18/trends.ts';
import { RESNET_MERGE_COMMAND, RESNET_RUN_COMMAND } from '../src/experiments/resnet18/section.ts';
import type { ResNetResults } from '../src/experiments/resnet18/results.ts';

const Params = z.object({
  statement: z.enum(['sharper-as-eps-grows', 'gap-grows-in-most-cases']),
  checkpoint: z.enum(['final', 'best']).default('final'),
});
type P = z.infer<typeof Params>;

/**
 * How many ε steps must increase for each statement to hold: "sharper as ε grows" (Fig. 4) every step, "the gap
 * becomes larger in most cases" (Tables 5–6) more than half of them (the reading of proofs/txt-sec52-gap-grows.ts).
 */
const QUANTIFIER = { 'sharper-as-eps-grows': 'every', 'gap-grows-in-most-cases': 'most' } as const;

/** Whether `trend` has enough increasing steps for `quantifier`. */
export function holds(trend: Trend, quantifier: 'every' | 'most'): boolean {
  return (
    trend.decidable && (quantifier === 'every' ? trend.increasing === trend.steps : trend.increasing * 2 > trend.steps)
  );
}

function describe(o: Trend): string[] {
  return o.details.map(
    (s) =>
      `${s.dataset}: ε ${s.fromEps} → ${s.toEps}: ${s.before.toFixed(4)} → ${s.after.toFixed(4)} (${s.increased ? 'up' : 'not up'})`,
  );
}

/** ResNet18 trend statements decided from measured sweeps. */
export const resnetTrend = defineChecker<P>({
  kind: 'resnet-trend',
  verdicts: ['confirmed', 'refuted', 'inconclusive'],
  description:
    'Section 5.2 trends (landscape sharpness, robust generalization gap) decided from measured ResNet18 sweeps',
  params: Params as unknown as z.ZodType<P>,
  async check(claim, p, ctx): Promise<Verdict> {
    const base = { claimId: claim.id, seed: ctx.seed, checker: 'resnet-trend' } as const;
    const results = (ctx.measurements?.['resnet'] ?? null) as ResNetResults | null;
    if (!results || results.cells.length === 0) {
      return {
        ...base,
        status: 'inconclusive',
        reason: `not measured here: CIFAR-10 / SVHN are absent; where the data (and a GPU) are, run \`${RESNET_RUN_COMMAND}\` (or one shard per job with --shard i/n: scripts/slurm/resnet-sweep.sbatch, scripts/k8s/resnet-sweep.yaml), then \`${RESNET_MERGE_COMMAND}\` and \`npx claimcheck report\``,
        evidence: { summary: 'not measured here: data absent' },
      };
    }
    const o =
      p.statement === 'sharper-as-eps-grows'
        ? landscapeTrend(results)
        : gapTrend(results, { checkpoint: p.checkpoint });
    const quantifier = QUANTIFIER[p.statement];
    const details = describe(o);
    const summary = `${o.quantity}: ${o.increasing} of ${o.steps} ε steps increase (${quantifier === 'every' ? 'every step must' : 'more than half must'}); setting ${results.setting}, ${results.cells.length} cells${results.missing.length ? `, ${results.missing.length} missing` : ''}`;
    if (!o.decidable)
      return {
        ...base,
        status: 'inconclusive',
        reason: 'fewer than two ε values per dataset',
        evidence: { summary, details },
      };
    if (holds(o, quantifier))
      return {
        ...base,
        status: 'confirmed',
        basis: { kind: 'tested', what: 'measured ResNet18 results' },
        evidence: { summary, details },
      };
    const bad = o.details.find((s) => !s.increased)!;
    return {
      ...base,
      status: 'refuted',
      witness: {
        point: { dataset: bad.dataset, from: String(bad.fromEps), to: String(bad.toEps) },
        paperValue: 'increases',
        ourValue: `${bad.before.toFixed(4)} → ${bad.after.toFixed(4)}`,
      },
      evidence: { summary, details },
    };
  },
});
