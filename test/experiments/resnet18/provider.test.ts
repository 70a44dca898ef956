import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stableJson } from '../../../src/fs/json.ts';
import { resnetMeasurements } from '../../../src/experiments/resnet18/provider.ts';
import { fakeResults } from './fake-results.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-resnet-provider-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resnetMeasurements', () => {
  it('resolves to the merged results, validated, with the file and its sha256; to null without a file; rejects a damaged file by name', async () => {
    const file = join(root, 'results.json');
    const results = fakeResults([{ dataset: 'svhn', eps: 0, train: 100, test: 96.13, rise: 0.1 }]);
    writeFileSync(file, stableJson(results));
    expect(await resnetMeasurements(file)()).toEqual({ ...JSON.parse(stableJson(results)), source: { file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') } });
    expect(await resnetMeasurements(join(root, 'none.json'))()).toBeNull();
    const bad = join(root, 'bad.json');
    writeFileSync(bad, stableJson({ ...results, cells: [{ ...results.cells[0], key: '0000000000000000' }] }));
    await expect(resnetMeasurements(bad)()).rejects.toThrow(/bad\.json \(cells\[0\]\): key 0000000000000000 is not the hash of its config/);
  });
});
