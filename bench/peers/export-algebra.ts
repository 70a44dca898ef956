/**
 * Exports the work our checkers do for the algebraic claims, for the SymPy peer (`sympy_algebra.py`) to do the same.
 *
 * The work list is recorded, not retyped: every algebraic claim is checked once more with engines that record each
 * call the checker makes (a derivative, a high-precision evaluation, a relative difference) and then do what the
 * default engines do. What the peer receives per claim, in call order:
 *
 * - `diff`: a derivative the checker took with mathjs — the function (as printed in the paper, lowered to scalars) and
 *   the variable. The peer differentiates the same function with `sympy.diff`. Where a checker's expression contains a
 *   derivative (the reference side of a zero test, a second derivative, a substitution such as w → w* applied after
 *   differentiating), the exported expression names it as a call `DERIV_k(a_1, …, a_m)`: the peer puts its own
 *   derivative k there, with its free symbols s_1 … s_m replaced by a_1 … a_m (a_i = s_i unless the checker
 *   substituted). `algebra-markers.ts` says how a derivative is marked in the checkers' strings so that this can be
 *   read off them; the recording engines strip the markers before any engine sees a string, so the checker computes
 *   what it computes with the default engines (the export checks that every verdict's status is the same).
 * - `zt`: one randomized zero test (`src/decide/zero-test.ts`): the expression pair, the points our sampler drew
 *   with our seed (exact decimals; constructed coordinates to 200 digits), both precisions (64 and 128 digits), our
 *   status, and whether our verdict carries an interval enclosure of the difference at its witness point.
 * - `fd`: the 128-digit central-difference oracle (`src/decide/fd-oracle.ts`): the function, the two shifted points,
 *   the base point and the derivative it is compared with.
 * - `eval`: any other evaluation (coordinates built to satisfy a condition at 200 digits, Lemma 1's counterexample
 *   search at 30 digits, §4.1's boundedness probe at 40 digits), with our value.
 * - `second`: nerdamer's second-opinion derivative and its 64-digit comparison: counted, not done by the peer (a
 *   SymPy user has no second CAS to consult).
 *
 * Expressions are in Python syntax (`**` for powers; otherwise mathjs and SymPy's `parse_expr` read the same
 * operators and function names), reprinted by mathjs with only the parentheses the precedence needs.
 *
 *   npx tsx bench/peers/export-algebra.ts OUT.json [--seed N]
 */
import { writeFileSync } from 'node:fs';
import { argv } from 'node:process';
import { fileURLToPath } from 'node:url';
import { checkers } from '../../checks/index.ts';
import type { LoadedClaim } from '../../src/claims/loaded.ts';
import type { Verdict, Witness } from '../../src/claims/verdict.ts';
import { settleVacuous } from '../../src/claims/vacuity.ts';
import { scalarSymbols } from '../../src/decide/formula.ts';
import { TOLERANCES } from '../../src/decide/tolerances.ts';
import { zeroTest } from '../../src/decide/zero-test.ts';
import { defaultEngines } from '../../src/engines/index.ts';
import type { Engines, PrecisionEvaluator, SymbolicEngine } from '../../src/engines/types.ts';
import { allClaims, contextFor, runChecks } from '../../src/pipeline/run.ts';
import { DEFAULT_SEED } from '../../src/settings.ts';
import { markDerivative, stripMarkers, toSympySyntax } from './algebra-markers.ts';

/** The claim kinds whose checkers are algebraic: derivations and zero tests (the rest are numeric or textual). */
export const ALGEBRAIC_KINDS: ReadonlySet<string> = new Set([
  'derivative',
  'identity',
  'monotonicity',
  'projector-spectrum',
  'liu-approximation',
  'norm-inequality',
]);

/** The ids of the algebraic claims, in paper order. */
export function algebraicClaimIds(): string[] {
  return allClaims()
    .filter((c) => ALGEBRAIC_KINDS.has(c.kind))
    .map((c) => c.id);
}

// --- the recording engines ------------------------------------------------------------------------------------------

type Origin = 'zero-test' | 'fd' | 'construct' | string;

