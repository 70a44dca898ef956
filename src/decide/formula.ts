/**
 * Turns a claim's parsed LaTeX fragments into scalar mathjs expressions for a given d, N and index binding, with
 * definitions (role `def:<name>`) inlined, fragments of one role joined in order (a derivation line printed over
 * several rows), and pattern substitutions applied.
 */
import type { LoadedClaim } from '../claims/loaded.ts';
import type { Engines } from '../engines/types.ts';
import { lowerScalar } from '../latex/lower.ts';
import { parseLatex, type ParsedLatex } from '../latex/parse.ts';
import type { MathJson } from '../latex/mathjson.ts';
import { expandConstruction, type Construction } from './sampler.ts';

export interface Instance {
  readonly d: number;
  readonly N: number;
  readonly bind: ReadonlyMap<string, number>;
}

const joinedCache = new WeakMap<LoadedClaim, Map<string, ParsedLatex>>();

/** The parsed formula of a role; fragments sharing the role are concatenated before parsing. */
export function roleFormula(claim: LoadedClaim, role: string): ParsedLatex {
  let cache = joinedCache.get(claim);
  if (!cache) {
    cache = new Map();
    joinedCache.set(claim, cache);
  }
  const hit = cache.get(role);
  if (hit) return hit;
  const parts = claim.latex.filter((f) => f.role === role);
  if (parts.length === 0) throw new Error(`claim ${claim.id}: no LaTeX fragment with role "${role}"`);
  const parsed =
    claim.parsedLatex.find((p) => p.role === role)?.parsed ?? parseLatex(parts.map((p) => p.printed).join(''));
  cache.set(role, parsed);
  return parsed;
}

/** Definitions of the claim (`def:ell`, `def:g`) as MathJSON bodies keyed by base name. */
export function definitions(claim: LoadedClaim): Map<string, MathJson> {
  const defs = new Map<string, MathJson>();
  for (const f of claim.latex) {
    if (f.role.startsWith('def:')) defs.set(f.role.slice(4), roleFormula(claim, f.role).json);
  }
  return defs;
}

/** Applies `{k}`/`{n}` pattern substitutions (symbol → expression) to a lowered expression. */
export function substitute(expr: string, subs: readonly Construction[] | undefined, d: number, N: number): string {
  if (!subs) return expr;
  let out = expr;
  for (const s of subs) {
    for (const e of expandConstruction(s, d, N)) {
      out = out.replace(new RegExp(`\\b${e.target}\\b`, 'g'), `(${e.expr})`);
    }
  }
  return out;
}

// Lowered expressions by engines and claim: every comparison of a check lowers the same roles at the same instances
// again (a pure function of the formula, the instance, the substitutions and the engines' derivatives).
const lowered = new WeakMap<Engines, WeakMap<object, Map<string, string>>>();
const NO_CLAIM = {};

function memoised(engines: Engines, claim: object, key: string, lower: () => string): string {
  let byClaim = lowered.get(engines);
  if (!byClaim) {
    byClaim = new WeakMap();
    lowered.set(engines, byClaim);
  }
  let cache = byClaim.get(claim);
  if (!cache) {
    cache = new Map();
    byClaim.set(claim, cache);
  }
  let expr = cache.get(key);
  if (expr === undefined) {
    expr = lower();
    cache.set(key, expr);
  }
  return expr;
}

function instanceKey(inst: Instance, subs: readonly Construction[] | undefined): string {
  return `${inst.d}\u0000${inst.N}\u0000${[...inst.bind].join(';')}\u0000${subs ? JSON.stringify(subs) : ''}`;
}

/** The scalar expression of a role at an instance. */
export function lowerRole(
  claim: LoadedClaim,
  role: string,
  inst: Instance,
  engines: Engines,
  subs?: readonly Construction[],
): string {
  return memoised(engines, claim, `role\u0000${role}\u0000${instanceKey(inst, subs)}`, () => {
    const expr = lowerScalar(roleFormula(claim, role).json, {
      d: inst.d,
      N: inst.N,
      bind: inst.bind,
      defs: definitions(claim),
      derive: (e, v) => engines.primary.derivative(e, v),
    });
    return substitute(expr, subs, inst.d, inst.N);
  });
}

/** Lowers a LaTeX string that is not in the paper (a correction or a compact derived form). */
export function lowerLatex(
  latex: string,
  inst: Instance,
  engines: Engines,
  subs?: readonly Construction[],
  claim?: LoadedClaim,
): string {
  return memoised(engines, claim ?? NO_CLAIM, `latex\u0000${latex}\u0000${instanceKey(inst, subs)}`, () => {
    const expr = lowerScalar(parseLatex(latex).json, {
      d: inst.d,
      N: inst.N,
      bind: inst.bind,
      defs: claim ? definitions(claim) : undefined,
      derive: (e, v) => engines.primary.derivative(e, v),
    });
    return substitute(expr, subs, inst.d, inst.N);
  });
}

/** Free scalar symbols of an expression (identifiers other than function names and constants). */
export function scalarSymbols(expr: string): string[] {
  const out = new Set<string>();
  for (const m of expr.matchAll(/\b[A-Za-z][A-Za-z0-9_]*\b(?!\s*\()/g)) {
    if (!['e', 'pi', 'N'].includes(m[0])) out.add(m[0]);
  }
  return [...out].sort();
}

/** Index bindings to check: every i for small d and the corners for larger d; for (i, j) the diagonal and off-diagonal corners. */
export function indexBindings(indices: readonly string[], d: number): Map<string, number>[] {
  if (indices.length === 0) return [new Map()];
  if (indices.length === 2) {
    const pairs: [number, number][] =
      d === 1
        ? [[1, 1]]
        : [
            [1, 1],
            [1, 2],
            [d, d],
          ];
    return pairs.map(
      ([a, b]) =>
        new Map([
          [indices[0]!, a],
          [indices[1]!, b],
        ]),
    );
  }
  const values = d <= 3 ? Array.from({ length: d }, (_, k) => k + 1) : [1, d];
  let out: Map<string, number>[] = [new Map()];
  for (const idx of indices) {
    out = out.flatMap((b) => values.map((v) => new Map([...b, [idx, v]])));
  }
  return out;
}
