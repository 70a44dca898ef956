/**
 * `claimcheck experiment resnet18`: the ResNet18 companion of the paper's Section 5.2 (Fig. 4, Tables 5–6) on CIFAR-10
 * and SVHN. `run` trains and measures the sweep's cells of one shard (resumable; every cell checkpointed each epoch);
 * `merge` gathers the cells of one or more output directories into `results.json`.
 */
import { Command } from 'commander';
import { join } from 'node:path';
import { z } from 'zod';
import {
  BACKEND_NAMES,
  BackendOptionSchema,
  DirOptionSchema,
  outDirOption,
  SettingOptionSchema,
  parseOptions,
} from '../options.ts';
import { stableJson } from '../../fs/json.ts';
import { assertWritableDir } from '../../fs/write-dir-atomic.ts';
import { DEFAULT_SEED, MAX_SEED } from '../../settings.ts';

/** Default output directory of `experiment resnet18`. */
export const DEFAULT_RESNET_OUT = 'out/resnet';

const dirSchema = DirOptionSchema;

/**
 * The largest `--eps` numerator: `MAX_EPS_NUMERATOR` of src/experiments/resnet18/config.ts (ε = 1, the whole pixel range), repeated
 * here so that parsing options loads no TensorFlow.js (a test asserts they agree).
 */
export const HELP_MAX_EPS_NUMERATOR = 255;

/** The largest `--width`: 16 × (64-128-256-512) channels is far beyond any ResNet18 the paper or its sources train. */
const MAX_WIDTH = 16;

const EPS_LIST = `a comma-separated list of ε numerators over 255, each from 0 to ${HELP_MAX_EPS_NUMERATOR} (e.g. 0,4,8 or 8/255)`;
const SEED_LIST = 'a comma-separated list of seeds, integers from 0 to 4294967295';
const WIDTH = `a positive number or fraction up to ${MAX_WIDTH} (e.g. 1, 0.5, 1/16)`;

/** `--eps`: numerators over 255 (ε = k/255 in the [0, 1] pixel range), or `k/255`, comma-separated. */
const epsListSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?(\/255)?(\s*,\s*\d+(\.\d+)?(\/255)?)*$/, EPS_LIST)
  .transform((s) => s.split(',').map((x) => Number(x.trim().replace('/255', ''))))
  .pipe(z.array(z.number().max(HELP_MAX_EPS_NUMERATOR, EPS_LIST)));

/** `--seeds`: integers in [0, 2^32), comma-separated. */
const seedListSchema = z
  .string()
  .trim()
  .regex(/^\d+(\s*,\s*\d+)*$/, SEED_LIST)
  .transform((s) => s.split(',').map((x) => Number(x.trim())))
  .pipe(z.array(z.number().int().min(0).max(MAX_SEED, SEED_LIST)));

/** Options of `experiment resnet18 run`. */
export const ResNetRunOptionsSchema = z
  .object({
    dataset: z.enum(['cifar10', 'svhn', 'both'], { error: 'one of cifar10, svhn, both' }).default('both'),
    cifarDir: dirSchema.optional(),
    svhnDir: dirSchema.optional(),
    eps: epsListSchema.optional(),
    seeds: seedListSchema.optional(),
    arch: z.enum(['resnet18', 'preact-resnet18'], { error: 'one of resnet18, preact-resnet18' }).default('resnet18'),
    svhnArch: z.enum(['resnet18', 'preact-resnet18'], { error: 'one of resnet18, preact-resnet18' }).optional(),
    width: z
      .string()
      .regex(/^\d*\.?\d+(\/\d+)?$/, WIDTH)
      .transform((s) => (s.includes('/') ? Number(s.split('/')[0]) / Number(s.split('/')[1]) : Number(s)))
      .pipe(z.number().positive(WIDTH).max(MAX_WIDTH, WIDTH))
      .optional(),
    shard: z
      .string()
      .regex(/^\s*\d+\s*\/\s*\d+\s*$/, 'i/n with integers 0 ≤ i < n')
      .refine((s) => {
        const [i, n] = s.split('/').map((x) => Number(x.trim())) as [number, number];
        return n >= 1 && i < n;
      }, 'i/n with integers 0 ≤ i < n')
      .default('0/1'),
    setting: SettingOptionSchema,
    backend: BackendOptionSchema.default('auto'),
    out: outDirOption(DEFAULT_RESNET_OUT),
    json: z.boolean().default(false),
    quiet: z.boolean().default(false),
  })
  .strict();

/** Options of `experiment resnet18 merge`. */
export const ResNetMergeOptionsSchema = z
  .object({
    out: outDirOption(DEFAULT_RESNET_OUT),
    json: z.boolean().default(false),
  })
  .strict();

