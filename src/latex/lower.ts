/**
 * Lowers a parsed formula (MathJSON) to a scalar mathjs expression for a chosen dimension d and number of points N:
 * vectors become explicit components (w → w_1 … w_d, x^n → x_1_n … x_d_n), sums over n and i are expanded, bound
 * indices are substituted, ∂/∂w_j is taken with the injected CAS, and definitions (ℓ, g^n) are inlined.
 *
 * Scalar names: `w_k`, `ws_k` (w*), `v_k`, `h_k`, `x_k_n`, `eta_k_n`, `y_n`, `c_n` (cos θ^n), `kappa_n`, `eps`, `N`.
 */
import type { MathJson } from './mathjson.ts';
import { baseSymbol, componentIndex, VECTOR_BASES } from './mathjson.ts';

/** A lowered value: a scalar expression or a vector of component expressions. */
export type Lowered =
  | { readonly kind: 'scalar'; readonly expr: string }
  | { readonly kind: 'vector'; readonly comps: readonly string[] };

export interface LowerEnv {
  readonly d: number;
  readonly N: number;
  /** Values of bound indices (`i`, `j`, `n`, …). A free `n` defaults to 1. */
  readonly bind: ReadonlyMap<string, number>;
  /** Definitions to inline: base name → parsed body (ℓ, g, …). */
  readonly defs?: ReadonlyMap<string, MathJson>;
  /** ∂expr/∂variable in mathjs syntax (the CAS is injected so this module stays engine-free). */
  readonly derive: (expr: string, variable: string) => string;
  /** Keep `N` symbolic instead of substituting its value (default false). */
  readonly symbolicN?: boolean;
}

const scalar = (expr: string): Lowered => ({ kind: 'scalar', expr });

function asScalar(v: Lowered, what: string): string {
  if (v.kind !== 'scalar') throw new Error(`lower: ${what} must be a scalar, got a vector`);
  return v.expr;
}

function indexValue(env: LowerEnv, name: string): number {
  const v = env.bind.get(name);
  if (v === undefined) {
    if (name === 'n') return 1;
    throw new Error(`lower: index ${name} is not bound`);
  }
  return v;
}

/** Scalar name of component k of a vector base, for data point n where the base is data-indexed. */
function componentName(base: string, k: number, n: number | undefined): string {
  return n === undefined ? `${base}_${k}` : `${base}_${k}_${n}`;
}

function isDataIndexed(node: MathJson): node is readonly [string, MathJson, string] {
  return Array.isArray(node) && node[0] === 'Power' && node[2] === 'n' && typeof node[1] === 'string';
}

/** Lowers a symbol (possibly with a data index n and/or a star). */
function lowerSymbol(sym: string, env: LowerEnv, dataIndex: number | undefined, star: boolean): Lowered {
  if (sym === 'N') return env.symbolicN ? scalar('N') : scalar(String(env.N));
  if (sym === 'ExponentialE') return scalar('exp(1)');
  if (sym === 'Pi') return scalar('pi');
  let base = baseSymbol(sym);
  if (!base) throw new Error(`lower: unknown symbol ${sym}`);
  if (star) base = base === 'w' ? 'ws' : `${base}s`;
  const def = env.defs?.get(base);
  if (def !== undefined) {
    const bind = new Map(env.bind);
    if (dataIndex !== undefined) bind.set('n', dataIndex);
    return lowerNode(def, { ...env, bind });
  }
  const idx = componentIndex(sym);
  if (idx !== undefined) return scalar(componentName(base, indexValue(env, idx), dataIndex));
  if (sym.endsWith('_bold') && VECTOR_BASES.has(base)) {
    return { kind: 'vector', comps: Array.from({ length: env.d }, (_, k) => componentName(base!, k + 1, dataIndex)) };
  }
  return scalar(dataIndex === undefined ? base : `${base}_${dataIndex}`);
}

