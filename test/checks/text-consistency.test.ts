/**
 * The `text-consistency` checker: stated counts against the items a sentence lists (citations removed), lists against
 * each other, and an equation cross-reference against the printed labels.
 */
import { describe, expect, it } from 'vitest';
import { parseList } from '../../checks/text-consistency.ts';
import { sec5Datasets } from '../../proofs/sec5-datasets.ts';
import { sec32EqRef } from '../../proofs/sec32-eq-ref.ts';
import { sec41OptimalWeightsTypo } from '../../proofs/sec41-optimal-weights-typo.ts';
import { record, verdictOf as runVerdict } from './table-helpers.ts';
import { recorded } from './verdict-classes.ts';
import { textConsistency } from '../../checks/text-consistency.ts';

const verdictOf = recorded('text-consistency', runVerdict);

describe('text-consistency checker', () => {
  it('parses a count and its list, dropping citations', () => {
    expect(
      parseList(
        'We use five image datasets: MNIST\u00a0LeCun et al. (1998), MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), CIFAR2, and SVHN\u00a0Netzer et al. (2011).',
      ),
    ).toEqual({
      count: 5,
      items: ['MNIST', 'MNIST2', 'CIFAR10', 'CIFAR2', 'SVHN'],
    });
  });

  it('§5 against Appendix C: the lists differ (MNIST, CIFAR2); they agree as "Appendix C adds the source and the dropped set"', async () => {
    const v = await verdictOf(textConsistency, sec5Datasets);
    expect(v.status).toBe('holds-under');
    if (v.status !== 'holds-under') return;
    expect(v.condition).toMatchObject({ kind: 'reading', reading: { id: 'superset-explained' } });
    expect(v.witness.ourValue).toContain('only in one list: MNIST, CIFAR2');
  });

  it('parses the count nearest the colon, numerals, semicolons, and keeps names that look like a year in brackets', () => {
    expect(parseList('In the one-class setting, we used three datasets: A, B, and C.')).toEqual({
      count: 3,
      items: ['A', 'B', 'C'],
    });
    expect(parseList('We used 2 datasets: A; B.')).toEqual({ count: 2, items: ['A', 'B'] });
    expect(parseList('We used two datasets: ImageNet (2012) and C.').items).toEqual(['ImageNet (2012)', 'C']);
    expect(parseList('no list here')).toEqual({ count: null, items: [] });
  });

  it('confirms agreeing lists and refutes a miscount', async () => {
    const readings = {
      convention: 'test',
      question: 'same lists?',
      readings: [{ id: 'same', statement: 'same', literal: true, relation: 'same' }],
    };
    const lists = (a: string, b: string) =>
      record('text-consistency', {
        form: 'lists',
        readings,
        lists: [
          { where: 'a', quote: a },
          { where: 'b', quote: b },
        ],
      });
    expect(
      (await verdictOf(textConsistency, lists('We used two datasets: A and B.', 'We use two datasets: B, and A.')))
        .status,
    ).toBe('confirmed');
    const v = await verdictOf(
      textConsistency,
      lists('We used three datasets: A and B.', 'We use three datasets: B and A.'),
    );
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.paperValue).toBe('3 items');
  });

  it('refutes "w*_a and w*_a" (the same symbol twice) and confirms two different symbols', async () => {
    const v = await verdictOf(textConsistency, sec41OptimalWeightsTypo);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.ourValue).toContain('the same symbol twice');
    const ok = {
      ...sec41OptimalWeightsTypo,
      quote: 'where {\\bm{w}}^{\\ast}_{a} and {\\bm{w}}^{\\ast}_{b} mean each optimal weights',
    };
    expect((await verdictOf(textConsistency, ok)).status).toBe('confirmed');
  });

  it('rejects a symbol pattern that is not a regular expression or matches the empty string', () => {
    const params = (symbol: string) => ({ ...sec41OptimalWeightsTypo.params, symbol });
    expect(() => textConsistency.params.parse(params('w_[a'))).toThrow(/valid regular expression/);
    expect(() => textConsistency.params.parse(params('x*'))).toThrow(/does not match the empty string/);
    expect(() => textConsistency.params.parse(params('w_[ab]'))).not.toThrow();
  });

  it('refutes "Eq. (2.1)" (no such label; 2.1 is a section) and confirms an existing label', async () => {
    const v = await verdictOf(textConsistency, sec32EqRef);
    expect(v.status).toBe('refuted');
    if (v.status === 'refuted') expect(v.witness.ourValue).toContain('2.1 is a section number');
    const ok = { ...sec32EqRef, quote: 'Eq.\u00a0(7)', params: { ...sec32EqRef.params, citation: 'Eq.\u00a0(7)' } };
    expect((await verdictOf(textConsistency, ok)).status).toBe('confirmed');
  });
});
