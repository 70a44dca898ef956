import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { fastIds } from './fast-claims.ts';

interface ListedClaim {
  readonly id: string;
  readonly locationText: string;
  readonly kind: string;
  readonly title: string;
}

describe('claimcheck list, check and derive', () => {
  let claims: ListedClaim[];
  beforeAll(async () => {
    const { code, stdout } = await runCli(['list', '--json']);
    expect(code).toBe(0);
    claims = JSON.parse(stdout) as ListedClaim[];
  });

  it('list prints every claim with id, location, kind and title', async () => {
    const { code, stdout } = await runCli(['list']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^claim\s+location\s+kind\s+title$/);
    for (const c of claims) expect(stdout).toContain(c.id);
    for (const c of claims) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'location', 'kind', 'title']));
  });

  it('list fits 100 columns when stdout is not a terminal: titles cut with …, ids never cut', async () => {
    const { code, stdout } = await runCli(['list']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    // Columns are characters (code points): a title's 𝔹 is one column.
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(lines.some((l) => l.endsWith('…'))).toBe(true);
    const firstCells = lines.slice(2).map((l) => l.split(/\s+/)[0]);
    expect(firstCells).toEqual(claims.map((c) => c.id));
  });

  it('an unknown claim id exits 2 naming it and the nearest ids', async () => {
    const wanted = claims[0]?.id ?? 'eq08-gradient';
    const typo = `${wanted}x`;
    const { code, stdout, stderr } = await runCli(['check', typo]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`unknown claim id "${typo}"`);
    expect(stderr).toContain('nearest ids:');
    if (claims.length > 0) expect(stderr).toContain(wanted);
  });

  it('derive of an unknown claim id exits 2', async () => {
    const { code, stderr } = await runCli(['derive', 'no-such-claim']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown claim id "no-such-claim"');
  });

  it('check of one claim prints its verdict table and the seed, exit 0', async (ctx) => {
    if (claims.length === 0) ctx.skip();
    const id = fastIds(claims.map((c) => c.id))[0]!;
    const [table, json] = await Promise.all([
      runCli(['check', id, '--seed', '7']),
      runCli(['check', id, '--seed', '7', '--json', '--quiet']),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^claim\s+location\s+verdict\s+evidence$/);
    expect(table.stdout).toContain(id);
    expect(table.stdout).toContain('seed: 7');
    // stderr: what is loading, the claim's line, the summary; --quiet: nothing.
    expect(table.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^loading /),
      expect.stringMatching(new RegExp(`^[✓✗◐?] ${id} · `)),
      expect.stringMatching(/^1 claim: /),
    ]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { seed: number; verdicts: { claimId: string; status: string }[] };
    expect(parsed.seed).toBe(7);
    expect(parsed.verdicts.map((v) => v.claimId)).toEqual([id]);
    expect(['confirmed', 'refuted', 'holds-under', 'inconclusive']).toContain(parsed.verdicts[0]!.status);
  });
});
