import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  readCheckpoint,
  writeCheckpoint,
} from '../../../src/experiments/resnet18/checkpoint.ts';
import { writeFileAtomicSync } from '../../../src/fs/write-file-atomic-sync.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-ckpt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ARRAYS = [
  { name: 'param/conv1', shape: [1, 1, 2, 3], data: Float32Array.from([1, -2, 3.5, 4, 5e-8, -6e7]) },
  { name: 'buffer/bn1.var', shape: [3], data: Float32Array.from([0.1, 0.2, 0.3]) },
];

describe('checkpoints', () => {
  it('round-trip meta and float32 arrays bit for bit', () => {
    const file = join(root, 'a.ckpt');
    writeCheckpoint(file, { epoch: 3, key: 'abc' }, ARRAYS);
    const back = readCheckpoint(file);
    expect(back.meta).toEqual({ epoch: 3, key: 'abc' });
    expect(back.arrays.get('param/conv1')).toEqual(ARRAYS[0]);
    expect(back.arrays.get('buffer/bn1.var')).toEqual(ARRAYS[1]);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuse truncated, corrupted or foreign files, naming the file', () => {
    const bytes = encodeCheckpoint({ epoch: 1 }, ARRAYS);
    const flipped = Uint8Array.from(bytes);
    flipped[40] = flipped[40]! ^ 0xff;
    const foreign = Uint8Array.from(bytes);
    foreign[0] = 0x58;
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 7), 'x.ckpt')).toThrow(
      /checkpoint x\.ckpt: checksum mismatch: the file is truncated or corrupt/,
    );
    expect(() => decodeCheckpoint(flipped, 'x.ckpt')).toThrow(/checksum mismatch/);
    expect(() => decodeCheckpoint(foreign, 'x.ckpt')).toThrow(/not a claimcheck ResNet checkpoint/);
    expect(() => decodeCheckpoint(bytes.subarray(0, 20), 'x.ckpt')).toThrow(/truncated: 20 bytes/);
    expect(() => readCheckpoint(join(root, 'none.ckpt'))).toThrow(CheckpointError);
    expect(() => readCheckpoint(join(root, 'none.ckpt'))).toThrow(/none\.ckpt: cannot be read \(ENOENT\)/);
  });

  it('writeFileAtomicSync replaces a file whole, leaving no temporary file', () => {
    const file = join(root, 'sub', 'p.json');
    writeFileAtomicSync(file, 'first');
    writeFileAtomicSync(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(root, 'sub'))).toEqual(['p.json']);
    writeFileSync(join(root, 'sub', 'q'), 'x');
    expect(() => writeFileAtomicSync(join(root, 'sub', 'q', 'r'), 'y')).toThrow(/ENOTDIR|EEXIST/);
  });
});
