/**
 * Proves the `eps-sets` checker: sets parsed from LaTeX and table rows are compared exactly, a missing value refutes
 * with the mismatch named, a set whose role names none of the record's fragments is rejected; and pins the paper's three set records.
 */
import { describe, expect, it } from 'vitest';
import { epsSets } from '../../checks/eps-sets.ts';
import { setEpsCifar10Svhn } from '../../proofs/set-eps-cifar10-svhn.ts';
import { setEpsMnist2L2 } from '../../proofs/set-eps-mnist2-l2.ts';
import { setEpsMnist2Linf } from '../../proofs/set-eps-mnist2-linf.ts';
import { record, table, verdictOf as runVerdict } from './table-helpers.ts';
import { recorded } from './verdict-classes.ts';

const verdictOf = recorded('eps-sets', runVerdict);

const FULL = '\\varepsilon=\\left\\{0,\\frac{4}{255},\\frac{8}{255}\\right\\}';
const SHORT = '\\varepsilon=\\left\\{0,\\frac{4}{255}\\right\\}';
const latex = [
  { printed: FULL, role: 'eps-full', parse: false },
  { printed: SHORT, role: 'eps-short', parse: false },
];
const rows = table(['0/255 99.89 99.91 -0.02', '4/255 99.79 99.95 -0.16', '8/255 99.74 99.86 -0.12']);

const sets = [
  { name: 'full', place: 'setup', source: { from: 'latex', role: 'eps-full' } },
  { name: 'short', place: 'later', source: { from: 'latex', role: 'eps-short' } },
  { name: 'rows', place: 'table', source: { from: 'table', table: rows } },
  { name: 'tail', place: 'full minus short', source: { from: 'difference', of: 'full', minus: 'short' } },
];

describe('eps-sets on hand-made sets', () => {
  it('confirms equal and subset relations, table rows included', async () => {
    const relations = [
      { a: 'full', b: 'rows', relation: 'equal', why: 'test' },
      { a: 'short', b: 'full', relation: 'subset', why: 'test' },
    ];
    const v = await verdictOf(epsSets, record('eps-sets', { sets, relations }, { latex }));
    expect(v.status).toBe('confirmed');
  });

  it('refutes an equality with a missing value and names it', async () => {
    const relations = [{ a: 'short', b: 'rows', relation: 'equal', why: 'test' }];
    const v = await verdictOf(epsSets, record('eps-sets', { sets, relations }, { latex }));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['mismatch']).toBe('8/255 only in rows');
  });

  it('computes difference sets', async () => {
    const relations = [{ a: 'tail', b: 'short', relation: 'subset', why: 'test' }];
    const v = await verdictOf(epsSets, record('eps-sets', { sets, relations }, { latex }));
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.point['mismatch']).toBe('8/255 only in tail');
  });

  it('rejects a set whose role names no fragment of the record', async () => {
    const relations = [{ a: 'full', b: 'rows', relation: 'equal', why: 'test' }];
    await expect(
      verdictOf(epsSets, record('eps-sets', { sets, relations }, { latex: latex.slice(1) })),
    ).rejects.toThrow(/no latex\[\] fragment of role "eps-full"/);
  });
});

describe('eps-sets on the paper (regression)', () => {
  it('MNIST2 L2: refuted, the random-noise set lacks 0.6 that Table 2 and the setup have', async () => {
    const v = await verdictOf(epsSets, setEpsMnist2L2);
    expect(v.status).toBe('refuted');
    if (v.status !== 'refuted') return;
    expect(v.witness.point['mismatch']).toBe('0.60 only in table2');
    expect(v.witness.paperValue).toBe('random = {0, 0.2, 0.4, 0.8, 1}');
    const failed = (v.evidence.data?.['relations'] as { holds: boolean; a: string; b: string }[]).filter(
      (r) => !r.holds,
    );
    expect(failed.map((r) => `${r.a}/${r.b}`)).toEqual(['random/table2', 'random/setup']);
  });

  it('MNIST2 L∞ and CIFAR10/SVHN: confirmed', async () => {
    expect((await verdictOf(epsSets, setEpsMnist2Linf)).status).toBe('confirmed');
    expect((await verdictOf(epsSets, setEpsCifar10Svhn)).status).toBe('confirmed');
  });
});