type RawEvent =
  | { readonly t: 'diff'; readonly k: number }
  | { readonly t: 'second' }
  | {
      readonly t: 'eval';
      readonly expr: string;
      readonly point: Record<string, string>;
      readonly digits: number;
      readonly origin: Origin;
      readonly value: string;
    }
  | {
      readonly t: 'rd';
      readonly a: string;
      readonly b: string;
      readonly point: Record<string, string>;
      readonly digits: number;
      readonly origin: Origin;
      readonly result: ReturnType<PrecisionEvaluator['relativeDifference']>;
    };

/** Which part of the machinery made an evaluator call, from the call stack (source file names under tsx). */
function originOf(stack: string | undefined): Origin {
  const frames = (stack ?? '').split('\n').slice(2);
  for (const f of frames) {
    if (f.includes('/src/decide/zero-test.ts')) return 'zero-test';
    if (f.includes('/src/decide/fd-oracle.ts')) return 'fd';
    if (f.includes('/src/decide/sampler.ts')) return 'construct';
  }
  for (const f of frames) {
    const m = /\/checks\/([A-Za-z0-9_/-]+)\.ts/.exec(f);
    if (m) return m[1]!;
  }
  return 'other';
}

/** Time (ms) the recorded run spent inside each engine. */
export interface EngineTimes {
  mathjsDerivative: number;
  nerdamer: number;
  evaluation: number;
  /** The recording itself (reading the call stack of each evaluator call), not part of a normal run. */
  recording: number;
}

class Recorder {
  events: RawEvent[] = [];
  readonly derivs: { input: string; variable: string; args: string[] }[] = [];
  private readonly ids = new Map<string, { k: number; marked: string }>();
  readonly times: EngineTimes = { mathjsDerivative: 0, nerdamer: 0, evaluation: 0, recording: 0 };

  private origin(): Origin {
    const t0 = performance.now();
    const origin = originOf(new Error().stack);
    this.times.recording += performance.now() - t0;
    return origin;
  }

  engines(base: Engines): Engines {
    const primary: SymbolicEngine = {
      name: base.primary.name,
      version: base.primary.version,
      derivative: (expr, variable) => {
        const key = `${variable}\u0000${expr}`;
        let hit = this.ids.get(key);
        if (!hit) {
          const t0 = performance.now();
          const out = base.primary.derivative(stripMarkers(expr), variable);
          this.times.mathjsDerivative += performance.now() - t0;
          const k = this.derivs.length;
          this.derivs.push({ input: expr, variable, args: scalarSymbols(out) });
          hit = { k, marked: markDerivative(k, out) };
          this.ids.set(key, hit);
        }
        this.events.push({ t: 'diff', k: hit.k });
        return hit.marked;
      },
    };
    const second: SymbolicEngine = {
      name: base.second.name,
      get version() {
        return base.second.version;
      },
      derivative: (expr, variable) => {
        this.events.push({ t: 'second' });
        const t0 = performance.now();
        try {
          return base.second.derivative(stripMarkers(expr), variable);
        } finally {
          this.times.nerdamer += performance.now() - t0;
        }
      },
    };
    const evaluator: PrecisionEvaluator = {
      name: base.evaluator.name,
      evaluate: (expr, point, digits) => {
        const origin = this.origin();
        const t0 = performance.now();
        const value = base.evaluator.evaluate(stripMarkers(expr), point, digits);
        this.times.evaluation += performance.now() - t0;
        this.events.push({ t: 'eval', expr, point: { ...point }, digits, origin, value });
        return value;
      },
      relativeDifference: (a, b, point, digits) => {
        const origin = this.origin();
        const t0 = performance.now();
        const result = base.evaluator.relativeDifference(stripMarkers(a), stripMarkers(b), point, digits);
        this.times.evaluation += performance.now() - t0;
        this.events.push({ t: 'rd', a, b, point: { ...point }, digits, origin, result });
        return result;
      },
    };
    return { primary, second, evaluator, printer: base.printer };
  }
}

// --- the export ---------------------------------------------------------------------------------------------------

/** A zero test's status, as ours decided it. */
export type ZeroTestStatus = 'equal' | 'different' | 'inconclusive';

