/**
 * Conventions: words of the paper that admit several readings and appear in more than one claim. Every claim that
 * uses a convention is decided under each of its readings (the same list everywhere), so one reading carries over from
 * a claim to the claims that build on it, and the report can say which reading the whole paper needs.
 */
import type { Reading } from '../../src/claims/verdict.ts';

/** A named set of readings, with the paper's words that admit them. */
export interface Convention<R extends Reading = Reading> {
  readonly id: string;
  readonly question: string;
  /** The paper's words, verbatim (a test asserts they occur in the paper text). */
  readonly quote: string;
  readonly readings: readonly R[];
}

/** A reading of θ^n: cos θ^n in terms of w and η^n, and w·η^n in terms of cos θ^n (patterns of `src/decide/sampler.ts`). */
export interface ThetaReading extends Reading {
  readonly cosTheta: string;
  readonly dotWEta: string;
}

/**
 * θ^n of Eq. (7). The paper writes w·η^n through ‖w‖‖η^n‖ cos θ^n ("the L2 norm due to the inner product"), whose
 * literal angle is the one between w and η^n.
 */
export const THETA: Convention<ThetaReading> = {
  id: 'theta',
  question: 'from which direction is the angle θ^n of η^n measured?',
  quote: 'can be written with adversarial noise',
  readings: [
    {
      id: 'theta-from-w',
      statement: 'θ^n is the angle between w and η^n (cos θ^n = w·η^n/(‖w‖‖η^n‖))',
      literal: true,
      cosTheta: 'DOT(w, eta_{n}) / (NORM(w) * NORM(eta_{n}))',
      dotWEta: 'NORM(w) * NORM(eta_{n}) * c_{n}',
    },
    {
      id: 'theta-from-minus-w',
      statement: 'θ^n is the angle between −w and η^n (cos θ^n = −w·η^n/(‖w‖‖η^n‖))',
      literal: false,
      cosTheta: '-DOT(w, eta_{n}) / (NORM(w) * NORM(eta_{n}))',
      dotWEta: '-NORM(w) * NORM(eta_{n}) * c_{n}',
    },
  ],
};

/** A reading of the constraint set 𝔹_p(x^n, ε): where its centre is, and whether its boundary belongs to it. */
export interface BallReading extends Reading {
  readonly centre: 'x' | 'origin';
  readonly boundary: 'open' | 'closed';
}

/**
 * 𝔹_p(x^n, ε) of Eqs. (2), (4) and (5), "the region around x^n where the L_p norm is less than ε", with η^n ∈ 𝔹_p.
 * Literally: centred at x^n (so it bounds ‖η^n − x^n‖) and open ("less than").
 */
export const BALL: Convention<BallReading> = {
  id: 'ball',
  question: 'which set does η^n range over in 𝔹_p(x^n, ε)?',
  quote: 'norm is less than',
  readings: [
    {
      id: 'ball-x-open',
      statement: 'η^n ranges over the open ball ‖η^n − x^n‖_p < ε (centred at x^n, as printed)',
      literal: true,
      centre: 'x',
      boundary: 'open',
    },
    {
      id: 'ball-x-closed',
      statement: 'η^n ranges over the closed ball ‖η^n − x^n‖_p ≤ ε (centred at x^n)',
      literal: false,
      centre: 'x',
      boundary: 'closed',
    },
    {
      id: 'ball-0-open',
      statement: 'η^n ranges over the open ball ‖η^n‖_p < ε (x^n + η^n within ε of x^n)',
      literal: false,
      centre: 'origin',
      boundary: 'open',
    },
    {
      id: 'ball-0-closed',
      statement: 'η^n ranges over the closed ball ‖η^n‖_p ≤ ε (x^n + η^n within ε of x^n, boundary included)',
      literal: false,
      centre: 'origin',
      boundary: 'closed',
    },
  ],
};

/** A reading of an implicit quantifier: the sentence holds in every comparison it implies, or in most of them. */
export interface QuantifierReading extends Reading {
  readonly quantifier: 'every' | 'most';
}

/**
 * The readings of a sentence's quantifier, for one claim (not shared: each sentence has its own). `literal` is what
 * the words say: `every` for a plain statement ("the gap is larger"), `most` for "in most cases".
 */
export function quantifierReadings(
  claimId: string,
  literal: 'every' | 'most',
): { convention: string; question: string; readings: QuantifierReading[] } {
  return {
    convention: claimId,
    question: 'does the sentence hold in every comparison it implies, or in most of them?',
    readings: [
      {
        id: 'every',
        statement: 'in every comparison the sentence implies',
        literal: literal === 'every',
        quantifier: 'every',
      },
      {
        id: 'most',
        statement: 'in more than half of the comparisons the sentence implies',
        literal: literal === 'most',
        quantifier: 'most',
      },
    ],
  };
}

/** A reading of where PGD starts. */
export interface StartReading extends Reading {
  readonly start: 'zero' | 'random';
}

/**
 * Where PGD starts: Eq. (3) as printed updates x^n from x^n itself (δ = 0); the settings the paper says it follows
 * (Madry et al. 2018 for MNIST2 and CIFAR10, Wu et al. 2020 for SVHN) start from a uniformly random point of the ball.
 */
export const PGD_START: Convention<StartReading> = {
  id: 'pgd-start',
  question: 'where does PGD start: at x^n (δ = 0), or at a uniformly random point of the ε-ball?',
  quote: 'The hyper-parameter settings for PGD were based on',
  readings: [
    { id: 'zero-start', statement: 'PGD starts at x^n (δ = 0), as Eq. (3) is printed', literal: true, start: 'zero' },
    {
      id: 'random-start',
      statement:
        'PGD starts at a uniformly random point of the ε-ball, as in the settings the paper follows (Madry et al. 2018; Wu et al. 2020)',
      literal: false,
      start: 'random',
    },
  ],
};

/** A reading of "sharpness": the top Hessian eigenvalue, or its filter-normalised form. */
export interface SharpnessReading extends Reading {
  readonly measure: 'eigenvalue' | 'normalised';
}

/**
 * "Sharpness" in the theory: §3.1 defines it as the eigenvalue of the Hessian "with the normalized weights" (filter
 * normalisation, Eq. (6): curvature along h with ‖h‖ = ‖w*‖, i.e. ‖w*‖²λmax), while Fig. 3 measures the eigenvalue
 * "without filter normalization".
 */
export const SHARPNESS: Convention<SharpnessReading> = {
  id: 'sharpness',
  question: 'is the sharpness the top Hessian eigenvalue, or the filter-normalised one that §3.1 defines?',
  quote: 'the definition of weight loss landscape sharpness is the eigenvalue of',
  readings: [
    {
      id: 'normalised',
      statement: 'the filter-normalised top eigenvalue ‖w*‖²λmax (§3.1: "with the normalized weights")',
      literal: true,
      statedQuote:
        'we use filter normalization with weights. In other words, the definition of weight loss landscape sharpness is the eigenvalue of',
      measure: 'normalised',
    },
    {
      id: 'eigenvalue',
      statement: 'the top Hessian eigenvalue λmax, without normalisation (as Fig. 3 measures it)',
      literal: false,
      measure: 'eigenvalue',
    },
  ],
};

/** Every shared convention, by id. */
export const CONVENTIONS: readonly Convention[] = [THETA, BALL, PGD_START, SHARPNESS];
