/**
 * What this proves about `claimcheck check` as a user sees it (the bin run as a subprocess, stdout and stderr pipes):
 *
 * - stderr says what is loading first, then streams one line per claim with the mark of its verdict class, its id,
 *   its location and its time, and ends with a summary whose counts are the verdicts' counts;
 * - stdout carries the same table (or JSON) as before, never a progress line and never a colour code;
 * - NO_COLOR (set by `runCli`) leaves every line plain; FORCE_COLOR=1 colours stderr without a terminal, and the
 *   JSON on stdout stays parseable;
 * - `--json` gives each verdict its claim's title and location, as a structure and as the tables print it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from './run-cli.ts';
import { fastIds, registryIds } from './fast-claims.ts';
import { claimRecords } from '../../proofs/index.ts';
import { VERDICT_MARKS } from '../../src/cli/claim-lines.ts';
import { VERDICT_STATUSES, type VerdictStatus } from '../../src/claims/verdict.ts';

interface JsonVerdict {
  readonly claimId: string;
  readonly status: VerdictStatus;
  readonly title: string;
  readonly location: { readonly section: string };
  readonly locationText: string;
}

/** An ANSI colour code (SGR). */
const ANSI = /\x1b\[[0-9;]*m/;
const CLAIM_LINE = /^([✓✗◐?]) (\S+) · (.+) · (\d+ ms|\d+\.\d s)$/;

describe('claimcheck check: streamed lines, summary, colour and JSON', () => {
  let ids: string[];
  let table: CliRun;
  let json: CliRun;
  let verdicts: JsonVerdict[];
  beforeAll(async () => {
    ids = fastIds(registryIds());
    const env = { CLAIMCHECK_CACHE_DIR: mkdtempSync(join(tmpdir(), 'claimcheck-check-')) };
    [table, json] = await Promise.all([
      runCli(['check', ...ids], undefined, env),
      runCli(['check', ...ids, '--json'], undefined, { ...env, NO_COLOR: '', FORCE_COLOR: '1' }),
    ]);
    expect(json.code, json.stderr).toBe(0);
    verdicts = (JSON.parse(json.stdout) as { verdicts: JsonVerdict[] }).verdicts;
  });

  it('says what it loads first, then one line per claim with the mark of its verdict, its location and its time', () => {
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`loading the paper, the claim records and the checkers for ${ids.length} claims…`);
    const claimLines = lines.filter((l) => CLAIM_LINE.test(l));
    expect(claimLines).toHaveLength(ids.length);
    const byId = new Map(verdicts.map((v) => [v.claimId, v]));
    for (const line of claimLines) {
      const [, mark, id, location] = CLAIM_LINE.exec(line)!;
      const v = byId.get(id!)!;
      expect(v, line).toBeDefined();
      expect(mark, line).toBe(VERDICT_MARKS[v.status]);
      expect(location).toBe(v.locationText);
    }
    expect(claimLines.map((l) => CLAIM_LINE.exec(l)![2]).sort()).toEqual([...ids].sort());
  });

  it('ends with a summary line whose counts are the counts of the verdicts', () => {
    const last = table.stderr.trimEnd().split('\n').at(-1)!;
    const m =
      /^(\d+) claims: (\d+) confirmed · (\d+) refuted · (\d+) holds-under · (\d+) inconclusive · \d+\.\d s$/.exec(last);
    expect(m, last).not.toBeNull();
    expect(Number(m![1])).toBe(ids.length);
    const expected = VERDICT_STATUSES.map((s) => verdicts.filter((v) => v.status === s).length);
    expect(m!.slice(2).map(Number)).toEqual(expected);
  });

  it('keeps stdout to the table and the seed, and NO_COLOR leaves both streams without colour codes', () => {
    expect(table.stdout.split('\n')[0]).toMatch(/^claim\s+location\s+verdict\s+evidence$/);
    expect(table.stdout).toContain('seed: 20210');
    expect(table.stdout).not.toContain('loading');
    expect(table.stdout).not.toMatch(ANSI);
    expect(table.stderr).not.toMatch(ANSI);
  });

  it('FORCE_COLOR=1 colours stderr without a terminal, and the JSON on stdout stays plain and parseable', () => {
    expect(json.stderr).toMatch(ANSI);
    expect(json.stdout).not.toMatch(ANSI);
    const plain = json.stderr.replace(new RegExp(ANSI.source, 'g'), '').trimEnd().split('\n');
    expect(plain.filter((l) => CLAIM_LINE.test(l))).toHaveLength(ids.length);
    expect(plain.at(-1)).toMatch(new RegExp(`^${ids.length} claims: `));
  });

  it('--json gives each verdict its claim title and location beside the verdict fields', () => {
    expect(verdicts.map((v) => v.claimId)).toEqual(ids);
    for (const v of verdicts) {
      const record = claimRecords.find((r) => r.id === v.claimId)!;
      expect(v.title).toBe(record.title);
      expect(v.location).toEqual(record.location);
      expect(v.locationText).toMatch(/\S/);
      expect(VERDICT_STATUSES).toContain(v.status);
    }
  });
});
