/**
 * What this proves about src/experiments/mnist2/config.ts (and the sweep's plan): the cache key ignores key order; a fixed configuration keeps a pinned key (so cached cells stay valid until a
 * setting or the code a cell's import graph reaches changes); every field that changes results changes the key; data files enter by
 * name and content hash, not by path; and ε prints as the paper prints it.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellKey, epsLabel, type Mnist2CellConfig } from '../../../src/experiments/mnist2/config.ts';
import { loadMnist2, resolveMnist2Files } from '../../../src/experiments/mnist2/data.ts';
import { paperPgd, planMnist2Sweep } from '../../../src/experiments/mnist2/sweep.ts';

const CONFIG: Mnist2CellConfig = {
  schema: 'claimcheck/mnist2-cell',
  codeVersion: 'a',
  data: {
    trainImages: {
      name: 'train-images-idx3-ubyte.first22699.gz',
      sha256: 'd018571746c81a9d9910899c6cf5868ba15bbf4c8ece5d1081a24abff1ebd42d',
    },
    trainLabels: {
      name: 'train-labels-idx1-ubyte.first22699.gz',
      sha256: '132e4d4712f62b4191b6f149fd5b8a33d2bfc5e0860ce7d35e90a2b578e7c413',
    },
    testImages: { name: 't10k-images-idx3-ubyte.gz', sha256: 'a' },
    testLabels: { name: 't10k-labels-idx1-ubyte.gz', sha256: 'b' },
    trainLimit: null,
    testLimit: null,
    labelMap: 'digit 0 → y = −1, digit 1 → y = +1',
  },
  norm: 'l2',
  training: 'pgd',
  eps: 0.2,
  epsLabel: '0.20',
  seed: 123,
  bias: false,
  optimiser: { method: 'lbfgs', weightDecay: 1e-3, gradTol: 1e-8, maxIterations: 1000, memory: 10 },
  trainAttack: paperPgd('l2', 40),
  evalAttack: paperPgd('l2', 100),
  noise: { law: 'uniform-ball', clipToUnitBox: true, redraw: 'fixed' },
};

describe('cellKey', () => {
  it('sorts keys at every level, so insertion order does not matter', () => {
    const reversed = Object.fromEntries(Object.entries(CONFIG).reverse()) as unknown as Mnist2CellConfig;
    expect(cellKey(reversed)).toBe(cellKey(CONFIG));
  });

  it('keeps a pinned key for a fixed configuration', () => {
    expect(cellKey(CONFIG)).toBe('a342d55d727698b7f653554c1189d9505aa26fb3846de21888f865308da659f1');
  });

  it('changes the key when any result-relevant field changes', () => {
    const variants: Mnist2CellConfig[] = [
      { ...CONFIG, eps: 0.4 },
      { ...CONFIG, seed: 124 },
      { ...CONFIG, codeVersion: 'b' },
      { ...CONFIG, bias: true },
      { ...CONFIG, training: 'exact' },
      { ...CONFIG, optimiser: { ...CONFIG.optimiser, weightDecay: 1e-4 } },
      { ...CONFIG, trainAttack: { ...CONFIG.trainAttack, steps: 10 } },
      { ...CONFIG, evalAttack: { ...CONFIG.evalAttack, randomStart: 'l2-uniform-radius' } },
      { ...CONFIG, data: { ...CONFIG.data, trainLimit: 300 } },
      { ...CONFIG, data: { ...CONFIG.data, testImages: { name: 't10k-images-idx3-ubyte.gz', sha256: 'c' } } },
    ];
    const keys = new Set([cellKey(CONFIG), ...variants.map(cellKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});

describe('planMnist2Sweep keys', () => {
  it('are unique, stable, and independent of where the (same) data files lie', () => {
    const shipped = loadMnist2({ trainLimit: 20, testLimit: 20 });
    const dir = mkdtempSync(join(tmpdir(), 'mnist2-keys-'));
    for (const f of Object.values(shipped.files)) copyFileSync(f, join(dir, basename(f)));
    const moved = loadMnist2({ dataDir: dir, trainLimit: 20, testLimit: 20 });
    const a = planMnist2Sweep({ setting: 'full' }, shipped);
    const b = planMnist2Sweep({ setting: 'full' }, moved);
    expect(a.length).toBe(26);
    expect(new Set(a.map((c) => c.key)).size).toBe(26);
    expect(b.map((c) => c.key)).toEqual(a.map((c) => c.key));
    expect(resolveMnist2Files(dir).trainImages).not.toBe(shipped.files.trainImages);
    const other = planMnist2Sweep({ setting: 'full', seed: 1 }, shipped);
    expect(other.map((c) => c.key).filter((k) => a.some((c) => c.key === k))).toEqual([]);
  });
});

describe('epsLabel', () => {
  it('prints ε as the paper does', () => {
    expect(['l2', 'l2', 'l2'].map((n, i) => epsLabel(n as 'l2', [0, 0.2, 1][i]!))).toEqual(['0.00', '0.20', '1.00']);
    expect([0, 4, 25.5, 76.5].map((k) => epsLabel('linf', k / 255))).toEqual([
      '0/255',
      '4/255',
      '25.5/255',
      '76.5/255',
    ]);
    expect(epsLabel('linf', 0.1)).toBe('25.5/255');
    expect(epsLabel('linf', 0.123)).toBe('0.123');
  });
});
