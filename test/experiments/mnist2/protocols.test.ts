/**
 * The training protocols of the grid: ids unique, the reference first and the sweep's own, every protocol that cites
 * the paper quoting it verbatim (the shipped text), and each protocol's optimiser as its label says (early stopping's
 * held-out draw from the replicate seed, so it differs between replicates).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MNIST2_PROTOCOLS,
  protocolById,
  REFERENCE_PROTOCOL,
  replicateSeed,
} from '../../../src/experiments/mnist2/protocols.ts';

const paperDir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'paper');
const paper = readdirSync(paperDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(paperDir, f), 'utf8'))
  .join('\n');

describe('MNIST2 training protocols', () => {
  it('have unique ids, the reference first', () => {
    const ids = MNIST2_PROTOCOLS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(MNIST2_PROTOCOLS[0]).toBe(REFERENCE_PROTOCOL);
    expect(protocolById('early-stop-wd0')?.id).toBe('early-stop-wd0');
    expect(protocolById('sgd')).toBeUndefined();
  });

  it('quote the paper verbatim where they cite it', () => {
    const cited = MNIST2_PROTOCOLS.filter((p) => p.source.kind === 'paper');
    expect(cited.map((p) => p.id)).toEqual(['early-stop-wd0', 'adam-minibatch']);
    for (const p of cited) if (p.source.kind === 'paper') expect(paper.includes(p.source.quote), p.id).toBe(true);
  });

  it('give the optimisers their labels describe', () => {
    expect(REFERENCE_PROTOCOL.optimiser('full', 1)).toEqual({
      method: 'lbfgs',
      weightDecay: 1e-3,
      gradTol: 1e-8,
      maxIterations: 1000,
      memory: 10,
    });
    expect(protocolById('lbfgs-wd1e-2')!.optimiser('ci', 1)).toMatchObject({ weightDecay: 1e-2, maxIterations: 500 });
    const early = protocolById('early-stop-wd0')!;
    const a = early.optimiser('full', replicateSeed(7, 0));
    const b = early.optimiser('full', replicateSeed(7, 1));
    expect(a).toMatchObject({ method: 'lbfgs-early-stop', weightDecay: 0, holdoutFraction: 0.1, patience: 10 });
    expect(a.method === 'lbfgs-early-stop' && b.method === 'lbfgs-early-stop' && a.holdoutSeed !== b.holdoutSeed).toBe(
      true,
    );
    expect(protocolById('adam-minibatch')!.optimiser('full', 1)).toMatchObject({
      method: 'adam',
      learningRate: 0.01,
      batchSize: 50,
      epochs: 10,
      weightDecay: 0,
    });
  });
});
