/**
 * Tables 1–4 of the paper (robust accuracy against L2/L∞ PGD and RANDOM in MNIST2) rebuilt from a sweep, with the
 * paper's printed values (src/tables/paper-tables.ts) in the columns beside ours; plus the PGD audit and the training
 * record of every cell.
 */
import { TABLE_1, TABLE_2, TABLE_3, TABLE_4 } from '../../tables/paper-tables.ts';
import type { PaperTable } from '../../tables/table.ts';
import type { ReportTable } from '../section.ts';
import type { Mnist2Cell, Mnist2Results } from './results.ts';
import type { BallNorm } from '../../numeric/vector.ts';

/** Which paper table shows which cells: norm and the training of its ε > 0 rows (ε = 0 is standard training). */
export const MNIST2_PAPER_TABLES: readonly {
  readonly table: PaperTable;
  readonly norm: BallNorm;
  readonly training: 'pgd' | 'random';
}[] = [
  { table: TABLE_1, norm: 'l2', training: 'pgd' },
  { table: TABLE_2, norm: 'l2', training: 'random' },
  { table: TABLE_3, norm: 'linf', training: 'pgd' },
  { table: TABLE_4, norm: 'linf', training: 'random' },
];

/** A printed row of a paper table: ε (value and text) and the three printed numbers. */
export interface PaperRow {
  readonly eps: number;
  readonly epsText: string;
  readonly train: string;
  readonly test: string;
  readonly gap: string;
}

/** The rows of a paper table as printed ("0.20 99.79 99.95 -0.16"), with ε as a number (k/255 in pixel units). */
export function paperRows(table: PaperTable): PaperRow[] {
  return table.rows.map((row) => {
    const [epsText, train, test, gap] = row.split(' ') as [string, string, string, string];
    const [num, den] = epsText.split('/');
    return { eps: Number(num) / (den === undefined ? 1 : Number(den)), epsText, train, test, gap };
  });
}

const sameEps = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12;

const pct = (v: number): string => v.toFixed(2);
const signed = (v: number): string => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));
const count = (c: { correct: number; count: number }): string =>
  `${c.correct.toLocaleString('en-US')}/${c.count.toLocaleString('en-US')}`;
const sci = (v: number): string => (v === 0 ? '0' : v.toExponential(2));

/** The cells of a table: ε = 0 standard training of the norm, then its training mode at ε > 0, by ε. */
function tableCells(results: Mnist2Results, norm: BallNorm, training: 'pgd' | 'random'): Mnist2Cell[] {
  return results.cells
    .filter((c) => c.norm === norm && (c.training === training || (c.training === 'standard' && c.eps === 0)))
    .sort((a, b) => a.eps - b.eps);
}

function dataNote(results: Mnist2Results, table: PaperTable): string {
  const d = results.data;
  return (
    `ours: ${d.trainCount.toLocaleString('en-US')} train / ${d.testCount.toLocaleString('en-US')} test MNIST2 images` +
    `${d.subset !== undefined ? ` (${d.subset})` : ''}, setting ${results.setting}, seed ${results.seed}; ` +
    `paper: ${table.split.train.toLocaleString('en-US')} / ${table.split.test.toLocaleString('en-US')}`
  );
}

/**
 * One of Tables 1–4: per ε, our train and test robust accuracy (percent) and gap (train − test, percentage points)
 * beside the paper's printed values, and our counts. Rows are the union of our ε and the paper's; a missing side
 * prints "—". Random-noise tables measure accuracy under fresh uniform noise ("against RANDOM").
 */
