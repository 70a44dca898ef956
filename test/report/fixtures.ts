/**
 * Hand-built check results covering every verdict status (and a transcribed record), for the report tests.
 */
import type { LoadedClaim } from '../../src/claims/loaded.ts';
import type { Verdict } from '../../src/claims/verdict.ts';
import type { CheckResult } from '../../src/claims/loaded.ts';
import type { ReportProvenance } from '../../src/report/provenance.ts';

/** A loaded claim with defaults filled; override any field. */
export function makeClaim(overrides: Partial<LoadedClaim> & Pick<LoadedClaim, 'id'>): LoadedClaim {
  return {
    title: `title of ${overrides.id}`,
    statement: `statement of ${overrides.id}`,
    location: { section: '3.2', equation: '(8)' },
    kind: 'formula',
    category: 'derivation',
    latex: [],
    notInPaper: [],
    unreadable: [],
    transcribed: false,
    variables: [],
    assumptions: [],
    dependsOn: [],
    measurements: [],
    params: {},
    parsedLatex: [],
    ...overrides,
  };
}

/** A deterministic provenance. */
export const provenance: ReportProvenance = {
  tool: 'claimcheck',
  version: '0.1.0',
  commit: '0123456789abcdef0123456789abcdef01234567',
  dirty: false,
  seed: 20210,
  paper: {
    file: 'yamada2021-adversarial-training-sharper-logistic.txt',
    sha256: '0'.repeat(64),
    bytes: 59957,
    title: 'Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression',
    authors:
      'Masanori Yamada, Sekitoshi Kanai, Tomoharu Iwata, Tomokatsu Takahashi, Yuki Yamanaka, Hiroshi Takahashi, Atsutoshi Kumagai',
  },
  selection: null,
  node: 'v20.20.2',
  engines: [
    { role: 'primary CAS', name: 'mathjs', version: '15.2.0' },
    { role: 'second opinion', name: 'nerdamer', version: '1.1.13' },
    { role: 'high-precision evaluator', name: 'mathjs BigNumber', version: '' },
  ],
  packages: { mathjs: '15.2.0', nerdamer: '1.1.13', '@cortex-js/compute-engine': null },
};

const confirmed: Verdict = {
  status: 'confirmed',
  claimId: 'eq07-loss',
  seed: 111,
  checker: 'formula',
  evidence: { summary: 'equal at 12 points: residual ≤ 1e-120', details: ['64 digits: 1e-60', '128 digits: 1e-125'] },
  derivedLatex: '\\log(1+e^{-y w^\\top x + \\varepsilon\\|w\\|})',
  basis: { kind: 'tested', what: 'randomized zero test at 12 points, 64 and 128 digits' },
  engines: [
    { engine: 'mathjs', agrees: true, note: 'derivative matches' },
    { engine: 'nerdamer', agrees: false, note: 'wrong chain rule through exp(sqrt)' },
    { engine: 'finite differences', agrees: null, note: 'not run' },
  ],
};

const refuted: Verdict = {
  status: 'refuted',
  claimId: 'eq08-gradient',
  seed: 222,
  checker: 'formula',
  evidence: { summary: 'differs | by a factor\nof 2', data: { rel: 0.5, bad: Number.NaN } },
  derivedLatex: '-y x_i \\sigma(z)',
  witness: { point: { w1: '0.5', y: '-1', eps: '0.25' }, paperValue: '0.731', ourValue: '-0.731' },
  correction: { latex: '-y x_i \\sigma(-z)', check: 'confirmed', evidence: 'equal at 12 points' },
};

const holdsUnder: Verdict = {
  status: 'holds-under',
  claimId: 'thm2-sharper',
  seed: 333,
  checker: 'sign',
  evidence: { summary: 'the eigenvalue grows with eps when w is aligned' },
  condition: {
    kind: 'assumption',
    assumption: {
      id: 'separable-data',
      statement: 'the data are linearly separable',
      source: { kind: 'paper', quote: 'the data are separable' },
    },
    check: {
      satisfiable: { status: 'yes', summary: 'constructed: two points on either side of a line' },
      forces: [{ statement: 'the optimum has ‖w‖ = ∞', status: 'forced' }],
      whereItMatters: {
        status: 'no',
        summary: 'MNIST2 is separable with margin 0.1',
        details: ['checked on 4,839 images'],
      },
    },
  },
  underCondition: { summary: 'the eigenvalue grows with eps at every constructed point' },
  witness: { point: { eps: '2' }, paperValue: 'increasing', ourValue: 'decreasing' },
};

const inconclusive: Verdict = {
  status: 'inconclusive',
  claimId: 'tab3-gap',
  seed: 444,
  checker: 'table',
  evidence: { summary: 'residuals did not separate' },
  reason: 'the 64- and 128-digit residuals disagree',
};

/** One result per verdict status; the holds-under one is a transcribed record. */
export const results: readonly CheckResult[] = [
  {
    claim: makeClaim({
      id: 'eq07-loss',
      latex: [{ role: 'definition', printed: 'L = \\log(1+\\exp(-y w^\\top x))', parse: true }],
      quote: 'we use the logistic loss',
    }),
    verdict: confirmed,
    millis: 12.5,
  },
  {
    claim: makeClaim({
      id: 'eq08-gradient',
      latex: [{ role: 'rhs', printed: '\\frac{\\partial L}{\\partial w_i}', parse: true }],
      assumptions: ['y ∈ {−1, 1}'],
      dependsOn: ['eq07-loss'],
    }),
    verdict: refuted,
    millis: 40,
  },
  {
    claim: makeClaim({
      id: 'thm2-sharper',
      location: { section: 'Appendix B', line: 3 },
      kind: 'sign',
      transcribed: true,
      transcription: 'lambda(eps) > lambda(0)',
    }),
    verdict: holdsUnder,
    millis: 1,
  },
  {
    claim: makeClaim({ id: 'tab3-gap', location: { section: '5.1', table: 'Table 3' }, kind: 'table' }),
    verdict: inconclusive,
    millis: 3,
  },
];
