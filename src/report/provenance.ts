/**
 * The provenance of a report as data (collected by src/pipeline/provenance.ts): what produced it. The deterministic part (tool version, git commit, seed, Node version,
 * engines) goes into errata.md and errata.json; times and host details go into provenance.json only, so the same
 * inputs and seed give byte-identical errata files.
 */
import type { FileDigest } from '../fs/file-hash.ts';
import type { PaperProvenance } from '../paper/paper.ts';
import { type Setting } from '../settings.ts';

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
  readonly setting: Setting;
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
