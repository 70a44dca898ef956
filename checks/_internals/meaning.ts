/**
 * Shared by the "meaning of statements (numeric)" checkers: the verdict fields every verdict carries, and seeded draws
 * of (x, y, w, ε) from the domains a claim record declares (so the domain of validity travels with the claim).
 */
import type { CheckContext } from '../../src/claims/checker.ts';
import type { LoadedClaim } from '../../src/claims/loaded.ts';
import type { Domain } from '../../src/claims/schema.ts';
import type { Rng } from '../../src/rng.ts';
import { formatExactVector } from '../../src/format/number.ts';
import type { Label } from '../../src/attack/linear-model.ts';
import { norm2 } from '../../src/numeric/vector.ts';
import { sampleDecimalVector } from '../../src/noise/sample.ts';
import { ClaimcheckError } from '../../src/errors.ts';

/** The fields every verdict of a checker carries. */
export function verdictBase(
  claim: LoadedClaim,
  ctx: CheckContext,
  checker: string,
): { claimId: string; seed: number; checker: string } {
  return { claimId: claim.id, seed: ctx.seed, checker };
}

type VectorDomain = Extract<Domain, { type: 'vector' }>;
type IntervalDomain = Extract<Domain, { type: 'interval' }>;

/** The vector domain the record declares for `name`, or `fallback` when it declares none. */
export function vectorDomain(claim: LoadedClaim, name: string, fallback: VectorDomain): VectorDomain {
  const v = claim.variables.find((x) => x.name === name);
  if (!v) return fallback;
  if (v.domain.type !== 'vector') {
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claim.id}: field variables: ${name} must have a vector domain, got ${v.domain.type}`,
    );
  }
  return v.domain;
}

/** The interval domain the record declares for `name`, or `fallback` when it declares none. */
export function intervalDomain(claim: LoadedClaim, name: string, fallback: IntervalDomain): IntervalDomain {
  const v = claim.variables.find((x) => x.name === name);
  if (!v) return fallback;
  if (v.domain.type !== 'interval') {
    throw new ClaimcheckError(
      'INVALID_RECORD',
      `claim record ${claim.id}: field variables: ${name} must have an interval domain, got ${v.domain.type}`,
    );
  }
  return v.domain;
}

/** A vector of the domain with 4-decimal components (exact printout), redrawn until ‖v‖₂ ≥ minNorm. */
export function drawVector(rng: Rng, d: number, dom: VectorDomain): Float64Array {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const v = sampleDecimalVector(rng, d, dom.lo, dom.hi, 4);
    if (norm2(v) >= dom.minNorm && (dom.minNorm === 0 || norm2(v) > 0)) return v;
  }
  throw new ClaimcheckError(
    'CHECK_FAILED',
    `drawVector: no vector with norm >= ${dom.minNorm} in [${dom.lo}, ${dom.hi}]^${d} after 1000 draws`,
  );
}

/** A 4-decimal number of the interval, open ends excluded. */
export function drawScalar(rng: Rng, dom: IntervalDomain): number {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const v = Math.round(rng.uniform(dom.lo, dom.hi) * 1e4) / 1e4;
    if ((dom.loOpen && v <= dom.lo) || (dom.hiOpen && v >= dom.hi) || v < dom.lo || v > dom.hi) continue;
    return v;
  }
  throw new ClaimcheckError(
    'CHECK_FAILED',
    `drawScalar: no value in the interval (${dom.lo}, ${dom.hi}) after 1000 draws`,
  );
}

/** One sampled instance of the linear model's attack problem. */
export interface Instance {
  readonly x: Float64Array;
  readonly y: Label;
  readonly w: Float64Array;
  readonly eps: number;
}

/** Default domains (those of proofs/variables.ts) for records that declare none. */
export const DEFAULT_DOMAINS = {
  x: { type: 'vector', lo: -2, hi: 2, minNorm: 0 } as VectorDomain,
  w: { type: 'vector', lo: -2, hi: 2, minNorm: 0.1 } as VectorDomain,
  eps: { type: 'interval', lo: 0, hi: 2, loOpen: true, hiOpen: false } as IntervalDomain,
} as const;

/** Draws (x, y, w, ε) from the record's domains; y alternates with `index` so both labels are covered. */
export function drawInstance(claim: LoadedClaim, rng: Rng, d: number, index: number): Instance {
  const x = drawVector(rng, d, vectorDomain(claim, 'x', DEFAULT_DOMAINS.x));
  const w = drawVector(rng, d, vectorDomain(claim, 'w', DEFAULT_DOMAINS.w));
  const eps = drawScalar(rng, intervalDomain(claim, 'eps', DEFAULT_DOMAINS.eps));
  return { x, y: index % 2 === 0 ? 1 : -1, w, eps };
}

/** The instance as exact decimal strings (a witness point). */
export function instancePoint(p: Instance): Record<string, string> {
  return {
    d: String(p.w.length),
    x: formatExactVector(p.x),
    y: String(p.y),
    w: formatExactVector(p.w),
    eps: String(p.eps),
  };
}
