/**
 * The ResNet companion's section of the errata report: Tables 5 and 6 re-measured beside the paper's printed values
 * (final and best checkpoint), Fig. 4 re-drawn per dataset, the Section 5.2 statements decided on the measured
 * results, and the settings that produced them; or, with no results, a "not measured here" entry with the commands
 * that measure it where CIFAR-10 and SVHN are available.
 */
import { TABLE_5, TABLE_6 } from '../../tables/paper-tables.ts';
import type { ReportFigure, ReportSection, ReportTable } from '../section.ts';
import type { DatasetName } from './config.ts';
import { landscapeSeries, landscapeSvg } from './figure.ts';
import type { CellResult, ResNetResults } from './results.ts';
import { gapTrend, landscapeTrend, type Trend } from './trends.ts';

/** The section id. */
export const RESNET_SECTION_ID = 'resnet';

/** The command that trains and measures the ResNet18 sweep where the data are (one shell command). */
export const RESNET_RUN_COMMAND =
  'npx claimcheck experiment resnet18 run --setting full --cifar-dir DIR --svhn-dir DIR --out out/resnet';
/** The command that merges the sweep's shards into one result (one shell command). */
export const RESNET_MERGE_COMMAND = 'npx claimcheck experiment resnet18 merge out/resnet --out out/resnet';

/** The commands that measure the section where the data are (full setting, then merge). */
export const RESNET_MEASURE_COMMAND =
  `${RESNET_RUN_COMMAND} ` +
  '(or one shard per job: --shard i/n; scripts/slurm/resnet-sweep.sbatch, scripts/k8s/resnet-sweep.yaml), then ' +
  RESNET_MERGE_COMMAND;

const TITLE = 'ResNet18 on CIFAR-10 and SVHN (Section 5.2: Fig. 4, Tables 5–6)';

const ARCH_NOTE =
  'Section 5.2 and the caption of Fig. 4 say ResNet18, while Appendix C says the model architecture is "the same as in ' +
  'Madry et al." for CIFAR-10 (a wide ResNet: WRN-28-10 in their model.py) and as in Wu et al. for SVHN (PreActResNet18).';

const PAPER: Readonly<
  Record<DatasetName, { readonly label: string; readonly rows: readonly string[]; readonly name: string }>
> = {
  cifar10: { label: 'Table 5', rows: TABLE_5.rows, name: 'CIFAR-10' },
  svhn: { label: 'Table 6', rows: TABLE_6.rows, name: 'SVHN' },
};

function firstOf(count: number | null, what: string): string {
  return count === null ? `all ${what}` : `the first ${count} ${what}`;
}

/** The numerator of a pixel-unit value over 255 (2/255 → 2), rounded to 3 decimals. */
function over255(v: number): number {
  return Math.round(v * 255 * 1000) / 1000;
}

