/**
 * Benchmark: checking the algebraic claims (the kinds of `ALGEBRAIC_KINDS`: derivations, identities, Lemma 1's
 * monotonicity, the projector spectrum, §4.1's approximation, Eq. (12)), ours against the SymPy peer doing the same
 * derivations and zero tests (bench/peers/sympy_algebra.py, on the work list bench/peers/export-algebra.ts records
 * from our checkers' engine calls at the same seed).
 *
 * - ours: the wall time of checking them in this process, one claim after another (`runChecksParallel` with one job,
 *   which runs them in process), the first thing the process does after reading the claims; and the CPU time of the
 *   same span. Also the wall time of a fresh process that reads the claims and checks them (`--ours-only`), beside
 *   the peer's process time including its imports;
 * - the peer: the wall time of its claims loop (after its imports and reading the work list), per claim and in all;
 * - verdicts: every zero test's status, the finite-difference oracles, the interval enclosures and the other
 *   evaluations are compared between the two; a disagreement is printed loudly (it would be a finding).
 *
 * Prints the per-claim comparison and the goals table row; asserts nothing.
 *
 *   npx tsx bench/algebra.ts [--seed N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import { runChecksParallel } from '../src/pipeline/run.ts';
import { DEFAULT_SEED } from '../src/settings.ts';
import { BENCH_DIR, type BenchRow, formatTable, machineLine, runPythonPeer } from './lib.ts';
import { type AlgebraWork, algebraicClaimIds, exportAlgebraWork } from './peers/export-algebra.ts';

/** What the peer prints last (bench/peers/sympy_algebra.py). */
export interface SympyResult {
  readonly sympy: string;
  readonly mpmath: string;
  readonly mpmath_backend: string;
  readonly python: string;
  readonly claims: readonly {
    readonly id: string;
    readonly seconds: number;
    readonly verdict: 'equal' | 'different' | 'inconclusive';
    readonly zero_tests: { readonly equal: number; readonly different: number; readonly inconclusive: number };
    readonly agrees: boolean;
    readonly disagreements: readonly string[];
    readonly second_opinion_calls_skipped: number;
  }[];
  readonly total_seconds: number;
  readonly cpu_seconds: number;
  /** The claims' wall time by phase: parse, diff, lambdify, evaluate, enclose, other. */
  readonly phase_seconds: Readonly<Record<string, number>>;
  readonly process_seconds_including_imports: number;
}

export interface AlgebraComparison {
  readonly seed: number;
  readonly ours: {
    readonly wallMs: number;
    readonly cpuMs: number;
    readonly claims: readonly {
      readonly id: string;
      readonly kind: string;
      readonly status: string;
      readonly ms: number;
    }[];
  };
  /** A fresh process that reads the claims and checks them (wall ms), or why it was not measured. */
  readonly oursProcess: { readonly wallMs: number } | { readonly missing: string };
  readonly work: AlgebraWork;
  readonly peer: { readonly python: string; readonly result: SympyResult } | { readonly missing: string };
}

const HERE = fileURLToPath(import.meta.url);

