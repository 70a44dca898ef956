/**
 * A high-precision evaluator for mathjs expressions that evaluates every distinct subexpression once: the expression
 * is hash-consed into a DAG (CAS derivatives without simplification repeat exp(u) and sqrt(Σw²) dozens of times), then
 * evaluated in topological order at the requested precision, either with mathjs BigNumbers (decimal.js,
 * `evaluateDag`) or with the BigInt decimals of `bigint-decimal.ts` (`evaluateDagDec`), which give the same digits
 * several times faster and hand what they do not cover (non-finite values, rare powers, sin, cos) to decimal.js.
 */
import type { MathJsInstance, MathNode, BigNumber } from 'mathjs';
import { create, all } from './mathjs-load.ts';
import { Decimal } from 'decimal.js';
import {
  abs,
  add,
  div,
  mul,
  neg,
  ONE,
  parseDec,
  round,
  smallInteger,
  sqrt,
  sub,
  toDecimalString,
  type Dec,
} from './bigint-decimal.ts';
import {
  decimalFallback,
  expDec,
  fastExp,
  fastLn,
  fromBigNumber,
  lnDec,
  toBigNumber,
  type DecimalFallback,
} from './fixed-point.ts';

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

// Parsing with BigNumbers keeps every decimal literal exact (a plain parse would round it to a double). Made on first
// use: `parseArithmetic` reads nearly every expression without it.
let exactParser: MathJsInstance | undefined;
// Folded constants are computed in decimal.js at 400 digits (the class of exactParser's BigNumbers, without mathjs).
const Exact400 = Decimal.clone({ precision: 400 });

const FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs', 'cos', 'sin']);

/** The parts of a mathjs node that `compileDag` reads. */
interface ParsedNode {
  readonly type: 'ConstantNode' | 'SymbolNode' | 'ParenthesisNode' | 'OperatorNode' | 'FunctionNode';
  readonly value?: string;
  readonly name?: string;
  readonly content?: ParsedNode;
  readonly op?: string;
  readonly fn?: { readonly name: string };
  readonly args?: readonly ParsedNode[];
}

const NUMBER_TOKEN = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME_TOKEN = /[A-Za-z_][A-Za-z0-9_]*/y;
// Names mathjs reads as something other than a symbol (operators, constants).
const RESERVED = new Set([
  'mod',
  'to',
  'in',
  'and',
  'or',
  'xor',
  'not',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
]);

/** Thrown inside `ArithmeticReader` on anything it does not read; `parseArithmetic` answers undefined then. */
class NotArithmetic extends Error {}

