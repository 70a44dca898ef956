/**
 * Draws points of a claim's domain for the randomized zero test: exact decimal strings (every precision sees the same
 * point), y exactly ±1 with every sign pattern of (y_1 … y_N) covered in turn, intervals with open ends excluded,
 * vectors with a minimum norm, and derived variables built from the sampled ones (a claim's conditions).
 */
import type { Variable } from '../claims/schema.ts';
import type { PrecisionEvaluator } from '../engines/types.ts';
import type { Rng } from '../rng.ts';

/** A point: scalar symbol → exact decimal string. */
export type Point = Record<string, string>;

/** A derived variable: `target` and `expr` may use `{k}` (component 1 … d) and `{n}` (point 1 … N) placeholders, `NORM(base)` / `NORM(base_{n})` for an L2 norm, `SUM(base)` for the sum of the components and `DOT(a, b_{n})` for an inner product. */
export interface Construction {
  readonly target: string;
  readonly expr: string;
}

export interface SampleOptions {
  readonly d: number;
  readonly N: number;
  /** Symbols that appear in the expressions; only these are sampled. */
  readonly symbols: readonly string[];
  readonly constructions?: readonly Construction[];
  /** Digits of the constructed values (they are not exact decimals, so they carry more digits than any test uses). */
  readonly constructDigits?: number;
}

const DECIMALS = 12;

function decimal(value: number): string {
  const s = value.toFixed(DECIMALS);
  return s === `-${(0).toFixed(DECIMALS)}` ? (0).toFixed(DECIMALS) : s;
}

/** Splits a scalar symbol into base, component and data index: `x_2_3` → {base: x, k: 2, n: 3}. */
export function splitSymbol(sym: string): { base: string; k?: number; n?: number } {
  const parts = sym.split('_');
  const base = parts[0]!;
  const nums = parts.slice(1).map(Number);
  if (nums.some((x) => !Number.isInteger(x))) return { base: sym };
  if (nums.length === 0) return { base };
  if (nums.length === 1) return { base, k: nums[0]! };
  return { base, k: nums[0]!, n: nums[1]! };
}

function drawInterval(dom: { lo: number; hi: number; loOpen: boolean; hiOpen: boolean }, rng: Rng): number {
  for (;;) {
    const v = Number(decimal(rng.uniform(dom.lo, dom.hi)));
    if ((dom.loOpen && v <= dom.lo) || (dom.hiOpen && v >= dom.hi)) continue;
    return v;
  }
}

/** Expands `{k}`, `{n}` placeholders and `NORM(…)` macros of a construction for given d, N. */
export function expandConstruction(c: Construction, d: number, N: number): { target: string; expr: string }[] {
  const out: { target: string; expr: string }[] = [];
  const hasK = c.target.includes('{k}');
  const hasN = c.target.includes('{n}');
  for (let n = 1; n <= (hasN ? N : 1); n++) {
    for (let k = 1; k <= (hasK ? d : 1); k++) {
      const fill = (s: string) => s.replaceAll('{k}', String(k)).replaceAll('{n}', String(n));
      const comp = (base: string, nn: string | undefined, j: number) => (nn ? `${base}_${j}_${nn}` : `${base}_${j}`);
      const expr = fill(c.expr)
        .replace(/NORM\(([A-Za-z]+)(?:_(\d+))?\)/g, (_m, base: string, nn?: string) => {
          const comps = Array.from({ length: d }, (_, j) => comp(base, nn, j + 1));
          return `sqrt(${comps.map((x) => `${x}^2`).join(' + ')})`;
        })
        .replace(
          /SUM\(([A-Za-z]+)(?:_(\d+))?\)/g,
          (_m, base: string, nn?: string) =>
            `(${Array.from({ length: d }, (_, j) => comp(base, nn, j + 1)).join(' + ')})`,
        )
        .replace(
          /DOT\(([A-Za-z]+)(?:_(\d+))?,\s*([A-Za-z]+)(?:_(\d+))?\)/g,
          (_m, a: string, an?: string, b?: string, bn?: string) => {
            const terms = Array.from({ length: d }, (_, j) => `${comp(a, an, j + 1)} * ${comp(b!, bn, j + 1)}`);
            return `(${terms.join(' + ')})`;
          },
        );
      out.push({ target: fill(c.target), expr });
    }
  }
  return out;
}

