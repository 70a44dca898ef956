/**
 * The `robust-inner-max` checker: the inner maximum of adversarial training (Eq. (4)) for the linear logistic model
 * against its closed form softplus(−y w·x + ε‖w‖_q) (q the dual norm of the ball). Each instance is maximised by
 * seeded PGD with a random start (L2 step for the L2 ball, sign step for L∞), whose end point is certified a global
 * maximiser by the KKT conditions of the linear objective c·η (c = −yw), and by dense random search at small d.
 */
import { z } from 'zod';
import { defineChecker, type CheckContext } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/loaded.ts';
import type { Verdict, Witness } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { readingsResult } from './params.ts';
import { deriveSeed, makeRng } from '../src/rng.ts';
import { formatNumber } from '../src/format/number.ts';
import { lossArgument, sign, softplus } from '../src/attack/linear-model.ts';
import { dot, norm1, norm2, normInf, type BallNorm } from '../src/numeric/vector.ts';
import { linearLogisticObjective, pgd } from '../src/attack/pgd.ts';
import { sampleL2Ball, sampleL2Sphere, sampleLinfBox } from '../src/noise/sample.ts';
import { drawInstance, instancePoint, verdictBase, type Instance } from './_internals/meaning.ts';
import { ballReadingOutcome, BallReadingsSchema, openBallAnalysis, type CentreResult } from './_internals/ball.ts';

const FormSchema = z.object({
  ball: z.enum(['l2', 'linf']),
  /** q in the closed form softplus(−y w·x + ε‖w‖_q). */
  dualNorm: z.enum(['l2', 'l1', 'linf']),
});

const ParamsSchema = z.object({
  forms: z
    .array(FormSchema)
    .min(1)
    .default([
      { ball: 'l2', dualNorm: 'l2' },
      { ball: 'linf', dualNorm: 'l1' },
    ]),
  /** The readings of 𝔹_p(x^n, ε): centre (`x` or `origin`) and boundary (`open` or `closed`) of each. */
  readings: BallReadingsSchema,
  /** Interior candidates (1 − δ)η* of the open-ball analysis, δ = 10^-1 … 10^-maxDeltaExponent. */
  maxDeltaExponent: z.number().int().min(1).max(12).default(10),
  /** Dimensions checked besides the context's. */
  extraDims: z.array(z.number().int().min(1)).default([10, 784]),
  pointsPerDim: z.number().int().min(1).default(4),
  /**
   * PGD iterations and step λ = stepFactor·ε (the paper's L2 step: 0.15ε). From a random start the L2 iterate's angle
   * to the maximiser shrinks by ≈ 1/(1 + λ/ε) per step on the sphere, so 200 steps (not the paper's 100) are needed
   * to certify the maximiser to 1e-10.
   */
  pgdSteps: z.number().int().min(1).default(200),
  stepFactor: z.number().positive().default(0.15),
  /** Random-search samples per instance at d ≤ 5. */
  searchSamples: z.number().int().min(0).default(4000),
  relTolerance: z.number().positive().default(1e-10),
  /** KKT certificate: ‖η‖₂ = ε and cos∠(η, −yw) ≥ 1 − kktTolerance (L2); η_i = ε sign(−y w_i) to kktTolerance·ε (L∞). */
  kktTolerance: z.number().positive().default(1e-10),
});

type Params = z.infer<typeof ParamsSchema>;
type Form = z.infer<typeof FormSchema>;

const NORM_TEX: Record<BallNorm, string> = { l2: 'L2', linf: 'L∞' };
const DUAL_TEX: Record<Form['dualNorm'], string> = { l2: '‖w‖₂', l1: '‖w‖₁', linf: '‖w‖∞' };

function dualNormOf(w: ArrayLike<number>, q: Form['dualNorm']): number {
  return q === 'l2' ? norm2(w) : q === 'l1' ? norm1(w) : normInf(w);
}

/** First-order (KKT) optimality of η for max c·η over the ball: sufficient for a linear objective. */
function kktCertified(p: Instance, ball: BallNorm, eta: Float64Array, tol: number): boolean {
  const c = Float64Array.from(p.w, (v) => -p.y * v);
  if (ball === 'l2') {
    const n = norm2(eta);
    return Math.abs(n - p.eps) <= 1e-12 * p.eps && dot(c, eta) / (norm2(c) * n) >= 1 - tol;
  }
  for (let i = 0; i < c.length; i++) {
    if (c[i] === 0) continue;
    if (Math.abs(eta[i]! - p.eps * sign(c[i]!)) > tol * p.eps) return false;
  }
  return true;
}

