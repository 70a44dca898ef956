/**
 * Proves that the table and numeric-text records quote the paper verbatim — every `quote`, every `latex[].printed`,
 * every table row and caption, every sentence in `params` — that each table's rows are the contiguous block under its
 * caption, and that each record is valid, named after its file and registered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkers } from '../../checks/index.ts';
import { claimRecords } from '../../proofs/index.ts';
import { PAPER_TABLES } from '../../src/tables/paper-tables.ts';
import { FIGURE_CAPTIONS } from '../../proofs/_data/printed.ts';
import { ClaimRecordSchema, type ClaimRecordInput } from '../../src/claims/schema.ts';
import { pgdBudgetCifar10 } from '../../proofs/pgd-budget-cifar10.ts';
import { pgdBudgetMnist2 } from '../../proofs/pgd-budget-mnist2.ts';
import { pgdBudgetSvhn } from '../../proofs/pgd-budget-svhn.ts';
import { setEpsCifar10Svhn } from '../../proofs/set-eps-cifar10-svhn.ts';
import { setEpsMnist2L2 } from '../../proofs/set-eps-mnist2-l2.ts';
import { setEpsMnist2Linf } from '../../proofs/set-eps-mnist2-linf.ts';
import { tab1Achievable } from '../../proofs/tab1-achievable.ts';
import { tab1Gap } from '../../proofs/tab1-gap.ts';
import { tab1to4Eps0 } from '../../proofs/tab1to4-eps0.ts';
import { tab2Achievable } from '../../proofs/tab2-achievable.ts';
import { tab2Gap } from '../../proofs/tab2-gap.ts';
import { tab3Achievable } from '../../proofs/tab3-achievable.ts';
import { tab3Gap } from '../../proofs/tab3-gap.ts';
import { tab4Achievable } from '../../proofs/tab4-achievable.ts';
import { tab4Gap } from '../../proofs/tab4-gap.ts';
import { tab5Achievable } from '../../proofs/tab5-achievable.ts';
import { tab5Gap } from '../../proofs/tab5-gap.ts';
import { tab6Achievable } from '../../proofs/tab6-achievable.ts';
import { tab6Gap } from '../../proofs/tab6-gap.ts';
import { txtSec511FigRef } from '../../proofs/txt-sec51-1-fig-ref.ts';
import { txtSec512Tab1AbsGap } from '../../proofs/txt-sec51-2-tab1-abs-gap.ts';
import { txtSec513TestGtTrain } from '../../proofs/txt-sec51-3-test-gt-train.ts';
import { txtSec514Tab3LargeEps } from '../../proofs/txt-sec51-4-tab3-large-eps.ts';
import { txtSec515RandomFigRef } from '../../proofs/txt-sec51-5-random-fig-ref.ts';
import { txtSec516RandomGap } from '../../proofs/txt-sec51-6-random-gap.ts';
import { txtSec52GapGrows } from '../../proofs/txt-sec52-gap-grows.ts';
import { txtSec42GapLarger } from '../../proofs/txt-sec42-gap-larger.ts';
import { txtContrib3GapGrows } from '../../proofs/txt-contrib3-gap-grows.ts';
import { printedFragments, recordQuote } from '../paper/shipped.ts';

const PAPER = readFileSync(
  new URL('../../../shared/paper/yamada2021-adversarial-training-sharper-logistic.txt', import.meta.url),
  'utf8',
);

/** The records of this part, keyed by the file they live in. */
const TABLE_RECORDS: Readonly<Record<string, ClaimRecordInput>> = {
  'pgd-budget-cifar10': pgdBudgetCifar10,
  'pgd-budget-mnist2': pgdBudgetMnist2,
  'pgd-budget-svhn': pgdBudgetSvhn,
  'set-eps-cifar10-svhn': setEpsCifar10Svhn,
  'set-eps-mnist2-l2': setEpsMnist2L2,
  'set-eps-mnist2-linf': setEpsMnist2Linf,
  'tab1-achievable': tab1Achievable,
  'tab1-gap': tab1Gap,
  'tab1to4-eps0': tab1to4Eps0,
  'tab2-achievable': tab2Achievable,
  'tab2-gap': tab2Gap,
  'tab3-achievable': tab3Achievable,
  'tab3-gap': tab3Gap,
  'tab4-achievable': tab4Achievable,
  'tab4-gap': tab4Gap,
  'tab5-achievable': tab5Achievable,
  'tab5-gap': tab5Gap,
  'tab6-achievable': tab6Achievable,
  'tab6-gap': tab6Gap,
  'txt-sec51-1-fig-ref': txtSec511FigRef,
  'txt-sec51-2-tab1-abs-gap': txtSec512Tab1AbsGap,
  'txt-sec51-3-test-gt-train': txtSec513TestGtTrain,
  'txt-sec51-4-tab3-large-eps': txtSec514Tab3LargeEps,
  'txt-sec51-5-random-fig-ref': txtSec515RandomFigRef,
  'txt-sec51-6-random-gap': txtSec516RandomGap,
  'txt-sec52-gap-grows': txtSec52GapGrows,
  'txt-sec42-gap-larger': txtSec42GapLarger,
  'txt-contrib3-gap-grows': txtContrib3GapGrows,
};

