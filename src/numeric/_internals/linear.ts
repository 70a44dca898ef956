/**
 * Internal kernels of the linear model on a `Dataset`: margins Xw (+ b), weighted sums Xᵀc, weighted Gram
 * matrices Xᵀ diag(c) X. Sparse inputs (MNIST: ~80 % zero pixels) are handled through a cached row index.
 */
import type { Dataset } from '../dataset.ts';
import { BadArgumentError, DimensionMismatchError } from '../errors.ts';

/** Compressed sparse rows of X, or `null` when X is dense enough for plain loops. */
interface RowIndex {
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

const indexCache = new WeakMap<Float64Array, RowIndex | null>();

/** Sparse row index of `ds.X` when at most half of its entries are nonzero; cached per X array. */
export function rowIndex(ds: Dataset): RowIndex | null {
  const cached = indexCache.get(ds.X);
  if (cached !== undefined) return cached;
  const { X, n, d } = ds;
  let nnz = 0;
  for (let i = 0; i < X.length; i++) if (X[i] !== 0) nnz++;
  let index: RowIndex | null = null;
  if (nnz <= 0.5 * n * d) {
    const rowPtr = new Int32Array(n + 1);
    const col = new Int32Array(nnz);
    const val = new Float64Array(nnz);
    let p = 0;
    for (let k = 0; k < n; k++) {
      const off = k * d;
      for (let j = 0; j < d; j++) {
        const x = X[off + j]!;
        if (x !== 0) {
          col[p] = j;
          val[p] = x;
          p++;
        }
      }
      rowPtr[k + 1] = p;
    }
    index = { rowPtr, col, val };
  }
  indexCache.set(ds.X, index);
  return index;
}

/** Throws unless `w` has length `dim` and finite entries. */
export function checkVector(fn: string, argument: string, w: Float64Array, dim: number): void {
  if (!(w instanceof Float64Array)) {
    throw new BadArgumentError(fn, argument, 'a Float64Array', Object.prototype.toString.call(w));
  }
  if (w.length !== dim) throw new DimensionMismatchError(fn, argument, `length ${dim}`, `length ${w.length}`);
  for (let i = 0; i < dim; i++) {
    if (!Number.isFinite(w[i]!)) throw new BadArgumentError(fn, `${argument}[${i}]`, 'finite', String(w[i]));
  }
}

/** s_k = w·x_k (+ w_d when `bias`) for every example k. */
export function margins(ds: Dataset, w: Float64Array, bias: boolean): Float64Array {
  const { X, n, d } = ds;
  const out = new Float64Array(n);
  const b = bias ? w[d]! : 0;
  const idx = rowIndex(ds);
  if (idx !== null) {
    const { rowPtr, col, val } = idx;
    for (let k = 0; k < n; k++) {
      let s = b;
      for (let p = rowPtr[k]!, e = rowPtr[k + 1]!; p < e; p++) s += val[p]! * w[col[p]!]!;
      out[k] = s;
    }
  } else {
    for (let k = 0; k < n; k++) {
      const off = k * d;
      let s = b;
      for (let j = 0; j < d; j++) s += X[off + j]! * w[j]!;
      out[k] = s;
    }
  }
  return out;
}

/** Σ_k c_k x̃_k, where x̃ = [x; 1] with `bias`; length d (+ 1). */
export function weightedSum(ds: Dataset, c: Float64Array, bias: boolean): Float64Array {
  const { X, n, d } = ds;
  const out = new Float64Array(d + (bias ? 1 : 0));
  const idx = rowIndex(ds);
  let cs = 0;
  if (idx !== null) {
    const { rowPtr, col, val } = idx;
    for (let k = 0; k < n; k++) {
      const ck = c[k]!;
      cs += ck;
      if (ck === 0) continue;
      for (let p = rowPtr[k]!, e = rowPtr[k + 1]!; p < e; p++) out[col[p]!]! += ck * val[p]!;
    }
  } else {
    for (let k = 0; k < n; k++) {
      const ck = c[k]!;
      cs += ck;
      if (ck === 0) continue;
      const off = k * d;
      for (let j = 0; j < d; j++) out[j]! += ck * X[off + j]!;
    }
  }
  if (bias) out[d] = cs;
  return out;
}

/** Σ_k c_k x̃_k x̃_kᵀ, (d (+1))² row-major, exactly symmetric (lower triangle accumulated, then mirrored). */
export function weightedGram(ds: Dataset, c: Float64Array, bias: boolean): Float64Array {
  const { X, n, d } = ds;
  const dim = d + (bias ? 1 : 0);
  const H = new Float64Array(dim * dim);
  const idx = rowIndex(ds);
  const biasRow = d * dim;
  if (idx !== null) {
    const { rowPtr, col, val } = idx;
    for (let k = 0; k < n; k++) {
      const ck = c[k]!;
      if (ck === 0) continue;
      const start = rowPtr[k]!;
      const end = rowPtr[k + 1]!;
      for (let p = start; p < end; p++) {
        const i = col[p]!;
        const ci = ck * val[p]!;
        const rowOff = i * dim;
        for (let q = start; q <= p; q++) H[rowOff + col[q]!]! += ci * val[q]!;
        if (bias) H[biasRow + i]! += ci;
      }
      if (bias) H[biasRow + d]! += ck;
    }
  } else {
    for (let k = 0; k < n; k++) {
      const ck = c[k]!;
      if (ck === 0) continue;
      const off = k * d;
      for (let i = 0; i < d; i++) {
        const xi = X[off + i]!;
        if (xi === 0) continue;
        const ci = ck * xi;
        const rowOff = i * dim;
        for (let j = 0; j <= i; j++) H[rowOff + j]! += ci * X[off + j]!;
        if (bias) H[biasRow + i]! += ci;
      }
      if (bias) H[biasRow + d]! += ck;
    }
  }
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < i; j++) H[j * dim + i] = H[i * dim + j]!;
  }
  return H;
}
