/**
 * The `argmax-angle` checker (§3.2, "Since an adversarial example must increase the loss, Lemma 1 shows y^n cos θ^n =
 * 1"): the perturbation of a given norm that maximises the printed loss of perturbed data (role `loss`, Eq. (7) first
 * line), found by brute force — seeded random search on the sphere ‖η^n‖ = r, then projected gradient ascent on it
 * with the CAS gradient of the printed loss — and y^n cos θ^n of that maximiser under each reading of θ^n, against the
 * printed value.
 */
import { z } from 'zod';
import { defineChecker, type CheckContext } from '../src/claims/checker.ts';
import type { LoadedClaim } from '../src/claims/loaded.ts';
import type { ReadingOutcome, Verdict, Witness } from '../src/claims/verdict.ts';
import { decideReadings } from '../src/claims/readings.ts';
import { lowerRole, type Instance } from '../src/decide/formula.ts';
import { expandConstruction } from '../src/decide/sampler.ts';
import { deriveSeed, makeRng } from '../src/rng.ts';
import { formatNumber } from '../src/format/number.ts';
import { sampleDirection } from '../src/noise/sample.ts';
import { drawScalar, drawVector, DEFAULT_DOMAINS, vectorDomain, verdictBase } from './_internals/meaning.ts';
import { readingsSchema, readingsResult, readingOf } from './params.ts';

const ParamsSchema = z.object({
  /** Role of the printed loss of perturbed data. */
  loss: z.string().default('loss'),
  /** The value of y^n cos θ^n the sentence states. */
  value: z.number(),
  readings: readingsSchema({ cosTheta: z.string().min(1) }),
  /** Random instances (x, y, w, ‖η‖) per dimension. */
  pointsPerDim: z.number().int().min(1).default(4),
  searchSamples: z.number().int().min(10).default(300),
  ascentSteps: z.number().int().min(1).default(80),
  /** |y cos θ − value| at or below which the maximiser counts as stating the value. */
  tolerance: z.number().positive().default(1e-6),
});
type Params = z.infer<typeof ParamsSchema>;

interface Maximiser {
  readonly d: number;
  readonly point: Record<string, string>;
  readonly eta: Float64Array;
  readonly gain: number;
  /** Norm of the tangential gradient at the end point (0 at a maximiser on the sphere). */
  readonly tangential: number;
}

function maximise(claim: LoadedClaim, p: Params, ctx: CheckContext, d: number, k: number): Maximiser {
  const inst: Instance = { d, N: 1, bind: new Map() };
  const loss = lowerRole(claim, p.loss, inst, ctx.engines);
  const etas = Array.from({ length: d }, (_, i) => `eta_${i + 1}_1`);
  const grad = etas.map((e) => ctx.engines.primary.derivative(loss, e));
  const rng = makeRng(deriveSeed(ctx.seed, `instance-${d}-${k}`));
  const x = drawVector(rng, d, vectorDomain(claim, 'x', DEFAULT_DOMAINS.x));
  const w = drawVector(rng, d, vectorDomain(claim, 'w', DEFAULT_DOMAINS.w));
  const etaDom = vectorDomain(claim, 'eta', { type: 'vector', lo: -1, hi: 1, minNorm: 0.05 });
  const r = drawScalar(rng, {
    type: 'interval',
    lo: Math.max(etaDom.minNorm, 0.05),
    hi: Math.max(etaDom.hi, 0.1),
    loOpen: false,
    hiOpen: false,
  });
  const y = k % 2 === 0 ? 1 : -1;
  const base: Record<string, string> = { y_1: String(y), N: '1' };
  for (let i = 0; i < d; i++) {
    base[`x_${i + 1}_1`] = String(x[i]);
    base[`w_${i + 1}`] = String(w[i]);
  }
  const at = (eta: Float64Array): Record<string, string> => {
    const pt = { ...base };
    eta.forEach((v, i) => (pt[`eta_${i + 1}_1`] = String(v)));
    return pt;
  };
  const value = (eta: Float64Array) => Number(ctx.engines.evaluator.evaluate(loss, at(eta), 20));
  let best = sampleDirection(rng, d).map((v) => v * r);
  let bestValue = value(best);
  for (let s = 1; s < p.searchSamples; s++) {
    const eta = sampleDirection(rng, d).map((v) => v * r);
    const v = value(eta);
    if (v > bestValue) {
      best = eta;
      bestValue = v;
    }
  }
  // Projected gradient ascent on the sphere ‖η‖ = r.
  let tangential = Infinity;
  let step = r;
  for (let t = 0; t < p.ascentSteps; t++) {
    const pt = at(best);
    const g = grad.map((e) => Number(ctx.engines.evaluator.evaluate(e, pt, 20)));
    const radial = g.reduce((a, v, i) => a + v * best[i]!, 0) / (r * r);
    const tg = g.map((v, i) => v - radial * best[i]!);
    tangential = Math.hypot(...tg);
    if (tangential < 1e-15) break;
    const cand = best.map((v, i) => v + (step * tg[i]!) / tangential);
    const n = Math.hypot(...cand);
    const next = cand.map((v) => (v * r) / n);
    const nv = value(next);
    if (nv >= bestValue) {
      best = next;
      bestValue = nv;
    } else {
      step /= 2;
    }
  }
  const zero = new Float64Array(d);
  return { d, point: at(best), eta: best, gain: bestValue - value(zero), tangential };
}

