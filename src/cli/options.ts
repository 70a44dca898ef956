/**
 * Schemas of the CLI's options: validated at the boundary with zod, so a bad value fails with the option's name and
 * what was received instead of surfacing deeper down.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ClaimcheckError } from '../errors.ts';
import { DEFAULT_SETTING, MAX_SEED, SETTINGS, type Setting } from '../settings.ts';
import { MNIST2_PROTOCOLS } from '../experiments/mnist2/protocols.ts';

/** Default output directory of `claimcheck report`. */
export const DEFAULT_REPORT_DIR = 'out/report';

const SEED_RANGE = `an integer from 0 to ${MAX_SEED}`;

/** `--seed <n>`: a decimal integer in [0, 2^32); every way out of range (past 2^53 too) names the range. */
export const SeedOptionSchema = z
  .string()
  .regex(/^\s*\d+\s*$/, SEED_RANGE)
  .transform((s) => Number(s.trim()))
  .pipe(z.number().int(SEED_RANGE).min(0, SEED_RANGE).max(MAX_SEED, SEED_RANGE));

const JOBS_RANGE = 'an integer from 1 to 64';
/** `--jobs <n>`: worker processes for claims and experiment cells. */
export const JobsOptionSchema = z
  .string()
  .regex(/^\s*\d+\s*$/, JOBS_RANGE)
  .transform((s) => Number(s.trim()))
  .pipe(z.number().int(JOBS_RANGE).min(1, JOBS_RANGE).max(64, JOBS_RANGE));

const SEEDS_RANGE = 'an integer from 1 to 20';
/** `--seeds <n>`: seeds per training protocol for the empirical claims. */
export const SeedsOptionSchema = z
  .string()
  .regex(/^\s*\d+\s*$/, SEEDS_RANGE)
  .transform((s) => Number(s.trim()))
  .pipe(z.number().int(SEEDS_RANGE).min(1, SEEDS_RANGE).max(20, SEEDS_RANGE));

/** `--protocols <ids>`: a comma-separated list of MNIST2 training protocols (`all`: every one). */
export const ProtocolsOptionSchema = z
  .string()
  .transform((s) => s.split(',').map((p) => p.trim()))
  .superRefine((ids, ctx) => {
    const known = MNIST2_PROTOCOLS.map((p) => p.id);
    for (const id of ids)
      if (id !== 'all' && !known.includes(id))
        ctx.addIssue({
          code: 'custom',
          message: `one of all, ${known.join(', ')} (comma-separated); got ${JSON.stringify(id)}`,
        });
  })
  .transform((ids) => (ids.includes('all') ? MNIST2_PROTOCOLS.map((p) => p.id) : ids));

/** Options of `claimcheck list`. */
/** `--paper <file>`: a paper text, as an absolute path (checked when it is read). */
export const PaperOptionSchema = z
  .string()
  .min(1, 'a file name')
  .transform((p) => path.resolve(p));

/** `--junit <file>`, `--sarif <file>`: a file to write, as an absolute path (its directory is probed before any work). */
export const OutFileOptionSchema = z
  .string()
  .trim()
  .min(1, 'a file name')
  .transform((p) => path.resolve(p));

/** The CI options `check` and `report` share: `--baseline`, `--fail-on`, `--junit`, `--sarif`. */
const CI_FLAGS = {
  baseline: PaperOptionSchema.optional(),
  failOn: z.enum(['refuted', 'changed'], { error: 'one of refuted, changed' }).optional(),
  junit: OutFileOptionSchema.optional(),
  sarif: OutFileOptionSchema.optional(),
};

/** Options of `claimcheck diff`. */
export const DiffOptionsSchema = z.object({ json: z.boolean().default(false), failOn: CI_FLAGS.failOn }).strict();

export const ListOptionsSchema = z
  .object({ json: z.boolean().default(false), paper: PaperOptionSchema.optional() })
  .strict();

/** Options of `claimcheck derive`. */
export const DeriveOptionsSchema = z
  .object({ json: z.boolean().default(false), paper: PaperOptionSchema.optional() })
  .strict();

/** The TensorFlow.js backends `--backend` accepts (`auto`: the first that loads). */
export const BACKEND_NAMES = ['auto', 'tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'] as const;

/** `--setting` of every command that runs an experiment: `ci` or `full` (`tiny`, the ResNet companion's old name, is `ci`). */
export const SettingOptionSchema = z
  .enum([...SETTINGS, 'tiny'], { error: `one of ${SETTINGS.join(', ')}` })
  .default(DEFAULT_SETTING)
  .transform((s): Setting => (s === 'tiny' ? 'ci' : s));

