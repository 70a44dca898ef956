/**
 * A high-precision evaluator for mathjs expressions that evaluates every distinct subexpression once: the expression
 * is hash-consed into a DAG (CAS derivatives without simplification repeat exp(u) and sqrt(Σw²) dozens of times), then
 * evaluated in topological order with mathjs BigNumbers (decimal.js) at the requested precision.
 */
import { create, all, type MathJsInstance, type MathNode, type BigNumber } from 'mathjs';

type Op =
  | { readonly k: 'const'; readonly v: string }
  | { readonly k: 'sym'; readonly name: string }
  | { readonly k: 'neg'; readonly a: number }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: number; readonly b: number }
  | { readonly k: 'fn'; readonly fn: 'exp' | 'log' | 'sqrt' | 'abs' | 'cos' | 'sin'; readonly a: number };

/** An expression as a DAG of distinct subexpressions in topological order (the root last). */
export interface Dag {
  readonly ops: readonly Op[];
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
  const visit = (node: MathNode): number => {
    const n = node as MathNode & { type: string; op?: string; fn?: unknown; args?: MathNode[]; value?: unknown; name?: string; content?: MathNode };
    switch (n.type) {
      case 'ConstantNode':
        {
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
        for (const b of args.slice(1)) acc = intern(`${op}:${acc},${b}`, { k: 'bin', op, a: acc, b });
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
  visit(exactParser.parse(expr));
  return { ops, symbols: [...symbols] };
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
        vals[i] = m.bignumber(v);
        break;
      }
      case 'neg':
        vals[i] = vals[op.a]!.neg();
        break;
      case 'bin': {
        const a = vals[op.a]!;
        const b = vals[op.b]!;
        vals[i] =
          op.op === '+' ? a.plus(b) : op.op === '-' ? a.minus(b) : op.op === '*' ? a.times(b) : op.op === '/' ? a.div(b) : b.isInteger() && b.abs().lte(64) ? a.pow(b) : a.pow(b);
        break;
      }
      case 'fn': {
        const a = vals[op.a]!;
        vals[i] = op.fn === 'exp' ? a.exp() : op.fn === 'log' ? a.ln() : op.fn === 'sqrt' ? a.sqrt() : op.fn === 'abs' ? a.abs() : op.fn === 'cos' ? a.cos() : a.sin();
        break;
      }
    }
  }
  return vals[vals.length - 1]!;
}
