/**
 * Proves that `readPaper` takes a paper text and nothing else: the shipped text gives its title, authors and sha256;
 * an empty, binary, non-UTF-8 or unrelated file, a directory or a missing path is refused with a message that names
 * `--paper`, the file and what is wrong (exit code 2 through the CLI, see test/paper/versions.test.ts).
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAPER, paperProvenance, readPaper } from '../../src/paper/paper.ts';
import { ClaimcheckError } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'claimcheck-paper-'));
function file(name: string, bytes: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}
function refusal(path: string): string {
  try {
    readPaper(path);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimcheckError);
    expect((err as ClaimcheckError).code).toBe('BAD_INPUT');
    return (err as Error).message;
  }
  throw new Error(`${path} was read as a paper`);
}

describe('readPaper', () => {
  it('reads the shipped text: title, authors and the sha256 of its bytes', () => {
    const paper = readPaper();
    expect(paper.title).toBe('Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression');
    expect(paper.authors).toEqual([
      'Masanori Yamada',
      'Sekitoshi Kanai',
      'Tomoharu Iwata',
      'Tomokatsu Takahashi',
      'Yuki Yamanaka',
      'Hiroshi Takahashi',
      'Atsutoshi Kumagai',
    ]);
    const bytes = readFileSync(DEFAULT_PAPER);
    expect(paper.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(paperProvenance(paper)).toMatchObject({
      file: 'yamada2021-adversarial-training-sharper-logistic.txt',
      bytes: bytes.length,
    });
    expect(paper.lines.filter((l) => l.label !== undefined).map((l) => l.label)).toEqual(
      Array.from({ length: 15 }, (_, i) => `(${i + 1})`),
    );
  });

  it('refuses what is not a paper text, naming --paper, the file and why', () => {
    expect(refusal(file('empty.txt', ''))).toMatch(/^--paper .*empty\.txt: the file is empty$/);
    expect(refusal(file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])))).toMatch(
      /binary\.bin: a binary file/,
    );
    expect(refusal(file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])))).toMatch(
      /latin1\.txt: not UTF-8 text/,
    );
    expect(refusal(file('novel.txt', 'Call me Ishmael. Some years ago (1) never mind how long precisely.\n'))).toMatch(
      /novel\.txt: no numbered display formula with its LaTeX source/,
    );
    mkdirSync(join(dir, 'a-dir'));
    expect(refusal(join(dir, 'a-dir'))).toMatch(/a-dir: not a regular file/);
    expect(refusal(join(dir, 'missing.txt'))).toMatch(/missing\.txt: no such file/);
  });
});