function pct(v: number): string {
  return v.toFixed(2);
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function paperRows(dataset: DatasetName): { eps: number; train: string; test: string; gap: string }[] {
  return PAPER[dataset].rows.map((row) => {
    const [e, train, test, gap] = row.split(/\s+/) as [string, string, string, string];
    return { eps: Number(e.split('/')[0]), train, test, gap };
  });
}

function tableFor(dataset: DatasetName, cells: readonly CellResult[]): ReportTable {
  const mine = cells.filter((c) => c.config.dataset === dataset);
  const rows: string[][] = [];
  const paper = paperRows(dataset);
  const epsAll = [...new Set([...paper.map((p) => p.eps), ...mine.map((c) => c.config.epsNumerator)])].sort(
    (a, b) => a - b,
  );
  for (const k of epsAll) {
    const p = paper.find((r) => r.eps === k);
    const cs = mine.filter((c) => c.config.epsNumerator === k);
    const m = (f: (c: CellResult) => number): string => (cs.length === 0 ? '—' : pct(mean(cs.map(f))));
    rows.push([
      `${k}/255`,
      p?.train ?? '—',
      p?.test ?? '—',
      p?.gap ?? '—',
      m((c) => c.final.train.robustAccuracy),
      m((c) => c.final.test.robustAccuracy),
      m((c) => c.final.gap),
      cs.length === 0 ? '—' : cs.map((c) => String(c.best.epoch)).join(', '),
      m((c) => c.best.train.robustAccuracy),
      m((c) => c.best.test.robustAccuracy),
      m((c) => c.best.gap),
      cs.length === 0
        ? 'not measured'
        : `${cs[0]!.final.train.count} / ${cs[0]!.final.test.count}${cs.length > 1 ? ` × ${cs.length} seeds` : ''}`,
    ]);
  }
  const first = mine[0];
  const caption =
    first === undefined
      ? `${PAPER[dataset].label} as printed; ${PAPER[dataset].name} was not measured here.`
      : `${PAPER[dataset].label} as printed beside robust accuracy (%) re-measured with eval-mode L∞ PGD-${first.config.evaluation.attack.steps} ` +
        `(step ${over255(first.config.evaluation.attack.stepSize)}/255, uniform random start) on the first ${first.final.train.count} training and ` +
        `${first.final.test.count} test images, for the final checkpoint and for the best one (highest PGD test robust accuracy on ` +
        `${first.training.epochs[0]?.selectionCount ?? '?'} test images after each epoch). Gap = train − test.`;
  return {
    id: `resnet-table-${dataset}`,
    title: `${PAPER[dataset].label}: robust accuracy against L∞ PGD in ${PAPER[dataset].name}, paper vs re-measured`,
    caption,
    columns: [
      'ε',
      'paper train',
      'paper test',
      'paper gap',
      'final train',
      'final test',
      'final gap',
      'best epoch',
      'best train',
      'best test',
      'best gap',
      'images (train / test)',
    ],
    rows,
  };
}

function trendRow(statement: string, t: Trend): string[] {
  const per = Object.entries(t.perDataset)
    .map(([ds, v]) => `${ds}: ${v.increasing}/${v.steps}`)
    .join('; ');
  return [
    statement,
    t.quantity,
    t.decidable ? `${t.increasing}/${t.steps} steps increase (${per})` : 'fewer than two ε measured',
  ];
}

/** `FILE (sha256 HEX)`: which results file was read, and its content. */
function sourceText(results: ResNetResults): string | null {
  return results.source ? `${results.source.file} (sha256 ${results.source.sha256})` : null;
}

function provenanceOf(results: ResNetResults): Record<string, string> {
  const out: Record<string, string> = { setting: results.setting, cells: String(results.cells.length) };
  const source = sourceText(results);
  if (source !== null) out['results file'] = source;
  if (results.missing.length > 0) out.missing = results.missing.join(', ');
  for (const ds of ['cifar10', 'svhn'] as const) {
    const c = results.cells.find((x) => x.config.dataset === ds);
    if (c === undefined) continue;
    const cfg = c.config;
    const t = cfg.training;
    out[`${ds}.model`] = `${cfg.model.architecture}, width ×${cfg.model.width}, ${cfg.model.numClasses} classes`;
    out[`${ds}.normalisation`] = cfg.normalisation.source;
    out[`${ds}.data`] =
      `${c.data.train.count} train / ${c.data.test.count} test images${c.data.officialSplit ? ' (official split)' : ' (NOT the official split)'}; ` +
      [...c.data.train.files, ...c.data.test.files]
        .map((f) => `${f.name} sha256 ${f.sha256.slice(0, 16)}… (${f.images} images)`)
        .join(', ');
    out[`${ds}.training`] =
      `${t.epochs} epoch${t.epochs === 1 ? '' : 's'}${t.maxSteps === null ? '' : ` (at most ${t.maxSteps} steps)`}, batch ${t.batchSize}${t.dropLast ? ' (last partial batch dropped)' : ''}, ` +
      `augmentation ${t.augmentation}; PGD-${t.attack.steps} step ${over255(t.attack.stepSize)}/255, random start ${t.attack.randomStart}, BN train mode` +
      `${t.bnUpdatesDuringAttack ? ' (attack forwards update running statistics)' : ''}`;
    out[`${ds}.optimiser`] =
      `SGD momentum ${t.optimiser.momentum}, weight decay ${t.optimiser.weightDecay} on ${t.optimiser.weightDecayOn}; ${t.optimiser.source}`;
    out[`${ds}.schedule`] = t.schedule.source;
    out[`${ds}.evaluation`] =
      `eval mode, PGD-${cfg.evaluation.attack.steps} step ${over255(cfg.evaluation.attack.stepSize)}/255, random start ${cfg.evaluation.attack.randomStart}; ` +
      `train robust accuracy on ${firstOf(cfg.evaluation.trainCount, 'training images')}, test on ${firstOf(cfg.evaluation.testCount, 'test images')} ` +
      `(${c.final.train.count} / ${c.final.test.count} here); best checkpoint by test robust accuracy on ${firstOf(cfg.evaluation.selectionCount, 'test images')} after every epoch`;
    out[`${ds}.landscape`] =
      `around the final checkpoint; α ∈ {${cfg.landscape.alphas.join(', ')}}; filter normalisation per output filter (last axis), biases and BN zeroed (biasbn); ` +
      `attack re-run at every α (evaluation PGD), BN eval mode; loss over the first ${c.landscape.count} training images; direction seed ${c.landscape.directionSeed}, attack seed ${c.landscape.attackSeed}`;
    out[`${ds}.seeds`] = [
      ...new Set(results.cells.filter((x) => x.config.dataset === ds).map((x) => x.config.seed)),
    ].join(', ');
    const runtimes = results.cells.filter((x) => x.config.dataset === ds).map((x) => x.runtime);
    const distinct = (f: (r: (typeof runtimes)[number]) => string): string => [...new Set(runtimes.map(f))].join('; ');
    out[`${ds}.backend`] = distinct(
      (r) =>
        `${r.backend} (${r.backendPackage}@${r.backendVersion}, ${r.convGradient} conv gradient), tfjs ${r.tfjs}, node ${r.node}`,
    );
    out[`${ds}.device`] = distinct((r) => r.device);
    out[`${ds}.code`] = distinct((r) =>
      r.code === undefined ? 'not recorded (written before cells recorded it)' : `sha256 ${r.code}`,
    );
  }
  return out;
}

/**
 * The report section for merged ResNet results, or, when `results` is null or holds no cell, the "not measured here"
 * section naming `command` (default `RESNET_MEASURE_COMMAND`).
 */
export function resnetSection(
  results: ResNetResults | null,
  options: { readonly command?: string } = {},
): ReportSection {
  const command = options.command ?? RESNET_MEASURE_COMMAND;
  if (results === null || results.cells.length === 0) {
    return {
      id: RESNET_SECTION_ID,
      title: TITLE,
      summary:
        'Not measured here: CIFAR-10 and SVHN are not on this machine and cannot be downloaded, and the full sweep (5 ε × 2 datasets of ' +
        "PGD-7 adversarial training for about 200 epochs each) needs a GPU. The paper's Tables 5 and 6 are shown as printed. " +
        ARCH_NOTE,
      figures: [],
      tables: [tableFor('cifar10', []), tableFor('svhn', [])],
      provenance: {},
      notMeasured: {
        reason:
          'data absent: the CIFAR-10 binary batches and SVHN train_32x32.mat / test_32x32.mat are not available here',
        command,
      },
    };
  }
  const cells = results.cells;
  const datasets = (['cifar10', 'svhn'] as const).filter((ds) => cells.some((c) => c.config.dataset === ds));
  const arch = datasets
    .map((ds) => `${ds}: ${cells.find((c) => c.config.dataset === ds)!.config.model.architecture}`)
    .join(', ');
  const figures: ReportFigure[] = datasets.map((ds, i) => {
    const title = `Fig. 4(${String.fromCharCode(97 + i)}) re-drawn: weight loss landscape against L∞ PGD, ${PAPER[ds].name}`;
    return {
      id: `resnet-fig4-${ds}`,
      title,
      caption:
        'Adversarial loss (Eq. 5: the attack re-run at every α) along one filter-normalised direction around the final weights, one line per ε' +
        (results.setting === 'tiny' ? '; tiny setting: a code-path check, not comparable with the paper' : ''),
      svg: landscapeSvg(
        landscapeSeries(cells, ds),
        `Fig. 4(${String.fromCharCode(97 + i)}) ${PAPER[ds].name}: loss against L∞ PGD along a filter-normalised direction`,
      ),
    };
  });
  const sharper = landscapeTrend(results);
  const gapFinal = gapTrend(results, { checkpoint: 'final' });
  const gapBest = gapTrend(results, { checkpoint: 'best' });
  const statements: ReportTable = {
    id: 'resnet-statements',
    title: 'Section 5.2 trends in the measured results',
    caption:
      'Consecutive ε steps per dataset (seeds averaged) that increase the landscape rise (mean of the loss at the ends of the α grid minus the loss at α = 0) and the gap; the entries of fig4-sharper-with-eps (every step must increase) and tab56-gap-grows-remeasured (more than half of all steps of both tables) decide the statements on them.',
    columns: ['statement', 'quantity', 'count'],
    rows: [
      trendRow('the weight loss landscape becomes sharper as ε grows (Fig. 4)', sharper),
      trendRow('the gap becomes larger in most cases as ε grows (Tables 5–6)', gapFinal),
      trendRow('the gap becomes larger in most cases as ε grows (Tables 5–6)', gapBest),
    ],
  };
  const missingText = results.missing.length > 0 ? ` Cells not measured yet: ${results.missing.join(', ')}.` : '';
  const source = sourceText(results);
  const sourceSentence = source === null ? '' : ` Results read from ${source}.`;
  const notMeasuredDs = (['cifar10', 'svhn'] as const)
    .filter((ds) => !datasets.includes(ds))
    .map((ds) => PAPER[ds].name);
  const tinyText =
    results.setting === 'tiny'
      ? ' Tiny setting (a few images, one epoch, width 1/16, fewer PGD steps): these numbers check the code path end to end and are not comparable with the paper.'
      : '';
  return {
    id: RESNET_SECTION_ID,
    title: TITLE,
    summary:
      `L∞-PGD adversarial training of ${arch} in TensorFlow.js at ε ∈ {${[...new Set(cells.map((c) => c.config.epsNumerator))].sort((a, b) => a - b).join(', ')}}/255, ` +
      `robust accuracy of the final and best checkpoints on train and test measured the same way (eval mode, PGD), and the 1-D weight loss landscape ` +
      `along a filter-normalised direction with the attack re-run at every α. ${ARCH_NOTE}` +
      (notMeasuredDs.length > 0 ? ` Not measured here: ${notMeasuredDs.join(', ')} (data absent).` : '') +
      missingText +
      tinyText +
      sourceSentence,
    figures,
    tables: [tableFor('cifar10', cells), tableFor('svhn', cells), statements],
    provenance: provenanceOf(results),
  };
}