export type WorkEvent =
  | { readonly t: 'diff'; readonly k: number }
  | { readonly t: 'second'; readonly what: 'derivative' | 'comparison' }
  | {
      readonly t: 'zt';
      /** Printed and reference expressions (ids into `exprs`). */
      readonly a: number;
      readonly b: number;
      /** Point ids, in the order our zero test visits them; each is evaluated at 128 and then 64 digits. */
      readonly points: readonly number[];
      readonly ours: {
        readonly status: ZeroTestStatus;
        readonly worst64: number | null;
        readonly worst128: number | null;
        /** The point that decided `different`, and the two values there (20 digits, as a verdict reports them). */
        readonly witness: number | null;
        readonly witnessValues: readonly [string, string] | null;
      };
      /** Our verdict carries an interval enclosure of a − b at the witness point (60 digits, 120 if it holds 0). */
      readonly enclose: boolean;
    }
  | {
      readonly t: 'fd';
      readonly f: number;
      readonly ref: number;
      readonly variable: string;
      readonly point: number;
      readonly plus: number;
      readonly minus: number;
      readonly step: string;
      /** Digits of the two function values (the difference quotient is rounded to `digits`). */
      readonly evalDigits: number;
      readonly digits: number;
      readonly ours: { readonly log10Rel: number | null; readonly agrees: boolean };
    }
  | {
      readonly t: 'eval';
      readonly e: number;
      readonly p: number;
      readonly digits: number;
      readonly origin: string;
      readonly ours: string;
    };

export interface ClaimWork {
  readonly id: string;
  readonly kind: string;
  /** Our verdict's status (from the run whose verdicts were passed in, or the export's own run). */
  readonly status: string;
  readonly events: readonly WorkEvent[];
  readonly counts: Readonly<Record<string, number>>;
  /** Milliseconds of the recorded run of this claim: in all, and inside each engine. */
  readonly recordedMs: EngineTimes & { readonly total: number };
}

