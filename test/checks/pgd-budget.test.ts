/**
 * Proves the `pgd-budget` checker: settings with steps × step ≥ ε confirm, shorter budgets hold only under a random
 * start with the cells listed; and pins the paper's three settings (MNIST2 fine; CIFAR10 16/255 and SVHN 8–16/255
 * training short).
 */
import { describe, expect, it } from 'vitest';
import { pgdBudget } from '../../checks/pgd-budget.ts';
import { pgdBudgetCifar10 } from '../../proofs/pgd-budget-cifar10.ts';
import { pgdBudgetMnist2 } from '../../proofs/pgd-budget-mnist2.ts';
import { pgdBudgetSvhn } from '../../proofs/pgd-budget-svhn.ts';
import { PGD_START } from '../../proofs/_data/conventions.ts';
import { record, verdictOf as runVerdict } from './table-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('pgd-budget', runVerdict);

const EPS = '\\varepsilon=\\left\\{0,\\frac{4}{255},\\frac{8}{255}\\right\\}';

function setting(step: string, inputDim = 3072) {
  return record(
    'pgd-budget',
    {
      readings: {
        convention: PGD_START.id,
        question: PGD_START.question,
        quote: PGD_START.quote,
        readings: [...PGD_START.readings],
      },
      settings: [
        {
          dataset: 'D',
          norm: 'Linf',
          epsSet: 'eps-set',
          stepSize: 'step-size',
          iterations: { train: 'train', eval: 'eval' },
          inputDim,
        },
      ],
    },
    {
      latex: [
        { printed: EPS, role: 'eps-set', parse: false },
        { printed: step, role: 'step-size', parse: false },
        { printed: '4', role: 'train', parse: false },
        { printed: '10', role: 'eval', parse: false },
      ],
    },
  );
}

describe('pgd-budget on hand-made settings', () => {
  it('confirms 4 × 2/255 ≥ 8/255', async () => {
    expect((await verdictOf(pgdBudget, setting('\\frac{2}{255}'))).status).toBe('confirmed');
  });

  it('holds only under a random start for 4 × 1/255 < 8/255, listing the short cell', async () => {
    const v = await verdictOf(pgdBudget, setting('\\frac{1}{255}'));
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', convention: 'pgd-start', reading: { id: 'random-start' } });
    expect(v.witness.point).toMatchObject({ phase: 'train', eps: '8/255' });
    expect(v.witness.ourValue).toBe('steps × step = 4/255 < ε');
    expect(v.underCondition.summary).toContain('D train ε=8/255: 0.250');
  });

  it('refutes 4 × 1/255 < 8/255 in one dimension, where a random start reaches the boundary with probability 0.25', async () => {
    const v = await verdictOf(pgdBudget, setting('\\frac{1}{255}', 1));
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.readings?.outcomes.map((o) => o.outcome)).toEqual(['fails', 'fails']);
  });

  it('rejects an iteration count that is not a whole number', async () => {
    const rec = setting('\\frac{2}{255}');
    (rec.latex as { printed: string; role: string }[])[2]!.printed = '4.5';
    await expect(verdictOf(pgdBudget, rec)).rejects.toThrow(/iteration count "4.5"/);
  });
});

describe('pgd-budget on the paper (regression)', () => {
  it('MNIST2: confirmed (40 × 0.15ε = 6ε; 40 × 0.01 = 0.4 ≥ 76.5/255)', async () => {
    expect((await verdictOf(pgdBudget, pgdBudgetMnist2)).status).toBe('confirmed');
  });

  it('CIFAR10: holds under a random start; training at 16/255 has 7 × 2/255 = 14/255', async () => {
    const v = await verdictOf(pgdBudget, pgdBudgetCifar10);
    expect(v.status).toBe('holds-under');
    expect(v.readings?.outcomes[0]?.summary).toBe(
      '1 of 8 (phase, ε > 0) cells cannot reach ‖δ‖ = ε from δ = 0: CIFAR10 train ε=16/255 (14/255)',
    );
  });

  it('SVHN: holds under a random start; training at 8, 12 and 16/255 has 7 × 1/255 = 7/255', async () => {
    const v = await verdictOf(pgdBudget, pgdBudgetSvhn);
    expect(v.status).toBe('holds-under');
    expect(v.readings?.outcomes[0]?.summary).toBe(
      '3 of 8 (phase, ε > 0) cells cannot reach ‖δ‖ = ε from δ = 0: SVHN train ε=8/255 (7/255), SVHN train ε=12/255 (7/255), SVHN train ε=16/255 (7/255)',
    );
  });
});
