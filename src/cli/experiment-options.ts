/**
 * The experiment options `check` and `report` share: how they appear in help, and what they mean to `runReport`
 * and to the commands that reproduce a verdict.
 */
import type { Command } from 'commander';
import type { ReportRunOptions } from '../pipeline/run-report.ts';
import { BACKEND_NAMES, type ExperimentFlags } from './options.ts';
import { SETTINGS } from '../settings.ts';
import { MNIST2_PROTOCOLS, REFERENCE_PROTOCOL } from '../experiments/mnist2/protocols.ts';
import { DEFAULT_SETTING } from '../settings.ts';

/** Adds `--data-dir`, `--cifar-dir`, `--svhn-dir`, `--gpu`, `--backend`, `--setting`, `--fresh`, `--jobs`, `--protocols`, `--seeds` and `--paper` to `command`. */
export function addExperimentOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'directory of the full official mnist idx files (default: none)')
    .option('--cifar-dir <dir>', 'directory of cifar-10 (default: none, its experiments are reported as not measured)')
    .option('--svhn-dir <dir>', 'directory of svhn (default: none, its experiments are reported as not measured)')
    .option('--gpu', 'run experiments on the gpu: same as --backend tfjs-node-gpu (default: off)')
    .option(
      '--backend <name>',
      `tensorflow.js backend of the experiments: ${BACKEND_NAMES.join(', ')} (default: auto, the first that loads)`,
    )
    .option(
      '--setting <name>',
      `experiment setting: ${SETTINGS.join(' (small, fast) or ')} (the paper's) (default: ${DEFAULT_SETTING})`,
    )
    .option('--fresh', 'recompute every result instead of reusing the cache (default: reuse)')
    .option(
      '--jobs <n>',
      'worker processes for claims and experiment cells; 1 runs everything in this process (default: every core, at most 4)',
    )
    .option(
      '--protocols <ids>',
      'mnist2 training protocols the empirical claims are decided under, comma-separated: all, or some of ' +
        `${MNIST2_PROTOCOLS.map((p) => p.id).join(', ')} (default: all; the reference ${REFERENCE_PROTOCOL.id} always runs)`,
    )
    .option('--seeds <n>', 'seeds per training protocol (default: 5 with --setting full, 3 with --setting ci)')
    .option(
      '--paper <file>',
      'the paper text to read the formulas from, e.g. a revised version (default: the shipped paper text)',
    );
}

/** The backend the flags ask for: `tfjs-node-gpu` with `--gpu`, else `--backend`, else `auto`. */
export function backendOf(flags: ExperimentFlags): (typeof BACKEND_NAMES)[number] {
  return flags.gpu ? 'tfjs-node-gpu' : (flags.backend ?? 'auto');
}

/** The flags as `runReport` options (`experiment`, `fresh` and `jobs`). */
export function experimentRunOptions(flags: ExperimentFlags): Pick<ReportRunOptions, 'experiment' | 'fresh' | 'jobs'> {
  return {
    fresh: flags.fresh,
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    experiment: {
      ...(flags.jobs !== undefined ? { workers: flags.jobs } : {}),
      setting: flags.setting,
      backend: backendOf(flags),
      dataDir: flags.dataDir ?? null,
      cifarDir: flags.cifarDir ?? null,
      svhnDir: flags.svhnDir ?? null,
      ...(flags.protocols !== undefined ? { protocols: flags.protocols } : {}),
      ...(flags.seeds !== undefined ? { seeds: flags.seeds } : {}),
    },
  };
}

/**
 * The flags that reproduce these experiment options in a command printed in the report: `--setting`, `--backend`
 * when not `auto`, and each data directory given, written `DIR` (paths are host details).
 */
export function reproduceFlags(flags: ExperimentFlags): string {
  const parts = [`--setting ${flags.setting}`];
  const backend = backendOf(flags);
  if (backend !== 'auto') parts.push(`--backend ${backend}`);
  if (flags.dataDir) parts.push('--data-dir DIR');
  if (flags.cifarDir) parts.push('--cifar-dir DIR');
  if (flags.svhnDir) parts.push('--svhn-dir DIR');
  if (flags.protocols !== undefined) parts.push(`--protocols ${flags.protocols.join(',')}`);
  if (flags.seeds !== undefined) parts.push(`--seeds ${flags.seeds}`);
  return parts.join(' ');
}
