import { describe, expect, it } from 'vitest';
import { compileDag, evaluateDag } from '../../src/engines/dag.ts';

const value = (expr: string, point: Record<string, string> = {}, digits = 40) =>
  evaluateDag(compileDag(expr), point, digits).toString();

describe('DAG evaluator', () => {
  it('shares repeated subexpressions', () => {
    expect(compileDag('exp(x) * exp(x) + exp(x)').ops.filter((o) => o.k === 'fn').length).toBe(1);
  });

  it('folds constants and identities without changing the value, whatever node ends up the root', () => {
    expect(value('(2) * (1)')).toBe('2');
    expect(value('2 - 1')).toBe('1');
    expect(value('(0) / (((0) + (1)) ^ (2))')).toBe('0');
    expect(value('(x + 1) * ((0) / (((0) + (1)) ^ (2)))', { x: '3' })).toBe('0');
    expect(value('((1) - (1)) + (x)', { x: '3' })).toBe('3');
    expect(value('x ^ (2 - 1) * 1 + 0', { x: '7' })).toBe('7');
  });

  it('keeps decimal literals exact (no rounding through a double)', () => {
    expect(value('0.1 + 0.2 - 0.3')).toBe('0');
    expect(value('1 + 1e-40') === '1').toBe(false);
  });
});