export function mnist2PaperTable(results: Mnist2Results, which: 1 | 2 | 3 | 4): ReportTable {
  const spec = MNIST2_PAPER_TABLES[which - 1]!;
  const cells = tableCells(results, spec.norm, spec.training);
  const paper = paperRows(spec.table);
  const eps = [...cells.map((c) => c.eps), ...paper.map((p) => p.eps)]
    .sort((a, b) => a - b)
    .filter((e, i, all) => i === 0 || !sameEps(e, all[i - 1]!));
  const rows = eps.map((e) => {
    const cell = cells.find((c) => sameEps(c.eps, e));
    const p = paper.find((r) => sameEps(r.eps, e));
    const dash = '—';
    return [
      cell?.epsLabel ?? p?.epsText ?? String(e),
      cell ? pct(cell.train.robustAccuracy) : dash,
      p?.train ?? dash,
      cell ? pct(cell.test.robustAccuracy) : dash,
      p?.test ?? dash,
      cell ? signed(cell.gap) : dash,
      p?.gap ?? dash,
      cell ? count(cell.train) : dash,
      cell ? count(cell.test) : dash,
    ];
  });
  return {
    id: `mnist2-table${which}`,
    title: `${spec.table.label}: Robust accuracy against ${spec.norm === 'l2' ? 'L2' : 'L∞'} ${spec.table.noise} in MNIST2`,
    caption: `${dataNote(results, spec.table)}. Accuracy under ${spec.training === 'pgd' ? 'PGD-100 of the same ε (clean at ε = 0)' : 'fresh uniform noise of the same norm and ε (clean at ε = 0)'}; gap = train − test in percentage points.`,
    columns: [
      'ε',
      'train % (ours)',
      'train % (paper)',
      'test % (ours)',
      'test % (paper)',
      'gap (ours)',
      'gap (paper)',
      'train correct',
      'test correct',
    ],
    rows,
  };
}

/** The PGD audit: per cell and split, mean loss under the evaluation PGD and under the exact maximiser, their gap. */
export function mnist2AuditTable(results: Mnist2Results): ReportTable {
  const rows: string[][] = [];
  for (const c of results.cells) {
    const audits = c.pgdAudits ?? (c.pgdAudit !== undefined ? [c.pgdAudit] : []);
    for (const a of audits) {
      rows.push([
        `${c.norm} ${c.training} ${c.epsLabel}`,
        a.split,
        sci(a.pgdLoss),
        sci(a.exactLoss),
        sci(a.gap),
        a.pgdRobustAccuracy !== undefined ? pct(a.pgdRobustAccuracy) : '—',
        a.exactRobustAccuracy !== undefined ? pct(a.exactRobustAccuracy) : '—',
      ]);
    }
  }
  return {
    id: 'mnist2-pgd-audit',
    title: 'PGD audit: mean loss under PGD-100 vs the exact inner maximiser of the linear model',
    caption:
      'Exact maximiser of the same constraint set: L∞ ball ∩ [0, 1] per coordinate; L2 ball ∩ [0, 1] by its KKT form. ' +
      'gap = exact − PGD (≥ 0 up to rounding). L∞ sign steps reach the box corners (gap 0); L2 PGD clips after projecting, ' +
      'so it stops short of the L2-ball ∩ box maximum.',
    columns: ['cell', 'split', 'PGD loss', 'exact loss', 'gap', 'PGD acc %', 'exact acc %'],
    rows,
  };
}

/** How every cell was trained: ‖w‖, final gradient norm, full-batch passes, iterations, stop reason. */
export function mnist2TrainingTable(results: Mnist2Results): ReportTable {
  return {
    id: 'mnist2-training',
    title: 'MNIST2 training: optimiser outcome per cell',
    caption: `Full-batch (projected) L-BFGS in Float64 with weight decay (λ/2)‖w‖², from w = 0; ${results.data.trainCount.toLocaleString('en-US')} training images.`,
    columns: ['cell', '‖w‖₂', 'final gradient norm', 'passes', 'iterations', 'weight decay', 'stop'],
    rows: results.cells.map((c) => {
      const o = c.optimisation;
      return [
        `${c.norm} ${c.training} ${c.epsLabel}`,
        Number(o.weightNorm).toFixed(4),
        sci(Number(o.finalGradNorm)),
        String(o.epochs),
        String(o.iterations),
        String(o.weightDecay),
        String(o.stopReason),
      ];
    }),
  };
}

/** Tables 1–4, the PGD audit and the training table, for the report and the CLI. */
export function mnist2Tables(results: Mnist2Results): ReportTable[] {
  return [
    mnist2PaperTable(results, 1),
    mnist2PaperTable(results, 2),
    mnist2PaperTable(results, 3),
    mnist2PaperTable(results, 4),
    mnist2AuditTable(results),
    mnist2TrainingTable(results),
  ];
}
