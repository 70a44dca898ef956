/** Variables shared by the paper's formulas, with their domains (the domain travels with every claim that uses them). */
import type { ClaimRecordInput } from '../src/claims/schema.ts';
import { PER_POINT_OPTIMALITY } from './_data/assumptions.ts';

type Variable = NonNullable<ClaimRecordInput['variables']>[number];

export const w: Variable = {
  symbol: '\\bm{w}',
  name: 'w',
  domain: { type: 'vector', lo: -2, hi: 2, minNorm: 0.1 },
  description: 'weights w ∈ ℝ^d, ‖w‖ > 0',
};
export const ws: Variable = {
  symbol: '\\bm{w}^{\\ast}',
  name: 'ws',
  domain: { type: 'vector', lo: -2, hi: 2, minNorm: 0.1 },
  description: 'optimal weights w* ∈ ℝ^d, ‖w*‖ > 0',
};
export const x: Variable = {
  symbol: '\\bm{x}^{n}',
  name: 'x',
  domain: { type: 'vector', lo: -2, hi: 2, minNorm: 0 },
  description: 'data point x^n ∈ ℝ^d',
};
export const y: Variable = { symbol: 'y^{n}', name: 'y', domain: { type: 'sign' }, description: 'label y^n ∈ {−1, 1}' };
export const eta: Variable = {
  symbol: '\\bm{\\eta}^{n}',
  name: 'eta',
  domain: { type: 'vector', lo: -1, hi: 1, minNorm: 0.05 },
  description: 'perturbation η^n ∈ ℝ^d, ‖η^n‖ > 0',
};
export const eps: Variable = {
  symbol: '\\varepsilon',
  name: 'eps',
  domain: { type: 'interval', lo: 0, hi: 2, loOpen: true, hiOpen: false },
  description: 'perturbation budget ε ∈ (0, 2]',
};
export const N: Variable = {
  symbol: 'N',
  name: 'N',
  domain: { type: 'integer', min: 2, max: 3 },
  description: 'number of data points N',
};
export const c: Variable = {
  symbol: '\\cos\\theta^{n}',
  name: 'c',
  domain: { type: 'interval', lo: -1, hi: 1, loOpen: false, hiOpen: false },
  description: 'cos θ^n ∈ [−1, 1]',
};
export const v: Variable = {
  symbol: '\\bm{v}',
  name: 'v',
  domain: { type: 'vector', lo: -2, hi: 2, minNorm: 0.1 },
  description: 'a vector v ∈ ℝ^d',
};
export const u: Variable = {
  symbol: '\\bm{u}',
  name: 'u',
  domain: { type: 'vector', lo: -2, hi: 2, minNorm: 0.1 },
  description: 'an auxiliary random vector (builds v ⟂ w*)',
};
export const kappa: Variable = {
  symbol: '\\kappa^{n}',
  name: 'kappa',
  domain: { type: 'interval', lo: 0, hi: 2, loOpen: true, hiOpen: false },
  description: 'κ^n = g^n − 1 > 0',
};
export const r: Variable = {
  symbol: '\\left\\|\\bm{\\eta}^{n}\\right\\|',
  name: 'r',
  domain: { type: 'interval', lo: 0.05, hi: 2, loOpen: false, hiOpen: false },
  description: 'noise norm ‖η^n‖ (a scalar)',
};

/** The per-point optimality condition stated before Eq. (9): w*_i/‖w*‖ = y^n x_i^n/‖η^n‖ for every n, i. */
export const optimalityCondition = {
  assumption: PER_POINT_OPTIMALITY,
  constructions: [
    { target: 'w_{k}', expr: 'ws_{k}' },
    { target: 'x_{k}_{n}', expr: 'y_{n} * NORM(eta_{n}) * ws_{k} / NORM(ws)' },
  ],
  consequences: [
    {
      statement: '‖x^n‖ = ‖η^n‖ for every n (every point lies on the line through w*, at distance ‖η^n‖ from 0)',
      lhs: 'NORM(x_{n})',
      rhs: 'NORM(eta_{n})',
    },
    {
      statement: 'robust margin −y^n w*·x^n + ‖w*‖‖η^n‖ = 0, so the per-point robust loss is log 2',
      lhs: '-y_{n} * DOT(ws, x_{n})',
      rhs: '-NORM(ws) * NORM(eta_{n})',
    },
  ],
};
