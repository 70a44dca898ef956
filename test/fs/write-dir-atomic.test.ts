/**
 * The report writer's basic contract: it creates --out and writes every file with no temporary file left, replaces a
 * previous set, refuses bad names, reports an unusable path as BAD_INPUT naming it, and leaves nothing it created
 * when it fails. The swap's guarantees under SIGKILL and failures are in test/reliability/output.test.ts.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertWritableDir, writeFilesAtomic } from '../../src/fs/write-dir-atomic.ts';
import { ClaimcheckError } from '../../src/errors.ts';

describe('writeFilesAtomic', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'claimcheck-atomic-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the directory and writes every file, leaving no temporary file', async () => {
    const dir = join(root, 'a', 'b');
    const paths = await writeFilesAtomic(dir, [
      { name: 'one.md', content: 'one\n' },
      { name: 'two.json', content: '{}\n' },
    ]);
    expect(paths).toEqual([join(dir, 'one.md'), join(dir, 'two.json')]);
    expect(readdirSync(dir).sort()).toEqual(['one.md', 'two.json']);
    expect(readFileSync(join(dir, 'one.md'), 'utf8')).toBe('one\n');
  });

  it('replaces existing files', async () => {
    await writeFilesAtomic(root, [{ name: 'f.txt', content: 'old' }]);
    await writeFilesAtomic(root, [{ name: 'f.txt', content: 'new' }]);
    expect(readFileSync(join(root, 'f.txt'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['f.txt']);
  });

  it('throws BAD_INPUT naming the path under a regular file and creates nothing', async () => {
    const file = join(root, 'plain');
    writeFileSync(file, 'keep');
    const err = await writeFilesAtomic(join(file, 'sub', 'dir'), [{ name: 'x', content: 'y' }]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClaimcheckError);
    expect((err as ClaimcheckError).code).toBe('BAD_INPUT');
    expect((err as ClaimcheckError).message).toContain(join(file, 'sub', 'dir'));
    expect(readdirSync(root)).toEqual(['plain']);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('leaves the directory as it was when an entry is in the way, and removes the directories it created when a write fails', async () => {
    const dir = join(root, 'out');
    mkdirSync(join(dir, 'taken.md'), { recursive: true });
    writeFileSync(join(dir, 'old.json'), 'old');
    const err = await writeFilesAtomic(dir, [
      { name: 'taken.md', content: 'md' },
      { name: 'old.json', content: 'new' },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(readdirSync(dir).sort()).toEqual(['old.json', 'taken.md']);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('old');

    const fresh = join(root, 'fresh', 'deep');
    // a name that cannot be created as a file inside a fresh directory: an over-long name
    const long = 'n'.repeat(300);
    await expect(writeFilesAtomic(fresh, [{ name: long, content: '' }])).rejects.toThrow();
    expect(existsSync(join(root, 'fresh'))).toBe(false);
  });

  it('refuses names that leave the directory or have empty segments', async () => {
    for (const name of ['../x', '/abs', 'a//b', './x', 'a/../b', '']) {
      await expect(writeFilesAtomic(root, [{ name, content: '' }])).rejects.toThrow(
        `file name must be a relative path of plain segments, but got "${name}"`,
      );
    }
    expect(readdirSync(root)).toEqual([]);
  });

  it('writes into subdirectories it creates (figures/<id>.svg), and removes them when a write fails', async () => {
    const dir = join(root, 'report');
    await writeFilesAtomic(dir, [
      { name: 'errata.md', content: 'md' },
      { name: 'figures/a.svg', content: '<svg/>' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['errata.md', 'figures']);
    expect(readFileSync(join(dir, 'figures', 'a.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(join(dir, 'figures'))).toEqual(['a.svg']);

    const fresh = join(root, 'fresh');
    await expect(
      writeFilesAtomic(fresh, [
        { name: 'figures/ok.svg', content: '' },
        { name: `figures/${'n'.repeat(300)}.svg`, content: '' },
      ]),
    ).rejects.toThrow();
    expect(existsSync(fresh)).toBe(false);
  });

  it('assertWritableDir accepts a new path under a directory and refuses one under a regular file', () => {
    expect(() => assertWritableDir(join(root, 'new', 'deeper'), 'the experiment results')).not.toThrow();
    expect(() => assertWritableDir(root, 'the experiment results')).not.toThrow();
    const file = join(root, 'plain');
    writeFileSync(file, 'keep');
    expect(() => assertWritableDir(join(file, 'sub'), 'the experiment results')).toThrow(`${file} is not a directory`);
    expect(() => assertWritableDir(file, 'the experiment results')).toThrow(`${file} is not a directory`);
    expect(readdirSync(root)).toEqual(['plain']);
  });

  it('names what is being written, as the caller calls it, in its errors', async () => {
    const file = join(root, 'plain');
    writeFileSync(file, 'keep');
    expect(() => assertWritableDir(join(file, 'sub'), 'the experiment results')).toThrow(
      `cannot write the experiment results to ${join(file, 'sub')}`,
    );
    await expect(
      writeFilesAtomic(join(file, 'sub'), [{ name: 'x', content: 'y' }], { what: 'the merged results' }),
    ).rejects.toThrow(`cannot write the merged results to ${join(file, 'sub')}`);
    expect(readdirSync(root)).toEqual(['plain']);
  });
});