interface Row {
  readonly p: Instance;
  readonly form: Form;
  readonly closed: number;
  readonly pgdValue: number;
  readonly certified: boolean;
  readonly search: number | null;
  readonly printedValue: number;
  readonly seed: number;
  readonly ok: boolean;
}

function instances(claim: LoadedClaim, ctx: CheckContext, params: Params): Instance[] {
  const rng = makeRng(deriveSeed(ctx.seed, 'instances'));
  const dims = [...new Set([...ctx.dims, ...params.extraDims])];
  const out: Instance[] = [];
  for (const d of dims) for (let k = 0; k < params.pointsPerDim; k++) out.push(drawInstance(claim, rng, d, k));
  return out;
}

function evaluate(p: Instance, form: Form, params: Params, seed: number, searchSeed: number): Row {
  const u0 = lossArgument(p.x, p.y, p.w);
  const closed = softplus(u0 + p.eps * dualNormOf(p.w, form.dualNorm));
  const obj = linearLogisticObjective(p.y, p.w);
  const options = {
    norm: form.ball,
    eps: p.eps,
    steps: params.pgdSteps,
    step: form.ball === 'l2' ? ('l2' as const) : ('sign' as const),
    stepRule: { kind: 'relative' as const, factor: params.stepFactor },
    randomStart: { seed },
  };
  const run = pgd(obj, p.x, options);
  const certified = kktCertified(p, form.ball, run.eta, params.kktTolerance);
  let search: number | null = null;
  const d = p.w.length;
  if (d <= 5 && params.searchSamples > 0) {
    const rng = makeRng(searchSeed);
    let best = -Infinity;
    for (let s = 0; s < params.searchSamples; s++) {
      const eta =
        form.ball === 'l2'
          ? s % 2 === 0
            ? sampleL2Ball(rng, d, p.eps)
            : sampleL2Sphere(rng, d, p.eps)
          : s % 2 === 0
            ? sampleLinfBox(rng, d, p.eps)
            : Float64Array.from({ length: d }, () => (rng.next() < 0.5 ? -p.eps : p.eps));
      best = Math.max(best, lossArgument(p.x, p.y, p.w, eta));
    }
    search = softplus(best);
  }
  // The printed ball 𝔹_p(x^n, ε): η = x^n + ζ with ‖ζ‖ ≤ ε, i.e. the attack runs from 2x^n.
  const printed = pgd(
    obj,
    Float64Array.from(p.x, (v) => 2 * v),
    options,
  );
  const tol = params.relTolerance * Math.max(1, closed);
  const ok = certified && Math.abs(run.loss - closed) <= tol && (search === null || search <= closed + tol);
  return { p, form, closed, pgdValue: run.loss, certified, search, printedValue: printed.loss, seed, ok };
}

