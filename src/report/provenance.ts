/**
 * Provenance of a report: what produced it. The deterministic part (tool version, git commit, seed, Node version,
 * engines) goes into errata.md and errata.json; times and host details go into provenance.json only, so the same
 * inputs and seed give byte-identical errata files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Engines } from '../engines/types.ts';
import { REPO_ROOT } from '../fs/repo.ts';
import type { FileDigest } from '../fs/file-hash.ts';
import type { PaperProvenance } from '../paper/paper.ts';

/** One engine behind a verdict: its role in a check, its name and version. */
export interface EngineInfo {
  readonly role: string;
  readonly name: string;
  readonly version: string;
}

/** The deterministic provenance printed in errata.md and errata.json. */
export interface ReportProvenance {
  readonly tool: string;
  readonly version: string;
  /** `git rev-parse HEAD` of the checkout, or null when not in a git checkout with a commit. */
  readonly commit: string | null;
  /** Whether `git status --porcelain` listed changes (null when git is unavailable). */
  readonly dirty: boolean | null;
  /** Run seed (each claim's own seed is derived from it and the claim id). */
  readonly seed: number;
  /** The claim ids asked for, or null when every claim of the registry was checked. */
  readonly selection: readonly string[] | null;
  /** `process.version`. */
  readonly node: string;
  readonly engines: readonly EngineInfo[];
  /** Installed versions of the packages the engines come from (`null` when not installed). */
  readonly packages: Readonly<Record<string, string | null>>;
  /** The paper text the formulas were read from: its file name, sha256, size, title and authors. */
  readonly paper: PaperProvenance;
  /** How experiments were asked to run (absent when the report ran none): the setting and the requested backend. */
  readonly experiments?: ExperimentSettings;
}

/** The experiment options that change results: `--setting` and the backend asked for (`--backend`, `--gpu`). */
export interface ExperimentSettings {
  readonly setting: 'ci' | 'full';
  /** `auto` (the first backend that loads) or a forced one (`tfjs-node-gpu`, `tfjs-node`, `wasm`, `cpu`). */
  readonly backend: string;
  /** The claims that read experiment measurements in this run: their reproducing command carries `flags`. */
  readonly claims?: readonly string[];
  /** The options that reproduce the experiments of this run, data directories written `DIR` (`--setting full --data-dir DIR`). */
  readonly flags?: string;
}

/** How one experiment fared in a run (provenance.json only). */
export interface ExperimentRun {
  readonly id: string;
  /** `measured` (ran now), `cached` (results reused), `not-measured` (could not run here) or `not-run` (not needed). */
  readonly status: 'measured' | 'cached' | 'not-measured' | 'not-run';
  readonly millis: number;
  /** The files its results were computed from, with their sha256 (measured or cached runs). */
  readonly inputs?: readonly FileDigest[];
  /** The code version of its results (`importGraphVersion` of its code entry modules). */
  readonly code?: string;
}

/** The run-specific provenance written to provenance.json: times and host details. */
export interface RunProvenance {
  readonly generatedAt: string;
  readonly durationMillis: number;
  readonly argv: readonly string[];
  readonly host: {
    readonly hostname: string;
    readonly platform: string;
    readonly release: string;
    readonly arch: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly totalMemoryBytes: number;
  };
  /** Wall time of each claim's check, in paper order; `cached` when the verdict was reused from the cache. */
  readonly claims: readonly { readonly id: string; readonly millis: number; readonly cached?: boolean }[];
  /** Each registered experiment and how it fared. */
  readonly experiments?: readonly ExperimentRun[];
  /** Host-specific options of the run (data directories, cache directory, `--fresh`). */
  readonly options?: Readonly<Record<string, string | boolean | null>>;
}

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


function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The `name` and `version` of claimcheck, read from its package.json. */
export function toolVersion(): { readonly name: string; readonly version: string } {
  const pkg = readJson(join(REPO_ROOT, 'package.json'));
  return {
    name: typeof pkg?.name === 'string' ? pkg.name : 'claimcheck',
    version: typeof pkg?.version === 'string' ? pkg.version : '0.0.0',
  };
}

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
  extra: { readonly experiments?: readonly ExperimentRun[]; readonly options?: Readonly<Record<string, string | boolean | null>> } = {},
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
    claims: claims.map((c) => ({ id: c.id, millis: Math.round(c.millis * 1000) / 1000, ...(c.cached ? { cached: true } : {}) })),
    ...(extra.experiments ? { experiments: extra.experiments.map((e) => ({ ...e, millis: Math.round(e.millis * 1000) / 1000 })) } : {}),
    ...(extra.options ? { options: { ...extra.options } } : {}),
  };
}
