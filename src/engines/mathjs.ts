/**
 * mathjs as the primary CAS: derivatives without simplification (correct and fast, engines.md), BigNumber evaluation
 * at any precision, and LaTeX printing.
 */
import type { MathJsInstance, MathNode, BigNumber } from 'mathjs';
import { create, all } from './mathjs-load.ts';
import type { LatexPrinter, PrecisionEvaluator, SymbolicEngine } from './types.ts';
import mathjsPackage from 'mathjs/package.json' with { type: 'json' };
import { bigAt, compileDag, evaluateDag, evaluateDagDec, evaluateOps, mergeDags, type Dag } from './dag.ts';
import { abs, compareAbs, div, ONE, round, sub, toDecimalString, toNumber } from './bigint-decimal.ts';
import { log10ToNumber, toBigNumber } from './fixed-point.ts';

const plain: MathJsInstance = create(all, {});
const parseCache = new Map<string, MathNode>();
const derivativeCache = new Map<string, string>();

/** Parses mathjs syntax once and caches the node (expressions are re-evaluated at many points). */
export function parseMathjs(expr: string): MathNode {
  let node = parseCache.get(expr);
  if (!node) {
    node = plain.parse(expr);
    parseCache.set(expr, node);
  }
  return node;
}

/** mathjs `derivative` with `simplify: false`: the form engines.md measured as correct for every entry. */
export const mathjsEngine: SymbolicEngine = {
  name: 'mathjs',
  version: mathjsPackage.version,
  derivative(expr: string, variable: string): string {
    const key = `${variable}\u0000${expr}`;
    let out = derivativeCache.get(key);
    if (out === undefined) {
      out = plain.derivative(parseMathjs(expr), variable, { simplify: false }).toString();
      if (derivativeCache.size > 2000) derivativeCache.clear();
      derivativeCache.set(key, out);
    }
    return out;
  },
};

const dags = new Map<string, Dag>();
// Merged DAGs by their two DAGs (identity: keying by the joined expression strings would copy them at every call).
const pairs = new WeakMap<Dag, Map<Dag, ReturnType<typeof mergeDags>>>();

function dagOf(expr: string): Dag {
  let dag = dags.get(expr);
  if (!dag) {
    dag = compileDag(expr);
    if (dags.size > 5000) dags.clear();
    dags.set(expr, dag);
  }
  return dag;
}

/**
 * BigNumber evaluation at a chosen number of significant digits: decimal.js's digits, computed in BigInt decimals
 * (`evaluateDagDec`), with decimal.js itself (`evaluateDag`) wherever a value is not finite.
 */
export const mathjsEvaluator: PrecisionEvaluator = {
  name: `mathjs ${mathjsPackage.version} BigNumber`,
  evaluate(expr, point, digits) {
    const dag = dagOf(expr);
    const d = evaluateDagDec(dag, point, digits);
    if (d) return toDecimalString(d);
    const v = evaluateDag(dag, point, digits);
    return v.isFinite() ? v.toString() : 'NaN';
  },
  relativeDifference(a, b, point, digits) {
    const dagA = dagOf(a);
    const dagB = dagOf(b);
    let withA = pairs.get(dagA);
    if (!withA) {
      withA = new Map();
      pairs.set(dagA, withA);
    }
    let pair = withA.get(dagB);
    if (!pair) {
      pair = mergeDags(dagA, dagB);
      withA.set(dagB, pair);
    }
    const values = evaluateOps(pair.dag, point, digits);
    const da = values?.[pair.dag.root];
    const db = values?.[pair.rootB];
    if (da && db) {
      const diff = abs(sub(da, db, digits));
      let scale = ONE;
      if (compareAbs(da, scale) > 0) scale = abs(da);
      if (compareAbs(db, scale) > 0) scale = abs(db);
      const rel = div(diff, scale, digits)!;
      const log10Rel =
        rel.n === 0 ? -Infinity : (log10ToNumber(rel, digits) ?? toBigNumber(bigAt(digits), rel).log(10).toNumber());
      return {
        rel: toNumber(rel),
        log10Rel,
        a: toDecimalString(round(da, 20)),
        b: toDecimalString(round(db, 20)),
      };
    }
    const m = bigAt(digits);
    const va = evaluateDag(dagA, point, digits);
    const vb = evaluateDag(dagB, point, digits);
    const diff = va.minus(vb).abs();
    const scale = m.max(va.abs(), vb.abs(), m.bignumber(1)) as BigNumber;
    const rel = diff.div(scale);
    const log10Rel = rel.isZero() ? -Infinity : rel.log(10).toNumber();
    return {
      rel: rel.toNumber(),
      log10Rel,
      a: va.toSignificantDigits(20).toString(),
      b: vb.toSignificantDigits(20).toString(),
    };
  },
};

/** LaTeX printer: mathjs `toTex` with implicit multiplication shown as a thin space. */
export const mathjsPrinter: LatexPrinter = {
  toTex(expr: string): string {
    return parseMathjs(expr).toTex({ parenthesis: 'auto', implicit: 'hide' });
  },
};