/** The recursive-descent reader behind `parseArithmetic`. */
class ArithmeticReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  private peek(): number {
    const t = this.text;
    let p = this.pos;
    while (p < t.length && (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9)) p++;
    this.pos = p;
    return p < t.length ? t.charCodeAt(p) : -1;
  }

  /** The next character after blanks must not be one of the accessors mathjs would apply ( [ . ' ! */
  private noAccessor(): void {
    const c = this.peek();
    if (c === 40 || c === 91 || c === 46 || c === 39 || c === 33) throw new NotArithmetic();
  }

  addSub(): ParsedNode {
    let node = this.mulDiv();
    for (let c = this.peek(); c === 43 || c === 45; c = this.peek()) {
      this.pos++;
      node = { type: 'OperatorNode', op: c === 43 ? '+' : '-', args: [node, this.mulDiv()] };
    }
    return node;
  }

  private mulDiv(): ParsedNode {
    let node = this.unary();
    for (let c = this.peek(); c === 42 || c === 47; c = this.peek()) {
      this.pos++;
      const next = this.text.charCodeAt(this.pos);
      if (next === 42 || next === 47) throw new NotArithmetic();
      node = { type: 'OperatorNode', op: c === 42 ? '*' : '/', args: [node, this.unary()] };
    }
    // An operand followed by another one is an implicit multiplication (and mathjs's "rule 2"): not read here.
    const c = this.peek();
    if (c !== -1 && c !== 41 && c !== 43 && c !== 45) throw new NotArithmetic();
    return node;
  }

  private unary(): ParsedNode {
    const c = this.peek();
    if (c === 45 || c === 43) {
      this.pos++;
      return { type: 'OperatorNode', op: c === 45 ? '-' : '+', args: [this.unary()] };
    }
    const base = this.primary();
    if (this.peek() === 94) {
      this.pos++;
      if (this.text.charCodeAt(this.pos) === 94) throw new NotArithmetic();
      return { type: 'OperatorNode', op: '^', args: [base, this.unary()] };
    }
    return base;
  }

  private primary(): ParsedNode {
    const c = this.peek();
    if (c === 40) {
      this.pos++;
      const content = this.addSub();
      if (this.peek() !== 41) throw new NotArithmetic();
      this.pos++;
      this.noAccessor();
      return { type: 'ParenthesisNode', content };
    }
    const t = this.text;
    NUMBER_TOKEN.lastIndex = this.pos;
    const num = NUMBER_TOKEN.exec(t);
    if (num) {
      this.pos = NUMBER_TOKEN.lastIndex;
      const next = t.charCodeAt(this.pos);
      if ((next >= 48 && next <= 57) || next === 46 || next === 95 || ((next | 32) >= 97 && (next | 32) <= 122))
        throw new NotArithmetic();
      const d = parseDec(num[0]);
      if (!d) throw new NotArithmetic();
      return { type: 'ConstantNode', value: toDecimalString(d) };
    }
    NAME_TOKEN.lastIndex = this.pos;
    const match = NAME_TOKEN.exec(t);
    if (!match || RESERVED.has(match[0])) throw new NotArithmetic();
    const name = match[0];
    this.pos = NAME_TOKEN.lastIndex;
    if (this.peek() !== 40) {
      this.noAccessor();
      return { type: 'SymbolNode', name };
    }
    this.pos++;
    const arg = this.addSub();
    if (this.peek() !== 41) throw new NotArithmetic();
    this.pos++;
    this.noAccessor();
    return { type: 'FunctionNode', fn: { name }, args: [arg] };
  }

  atEnd(): boolean {
    return this.peek() === -1;
  }
}

/**
 * Reads the arithmetic subset of mathjs syntax (numbers, names, + − * / ^, unary ±, parentheses, one-argument
 * calls) into the tree mathjs's own parser builds for it: + − * / left-associative, ^ right-associative and above
 * unary minus (−a^b = −(a^b), a^−b allowed), parentheses kept as nodes, each literal with the value decimal.js reads.
 * undefined for anything else (implicit multiplication, other operators, newlines, …): mathjs parses that.
 */
function parseArithmetic(text: string): ParsedNode | undefined {
  const reader = new ArithmeticReader(text);
  try {
    const node = reader.addSub();
    return reader.atEnd() ? node : undefined;
  } catch (err) {
    if (err instanceof NotArithmetic) return undefined;
    throw err;
  }
}

/** Builds a DAG op by op, sharing equal subexpressions (the state of one `compileDag`). */
class DagBuilder {
  readonly ops: Op[] = [];
  readonly symbols = new Set<string>();
  private readonly ids = new Map<string, number>();

