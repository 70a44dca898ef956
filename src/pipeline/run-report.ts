/**
 * Runs what a report needs: the experiments its claims rest on (or their cached results), then the checks (or their
 * cached verdicts), and returns the verdicts in paper order with the experiments' sections. Pure of output: writing
 * the files is `reportFiles` plus `writeFilesAtomic`.
 */
import type { LoadedClaim } from '../claims/loaded.ts';
import type { Verdict } from '../claims/verdict.ts';
import { asCheckFailed, ClaimcheckError } from '../errors.ts';
import { allClaims, paperAt, type RunOptions, runChecksParallel, selectClaims } from './run.ts';
import { DEFAULT_SEED } from '../settings.ts';
import { type CheckResult } from '../claims/loaded.ts';
import { DEFAULT_PAPER, paperProvenance, type PaperProvenance } from '../paper/paper.ts';
import { z } from 'zod';
import { ResultCache, schemaCheck, type EntryCheck } from '../fs/cache.ts';
import { contentKey, jsonRoundTrip } from '../fs/json.ts';
import { codeVersion, importGraphVersion } from '../fs/code-version.ts';
import { fileDigest, type FileDigest } from '../fs/file-hash.ts';
import { VerdictSchema } from '../claims/verdict-schema.ts';
import { defaultExperimentConfig, type Experiment, type ExperimentOptions } from '../experiments/contract.ts';
import { experiments as registry } from '../experiments/registry.ts';
import type { ExperimentRun } from '../report/provenance.ts';
import type { ReportSection } from '../experiments/section.ts';
import { DEFAULT_SETTING } from '../settings.ts';

/** Options of `runReport`. */
export interface ReportRunOptions {
  /** Claim ids (empty: every claim, and every experiment). */
  readonly ids: readonly string[];
  readonly seed?: number;
  /** The paper text the formulas are read from (default: the shipped one). Its sha256 keys every cached verdict. */
  readonly paper?: string;
  /** Experiment options but `seed`, `fresh` and `cacheDir` (taken from this object). */
  readonly experiment?: Partial<
    Pick<
      ExperimentOptions,
      'setting' | 'backend' | 'dataDir' | 'cifarDir' | 'svhnDir' | 'workers' | 'protocols' | 'seeds'
    >
  >;
  /** Cache directory, or null for no cache (nothing read or written). */
  readonly cacheDir: string | null;
  /** Recompute everything and overwrite the cache entries. */
  readonly fresh?: boolean;
  /** The experiments to use (default: the registry, src/experiments/registry.ts). */
  readonly experiments?: readonly Experiment[];
  /**
   * The claims that read each experiment, by experiment id (default: the records naming it in `measurements`); for
   * wiring experiments that no record names.
   */
  readonly readers?: Readonly<Record<string, readonly string[]>>;
  /** Worker processes for the checks (default: `runChecksParallel`'s). */
  readonly jobs?: number;
  /** Whether verdicts are read from and written to the cache (default true; experiment results are cached either way). */
  readonly cacheVerdicts?: boolean;
  /** The code version in verdict cache keys (default: `codeVersion()`, the hash of the source tree). */
  readonly codeVersion?: string;
  /** Hears warning lines (unusable cache entries, a cache that cannot be written); the run goes on. */
  readonly onWarning?: (message: string) => void;
  /** Where experiments write their progress lines (`ExperimentOptions.log`); default: nowhere. */
  readonly log?: (line: string) => void;
  /** Progress of each experiment (`experiment <id>`) and each claim checked, as `runChecks` reports it. */
  readonly onProgress?: RunOptions['onProgress'];
  /**
   * Hears each claim's verdict as soon as it is known: the verdicts read from the cache first, then each check as it
   * finishes (`RunOptions.onResult`).
   */
  readonly onResult?: (result: ClaimFinished) => void;
}

/** A claim's verdict as `runReport` reports it when known: the check result, and whether it came from the cache. */
export interface ClaimFinished extends CheckResult {
  /** True when the verdict was read from the cache (`millis` is then the time of the check that computed it). */
  readonly cached: boolean;
}

