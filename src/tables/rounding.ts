/**
 * Two-decimal rounding of exact accuracies k/n, in integer arithmetic: which counts k of a split of size n print as a
 * given table cell, and which (train, test) count pairs reproduce a printed gap.
 */
import { cmp, rational, sub, type Rational } from '../exact/rational.ts';

/** A two-decimal percentage exactly as printed in a table cell ("99.89", "-0.00"). */
export interface PrintedPercent {
  readonly printed: string;
  /** The printed number, exactly. */
  readonly value: Rational;
  /** Whether a minus sign was printed: keeps "-0.00" apart from "0.00". */
  readonly negative: boolean;
}

/** Parses a table cell with exactly two decimals; throws naming the cell otherwise. */
export function parsePrintedPercent(text: string): PrintedPercent {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new SyntaxError(`parsePrintedPercent: expected two decimals like "99.89" or "-0.06", got "${text}"`);
  const hundredths = BigInt(m[2]! + m[3]!);
  const negative = m[1] === '-';
  return { printed: text, value: rational(negative ? -hundredths : hundredths, 100n), negative };
}

/** 100·k/n, exactly: the accuracy in percent of k correct out of n. */
export function percentOf(k: number | bigint, n: number | bigint): Rational {
  return rational(100n * BigInt(k), BigInt(n));
}

/**
 * Whether the exact percentage `x` prints as `p` with two decimals: |x − p| ≤ 0.005 (an exact tie may round either
 * way), and a minus sign is printed iff x < 0 (C and Python formatting print −0.0004 as "-0.00").
 */
export function printsAs(x: Rational, p: PrintedPercent): boolean {
  const d = x.num * p.value.den - p.value.num * x.den;
  const ad = d < 0n ? -d : d;
  if (200n * ad > x.den * p.value.den) return false;
  return p.negative ? x.num < 0n : x.num >= 0n;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** Every count k ∈ [0, n] whose accuracy 100·k/n prints as `p` (two-decimal rounding), ascending. */
export function countsPrintingAs(p: PrintedPercent, n: number): number[] {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`countsPrintingAs: n must be a positive integer, got ${n}`);
  const N = BigInt(n);
  // 100k/n ∈ [p − 1/200, p + 1/200]  ⇔  k ∈ [n(200p − 1)/20000, n(200p + 1)/20000], p = num/den.
  const { num, den } = p.value;
  let lo = ceilDiv(N * (200n * num - den), 20000n * den);
  let hi = floorDiv(N * (200n * num + den), 20000n * den);
  if (lo < 0n) lo = 0n;
  if (hi > N) hi = N;
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) if (printsAs(percentOf(k, N), p)) out.push(Number(k));
  return out;
}

/** One (train count, test count) pair and the exact gap 100·(j/n_train − k/n_test) it gives. */
export interface CountPair {
  readonly train: number;
  readonly test: number;
  /** Exact gap in percent. */
  readonly gap: Rational;
}

/** The counts behind one table row. */
export interface RowCounts {
  /** Counts j with round2(100·j/n_train) = printed train accuracy. */
  readonly trainCounts: readonly number[];
  /** Counts k with round2(100·k/n_test) = printed test accuracy. */
  readonly testCounts: readonly number[];
  /** The pairs (j, k) whose exact gap also prints as the printed gap. */
  readonly consistent: readonly CountPair[];
  /** Smallest and largest exact gap over all achievable pairs (undefined when a column has no count). */
  readonly gapRange: readonly [Rational, Rational] | undefined;
}

/** Enumerates the achievable counts of a row and the pairs consistent with its printed gap (gap = train − test). */
export function rowCounts(
  cells: { readonly train: PrintedPercent; readonly test: PrintedPercent; readonly gap: PrintedPercent },
  split: { readonly train: number; readonly test: number },
): RowCounts {
  const trainCounts = countsPrintingAs(cells.train, split.train);
  const testCounts = countsPrintingAs(cells.test, split.test);
  const consistent: CountPair[] = [];
  let lo: Rational | undefined;
  let hi: Rational | undefined;
  for (const j of trainCounts) {
    for (const k of testCounts) {
      const gap = sub(percentOf(j, split.train), percentOf(k, split.test));
      if (!lo || cmp(gap, lo) < 0) lo = gap;
      if (!hi || cmp(gap, hi) > 0) hi = gap;
      if (printsAs(gap, cells.gap)) consistent.push({ train: j, test: k, gap });
    }
  }
  return { trainCounts, testCounts, consistent, gapRange: lo && hi ? [lo, hi] : undefined };
}