/**
 * Point s of `samplePoints` before its constructions: the sign pattern s mod 2^N, then intervals and integers in the
 * order of `parts`, then each vector group until it reaches its minimum norm. (Its own function: the JIT compiles the
 * small loop bodies once instead of recompiling all of `samplePoints`.)
 */
function drawPoint(
  s: number,
  parts: readonly { readonly sym: string; readonly base: string; readonly k?: number; readonly n?: number }[],
  byName: ReadonlyMap<string, Variable>,
  rng: Rng,
): Point {
  const p: Point = {};
  const vectorGroups = new Map<string, string[]>();
  for (const { sym, base, k, n } of parts) {
    const v = byName.get(base);
    if (!v) throw new Error(`samplePoints: symbol ${sym} has no declared variable ${base}`);
    const dom = v.domain;
    if (dom.type === 'sign') {
      const idx = n ?? k ?? 1;
      p[sym] = ((s >> (idx - 1)) & 1) === 0 ? '1' : '-1';
    } else if (dom.type === 'interval') {
      p[sym] = decimal(drawInterval(dom, rng));
    } else if (dom.type === 'integer') {
      p[sym] = String(rng.int(dom.min, dom.max));
    } else {
      const key = `${base}_${n ?? ''}`;
      const group = vectorGroups.get(key) ?? [];
      group.push(sym);
      vectorGroups.set(key, group);
    }
  }
  for (const [key, group] of vectorGroups) {
    const v = byName.get(key.split('_')[0]!)!;
    const dom = v.domain as { lo: number; hi: number; minNorm: number };
    for (let tries = 0; ; tries++) {
      const vals: number[] = [];
      for (let i = 0; i < group.length; i++) vals.push(Number(decimal(rng.uniform(dom.lo, dom.hi))));
      if (Math.hypot(...vals) >= dom.minNorm) {
        for (let i = 0; i < group.length; i++) p[group[i]!] = decimal(vals[i]!);
        break;
      }
      if (tries > 10_000) throw new Error(`samplePoints: cannot reach norm ${dom.minNorm} for ${key}`);
    }
  }
  return p;
}

/**
 * Draws `count` points. Point s gets the sign pattern s mod 2^N for the sign variables y_1 … y_N, so the first 2^N
 * points cover every sign component.
 */
export function samplePoints(
  variables: readonly Variable[],
  options: SampleOptions,
  count: number,
  rng: Rng,
  evaluator?: PrecisionEvaluator,
): Point[] {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const constructed = new Set<string>();
  const expanded = (options.constructions ?? []).flatMap((c) => expandConstruction(c, options.d, options.N));
  for (const e of expanded) constructed.add(e.target);
  const toSample = options.symbols.filter((s) => !constructed.has(s));
  const sampled = new Set(toSample);
  // Symbols needed by constructions must be sampled too.
  for (const e of expanded) {
    for (const m of e.expr.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) {
      const s = m[0];
      if (!constructed.has(s) && !sampled.has(s) && byName.has(splitSymbol(s).base)) {
        toSample.push(s);
        sampled.add(s);
      }
    }
  }
  const parts = toSample.map((sym) => ({ sym, ...splitSymbol(sym) }));
  const points: Point[] = [];
  for (let s = 0; s < count; s++) {
    const p = drawPoint(s, parts, byName, rng);
    if (expanded.length > 0) {
      if (!evaluator) throw new Error('samplePoints: constructions need an evaluator');
      const digits = options.constructDigits ?? 200;
      for (const e of expanded) p[e.target] = evaluator.evaluate(e.expr, p, digits);
    }
    points.push(p);
  }
  return points;
}