/** What a report run produced. */
export interface ReportRun {
  /** The paper the claims were read from. */
  readonly paper: PaperProvenance;
  /** Verdicts in paper order. */
  readonly results: readonly CheckResult[];
  /** Ids of the claims whose verdicts came from the cache. */
  readonly cached: readonly string[];
  /** The sections of the experiments the report rests on, in registry order. */
  readonly sections: readonly ReportSection[];
  /** How each registered experiment fared. */
  readonly experiments: readonly ExperimentRun[];
  /** The options the experiments saw. */
  readonly experimentOptions: ExperimentOptions;
  /** The selected claims that read the measurements of an experiment this run needed (measured or not measured here). */
  readonly experimentClaims: readonly string[];
}

/**
 * The claims that read each registered experiment: the records naming its id in `measurements`. A record naming an
 * experiment the registry does not hold is an error (`INVALID_RECORD`), since its checker would never receive data.
 */
export function readersOf(
  claims: readonly LoadedClaim[],
  experiments: readonly Experiment[] = registry,
): Record<string, string[]> {
  const known = new Set(experiments.map((e) => e.id));
  const readers: Record<string, string[]> = Object.fromEntries(experiments.map((e) => [e.id, []]));
  for (const claim of claims) {
    for (const id of claim.measurements) {
      if (!known.has(id)) {
        throw new ClaimcheckError(
          'INVALID_RECORD',
          `claim ${claim.id}: measurements names "${id}", which is not a registered experiment (${[...known].join(', ')})`,
          'name an experiment of src/experiments/registry.ts',
        );
      }
      readers[id]!.push(claim.id);
    }
  }
  return readers;
}

interface CachedVerdict {
  readonly verdict: Verdict;
  readonly millis: number;
}

const CachedVerdictCheck: EntryCheck<CachedVerdict> = schemaCheck(
  z.object({ verdict: VerdictSchema, millis: z.number() }),
);

interface CachedResults {
  readonly results: unknown;
  readonly millis: number;
  /** `contentKey(results)` when written: an entry whose results were changed since is not used. */
  readonly digest: string;
}

const Envelope = z.object({ results: z.unknown(), millis: z.number(), digest: z.string().regex(/^[0-9a-f]{64}$/) });

/** Checks a stored experiment entry: its envelope, that its results are the ones written, and their shape. */
function resultsCheck(exp: Experiment): EntryCheck<CachedResults> {
  const envelope = schemaCheck(Envelope);
  return (value) => {
    const e = envelope(value);
    if (!e.ok) return e;
    if (contentKey(e.value.results) !== e.value.digest)
      return { ok: false, reason: 'its results differ from the ones written (digest mismatch)' };
    if (exp.checkResults) {
      const r = exp.checkResults(e.value.results);
      if (!r.ok) return { ok: false, reason: `results: ${r.reason}` };
    }
    return { ok: true, value: e.value as CachedResults };
  };
}

/** The code version of an experiment's results: the import graphs of its code entry modules. */
function experimentCode(exp: Experiment): string {
  return contentKey(exp.code.map((entry) => [entry, importGraphVersion(entry).version]));
}

/** The parts of a claim record a verdict depends on (everything but the parsed form, which follows from them). */
function fingerprint(claim: LoadedClaim): unknown {
  const { parsedLatex: _parsed, ...record } = claim;
  return record;
}

/** A section with each input file and its sha256 in its provenance. */
function withInputs(section: ReportSection, inputs: readonly FileDigest[]): ReportSection {
  if (inputs.length === 0) return section;
  const entries = Object.fromEntries(inputs.map((f) => [`input ${f.name}`, `sha256 ${f.sha256} (${f.bytes} bytes)`]));
  return { ...section, provenance: { ...section.provenance, ...entries } };
}

/** An error of experiment `id` as `CHECK_FAILED` naming it, unless it is a typed error of bad usage or input (`asCheckFailed`). */
function experimentFailure(id: string, err: unknown): unknown {
  return asCheckFailed(err, `experiment ${id}`, 'set CLAIMCHECK_DEBUG=1 for the stack trace');
}

