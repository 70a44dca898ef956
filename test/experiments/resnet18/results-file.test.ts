/**
 * What this proves about `readResNetResults` (src/experiments/resnet18/results.ts), the reader behind the report's
 * ResNet measurements: it returns the merged results validated, with the file and its sha256, and rejects a damaged
 * file naming the file, the cell and what is wrong.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableJson } from '../../../src/fs/json.ts';
import { readResNetResults } from '../../../src/experiments/resnet18/results.ts';
import { fakeResults } from './fake-results.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-resnet-results-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readResNetResults', () => {
  it('reads merged results, validated, with the file and its sha256; rejects a damaged file by name', () => {
    const file = join(root, 'results.json');
    const results = fakeResults([{ dataset: 'svhn', eps: 0, train: 100, test: 96.13, rise: 0.1 }]);
    writeFileSync(file, stableJson(results));
    expect(readResNetResults(file)).toEqual({
      ...JSON.parse(stableJson(results)),
      source: { file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') },
    });
    const bad = join(root, 'bad.json');
    writeFileSync(bad, stableJson({ ...results, cells: [{ ...results.cells[0], key: '0000000000000000' }] }));
    expect(() => readResNetResults(bad)).toThrow(
      /bad\.json \(cells\[0\]\): key 0000000000000000 is not the hash of its config/,
    );
  });
});
