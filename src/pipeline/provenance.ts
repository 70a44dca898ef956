/**
 * Collects the provenance of a report run: the deterministic part (tool version, git commit, seed, Node version,
 * engines, packages) for errata.md and errata.json, and the run-specific part (times, host) for provenance.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Engines } from '../engines/types.ts';
import { readJson, REPO_ROOT, toolVersion } from '../fs/repo.ts';
import type { PaperProvenance } from '../paper/paper.ts';
import type {
  EngineInfo,
  ExperimentRun,
  ExperimentSettings,
  ReportProvenance,
  RunProvenance,
} from '../report/provenance.ts';

/** Packages whose versions every report records. */
export const ENGINE_PACKAGES = [
  'mathjs',
  'nerdamer',
  '@cortex-js/compute-engine',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  'katex',
] as const;

/** The installed version of package `name` (from node_modules/<name>/package.json), or null when absent. */
export function installedVersion(name: string): string | null {
  const path = join(REPO_ROOT, 'node_modules', ...name.split('/'), 'package.json');
  if (!existsSync(path)) return null;
  const version = readJson(path)?.version;
  return typeof version === 'string' ? version : null;
}

function git(args: readonly string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
      // Never take index.lock: other processes may be using the checkout.
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch {
    return null;
  }
}

/** The engines of a check context as provenance entries (the evaluator's version is not exposed: left empty). */
export function engineInfo(engines: Engines): EngineInfo[] {
  return [
    { role: 'primary CAS', name: engines.primary.name, version: engines.primary.version },
    { role: 'second opinion', name: engines.second.name, version: engines.second.version },
    { role: 'high-precision evaluator', name: engines.evaluator.name, version: '' },
  ];
}

/**
 * Collects the deterministic provenance of a run with run seed `seed` over the claims `selection` (empty: every
 * claim); reads package.json, node_modules and git.
 */
export function collectProvenance(
  seed: number,
  engines: readonly EngineInfo[],
  paper: PaperProvenance,
  selection: readonly string[] = [],
  experiments?: ExperimentSettings,
): ReportProvenance {
  const { name, version } = toolVersion();
  const head = git(['rev-parse', 'HEAD'])?.trim();
  const status = head ? git(['status', '--porcelain']) : null;
  return {
    tool: name,
    version,
    commit: head && /^[0-9a-f]{40}$/.test(head) ? head : null,
    dirty: status === null ? null : status.trim().length > 0,
    seed,
    paper,
    selection: selection.length === 0 ? null : [...selection],
    node: process.version,
    engines,
    packages: Object.fromEntries(ENGINE_PACKAGES.map((p) => [p, installedVersion(p)])),
    ...(experiments ? { experiments } : {}),
  };
}

/**
 * Collects the run-specific provenance (time, host, per-claim durations, and optionally how each experiment fared
 * and the host-specific options) for provenance.json.
 */
export function collectRunProvenance(
  claims: readonly { readonly id: string; readonly millis: number; readonly cached?: boolean }[],
  startedAt: Date,
  finishedAt: Date,
  argv: readonly string[],
  extra: {
    readonly experiments?: readonly ExperimentRun[];
    readonly options?: Readonly<Record<string, string | boolean | null>>;
  } = {},
): RunProvenance {
  const cpuList = cpus();
  return {
    generatedAt: finishedAt.toISOString(),
    durationMillis: finishedAt.getTime() - startedAt.getTime(),
    argv: [...argv],
    host: {
      hostname: hostname(),
      platform: process.platform,
      release: release(),
      arch: process.arch,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      totalMemoryBytes: totalmem(),
    },
    claims: claims.map((c) => ({
      id: c.id,
      millis: Math.round(c.millis * 1000) / 1000,
      ...(c.cached ? { cached: true } : {}),
    })),
    ...(extra.experiments
      ? { experiments: extra.experiments.map((e) => ({ ...e, millis: Math.round(e.millis * 1000) / 1000 })) }
      : {}),
    ...(extra.options ? { options: { ...extra.options } } : {}),
  };
}
