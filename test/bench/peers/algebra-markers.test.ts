import { describe, expect, it } from 'vitest';
import { create, all, type MathNode } from 'mathjs';
import { markDerivative, markersAsCalls, stripMarkers, toSympySyntax } from '../../../bench/peers/algebra-markers.ts';
import { scalarSymbols, substitute } from '../../../src/decide/formula.ts';
import { mathjsEngine, mathjsEvaluator } from '../../../src/engines/mathjs.ts';

const m = create(all, {});
const point = {
  w_1: '0.731',
  w_2: '-1.25',
  ws_1: '0.4',
  ws_2: '0.15',
  x_1_1: '0.5',
  x_2_1: '-0.25',
  y_1: '-1',
  c_1: '0.3',
  kappa_1: '0.2',
};
const at64 = (expr: string) => mathjsEvaluator.evaluate(expr, point, 64);

/** The peer's reading of `DERIV_k(a…)`, done with mathjs: derivative k with its symbols replaced by the arguments. */
function resolveCalls(expr: string, derivs: readonly { readonly form: string; readonly args: readonly string[] }[]) {
  return m
    .parse(expr)
    .transform((node: MathNode) => {
      const n = node as MathNode & { fn?: { name?: string }; args?: MathNode[] };
      const k = /^DERIV_(\d+)$/.exec(n.type === 'FunctionNode' ? (n.fn?.name ?? '') : '')?.[1];
      if (k === undefined) return node;
      const d = derivs[Number(k)]!;
      const byName = new Map(d.args.map((s, i) => [s, n.args![i]!]));
      return m.parse(d.form).transform((x: MathNode) => {
        const sym = x as MathNode & { name?: string };
        return x.type === 'SymbolNode' && byName.has(String(sym.name))
          ? new m.ParenthesisNode(byName.get(String(sym.name))!)
          : x;
      });
    })
    .toString();
}

describe('derivative markers (bench/peers/algebra-markers.ts)', () => {
  const f = 'log(1 + exp(-y_1 * (w_1 * x_1_1 + w_2 * x_2_1) + y_1 * c_1 * sqrt(w_1^2 + w_2^2)))';
  const d = mathjsEngine.derivative(f, 'w_1');
  const marked = `(${markDerivative(0, d)}) * kappa_1 + 2`;
  const plain = `(${d}) * kappa_1 + 2`;
  const subs = [{ target: 'w_{k}', expr: 'ws_{k}' }];

  it('leave the sampled symbols and, once stripped, the evaluated string as they are without markers', () => {
    expect(scalarSymbols(marked)).toEqual(scalarSymbols(plain));
    expect(stripMarkers(marked)).toBe(plain);
    const substituted = substitute(marked, subs, 2, 1);
    expect(scalarSymbols(substituted)).toEqual(scalarSymbols(substitute(plain, subs, 2, 1)));
    expect(stripMarkers(substituted)).toBe(substitute(plain, subs, 2, 1));
  });

  it('carry a substitution to the call form, which evaluates as the substituted derivative does', () => {
    const derivs = [{ form: d, args: scalarSymbols(d) }];
    for (const s of [
      marked,
      substitute(marked, subs, 2, 1),
      substitute(marked, [{ target: 'c_{n}', expr: 'y_{n}' }], 2, 1),
    ]) {
      const calls = markersAsCalls(s);
      expect(calls).toMatch(/^\(DERIV_0\(/);
      expect(at64(resolveCalls(calls, derivs))).toBe(at64(stripMarkers(s)));
    }
    expect(markersAsCalls(substitute(marked, subs, 2, 1))).toContain('DERIV_0(c_1, (ws_1), (ws_2), x_1_1, x_2_1, y_1)');
  });

  it('leave strings without markers alone', () => {
    expect(stripMarkers(plain)).toBe(plain);
    expect(markersAsCalls(plain)).toBe(plain);
  });
});

describe('toSympySyntax', () => {
  const back = (s: string) => s.replaceAll('**', '^');
  const cases = [
    '-(w_1)^2 + (-w_2)^2',
    '2^-w_1 * w_2^2^0.5',
    'w_1 / w_2 * x_1_1 - -(x_2_1)',
    '(0.15 * w_1 + 1e-40) / sqrt(w_1^2 + w_2^2)',
    'exp(-(y_1) * (w_1)) * log(1 + abs(w_2)) - cos(x_1_1) * sin(x_2_1)',
    '1.0000000000000000000000000001 * w_1',
  ];

  it('prints an expression that evaluates as the original (read back with ^ for **)', () => {
    for (const c of cases) expect(at64(back(toSympySyntax(c)))).toBe(at64(c));
  });

  it('keeps decimal literals exact and writes powers as **', () => {
    expect(toSympySyntax('1.0000000000000000000000000001 * w_1')).toContain('1.0000000000000000000000000001');
    expect(toSympySyntax('w_1^2')).toBe('w_1 ** 2');
  });

  it('drops the parentheses the checkers wrap around every operand', () => {
    const terms = Array.from({ length: 60 }, (_, k) => `w_${(k % 2) + 1}`);
    const nested = terms.reduce((a, b) => `(${a}) + (${b})`);
    const printed = toSympySyntax(nested);
    expect(printed).not.toContain('(');
    expect(at64(back(printed))).toBe(at64(nested));
  });
});