function product(values: Lowered[]): Lowered {
  let acc: Lowered | undefined;
  for (const v of values) {
    if (!acc) {
      acc = v;
      continue;
    }
    if (acc.kind === 'scalar' && v.kind === 'scalar') acc = scalar(`(${acc.expr}) * (${v.expr})`);
    else if (acc.kind === 'vector' && v.kind === 'vector') {
      if (acc.comps.length !== v.comps.length) throw new Error('lower: dot product of vectors of different length');
      const a = acc.comps;
      acc = scalar(`(${a.map((c, k) => `(${c}) * (${(v as { comps: readonly string[] }).comps[k]})`).join(' + ')})`);
    } else {
      const s = acc.kind === 'scalar' ? acc.expr : (v as { expr: string }).expr;
      const vec = acc.kind === 'vector' ? acc : (v as Extract<Lowered, { kind: 'vector' }>);
      acc = { kind: 'vector', comps: vec.comps.map((c) => `(${s}) * (${c})`) };
    }
  }
  if (!acc) throw new Error('lower: empty product');
  return acc;
}

function elementwise(a: Lowered, b: Lowered, op: '+' | '-'): Lowered {
  if (a.kind === 'scalar' && b.kind === 'scalar') return scalar(`(${a.expr}) ${op} (${b.expr})`);
  if (a.kind === 'vector' && b.kind === 'vector')
    return { kind: 'vector', comps: a.comps.map((c, k) => `(${c}) ${op} (${b.comps[k]})`) };
  throw new Error(`lower: cannot ${op === '+' ? 'add' : 'subtract'} a scalar and a vector`);
}

function operands(args: readonly MathJson[]): MathJson[] {
  return args.filter((a) => !(Array.isArray(a) && a[0] === 'HorizontalSpacing'));
}

function numberValue(node: MathJson): string | undefined {
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object' && !Array.isArray(node) && 'num' in node) return (node as { num: string }).num;
  if (node === 'Half') return '0.5';
  return undefined;
}

/** Substitutes a mathjs symbol by a value in an expression string (whole-word). */
function substituteSymbol(expr: string, name: string, value: string): string {
  return expr.replace(new RegExp(`\\b${name}\\b`, 'g'), `(${value})`);
}

