/**
 * What this proves about src/experiments/mnist2/tables.ts: Tables 1–4 put our values beside the paper's printed
 * values taken from src/tables/paper-tables.ts (not copied by hand), on the union of ε rows, with "—" where a side is
 * missing; the ε = 0 row is the standard-training cell; and the audit and training tables list every cell.
 */
import { describe, expect, it } from 'vitest';
import { TABLE_1, TABLE_4 } from '../../../src/tables/paper-tables.ts';
import {
  mnist2AuditTable,
  mnist2PaperTable,
  mnist2Tables,
  mnist2TrainingTable,
  paperRows,
} from '../../../src/experiments/mnist2/tables.ts';
import type { AccuracyCount, Mnist2Cell, Mnist2Results } from '../../../src/experiments/mnist2/results.ts';
import type { BallNorm } from '../../../src/numeric/vector.ts';

const acc = (correct: number, count: number): AccuracyCount => ({
  robustAccuracy: (100 * correct) / count,
  correct,
  count,
  loss: 0.01,
});

function cell(
  norm: BallNorm,
  training: Mnist2Cell['training'],
  eps: number,
  epsLabel: string,
  trainCorrect: number,
  testCorrect: number,
): Mnist2Cell {
  const train = acc(trainCorrect, 4839);
  const test = acc(testCorrect, 2115);
  return {
    key: `${norm}-${training}-${epsLabel}`,
    norm,
    training,
    eps,
    epsLabel,
    seed: 1,
    w: [0.5],
    bias: false,
    train,
    test,
    gap: train.robustAccuracy - test.robustAccuracy,
    optimisation: {
      weightNorm: 3.5,
      finalGradNorm: 5e-9,
      epochs: 40,
      iterations: 38,
      weightDecay: 0.001,
      stopReason: 'projected gradient norm 5e-9 ≤ 1e-8',
    },
    attack: {},
    ...(eps > 0
      ? {
          pgdAudit: { exactLoss: 0.02, pgdLoss: 0.019, gap: 0.001, split: 'train' as const },
          pgdAudits: [
            {
              exactLoss: 0.02,
              pgdLoss: 0.019,
              gap: 0.001,
              split: 'train' as const,
              exactRobustAccuracy: 99,
              pgdRobustAccuracy: 99.5,
            },
            { exactLoss: 0.03, pgdLoss: 0.029, gap: 0.001, split: 'test' as const },
          ],
        }
      : {}),
  };
}

const results: Mnist2Results = {
  setting: 'full',
  seed: 20210,
  backend: 'float64',
  data: {
    trainImages: 'a',
    trainLabels: 'b',
    testImages: 'c',
    testLabels: 'd',
    sha256: {},
    trainCount: 4839,
    testCount: 2115,
    labelMap: 'digit 0 → y = −1, digit 1 → y = +1',
  },
  cells: [
    cell('l2', 'standard', 0, '0.00', 4836, 2114),
    cell('l2', 'pgd', 0.2, '0.20', 4830, 2110),
    cell('l2', 'random', 0.2, '0.20', 4835, 2114),
    cell('linf', 'standard', 0, '0/255', 4836, 2114),
    cell('linf', 'random', 76.5 / 255, '76.5/255', 4800, 2100),
  ],
};

describe('mnist2PaperTable', () => {
  it('Table 1: our ε = 0 (standard) and 0.20 (PGD) rows beside every printed row of the paper', () => {
    const t = mnist2PaperTable(results, 1);
    expect(t.title).toBe('Table 1: Robust accuracy against L2 PGD in MNIST2');
    expect(t.rows.map((r) => r[0])).toEqual(['0.00', '0.20', '0.40', '0.60', '0.80', '1.00']);
    const printed = paperRows(TABLE_1);
    t.rows.forEach((r, i) =>
      expect([r[2], r[4], r[6]]).toEqual([printed[i]!.train, printed[i]!.test, printed[i]!.gap]),
    );
    expect(t.rows[1]!.slice(0, 2)).toEqual(['0.20', ((100 * 4830) / 4839).toFixed(2)]);
    expect(t.rows[1]![7]).toBe('4,830/4,839');
    expect(t.rows[2]![1]).toBe('—');
    expect(t.caption).toContain('4,839 train / 2,115 test');
  });

  it('Table 4: our 76.5/255 row has no paper value (the paper prints ε up to 16/255)', () => {
    const t = mnist2PaperTable(results, 4);
    expect(t.rows.map((r) => r[0])).toEqual([...paperRows(TABLE_4).map((p) => p.epsText), '76.5/255']);
    expect(t.rows.at(-1)!.slice(2, 3)).toEqual(['—']);
    expect(t.rows[0]![1]).toBe(((100 * 4836) / 4839).toFixed(2));
  });
});

describe('audit and training tables', () => {
  it('list every audited split and every cell', () => {
    expect(mnist2AuditTable(results).rows.length).toBe(6);
    expect(mnist2AuditTable(results).rows[0]).toEqual([
      'l2 pgd 0.20',
      'train',
      '1.90e-2',
      '2.00e-2',
      '1.00e-3',
      '99.50',
      '99.00',
    ]);
    expect(mnist2TrainingTable(results).rows.length).toBe(5);
    expect(mnist2Tables(results).map((t) => t.id)).toEqual([
      'mnist2-table1',
      'mnist2-table2',
      'mnist2-table3',
      'mnist2-table4',
      'mnist2-pgd-audit',
      'mnist2-training',
    ]);
  });
});