/** Keys under `params` whose string values (or string-array values) are verbatim paper text. */
const VERBATIM_KEYS = new Set(['rows', 'caption', 'captions', 'printed', 'stepQuote', 'iterationsQuote', 'citation']);

function verbatimStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return VERBATIM_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => verbatimStrings(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => verbatimStrings(v, k));
  }
  return [];
}

const entries = Object.entries(TABLE_RECORDS);

describe('table and numeric-text records', () => {
  it.each(entries)('%s quotes the paper verbatim', (_file, rec) => {
    const texts = [
      ...(rec.quote ? [recordQuote(rec)!] : []),
      ...printedFragments(rec).map((l) => l.printed),
      ...verbatimStrings(rec.params),
    ];
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(PAPER.includes(t), `not verbatim in the paper: ${JSON.stringify(t)}`).toBe(true);
  });

  it.each(entries)('%s is valid, named after its file, and registered', (file, rec) => {
    const parsed = ClaimRecordSchema.parse(rec);
    expect(parsed.id).toBe(file);
    expect(parsed.id).toMatch(/^(tab|txt|set|pgd)[a-z0-9]*(-[a-z0-9]+)*$/);
    const checker = checkers.find((c) => c.kind === parsed.kind);
    expect(checker, `no checker for ${parsed.kind}`).toBeDefined();
    expect(checker!.params.safeParse(parsed.params).success).toBe(true);
    expect(claimRecords).toContain(rec);
  });

  it('registers every record of this part exactly once', () => {
    const ids = claimRecords.map((r) => r.id);
    const kinds = new Set([
      'table-gap',
      'table-achievable',
      'table-eps0',
      'table-statement',
      'eps-sets',
      'pgd-budget',
      'figure-ref',
    ]);
    const mine = claimRecords.filter((r) => kinds.has(r.kind)).map((r) => r.id);
    expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
    expect([...mine].sort()).toEqual(Object.keys(TABLE_RECORDS).sort());
    expect(new Set(mine).size).toBe(mine.length);
  });

  it.each(PAPER_TABLES.map((t) => [t.label, t] as const))(
    '%s: caption, header and rows are one contiguous block',
    (_l, t) => {
      const header = 'ε𝜀\\varepsilon train acc test acc gap';
      expect(PAPER.includes([t.caption, header, ...t.rows].join('\n'))).toBe(true);
      // The block ends where the table ends: the next line is not another row.
      const after = PAPER.slice(PAPER.indexOf(t.rows.join('\n')) + t.rows.join('\n').length + 1).split('\n')[0]!;
      expect(after).not.toMatch(/^\d+(\.\d+)?(\/\d+(\.\d+)?)? -?\d/);
    },
  );

  it('has every figure caption of the paper', () => {
    const inPaper = PAPER.split('\n').filter((l) => /^Figure \d+: /.test(l));
    expect([...FIGURE_CAPTIONS]).toEqual(inPaper);
  });
});