/** Checks the algebraic claims in this process: wall and CPU time, and the results. */
async function checkOurs(seed: number) {
  const ids = algebraicClaimIds();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await runChecksParallel(ids, { seed, jobs: 1 });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { results, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The wall time of a fresh `node --import tsx bench/algebra.ts --ours-only` (start-up, reading the claims, checks). */
function oursInFreshProcess(seed: number): AlgebraComparison['oursProcess'] {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, '--ours-only', '--seed', String(seed)], {
    cwd: resolve(BENCH_DIR, '..'),
    encoding: 'utf8',
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) return { missing: `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-2).join(' / ')}` };
  return { wallMs };
}

/** Ours, then a fresh process of ours, then the work list recorded, then the SymPy peer on it: one run, same seed. */
export async function compareAlgebra(options: { readonly seed?: number } = {}): Promise<AlgebraComparison> {
  const seed = options.seed ?? DEFAULT_SEED;
  const ours = await checkOurs(seed);
  const oursProcess = oursInFreshProcess(seed);
  const work = await exportAlgebraWork({
    seed,
    ids: ours.results.map((r) => r.claim.id),
    verdicts: new Map(ours.results.map((r) => [r.claim.id, r.verdict] as const)),
  });
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-algebra-'));
  let peer: AlgebraComparison['peer'];
  try {
    const file = join(dir, 'work.json');
    writeFileSync(file, JSON.stringify(work));
    peer = runPythonPeer<SympyResult>('sympy_algebra.py', [file, '--quiet'], ['sympy', 'mpmath']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    seed,
    ours: {
      wallMs: ours.wallMs,
      cpuMs: ours.cpuMs,
      claims: ours.results.map((r) => ({ id: r.claim.id, kind: r.claim.kind, status: r.verdict.status, ms: r.millis })),
    },
    oursProcess,
    work,
    peer,
  };
}

/** What both sides computed, in numbers: derivatives, zero tests and their points, and the other evaluations. */
function workLine(work: AlgebraWork): string {
  const sum = (key: string) => work.claims.reduce((a, c) => a + (c.counts[key] ?? 0), 0);
  const events = work.claims.flatMap((c) => c.events);
  const evals = (origin: string) => events.filter((e) => e.t === 'eval' && e.origin === origin).length;
  const other = events.filter((e) => e.t === 'eval' && e.origin !== 'construct').length;
  const enclosures = events.filter((e) => e.t === 'zt' && e.enclose).length;
  return (
    `${work.derivs.length} derivatives, ${sum('zt')} zero tests at ${sum('zeroTestPoints')} seeded points (each side at ` +
    `128 and 64 digits), ${sum('fd')} finite-difference oracles at 128 digits, ${enclosures} interval enclosures, ` +
    `${evals('construct')} constructed coordinates at 200 digits and ${other} other evaluations (30–40 digits)`
  );
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/**
 * Where each side spent its time: ours from the recorded run (inside each engine; it runs after ours' timed run, so
 * mathjs's derivatives and compiled expressions come from its caches), the peer by phase.
 */
function splitLine(c: AlgebraComparison): string {
  const sum = (k: keyof AlgebraWork['claims'][number]['recordedMs']) =>
    c.work.claims.reduce((a, x) => a + x.recordedMs[k], 0);
  const run = sum('total') - sum('recording');
  const rest = run - sum('evaluation') - sum('nerdamer') - sum('mathjsDerivative');
  const ours =
    `ours (the recorded run, ${s(run)} without the recording, derivatives and compiled expressions cached): ` +
    `evaluation ${s(sum('evaluation'))}, nerdamer ${s(sum('nerdamer'))}, mathjs derivatives ${s(sum('mathjsDerivative'))}, ` +
    `the rest (lowering, sampling, enclosures, bookkeeping) ${s(rest)}`;
  if (!('result' in c.peer)) return `${ours}.`;
  const phases = Object.entries(c.peer.result.phase_seconds)
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${s(v * 1000)}`)
    .join(', ');
  return `${ours}; SymPy: ${phases}.`;
}

/** The goals table row of a comparison. */
export function algebraRow(c: AlgebraComparison): BenchRow {
  const n = c.ours.claims.length;
  const peer = c.peer;
  const nerdamer = c.work.claims.reduce((a, x) => a + x.recordedMs.nerdamer, 0);
  const notes = [
    `${n} algebraic claims (seed ${c.seed}), one process, one claim at a time: ${workLine(c.work)}.`,
    `Ours also ran nerdamer's second opinion (${s(nerdamer)} of its time), which the peer does not.`,
    `Time by part: ${splitLine(c)}`,
    `CPU: ours ${s(c.ours.cpuMs)}${'result' in peer ? `, SymPy ${s(peer.result.cpu_seconds * 1000)}` : ''}.`,
    'wallMs' in c.oursProcess
      ? `Fresh process: ours ${s(c.oursProcess.wallMs)} (start-up, reading the paper and claims, checks)${
          'result' in peer
            ? `, SymPy ${s(peer.result.process_seconds_including_imports * 1000)} (imports, work list, claims)`
            : ''
        }.`
      : `Fresh process of ours not measured: ${c.oursProcess.missing}.`,
    `Load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at the end.`,
  ];
  return {
    task: `the ${n} algebraic claims`,
    ours: { value: c.ours.wallMs, unit: 'ms' },
    peer:
      'result' in peer
        ? {
            name: `SymPy ${peer.result.sympy} + mpmath ${peer.result.mpmath} (${peer.result.mpmath_backend}), Python ${peer.result.python}`,
            value: { value: peer.result.total_seconds * 1000, unit: 'ms' },
          }
        : { name: 'SymPy', missing: peer.missing },
    goal: { maxRatio: 1 / 8 },
    note: notes.join(' '),
  };
}

/** The goals table rows of this benchmark (one run of ours and of the peer). */
export async function algebraRows(options: { readonly seed?: number } = {}): Promise<BenchRow[]> {
  return [algebraRow(await compareAlgebra(options))];
}

/** Verdict disagreements between the peer and ours, one line each (empty when they agree everywhere). */
export function disagreements(c: AlgebraComparison): string[] {
  if (!('result' in c.peer)) return [];
  const byId = new Map(c.peer.result.claims.map((x) => [x.id, x]));
  const out: string[] = [];
  for (const w of c.work.claims) {
    const p = byId.get(w.id);
    if (!p) out.push(`${w.id}: the peer did not check it`);
    else if (!p.agrees) out.push(`${w.id}: ${p.disagreements.join('; ')}`);
  }
  return out;
}

function oursZeroTests(w: AlgebraWork['claims'][number]): { equal: number; different: number; inconclusive: number } {
  const n = { equal: 0, different: 0, inconclusive: 0 };
  for (const e of w.events) if (e.t === 'zt') n[e.ours.status]++;
  return n;
}

const zt = (n: { equal: number; different: number; inconclusive: number }): string =>
  `${n.equal}=/${n.different}≠${n.inconclusive ? `/${n.inconclusive}?` : ''}`;

function printComparison(c: AlgebraComparison): void {
  const peer = 'result' in c.peer ? c.peer.result : undefined;
  const byId = new Map((peer?.claims ?? []).map((x) => [x.id, x]));
  const work = new Map(c.work.claims.map((x) => [x.id, x]));
  console.log(
    `${'claim'.padEnd(26)} ${'kind'.padEnd(19)} ${'our verdict'.padEnd(12)} ${'ours'.padStart(8)} ${'SymPy'.padStart(8)} ${'ratio'.padStart(6)}  zero tests ours | SymPy  agree`,
  );
  for (const o of c.ours.claims) {
    const p = byId.get(o.id);
    const w = work.get(o.id)!;
    const ratio = p ? (o.ms / (p.seconds * 1000)).toFixed(2) : '—';
    console.log(
      `${o.id.padEnd(26)} ${o.kind.padEnd(19)} ${o.status.padEnd(12)} ${s(o.ms).padStart(8)} ${(p ? s(p.seconds * 1000) : '—').padStart(8)} ${ratio.padStart(6)}  ${zt(oursZeroTests(w)).padEnd(10)} | ${p ? zt(p.zero_tests).padEnd(10) : '—'.padEnd(10)} ${p ? (p.agrees ? 'yes' : 'NO') : '—'}`,
    );
  }
  console.log(
    `${'all'.padEnd(26)} ${''.padEnd(19)} ${''.padEnd(12)} ${s(c.ours.wallMs).padStart(8)} ${(peer ? s(peer.total_seconds * 1000) : '—').padStart(8)} ${(peer ? (c.ours.wallMs / (peer.total_seconds * 1000)).toFixed(2) : '—').padStart(6)}`,
  );
  const bad = disagreements(c);
  if (bad.length > 0) {
    console.log(`\n!!! THE SYMPY PEER DISAGREES WITH OUR VERDICTS ON ${bad.length} CLAIM(S) !!!`);
    for (const line of bad) console.log(`!!! ${line}`);
  } else if (peer) {
    console.log('\nverdicts: the peer agrees with ours on every zero test, oracle, enclosure and evaluation');
  }
}

async function main(): Promise<void> {
  const seedArg = argv.indexOf('--seed');
  const seed = seedArg > 0 ? Number(argv[seedArg + 1]) : DEFAULT_SEED;
  if (argv.includes('--ours-only')) {
    const ours = await checkOurs(seed);
    console.log(JSON.stringify({ wallMs: ours.wallMs, cpuMs: ours.cpuMs, claims: ours.results.length }));
    return;
  }
  console.log(`claimcheck algebra bench — ${machineLine()}`);
  const c = await compareAlgebra({ seed });
  console.log(`seed ${seed}; work: ${workLine(c.work)}\n`);
  printComparison(c);
  const row = algebraRow(c);
  console.log(`\n${formatTable([row])}\n\n${row.note}`);
}

if (argv[1] && resolve(argv[1]) === HERE) await main();