/** `--backend` of every command that may train with TensorFlow.js (`auto`: the first that loads). */
export const BackendOptionSchema = z.enum(BACKEND_NAMES, { error: `one of ${BACKEND_NAMES.join(', ')}` });

/** `--out DIR` of the experiment commands, with the command's default directory. */
export const outDirOption = (defaultDir: string) =>
  z.string().trim().min(1, 'a non-empty directory path').default(defaultDir);

/**
 * A directory option (`--data-dir`, …): a path to an existing directory. A path that is not one fails with the detail
 * (`does not exist`, `is not a directory`) in the issue's `params.detail`, which `parseOptions` prints.
 */
export const DirOptionSchema = z
  .string()
  .trim()
  .min(1, 'an existing directory')
  .superRefine((path, ctx) => {
    let detail: string | undefined;
    try {
      if (!statSync(path).isDirectory()) detail = 'is not a directory';
    } catch (err) {
      detail = existsSync(path)
        ? `cannot be read (${err instanceof Error ? err.message : String(err)})`
        : 'does not exist';
    }
    if (detail !== undefined) ctx.addIssue({ code: 'custom', message: 'an existing directory', params: { detail } });
  });

/** The experiment options `check` and `report` share (`--data-dir` … `--fresh`). */
const EXPERIMENT_FLAGS = {
  dataDir: DirOptionSchema.optional(),
  cifarDir: DirOptionSchema.optional(),
  svhnDir: DirOptionSchema.optional(),
  gpu: z.boolean().default(false),
  backend: BackendOptionSchema.optional(),
  setting: SettingOptionSchema,
  fresh: z.boolean().default(false),
  paper: PaperOptionSchema.optional(),
  jobs: JobsOptionSchema.optional(),
  protocols: ProtocolsOptionSchema.optional(),
  seeds: SeedsOptionSchema.optional(),
};

/** `--gpu` means `--backend tfjs-node-gpu`: any other `--backend` with it is refused. */
function gpuAgreesWithBackend(
  o: { readonly gpu: boolean; readonly backend?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (o.gpu && o.backend !== undefined && o.backend !== 'tfjs-node-gpu') {
    ctx.addIssue({ code: 'custom', path: ['backend'], message: 'tfjs-node-gpu (or no --backend) with --gpu' });
  }
}

/** Options of `claimcheck check`. */
export const CheckOptionsSchema = z
  .object({
    seed: SeedOptionSchema.optional(),
    json: z.boolean().default(false),
    quiet: z.boolean().default(false),
    ...EXPERIMENT_FLAGS,
    ...CI_FLAGS,
  })
  .strict()
  .superRefine(gpuAgreesWithBackend);

/** Options of `claimcheck report`. */
export const ReportOptionsSchema = z
  .object({
    out: z.string().trim().min(1, 'a non-empty directory path').default(DEFAULT_REPORT_DIR),
    seed: SeedOptionSchema.optional(),
    json: z.boolean().default(false),
    quiet: z.boolean().default(false),
    ...EXPERIMENT_FLAGS,
    ...CI_FLAGS,
  })
  .strict()
  .superRefine(gpuAgreesWithBackend);

/** The experiment options of `check` and `report`, validated. */
export type ExperimentFlags = Pick<
  z.output<typeof CheckOptionsSchema>,
  'dataDir' | 'cifarDir' | 'svhnDir' | 'gpu' | 'backend' | 'setting' | 'fresh' | 'jobs' | 'protocols' | 'seeds'
>;

function flag(key: PropertyKey | undefined): string {
  return key === undefined ? 'options' : `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Validates commander's parsed options against `schema`; throws `ClaimcheckError('BAD_INPUT')` naming the option,
 * what it expects, what was received and, where the schema gives one, what is wrong with it.
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Readonly<Record<string, unknown>>): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path[0];
  const received = key === undefined ? raw : raw[key as string];
  const expected =
    issue.message.startsWith('an ') || issue.message.startsWith('a ') ? issue.message : issue.message.toLowerCase();
  const detail =
    issue.code === 'custom' && typeof issue.params?.detail === 'string' ? `, which ${issue.params.detail}` : '';
  throw new ClaimcheckError(
    'BAD_INPUT',
    `option ${flag(key)}: expected ${expected}, but received ${JSON.stringify(received)}${detail}`,
    'run with --help to see the options and their defaults',
  );
}