export interface AlgebraWork {
  readonly seed: number;
  readonly tolerances: typeof TOLERANCES;
  /** Expressions in Python syntax. */
  readonly exprs: readonly string[];
  /** Derivative k: the function (id into `exprs`), the variable, and the free symbols of our derivative (in order). */
  readonly derivs: readonly { readonly input: number; readonly variable: string; readonly args: readonly string[] }[];
  readonly points: readonly Readonly<Record<string, string>>[];
  readonly claims: readonly ClaimWork[];
  /** Time (ms) the recorded run spent inside mathjs's derivative, nerdamer and the evaluator, over all claims. */
  readonly engineTimes: EngineTimes;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function witnessesWithEnclosure(v: Verdict): Witness[] {
  const out: Witness[] = [];
  if ('witness' in v && v.witness?.enclosure) out.push(v.witness);
  for (const r of v.readings?.outcomes ?? []) if (r.witness?.enclosure) out.push(r.witness);
  return out;
}

function pointKey(p: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(p).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Records the work of the algebraic claims (default: all of them) and returns it. `verdicts`: our verdicts of the
 * same claims at the same seed (as `runChecks` returns them), used to mark the zero tests whose witness our verdict
 * encloses; they are computed here when absent.
 */
export async function exportAlgebraWork(
  options: {
    readonly seed?: number;
    readonly ids?: readonly string[];
    readonly verdicts?: ReadonlyMap<string, Verdict>;
  } = {},
): Promise<AlgebraWork> {
  const seed = options.seed ?? DEFAULT_SEED;
  const ids = options.ids ?? algebraicClaimIds();
  const verdicts =
    options.verdicts ?? new Map((await runChecks(ids, { seed })).map((r) => [r.claim.id, r.verdict] as const));
  const byId = new Map(allClaims().map((c) => [c.id, c]));
  const recorder = new Recorder();
  const engines = recorder.engines(defaultEngines());
  const exprIds = new Map<string, number>();
  const exprs: string[] = [];
  const expr = (s: string): number => {
    let id = exprIds.get(s);
    if (id === undefined) {
      id = exprs.length;
      exprs.push(toSympySyntax(s));
      exprIds.set(s, id);
    }
    return id;
  };
  const pointIds = new Map<string, number>();
  const points: Record<string, string>[] = [];
  const point = (p: Record<string, string>): number => {
    const key = pointKey(p);
    let id = pointIds.get(key);
    if (id === undefined) {
      id = points.length;
      points.push(p);
      pointIds.set(key, id);
    }
    return id;
  };
  const claims: ClaimWork[] = [];
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  try {
    for (const id of ids) {
      const claim: LoadedClaim | undefined = byId.get(id);
      if (!claim) throw new Error(`export-algebra: unknown claim ${id}`);
      const checker = checkers.find((c) => c.kind === claim.kind);
      if (!checker) throw new Error(`export-algebra: no checker for ${claim.kind}`);
      recorder.events = [];
      const before = { ...recorder.times };
      const t0 = performance.now();
      const ctx = { ...contextFor(claim, { seed }), engines };
      const traced = settleVacuous(await checker.check(claim, checker.params.parse(claim.params), ctx));
      const recordedMs = {
        total: performance.now() - t0,
        mathjsDerivative: recorder.times.mathjsDerivative - before.mathjsDerivative,
        nerdamer: recorder.times.nerdamer - before.nerdamer,
        evaluation: recorder.times.evaluation - before.evaluation,
        recording: recorder.times.recording - before.recording,
      };
      const ours = verdicts.get(id);
      if (!ours) throw new Error(`export-algebra: no verdict given for ${id}`);
      if (traced.status !== ours.status)
        throw new Error(`export-algebra: ${id}: the recorded run gives ${traced.status}, ours ${ours.status}`);
      const events = groupEvents(id, recorder.events, expr, point);
      markEnclosures(id, events, witnessesWithEnclosure(ours));
      const counts: Record<string, number> = {};
      for (const e of events) counts[e.t] = (counts[e.t] ?? 0) + 1;
      counts.zeroTestPoints = events.reduce((a, e) => a + (e.t === 'zt' ? e.points.length : 0), 0);
      claims.push({ id, kind: claim.kind, status: ours.status, events, counts, recordedMs });
    }
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  const derivs = recorder.derivs.map((d) => ({ input: expr(d.input), variable: d.variable, args: d.args }));
  return {
    seed,
    tolerances: TOLERANCES,
    exprs,
    derivs,
    points,
    claims,
    engineTimes: { ...recorder.times },
  };
}

/** Zero tests found in the recorded calls, with the raw relative-difference calls they were made of. */
interface ZeroTestGroup {
  readonly rd: Extract<RawEvent, { t: 'rd' }>[];
}

/**
 * Turns one claim's recorded calls into work events. A zero test's calls are consecutive: 128 then 64 digits at each
 * point, for `pointsPerTest` points (2^N when that is more; no algebraic claim samples N > 3), with one expression
 * pair; its status is recomputed by our `zeroTest` from the recorded results.
 */
function groupEvents(
  id: string,
  raw: readonly RawEvent[],
  expr: (s: string) => number,
  point: (p: Record<string, string>) => number,
): WorkEvent[] {
  const out: WorkEvent[] = [];
  const perTest = TOLERANCES.pointsPerTest;
  for (let i = 0; i < raw.length; i++) {
    const e = raw[i]!;
    if (e.t === 'diff') out.push({ t: 'diff', k: e.k });
    else if (e.t === 'second') out.push({ t: 'second', what: 'derivative' });
    else if (e.t === 'eval' && e.origin === 'fd') {
      const minus = raw[i + 1];
      const cmp = raw[i + 2];
      if (minus?.t !== 'eval' || minus.origin !== 'fd' || cmp?.t !== 'rd' || cmp.origin !== 'fd')
        throw new Error(`export-algebra: ${id}: a finite-difference oracle call out of order`);
      const variable = Object.keys(e.point).find((k) => e.point[k] !== cmp.point[k]);
      if (!variable) throw new Error(`export-algebra: ${id}: no shifted variable in a finite-difference call`);
      out.push({
        t: 'fd',
        f: expr(e.expr),
        ref: expr(cmp.b),
        variable,
        point: point(cmp.point),
        plus: point(e.point),
        minus: point(minus.point),
        step: TOLERANCES.fdOracle.step,
        evalDigits: e.digits,
        digits: cmp.digits,
        ours: {
          log10Rel: finite(cmp.result.log10Rel),
          agrees: cmp.result.log10Rel <= TOLERANCES.fdOracle.agreeLog10,
        },
      });
      i += 2;
    } else if (e.t === 'eval') {
      out.push({ t: 'eval', e: expr(e.expr), p: point(e.point), digits: e.digits, origin: e.origin, ours: e.value });
    } else if (e.origin === 'zero-test') {
      const group: ZeroTestGroup = { rd: [] };
      while (group.rd.length < 2 * perTest) {
        const r = raw[i + group.rd.length];
        if (r?.t !== 'rd' || r.origin !== 'zero-test' || r.a !== e.a || r.b !== e.b) break;
        group.rd.push(r);
      }
      if (group.rd.length !== 2 * perTest)
        throw new Error(`export-algebra: ${id}: a zero test of ${group.rd.length / 2} points (expected ${perTest})`);
      i += group.rd.length - 1;
      out.push(zeroTestEvent(id, group, expr, point));
    } else {
      // nerdamer's derivative compared with ours at 64 digits (checks/derivative.ts): the second opinion.
      out.push({ t: 'second', what: 'comparison' });
    }
  }
  return out;
}

function zeroTestEvent(
  id: string,
  group: ZeroTestGroup,
  expr: (s: string) => number,
  point: (p: Record<string, string>) => number,
): WorkEvent {
  const pts: Record<string, string>[] = [];
  for (let j = 0; j < group.rd.length; j += 2) {
    const hi = group.rd[j]!;
    const lo = group.rd[j + 1]!;
    if (hi.digits !== 128 || lo.digits !== 64 || pointKey(hi.point) !== pointKey(lo.point))
      throw new Error(`export-algebra: ${id}: a zero test's calls are not 128 then 64 digits at one point`);
    pts.push(hi.point);
  }
  // Our status, by our own zero test replayed on the recorded results.
  const queue = [...group.rd];
  const replay: PrecisionEvaluator = {
    name: 'replay',
    evaluate: () => {
      throw new Error('replay: evaluate');
    },
    relativeDifference: (_a, _b, _p, digits) => {
      const r = queue.shift();
      if (!r || r.digits !== digits) throw new Error(`export-algebra: ${id}: replay out of step`);
      return r.result;
    },
  };
  const first = group.rd[0]!;
  const z = zeroTest(first.a, first.b, pts, replay);
  return {
    t: 'zt',
    a: expr(first.a),
    b: expr(first.b),
    points: pts.map(point),
    ours: {
      status: z.status,
      worst64: finite(z.worst64),
      worst128: finite(z.worst128),
      witness: z.witness ? point(z.witness.point) : null,
      witnessValues: z.witness ? [z.witness.a, z.witness.b] : null,
    },
    enclose: false,
  };
}

/** Marks the zero tests whose witness our verdict encloses (matched by the two 20-digit values it reports). */
function markEnclosures(id: string, events: WorkEvent[], witnesses: readonly Witness[]): void {
  for (const w of witnesses) {
    const index = events.findIndex(
      (e) => e.t === 'zt' && e.ours.witnessValues?.[0] === w.paperValue && e.ours.witnessValues[1] === w.ourValue,
    );
    const e = events[index];
    if (e?.t !== 'zt') throw new Error(`export-algebra: ${id}: no zero test matches an enclosed witness`);
    events[index] = { ...e, enclose: true };
  }
}

async function main(): Promise<void> {
  const out = argv[2];
  if (!out || out.startsWith('--')) {
    console.error('usage: npx tsx bench/peers/export-algebra.ts OUT.json [--seed N]');
    process.exit(2);
  }
  const s = argv.indexOf('--seed');
  const work = await exportAlgebraWork({ seed: s > 0 ? Number(argv[s + 1]) : DEFAULT_SEED });
  writeFileSync(out, JSON.stringify(work));
  const n = work.claims.reduce((a, c) => a + (c.counts.zt ?? 0), 0);
  console.log(`${work.claims.length} claims, ${work.derivs.length} derivatives, ${n} zero tests → ${out}`);
}

if (argv[1] && fileURLToPath(import.meta.url) === argv[1]) await main();