const run = new Command('run')
  .description('train and measure the cells of one shard (resumable; results in <out>/cells/<id>/result.json)')
  .option('--dataset <name>', 'cifar10, svhn or both (default: both)')
  .option(
    '--cifar-dir <dir>',
    'directory of the cifar-10 binary batches data_batch_1.bin … test_batch.bin (needed for cifar10)',
  )
  .option('--svhn-dir <dir>', 'directory of svhn train_32x32.mat and test_32x32.mat (needed for svhn)')
  .option('--eps <list>', 'comma-separated ε numerators over 255, 0 to 255, or k/255 (default: 0,4,8,12,16)')
  .option('--seeds <list>', `comma-separated seeds, one cell per seed (default: ${DEFAULT_SEED})`)
  .option('--arch <name>', 'resnet18 or preact-resnet18 (default: resnet18, as section 5.2 says)')
  .option('--svhn-arch <name>', 'architecture for svhn only, e.g. preact-resnet18 as appendix c says (default: --arch)')
  .option(
    '--width <w>',
    `width multiplier of the channels 64-128-256-512, at most ${MAX_WIDTH} (default: 1 in full, 1/16 in tiny)`,
  )
  .option('--shard <i/n>', 'run every n-th cell from i, 0-based (default: 0/1, every cell)')
  .option(
    '--setting <name>',
    "ci (a few images, one epoch, width 1/16; tiny is the same) or full (the paper's settings) (default: full)",
  )
  .option(
    '--backend <name>',
    `tensorflow.js backend: ${BACKEND_NAMES.join(', ')} (default: auto, the first that loads)`,
  )
  .option('--out <dir>', `output directory, shared by the shards or one per shard (default: ${DEFAULT_RESNET_OUT})`)
  .option('--json', 'print the shard summary as json (default: a table)')
  .option('--quiet', 'print no progress lines on stderr (default: progress lines)')
  .action(async (raw: Record<string, unknown>) => {
    const o = parseOptions(ResNetRunOptionsSchema, raw);
    assertWritableDir(o.out, 'the sweep');
    const { defaultSweep, parseShard } = await import('../../experiments/resnet18/config.ts');
    const { runSweep } = await import('../../experiments/resnet18/sweep.ts');
    const base = defaultSweep(o.setting);
    const sweep = {
      ...base,
      datasets: o.dataset === 'both' ? base.datasets : [o.dataset],
      epsNumerators: o.eps ?? base.epsNumerators,
      seeds: o.seeds ?? base.seeds,
      architecture: { cifar10: o.arch, svhn: o.svhnArch ?? o.arch },
      width: o.width ?? base.width,
    };
    const shard = parseShard(o.shard);
    const summary = await runSweep({
      sweep,
      shard,
      out: o.out,
      dataDirs: { cifar10: o.cifarDir ?? null, svhn: o.svhnDir ?? null },
      backend: o.backend,
      log: o.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
    });
    if (o.json) {
      process.stdout.write(stableJson(summary));
      return;
    }
    const lines = summary.cells.map(
      (c) =>
        `${c.id}\t${c.status}${c.resumedFromEpoch > 0 && c.status !== 'cached' ? ` (from epoch ${c.resumedFromEpoch})` : ''}\t${join(o.out, 'cells', c.id, 'result.json')}`,
    );
    process.stdout.write(
      `shard ${shard.index}/${shard.count}: ${summary.cells.length} cells on ${summary.runtime.backend} (${summary.runtime.device})\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}` +
        `seeds: ${sweep.seeds.join(', ')}\n`,
    );
  });

const merge = new Command('merge')
  .description(
    'gather the cells of one or more output directories into <out>/results.json (refused when no cell has a result)',
  )
  .argument('[dirs...]', `output directories of the shards (default: the --out directory)`)
  .option('--out <dir>', `where to write results.json (default: ${DEFAULT_RESNET_OUT})`)
  .option('--json', 'print the merged results as json (default: a summary)')
  .action(async (dirs: string[], raw: Record<string, unknown>) => {
    const o = parseOptions(ResNetMergeOptionsSchema, raw);
    assertWritableDir(o.out, 'the merged results');
    const { mergeResults } = await import('../../experiments/resnet18/merge.ts');
    const { writeFileAtomicSync } = await import('../../fs/write-file-atomic-sync.ts');
    const merged = mergeResults(dirs.length > 0 ? dirs : [o.out]);
    const file = join(o.out, 'results.json');
    writeFileAtomicSync(file, stableJson(merged));
    if (o.json) {
      process.stdout.write(stableJson(merged));
      return;
    }
    const rows = merged.cells.map(
      (c) =>
        `${c.id}\tfinal train ${c.final.train.robustAccuracy.toFixed(2)} test ${c.final.test.robustAccuracy.toFixed(2)} gap ${c.final.gap.toFixed(2)}\tlandscape rise ${c.landscape.sharpness.rise.toFixed(4)}`,
    );
    process.stdout.write(
      `wrote ${file}: ${merged.cells.length} cells (${merged.setting})${merged.missing.length > 0 ? `, missing: ${merged.missing.join(', ')}` : ''}\n${rows.join('\n')}${rows.length > 0 ? '\n' : ''}`,
    );
  });

/** `claimcheck experiment resnet18` (subcommands `run` and `merge`). */
export const resnet18 = new Command('resnet18')
  .description('resnet18 companion on cifar-10 and svhn (fig. 4, tables 5–6): run shards, merge results')
  .helpCommand('help [command]', 'print help for a command')
  .addCommand(run)
  .addCommand(merge);