  private intern(key: string, op: Op): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ops.length;
      this.ops.push(op);
      this.ids.set(key, id);
    }
    return id;
  }

  private constValue(id: number): string | undefined {
    const op = this.ops[id]!;
    return op.k === 'const' ? op.v : undefined;
  }

  private constant(v: string): number {
    return this.intern(`c:${v}`, { k: 'const', v });
  }

  // Constant folding and the identities x+0, x−0, x·1, x/1, x^1, x·0 (CAS derivatives without simplification are full
  // of them); folded constants are computed exactly at 400 digits.
  private binary(op: '+' | '-' | '*' | '/' | '^', a: number, b: number): number {
    const ca = this.constValue(a);
    const cb = this.constValue(b);
    if (ca !== undefined && cb !== undefined && op !== '/' && !(op === '^' && !/^-?\d+$/.test(cb))) {
      const x = new Exact400(ca);
      const y = new Exact400(cb);
      const r = op === '+' ? x.plus(y) : op === '-' ? x.minus(y) : op === '*' ? x.times(y) : x.pow(y);
      if (r.isFinite() && r.toString().length < 60) return this.constant(r.toString());
    }
    if (
      (op === '+' && cb === '0') ||
      (op === '-' && cb === '0') ||
      ((op === '*' || op === '/' || op === '^') && cb === '1')
    )
      return a;
    if (op === '+' && ca === '0') return b;
    if (op === '*' && ca === '1') return b;
    if (op === '*' && (ca === '0' || cb === '0')) return this.constant('0');
    return this.intern(`${op}:${a},${b}`, { k: 'bin', op, a, b });
  }

  visit(node: MathNode | ParsedNode): number {
    const n = node as {
      type: string;
      op?: string;
      fn?: unknown;
      args?: readonly (MathNode | ParsedNode)[];
      value?: unknown;
      name?: string;
      content?: MathNode | ParsedNode;
    };
    switch (n.type) {
      case 'ConstantNode': {
        const v = String(n.value);
        return this.intern(`c:${v}`, { k: 'const', v });
      }
      case 'SymbolNode': {
        const name = String(n.name);
        if (name === 'e')
          return this.intern('c:e', { k: 'fn', fn: 'exp', a: this.intern('c:1', { k: 'const', v: '1' }) });
        if (name === 'pi') throw new Error('compileDag: pi is not used');
        this.symbols.add(name);
        return this.intern(`s:${name}`, { k: 'sym', name });
      }
      case 'ParenthesisNode':
        return this.visit(n.content!);
      case 'OperatorNode': {
        const args: number[] = [];
        for (const arg of n.args!) args.push(this.visit(arg));
        if (args.length === 1) {
          if (n.op === '-') return this.intern(`neg:${args[0]}`, { k: 'neg', a: args[0]! });
          if (n.op === '+') return args[0]!;
          throw new Error(`compileDag: unary operator ${n.op}`);
        }
        const op = n.op as '+' | '-' | '*' | '/' | '^';
        if (!['+', '-', '*', '/', '^'].includes(op)) throw new Error(`compileDag: operator ${n.op}`);
        // n-ary + and * from mathjs are folded left.
        let acc = args[0]!;
        for (let i = 1; i < args.length; i++) acc = this.binary(op, acc, args[i]!);
        return acc;
      }
      case 'FunctionNode': {
        const fname = (n.fn as { name?: string }).name ?? String(n.fn);
        if (!FUNCTIONS.has(fname) || n.args!.length !== 1) throw new Error(`compileDag: function ${fname}`);
        const a = this.visit(n.args![0]!);
        return this.intern(`${fname}(${a})`, { k: 'fn', fn: fname as 'exp', a });
      }
      default:
        throw new Error(`compileDag: node type ${n.type}`);
    }
  }
}

/** Compiles a mathjs expression into a DAG with common subexpressions shared. */
export function compileDag(expr: string): Dag {
  const builder = new DagBuilder();
  const root = builder.visit(
    parseArithmetic(expr) ?? (exactParser ??= create(all, { number: 'BigNumber', precision: 400 })).parse(expr),
  );
  return { ops: builder.ops, root, symbols: [...builder.symbols] };
}