/** The `argmax-angle` checker: y^n cos θ^n of the brute-force maximiser of the printed loss, per reading of θ^n. */
export const argmaxAngle = defineChecker({
  kind: 'argmax-angle',
  verdicts: ['confirmed', 'refuted', 'holds-under', 'inconclusive'],
  description:
    'y cos θ of the perturbation that maximises the printed loss at fixed ‖η‖ (random search + projected ascent), under each reading of θ',
  params: ParamsSchema,
  check(claim, params, ctx): Verdict {
    const base = verdictBase(claim, ctx, 'argmax-angle');
    const dims = ctx.dims.filter((d) => d <= 3);
    const maxima: Maximiser[] = dims.flatMap((d) =>
      Array.from({ length: params.pointsPerDim }, (_, k) => maximise(claim, params, ctx, d, k)),
    );
    const outcomes: ReadingOutcome[] = params.readings.readings.map((r) => {
      const reading = readingOf(r);
      const values = maxima.map((m) => {
        const cos = Number(
          ctx.engines.evaluator.evaluate(
            expandConstruction({ target: '_', expr: r.cosTheta }, m.d, 1)[0]!.expr,
            m.point,
            20,
          ),
        );
        return { m, yc: Number(m.point.y_1) * cos };
      });
      const worst = values.reduce(
        (a, v) => (Math.abs(v.yc - params.value) > Math.abs(a.yc - params.value) ? v : a),
        values[0]!,
      );
      const summary = `y^n cos θ^n at the maximiser: ${values.map((v) => formatNumber(v.yc, 8)).join(', ')} (${maxima.length} instances, d ∈ {${dims.join(', ')}})`;
      if (Math.abs(worst.yc - params.value) <= params.tolerance) return { ...reading, outcome: 'holds', summary };
      const witness: Witness = {
        point: {
          ...worst.m.point,
          'η* (maximiser)': `[${Array.from(worst.m.eta, (v) => formatNumber(v, 8)).join(', ')}]`,
        },
        paperValue: `y^n cos θ^n = ${params.value}`,
        ourValue: `y^n cos θ^n = ${formatNumber(worst.yc, 10)} at the maximiser of the loss over ‖η^n‖ = ${formatNumber(Math.hypot(...worst.m.eta), 6)}`,
      };
      return { ...reading, outcome: 'fails', summary, witness };
    });
    const increase = maxima.every((m) => m.gain > 0);
    return decideReadings({
      base,
      readings: readingsResult(params.readings, outcomes),
      evidence: {
        summary: `the maximiser of the printed loss over the sphere ‖η^n‖ = r ${increase ? 'increases the loss in every instance' : 'does NOT increase the loss in every instance'}; largest tangential gradient at the end points ${formatNumber(Math.max(...maxima.map((m) => m.tangential)), 2)}`,
        details: maxima.map(
          (m) =>
            `d = ${m.d}, y = ${m.point.y_1}: loss gain ${formatNumber(m.gain, 6)}, tangential gradient ${formatNumber(m.tangential, 2)}`,
        ),
      },
      basis: {
        kind: 'tested',
        what: `${maxima.length} seeded instances: ${params.searchSamples} random directions, then ${params.ascentSteps} projected-ascent steps with the CAS gradient (20-digit evaluation)`,
      },
    });
  },
});
