/**
 * A high-precision evaluator for mathjs expressions that evaluates every distinct subexpression once: the expression
 * is hash-consed into a DAG (CAS derivatives without simplification repeat exp(u) and sqrt(Σw²) dozens of times), then
 * evaluated in topological order with mathjs BigNumbers (decimal.js) at the requested precision.
 */
import type { MathJsInstance, MathNode, BigNumber } from 'mathjs';
import { create, all } from './mathjs-load.ts';
import { fastExp, fastLn } from './fixed-point.ts';

type Op =
  | { readonly k: 'const'; readonly v: string }
  | { readonly k: 'sym'; readonly name: string }
  | { readonly k: 'neg'; readonly a: number }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: number; readonly b: number }
  | { readonly k: 'fn'; readonly fn: 'exp' | 'log' | 'sqrt' | 'abs' | 'cos' | 'sin'; readonly a: number };

/** An expression as a DAG of distinct subexpressions in topological order. */
export interface Dag {
  readonly ops: readonly Op[];
  /** Index of the root in `ops` (not always the last: folding can return an earlier, shared node). */
  readonly root: number;
  readonly symbols: readonly string[];
}

// Parsing with BigNumbers keeps every decimal literal exact (a plain parse would round it to a double).
const exactParser: MathJsInstance = create(all, { number: 'BigNumber', precision: 400 });

const FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs', 'cos', 'sin']);

/** Compiles a mathjs expression into a DAG with common subexpressions shared. */
export function compileDag(expr: string): Dag {
  const ops: Op[] = [];
  const ids = new Map<string, number>();
  const symbols = new Set<string>();
  const intern = (key: string, op: Op): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ops.length;
      ops.push(op);
      ids.set(key, id);
    }
    return id;
  };
  const constValue = (id: number): string | undefined => {
    const op = ops[id]!;
    return op.k === 'const' ? op.v : undefined;
  };
  const constant = (v: string) => intern(`c:${v}`, { k: 'const', v });
  // Constant folding and the identities x+0, x−0, x·1, x/1, x^1, x·0 (CAS derivatives without simplification are full
  // of them); folded constants are computed exactly at 400 digits.
  const binary = (op: '+' | '-' | '*' | '/' | '^', a: number, b: number): number => {
    const ca = constValue(a);
    const cb = constValue(b);
    if (ca !== undefined && cb !== undefined && op !== '/' && !(op === '^' && !/^-?\d+$/.test(cb))) {
      const x = exactParser.bignumber(ca) as BigNumber;
      const y = exactParser.bignumber(cb) as BigNumber;
      const r = op === '+' ? x.plus(y) : op === '-' ? x.minus(y) : op === '*' ? x.times(y) : x.pow(y);
      if (r.isFinite() && r.toString().length < 60) return constant(r.toString());
    }
    if (
      (op === '+' && cb === '0') ||
      (op === '-' && cb === '0') ||
      ((op === '*' || op === '/' || op === '^') && cb === '1')
    )
      return a;
    if (op === '+' && ca === '0') return b;
    if (op === '*' && ca === '1') return b;
    if (op === '*' && (ca === '0' || cb === '0')) return constant('0');
    return intern(`${op}:${a},${b}`, { k: 'bin', op, a, b });
  };
  const visit = (node: MathNode): number => {
    const n = node as MathNode & {
      type: string;
      op?: string;
      fn?: unknown;
      args?: MathNode[];
      value?: unknown;
      name?: string;
      content?: MathNode;
    };
    switch (n.type) {
      case 'ConstantNode': {
        const v = String(n.value);
        return intern(`c:${v}`, { k: 'const', v });
      }
      case 'SymbolNode': {
        const name = String(n.name);
        if (name === 'e') return intern('c:e', { k: 'fn', fn: 'exp', a: intern('c:1', { k: 'const', v: '1' }) });
        if (name === 'pi') throw new Error('compileDag: pi is not used');
        symbols.add(name);
        return intern(`s:${name}`, { k: 'sym', name });
      }
      case 'ParenthesisNode':
        return visit(n.content!);
      case 'OperatorNode': {
        const args = n.args!.map(visit);
        if (args.length === 1) {
          if (n.op === '-') return intern(`neg:${args[0]}`, { k: 'neg', a: args[0]! });
          if (n.op === '+') return args[0]!;
          throw new Error(`compileDag: unary operator ${n.op}`);
        }
        const op = n.op as '+' | '-' | '*' | '/' | '^';
        if (!['+', '-', '*', '/', '^'].includes(op)) throw new Error(`compileDag: operator ${n.op}`);
        // n-ary + and * from mathjs are folded left.
        let acc = args[0]!;
        for (const b of args.slice(1)) acc = binary(op, acc, b);
        return acc;
      }
      case 'FunctionNode': {
        const fname = (n.fn as { name?: string }).name ?? String(n.fn);
        if (!FUNCTIONS.has(fname) || n.args!.length !== 1) throw new Error(`compileDag: function ${fname}`);
        const a = visit(n.args![0]!);
        return intern(`${fname}(${a})`, { k: 'fn', fn: fname as 'exp', a });
      }
      default:
        throw new Error(`compileDag: node type ${n.type}`);
    }
  };
  const root = visit(exactParser.parse(expr));
  return { ops, root, symbols: [...symbols] };
}

const instances = new Map<number, MathJsInstance>();
function bigAt(digits: number): MathJsInstance {
  let m = instances.get(digits);
  if (!m) {
    m = create(all, { number: 'BigNumber', precision: digits });
    instances.set(digits, m);
  }
  return m;
}

/** Evaluates a DAG at a point with `digits` significant digits; non-finite results come back as NaN BigNumbers. */
export function evaluateDag(dag: Dag, point: Readonly<Record<string, string>>, digits: number): BigNumber {
  const m = bigAt(digits);
  const vals: BigNumber[] = new Array(dag.ops.length);
  for (let i = 0; i < dag.ops.length; i++) {
    const op = dag.ops[i]!;
    switch (op.k) {
      case 'const':
        vals[i] = m.bignumber(op.v);
        break;
      case 'sym': {
        const v = point[op.name];
        if (v === undefined) throw new Error(`evaluateDag: no value for symbol ${op.name}`);
        // A point value may carry more digits than the evaluation (constructed points are exact to 200 digits);
        // decimal.js would multiply them all, so round to the working precision plus guard digits first.
        vals[i] = v.length > digits + 12 ? m.bignumber(v).toSignificantDigits(digits + 10) : m.bignumber(v);
        break;
      }
      case 'neg':
        vals[i] = vals[op.a]!.neg();
        break;
      case 'bin': {
        const a = vals[op.a]!;
        const b = vals[op.b]!;
        vals[i] =
          op.op === '+'
            ? a.plus(b)
            : op.op === '-'
              ? a.minus(b)
              : op.op === '*'
                ? a.times(b)
                : op.op === '/'
                  ? a.div(b)
                  : b.isInteger() && b.abs().lte(64)
                    ? a.pow(b)
                    : a.pow(b);
        break;
      }
      case 'fn': {
        const a = vals[op.a]!;
        vals[i] =
          op.fn === 'exp'
            ? fastExp(m, a, digits)
            : op.fn === 'log'
              ? fastLn(m, a, digits)
              : op.fn === 'sqrt'
                ? a.sqrt()
                : op.fn === 'abs'
                  ? a.abs()
                  : op.fn === 'cos'
                    ? a.cos()
                    : a.sin();
        break;
      }
    }
  }
  return vals[dag.root]!;
}