const instances = new Map<number, MathJsInstance>();
/** The mathjs BigNumber instance at `digits` significant digits (one per precision). */
export function bigAt(digits: number): MathJsInstance {
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

const fallbacks = new Map<number, DecimalFallback>();
function fallbackAt(digits: number): DecimalFallback {
  let f = fallbacks.get(digits);
  if (!f) {
    f = decimalFallback(bigAt(digits));
    fallbacks.set(digits, f);
  }
  return f;
}

// Decimal strings read once: the same constants and point coordinates are evaluated again and again.
const parsed = new Map<string, Dec | undefined>();
function parsedDec(s: string): Dec | undefined {
  let d = parsed.get(s);
  if (d === undefined && !parsed.has(s)) {
    d = parseDec(s);
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(s, d);
  }
  return d;
}

/** decimal.js for one operation the BigInt decimals leave to it; undefined when its result is not finite. */
function viaDecimal(digits: number, f: (m: MathJsInstance) => BigNumber): Dec | undefined {
  return fromBigNumber(f(bigAt(digits)));
}

/** a^b as decimal.js's `pow` gives it: x², x¹, x⁰ and x⁻¹ here (correctly rounded there too), the rest by decimal.js. */
function power(a: Dec, b: Dec, digits: number): Dec | undefined {
  const n = smallInteger(b);
  if (n === 2) return mul(a, a, digits);
  if (n === 1) return round(a, digits);
  if (n === 0) return ONE;
  if (n === -1) return div(ONE, a, digits);
  return viaDecimal(digits, (m) => toBigNumber(m, a).pow(toBigNumber(m, b)));
}

/**
 * `evaluateDag` in BigInt decimals: the same value digit for digit (src/engines/bigint-decimal.ts says why), or
 * undefined where a value is not finite (a zero divisor, a log or root of a negative): `evaluateDag` then gives the
 * non-finite result decimal.js gives.
 */
export function evaluateDagDec(dag: Dag, point: Readonly<Record<string, string>>, digits: number): Dec | undefined {
  return evaluateOps(dag, point, digits)?.[dag.root];
}

/**
 * Two DAGs as one, sharing their common subexpressions (the two sides of an identity repeat the same exp and √):
 * `b`'s ops are appended where `a` lacks them; `rootB` is `b`'s root there. A value depends only on its
 * subexpression, so each root gets the value it has in its own DAG.
 */
export function mergeDags(a: Dag, b: Dag): { readonly dag: Dag; readonly rootB: number } {
  const ops: Op[] = [...a.ops];
  const ids = new Map<string, number>();
  const key = (op: Op, at: (i: number) => number): string =>
    op.k === 'const'
      ? `c:${op.v}`
      : op.k === 'sym'
        ? `s:${op.name}`
        : op.k === 'neg'
          ? `neg:${at(op.a)}`
          : op.k === 'bin'
            ? `${op.op}:${at(op.a)},${at(op.b)}`
            : `${op.fn}(${at(op.a)})`;
  a.ops.forEach((op, i) =>
    ids.set(
      key(op, (j) => j),
      i,
    ),
  );
  const map: number[] = [];
  for (const op of b.ops) {
    const k = key(op, (j) => map[j]!);
    let id = ids.get(k);
    if (id === undefined) {
      id = ops.length;
      ops.push(
        op.k === 'neg'
          ? { k: 'neg', a: map[op.a]! }
          : op.k === 'bin'
            ? { k: 'bin', op: op.op, a: map[op.a]!, b: map[op.b]! }
            : op.k === 'fn'
              ? { k: 'fn', fn: op.fn, a: map[op.a]! }
              : op,
      );
      ids.set(k, id);
    }
    map.push(id);
  }
  const symbols = [...new Set([...a.symbols, ...b.symbols])];
  return { dag: { ops, root: a.root, symbols }, rootB: map[b.root]! };
}

/**
 * A DAG as flat arrays for `evaluateOps`: an opcode per op, operand indices, the literals read once and the symbol
 * names. (The op objects come in five shapes; a loop over them is polymorphic, which the JIT handles poorly.)
 */
interface Program {
  readonly code: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly literal: readonly (Dec | undefined)[];
  readonly name: readonly (string | undefined)[];
}

const CONST = 0;
const SYM = 1;
const NEG = 2;
const ADD = 3;
const SUB = 4;
const MUL = 5;
const DIV = 6;
const POW = 7;
const EXP = 8;
const LOG = 9;
const SQRT = 10;
const ABS = 11;
const COS = 12;
const SIN = 13;
const BINARY: Readonly<Record<string, number>> = { '+': ADD, '-': SUB, '*': MUL, '/': DIV, '^': POW };
const FUNCTION: Readonly<Record<string, number>> = {
  exp: EXP,
  log: LOG,
  sqrt: SQRT,
  abs: ABS,
  cos: COS,
  sin: SIN,
};

const programs = new WeakMap<Dag, Program>();

function programOf(dag: Dag): Program {
  let program = programs.get(dag);
  if (program) return program;
  const n = dag.ops.length;
  const code = new Uint8Array(n);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const literal: (Dec | undefined)[] = new Array(n).fill(undefined);
  const name: (string | undefined)[] = new Array(n).fill(undefined);
  dag.ops.forEach((op, i) => {
    if (op.k === 'const') {
      code[i] = CONST;
      literal[i] = parseDec(op.v);
    } else if (op.k === 'sym') {
      code[i] = SYM;
      name[i] = op.name;
    } else if (op.k === 'neg') {
      code[i] = NEG;
      a[i] = op.a;
    } else if (op.k === 'bin') {
      code[i] = BINARY[op.op]!;
      a[i] = op.a;
      b[i] = op.b;
    } else {
      code[i] = FUNCTION[op.fn]!;
      a[i] = op.a;
    }
  });
  program = { code, a, b, literal, name };
  programs.set(dag, program);
  return program;
}

/** A point's value of a symbol at `digits` (as `evaluateDag` reads it). */
function symbolValue(point: Readonly<Record<string, string>>, name: string, digits: number): Dec | undefined {
  const s = point[name];
  if (s === undefined) throw new Error(`evaluateDag: no value for symbol ${name}`);
  const x = parsedDec(s);
  // As in evaluateDag: a value with many more digits than the evaluation is rounded to it plus guard digits.
  return x && s.length > digits + 12 ? round(x, digits + 10) : x;
}

/** The value of every op of `dag` at the point (`evaluateDagDec`); undefined where one is not finite. */
export function evaluateOps(
  dag: Dag,
  point: Readonly<Record<string, string>>,
  digits: number,
): readonly Dec[] | undefined {
  const p = digits;
  const { code, a, b, literal, name } = programOf(dag);
  const n = code.length;
  const vals: Dec[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let v: Dec | undefined;
    switch (code[i]) {
      case CONST:
        v = literal[i];
        break;
      case SYM:
        v = symbolValue(point, name[i]!, digits);
        break;
      case NEG:
        v = neg(vals[a[i]!]!);
        break;
      case ADD:
        v = add(vals[a[i]!]!, vals[b[i]!]!, p);
        break;
      case SUB:
        v = sub(vals[a[i]!]!, vals[b[i]!]!, p);
        break;
      case MUL:
        v = mul(vals[a[i]!]!, vals[b[i]!]!, p);
        break;
      case DIV:
        v = div(vals[a[i]!]!, vals[b[i]!]!, p);
        break;
      case POW:
        v = power(vals[a[i]!]!, vals[b[i]!]!, p);
        break;
      case EXP:
        v = expDec(vals[a[i]!]!, digits, p, fallbackAt(digits));
        break;
      case LOG:
        v = lnDec(vals[a[i]!]!, digits, p, fallbackAt(digits));
        break;
      case SQRT:
        v = squareRoot(vals[a[i]!]!, p);
        break;
      case ABS:
        v = abs(vals[a[i]!]!);
        break;
      default:
        v = trigonometric(code[i] === COS ? 'cos' : 'sin', vals[a[i]!]!, p);
    }
    if (v === undefined) return undefined;
    vals[i] = v;
  }
  return vals;
}

/** √a, with decimal.js where its rounding may take its special paths; undefined for a < 0. */
function squareRoot(a: Dec, digits: number): Dec | undefined {
  return a.c < 0n ? undefined : (sqrt(a, digits) ?? viaDecimal(digits, (m) => toBigNumber(m, a).sqrt()));
}

/** cos a or sin a by decimal.js. */
function trigonometric(fn: 'cos' | 'sin', a: Dec, digits: number): Dec | undefined {
  return viaDecimal(digits, (m) => (fn === 'cos' ? toBigNumber(m, a).cos() : toBigNumber(m, a).sin()));
}
