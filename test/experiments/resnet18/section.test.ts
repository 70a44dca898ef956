import { describe, expect, it } from 'vitest';
import { parseCellResult } from '../../../src/experiments/resnet18/results.ts';
import { RESNET_MEASURE_COMMAND, resnetSection } from '../../../src/experiments/resnet18/section.ts';
import { fakeCell, fakeResults } from './fake-results.ts';

describe('resnetSection', () => {
  it('without results: "not measured here: data absent", the command to run, and the paper\'s tables as printed', () => {
    const s = resnetSection(null);
    expect(s.notMeasured).toEqual({ reason: expect.stringMatching(/^data absent: /), command: RESNET_MEASURE_COMMAND });
    expect(s.notMeasured!.command).toMatch(/experiment resnet18 run --setting full --cifar-dir DIR --svhn-dir DIR/);
    expect(s.notMeasured!.command).toMatch(/experiment resnet18 merge/);
    expect(s.figures).toEqual([]);
    expect(s.tables.map((t) => t.id)).toEqual(['resnet-table-cifar10', 'resnet-table-svhn']);
    expect(s.tables[0]!.rows[2]!.slice(0, 5)).toEqual(['8/255', '63.81', '50.98', '12.83', '—']);
    expect(s.summary).toMatch(/Appendix C says the model architecture is "the same as in Madry et al\."/);
    expect(resnetSection(fakeResults([]), { command: 'run it' }).notMeasured?.command).toBe('run it');
  });

  it('with results: both tables beside the paper, Fig. 4 per dataset, the statements, and the settings', () => {
    // Arrange
    const results = fakeResults(
      [
        { dataset: 'cifar10', eps: 0, train: 99, test: 93.89, rise: 0.1 },
        { dataset: 'cifar10', eps: 8, train: 63.81, test: 50.98, rise: 0.4, bestTest: 52 },
      ],
      ['svhn-eps0-seed1'],
    );
    // Act
    const s = resnetSection(results);
    // Assert
    expect(s.notMeasured).toBeUndefined();
    expect(s.figures.map((f) => f.id)).toEqual(['resnet-fig4-cifar10']);
    expect(s.figures[0]!.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(s.figures[0]!.svg).toContain('ε = 8/255');
    const t5 = s.tables.find((t) => t.id === 'resnet-table-cifar10')!;
    expect(t5.columns.slice(0, 7)).toEqual([
      'ε',
      'paper train',
      'paper test',
      'paper gap',
      'final train',
      'final test',
      'final gap',
    ]);
    expect(t5.rows[2]).toEqual([
      '8/255',
      '63.81',
      '50.98',
      '12.83',
      '63.81',
      '50.98',
      '12.83',
      '100',
      '63.81',
      '52.00',
      '11.81',
      '50000 / 10000',
    ]);
    expect(t5.rows[1]![4]).toBe('—');
    expect(t5.caption).toMatch(
      /eval-mode L∞ PGD-20 \(step 2\/255, uniform random start\) on the first 50000 training and 10000 test images/,
    );
    const statements = s.tables.find((t) => t.id === 'resnet-statements')!;
    expect(statements.rows[0]).toEqual([
      'the weight loss landscape becomes sharper as ε grows (Fig. 4)',
      'landscape rise',
      '1/1 steps increase (cifar10: 1/1)',
    ]);
    expect(s.summary).toMatch(/Not measured here: SVHN \(data absent\)\. Cells not measured yet: svhn-eps0-seed1\./);
    expect(s.provenance['cifar10.evaluation']).toMatch(/PGD-20 step 2\/255/);
    expect(s.provenance['cifar10.model']).toBe('resnet18, width ×1, 10 classes');
    expect(s.provenance['cifar10.device']).toBe('GPU test');
  });

  it('cell results are validated: a key that is not the hash of the config is refused', () => {
    const cell = fakeCell({ dataset: 'svhn', eps: 4, train: 80, test: 70, rise: 0.2 });
    expect(parseCellResult(JSON.parse(JSON.stringify(cell)), 'r.json').id).toBe('svhn-eps4-seed1');
    const edited = { ...cell, config: { ...cell.config, eps: 0.5 } };
    expect(() => parseCellResult(edited, 'r.json')).toThrow(/r\.json: key [0-9a-f]{16} is not the hash of its config/);
    expect(() => parseCellResult({ ...cell, final: { ...cell.final, gap: 'x' } }, 'r.json')).toThrow(
      /r\.json: not a ResNet cell result: final\.gap/,
    );
  });
});