/**
 * Runs the experiments the selected claims rest on (all of them when every claim is reported) and checks the claims,
 * reusing cached results and verdicts unless `fresh`. A verdict's cache key hashes the claim record, the seed, the
 * code version (`codeVersion()`), and the cache keys of the experiments that claim reads; an experiment's hashes its
 * configuration and its code. Throws `ClaimcheckError` (`UNKNOWN_CLAIM`, or `CHECK_FAILED` naming the experiment).
 */
export async function runReport(options: ReportRunOptions): Promise<ReportRun> {
  const paperFile = options.paper ?? DEFAULT_PAPER;
  const claims = selectClaims(options.ids, paperFile);
  const paper = paperProvenance(paperAt(paperFile));
  const seed = options.seed ?? DEFAULT_SEED;
  const fresh = options.fresh ?? false;
  const warn = options.onWarning ?? (() => undefined);
  const cache = options.cacheDir === null ? null : new ResultCache(options.cacheDir, { warn });
  const list = options.experiments ?? registry;
  const experimentOptions: ExperimentOptions = {
    seed,
    setting: options.experiment?.setting ?? DEFAULT_SETTING,
    backend: options.experiment?.backend ?? 'auto',
    dataDir: options.experiment?.dataDir ?? null,
    cifarDir: options.experiment?.cifarDir ?? null,
    svhnDir: options.experiment?.svhnDir ?? null,
    ...(options.experiment?.workers !== undefined ? { workers: options.experiment.workers } : {}),
    ...(options.experiment?.protocols !== undefined ? { protocols: options.experiment.protocols } : {}),
    ...(options.experiment?.seeds !== undefined ? { seeds: options.experiment.seeds } : {}),
    fresh,
    cacheDir: null,
    warn,
    ...(options.log ? { log: options.log } : {}),
  };
  const selected = new Set(claims.map((c) => c.id));
  const every = options.ids.length === 0;
  const readers = options.readers ?? readersOf(allClaims(paperFile));
  const claimsOf = (exp: Experiment): readonly string[] => readers[exp.id] ?? [];

  // Which experiments this report rests on, and whether each can run here.
  const plans = list.map((exp) => {
    const opts: ExperimentOptions = {
      ...experimentOptions,
      cacheDir: options.cacheDir === null ? null : `${options.cacheDir}/experiments/${exp.id}`,
    };
    const needed = every || claimsOf(exp).some((id) => selected.has(id));
    const notMeasured = needed ? exp.notMeasured(opts) : undefined;
    // The content of every input file, hashed once and remembered by path, size and mtime across runs.
    const inputs: FileDigest[] =
      needed && !notMeasured
        ? (exp.inputs?.(opts) ?? []).map((f) => fileDigest(f, options.cacheDir, (err) => cache?.writeFailed(err)))
        : [];
    const code = needed && !notMeasured ? experimentCode(exp) : '';
    const key = notMeasured
      ? `not-measured:${contentKey(notMeasured.notMeasured ?? notMeasured.summary)}`
      : contentKey({
          experiment: exp.id,
          config: exp.config ? exp.config(opts) : defaultExperimentConfig(opts),
          inputs: inputs.map((f) => [f.name, f.sha256]),
          code,
        });
    return { exp, opts, needed, notMeasured, key, inputs, code };
  });
  const toMeasure = plans.filter((p) => p.needed && !p.notMeasured);

  const keyOf = (claim: LoadedClaim): string =>
    contentKey({
      claim: fingerprint(claim),
      paper: paper.sha256,
      seed,
      code: options.codeVersion ?? codeVersion(),
      experiments: plans.filter((p) => claimsOf(p.exp).includes(claim.id)).map((p) => [p.exp.id, p.key]),
    });
  const verdictCache = options.cacheVerdicts === false ? null : cache;
  const hits = new Map<string, CachedVerdict>();
  if (verdictCache && !fresh) {
    for (const c of claims) {
      const hit = verdictCache.read('checks', c.id, keyOf(c), CachedVerdictCheck);
      if (hit && hit.verdict && hit.verdict.claimId === c.id) hits.set(c.id, hit);
    }
  }
  if (options.onResult) {
    for (const c of claims) {
      const hit = hits.get(c.id);
      if (hit) options.onResult({ claim: c, verdict: hit.verdict, millis: hit.millis, cached: true });
    }
  }
  const misses = claims.filter((c) => !hits.has(c.id));
  const total = toMeasure.length + misses.length;

  // Experiments first: their results are plain data, so the checks can still run in parallel processes.
  const measurements: Record<string, unknown> = {};
  const runs: ExperimentRun[] = [];
  const sections: ReportSection[] = [];
  for (const [index, plan] of toMeasure.entries()) {
    const label = `experiment ${plan.exp.id}`;
    options.onProgress?.({ id: label, index, total, done: false });
    const t0 = performance.now();
    let results: unknown;
    const hit = cache && !fresh ? cache.read('experiments', plan.exp.id, plan.key, resultsCheck(plan.exp)) : undefined;
    const about = { inputs: plan.inputs, code: plan.code };
    if (hit) {
      results = hit.results;
      runs.push({ id: plan.exp.id, status: 'cached', millis: performance.now() - t0, ...about });
    } else {
      try {
        results = jsonRoundTrip(await plan.exp.run(plan.opts));
      } catch (err) {
        throw experimentFailure(plan.exp.id, err);
      }
      const millis = performance.now() - t0;
      cache?.write('experiments', plan.exp.id, plan.key, {
        results,
        millis,
        digest: contentKey(results),
      } satisfies CachedResults);
      runs.push({ id: plan.exp.id, status: 'measured', millis, ...about });
    }
    measurements[plan.exp.id] = results;
    options.onProgress?.({ id: label, index, total, done: true });
  }

  const checked =
    misses.length === 0
      ? []
      : await runChecksParallel(
          misses.map((c) => c.id),
          {
            seed,
            paper: paperFile,
            ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
            ...(toMeasure.length > 0 ? { measurements } : {}),
            ...(options.onProgress
              ? { onProgress: (e) => options.onProgress!({ ...e, index: e.index + toMeasure.length, total }) }
              : {}),
            ...(options.onResult ? { onResult: (r) => options.onResult!({ ...r, cached: false }) } : {}),
          },
        );
  // The same data whether a verdict is fresh or read back from the cache.
  const fromRun = new Map(checked.map((r) => [r.claim.id, { ...r, verdict: jsonRoundTrip(r.verdict) }]));
  if (verdictCache) {
    for (const r of checked)
      verdictCache.write('checks', r.claim.id, keyOf(r.claim), {
        verdict: r.verdict,
        millis: r.millis,
      } satisfies CachedVerdict);
  }
  const results: CheckResult[] = claims.map((c) => {
    const hit = hits.get(c.id);
    return hit ? { claim: c, verdict: hit.verdict, millis: hit.millis } : fromRun.get(c.id)!;
  });

  for (const plan of plans) {
    if (!plan.needed) {
      runs.push({ id: plan.exp.id, status: 'not-run', millis: 0 });
    } else if (plan.notMeasured) {
      runs.push({ id: plan.exp.id, status: 'not-measured', millis: 0 });
      sections.push(plan.notMeasured);
    } else {
      try {
        sections.push(withInputs(plan.exp.section(measurements[plan.exp.id], plan.opts), plan.inputs));
      } catch (err) {
        throw experimentFailure(plan.exp.id, err);
      }
    }
  }
  const order = new Map(list.map((e, i) => [e.id, i]));
  runs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const experimentClaims = claims
    .map((c) => c.id)
    .filter((id) => plans.some((p) => p.needed && claimsOf(p.exp).includes(id)));
  return { paper, results, cached: [...hits.keys()], sections, experiments: runs, experimentOptions, experimentClaims };
}