/** The `robust-inner-max` checker (Eq. (4)): inner max of the linear model = softplus(−y w·x + ε‖w‖_q). */
export const robustInnerMax = defineChecker({
  kind: 'robust-inner-max',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'inner max of Eq. (4) for the linear model equals softplus(−y w·x + ε‖w‖_q): PGD with KKT certificate and random search',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = verdictBase(claim, ctx, 'robust-inner-max');
    const rows: Row[] = [];
    for (const [i, p] of instances(claim, ctx, params).entries()) {
      for (const form of params.forms) {
        rows.push(
          evaluate(
            p,
            form,
            params,
            deriveSeed(ctx.seed, `start-${i}-${form.ball}`),
            deriveSeed(ctx.seed, `search-${i}-${form.ball}`),
          ),
        );
      }
    }
    const dims = [...new Set(rows.map((r) => r.p.w.length))];
    const perForm = params.forms.map((f) => {
      const rs = rows.filter((r) => r.form === f);
      const maxRel = Math.max(...rs.map((r) => Math.abs(r.pgdValue - r.closed) / Math.max(1, r.closed)));
      const searched = rs.filter((r) => r.search !== null);
      return {
        form: f,
        ok: rs.every((r) => r.ok),
        line:
          `${NORM_TEX[f.ball]} ball, closed form softplus(−y w·x + ε${DUAL_TEX[f.dualNorm]}): ${rs.filter((r) => r.ok).length} of ${rs.length} instances agree (d ∈ {${dims.join(', ')}}); ` +
          `max |PGD − closed form|/max(1, closed form) = ${formatNumber(maxRel, 3)}; PGD end point KKT-certified in ${rs.filter((r) => r.certified).length} of ${rs.length}; ` +
          `random search (${params.searchSamples} points, d ≤ 5) never above the closed form in ${searched.filter((r) => r.search! <= r.closed * (1 + params.relTolerance) + params.relTolerance).length} of ${searched.length}`,
      };
    });
    const details = perForm.map((f) => f.line);
    const printedDiff = rows.filter(
      (r) => Math.abs(r.printedValue - r.closed) > params.relTolerance * Math.max(1, r.closed),
    );
    details.push(
      `printed ball 𝔹_p(x^n, ε) (centred at x^n): its inner max differs from the closed form in ${printedDiff.length} of ${rows.length} instances (it is attained at η^n = x^n + η*, i.e. x′ = 2x^n + η*)`,
      `PGD settings: ${params.pgdSteps} steps, λ = ${params.stepFactor}ε, random start (L2: uniform radius × direction; L∞: uniform in the box), seeds derived from ${ctx.seed}`,
      'over the OPEN ball of the printed text the supremum equals the same closed form but is not attained (see eq02-adversarial-example)',
    );
    const data = {
      instances: rows.length,
      dims,
      forms: perForm.map((f) => ({ ...f.form, ok: f.ok })),
      printedCentreDiffers: printedDiff.length,
    };
    const bad = rows.find((r) => !r.ok);
    const closed = {
      holds: !bad,
      summary: bad
        ? perForm
            .filter((f) => !f.ok)
            .map((f) => f.line)
            .join('; ')
        : perForm.map((f) => f.line).join('; '),
      ...(bad
        ? {
            witness: {
              point: { ...instancePoint(bad.p), ball: NORM_TEX[bad.form.ball], pgdStartSeed: String(bad.seed) },
              paperValue: `closed form softplus(−y w·x + ε${DUAL_TEX[bad.form.dualNorm]}) = ${formatNumber(bad.closed, 12)}`,
              ourValue: `inner max by PGD${bad.certified ? ' (KKT-certified)' : ''} = ${formatNumber(bad.pgdValue, 12)}${bad.search !== null ? `, best random-search value ${formatNumber(bad.search, 12)}` : ''}`,
            } satisfies Witness,
          }
        : {}),
    };
    // Centred at x^n the inner max is attained at η^n = x^n + η*: it differs from the closed form.
    const w0 = printedDiff[0];
    const centre: CentreResult | undefined = w0
      ? {
          count: printedDiff.length,
          details: [],
          witness: {
            point: { ...instancePoint(w0.p), ball: NORM_TEX[w0.form.ball] },
            paperValue: `inner max over η^n ∈ 𝔹_p(x^n, ε) as printed = ${formatNumber(w0.printedValue, 12)} (attained at η^n = x^n + η*)`,
            ourValue: `inner max over ‖η^n‖_p ≤ ε = softplus(−y w·x + ε${DUAL_TEX[w0.form.dualNorm]}) = ${formatNumber(w0.closed, 12)}`,
          },
        }
      : undefined;
    const rs = params.readings.readings;
    const pts = [...new Set(rows.map((r) => r.p))];
    const open = rs.some((r) => r.boundary === 'open')
      ? openBallAnalysis(
          pts.filter((p) => p.w.length <= 5),
          { norms: [...new Set(params.forms.map((f) => f.ball))], maxDeltaExponent: params.maxDeltaExponent },
          makeRng(deriveSeed(ctx.seed, 'open')),
        )
      : undefined;
    return decideReadings({
      base,
      readings: readingsResult(
        params.readings,
        rs.map((r) =>
          ballReadingOutcome(r, {
            ...(rs.some((x) => x.centre === 'x')
              ? { centre: centre ?? { count: 0, details: [], witness: undefined } }
              : {}),
            ...(open ? { open } : {}),
            closed,
          }),
        ),
      ),
      evidence: { summary: perForm.map((f) => f.line).join('; '), details, data },
      basis: {
        kind: 'tested',
        what: `${rows.length} seeded (instance, ball) pairs: PGD end points KKT-certified and compared with the closed form${params.searchSamples > 0 ? `, ${params.searchSamples} random-search points at d ≤ 5` : ''}`,
      },
    });
  },
});