/** Lowers one MathJSON node. */
export function lowerNode(node: MathJson, env: LowerEnv): Lowered {
  const num = numberValue(node);
  if (num !== undefined) return scalar(num);
  if (typeof node === 'string') return lowerSymbol(node, env, undefined, false);
  if (!Array.isArray(node)) throw new Error(`lower: unexpected node ${JSON.stringify(node)}`);
  const [head, ...rawArgs] = node as readonly MathJson[];
  const args = operands(rawArgs);
  switch (head) {
    case 'Delimiter': {
      const inner = args[0];
      if (Array.isArray(inner) && inner[0] === 'Sequence')
        throw new Error('lower: a tuple is only allowed as function arguments');
      return lowerNode(inner as MathJson, env);
    }
    case 'Add':
      return args.map((a) => lowerNode(a, env)).reduce((a, b) => elementwise(a, b, '+'));
    case 'Subtract':
      return elementwise(lowerNode(args[0]!, env), lowerNode(args[1]!, env), '-');
    case 'Negate': {
      const v = lowerNode(args[0]!, env);
      return v.kind === 'scalar' ? scalar(`-(${v.expr})`) : { kind: 'vector', comps: v.comps.map((c) => `-(${c})`) };
    }
    case 'Multiply':
    case 'InvisibleOperator': {
      // A name followed by a parenthesised tuple is a function application: LimZero(f, κ) from the limit fix-up, or
      // a defined function such as ℓ(x^n, y^n, w), whose definition is inlined with the same bindings.
      const factors: Lowered[] = [];
      for (let k = 0; k < args.length; k++) {
        const a = args[k]!;
        const next = args[k + 1];
        const isCall = typeof a === 'string' && Array.isArray(next) && next[0] === 'Delimiter';
        if (isCall && a === 'LimZero') {
          const tuple = (next as readonly MathJson[])[1] as readonly MathJson[];
          factors.push(lowerNode(['LimZero', tuple[1]!, tuple[2]!], env));
          k++;
        } else if (isCall && env.defs?.has(baseSymbol(a as string) ?? '')) {
          factors.push(lowerSymbol(a as string, env, undefined, false));
          k++;
        } else factors.push(lowerNode(a, env));
      }
      return product(factors);
    }
    case 'Divide': {
      const a = lowerNode(args[0]!, env);
      const b = asScalar(lowerNode(args[1]!, env), 'a denominator');
      return a.kind === 'scalar'
        ? scalar(`(${a.expr}) / (${b})`)
        : { kind: 'vector', comps: a.comps.map((c) => `(${c}) / (${b})`) };
    }
    case 'Power': {
      if (isDataIndexed(node)) return lowerSymbol(node[1] as string, env, indexValue(env, 'n'), false);
      const baseNode = args[0]!;
      if (Array.isArray(baseNode) && baseNode[0] === 'ConjugateTranspose' && args[1] === 'n') {
        return lowerStar(baseNode[1] as MathJson, env, indexValue(env, 'n'));
      }
      const b = asScalar(lowerNode(baseNode, env), 'a power base');
      const e = asScalar(lowerNode(args[1]!, env), 'an exponent');
      return scalar(`(${b}) ^ (${e})`);
    }
    case 'ConjugateTranspose':
      return lowerStar(args[0]!, env, undefined);
    case 'Exp':
      return scalar(`exp(${asScalar(lowerNode(args[0]!, env), 'exp argument')})`);
    case 'Log':
      if (args.length > 1) throw new Error('lower: \\log with an explicit base is not used by the paper');
      return scalar(`log(${asScalar(lowerNode(args[0]!, env), 'log argument')})`);
    case 'Sqrt':
      return scalar(`sqrt(${asScalar(lowerNode(args[0]!, env), 'sqrt argument')})`);
    case 'Cos':
      return scalar(`cos(${asScalar(lowerNode(args[0]!, env), 'cos argument')})`);
    case 'Abs':
      return scalar(`abs(${asScalar(lowerNode(args[0]!, env), 'abs argument')})`);
    case 'Norm': {
      const v = lowerNode(args[0]!, env);
      return v.kind === 'scalar'
        ? scalar(`abs(${v.expr})`)
        : scalar(`sqrt(${v.comps.map((c) => `(${c}) ^ 2`).join(' + ')})`);
    }
    case 'KroneckerDelta': {
      const [a, b] = args.map((x) => (typeof x === 'string' ? indexValue(env, x) : Number(numberValue(x))));
      return scalar(a === b ? '1' : '0');
    }
    case 'Sum': {
      const body = args[0]!;
      const limits = args[1];
      const idx = Array.isArray(limits) ? (limits[1] as string) : undefined;
      if (typeof idx !== 'string') throw new Error(`lower: sum without an index: ${JSON.stringify(limits)}`);
      const upper = idx === 'n' ? env.N : env.d;
      const terms: Lowered[] = [];
      for (let k = 1; k <= upper; k++) {
        const bind = new Map(env.bind);
        bind.set(idx, k);
        terms.push(lowerNode(body, { ...env, bind }));
      }
      return terms.reduce((a, b) => elementwise(a, b, '+'));
    }
    case 'D': {
      const body = asScalar(lowerNode(args[0]!, env), 'a differentiated expression');
      const variable = args[1];
      if (typeof variable !== 'string') throw new Error('lower: ∂ with respect to a non-symbol');
      const v = variable === 'c' ? lowerSymbol('c', env, indexValue(env, 'n'), false) : lowerNode(variable, env);
      return scalar(env.derive(body, asScalar(v, 'a differentiation variable')));
    }
    case 'LimZero': {
      const body = asScalar(lowerNode(args[0]!, env), 'a limit body');
      const variable = asScalar(lowerNode(args[1]!, env), 'a limit variable');
      return scalar(substituteSymbol(body, variable, '0'));
    }
    default:
      if (typeof head === 'string' && env.defs?.has(baseSymbol(head) ?? ''))
        return lowerSymbol(head, env, undefined, false);
      throw new Error(`lower: unsupported MathJSON head ${String(head)}`);
  }
}

function lowerStar(inner: MathJson, env: LowerEnv, dataIndex: number | undefined): Lowered {
  if (typeof inner !== 'string') throw new Error('lower: a star on a non-symbol');
  return lowerSymbol(inner, env, dataIndex, true);
}

/** Lowers a formula to one scalar mathjs expression. */
export function lowerScalar(node: MathJson, env: LowerEnv): string {
  return asScalar(lowerNode(node, env), 'the formula');
}
