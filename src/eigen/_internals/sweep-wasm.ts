/**
 * The fused sweep of `tridiagonalize` (see sweep-js.ts) as a WebAssembly SIMD kernel: two columns per f64x2 lane pair,
 * ROWS rows per pass, no bounds checks. Its arithmetic is the JS sweep's, operation for operation, except that each
 * row sum s_i = Σ_j a[i, j] x_j is accumulated in two halves (even and odd columns from `start`) added at the row's
 * end, and that the diagonal blocks are ROWS×ROWS: the results agree with the JS sweep's to rounding.
 *
 * Measured (785×785, this machine's Zen cores): about 19 GFlop/s against 4–5 for the JS sweep, the same rate whether
 * the trailing matrix fits in L2 (n = 200) or not (n = 785): the kernel is bound by the floating-point pipes (4
 * multiplications and 4 additions per matrix entry and step; WebAssembly has no FMA), not by memory, which is why the
 * reduction is not blocked (DSYTRD/DLATRD saves memory traffic, not arithmetic; the JS reduction is flat at 5.0–5.4
 * GFlop/s from n = 200 to 1200 too, and the level-2 half of a blocked JS reduction alone, one symmetric
 * matrix-vector product per column, takes about 60 ms at n = 785, more than this whole kernel). Two rows per pass
 * beat four (16 vector registers: four rows spill) and three; unrolling the column loop did not help.
 */
import { assemble, type Code, F64, Fn, I32, op, V128, type ValType } from './wasm.ts';

const { seq, get, set, i32, iadd, imul, ishl, ilt, fadd, fsub, fmul, fload, fstore, vload, vstore } = op;
const { vsplat, vlane, vadd, vsub, vmul } = op;

/** Rows per pass of the kernel (see the measurements above). */
const ROWS = 2;

/**
 * `sweep(a, n, start, v, q, x, p, col)`, byte offsets into memory except n and start: for rows i ≥ start of the
 * n×n row-major `a`, a[i, j] −= v_i q_j + q_i v_j for start ≤ j ≤ i; p_j += Σ_i a[i, j] x_i over the updated
 * symmetric block (read from its lower triangle); col[i] = a[i, start] after the update.
 */
function sweepKernel(rows: number): { fn: Fn; code: Code } {
  const fn = new Fn('sweep', 8);
  const [A, N, START, V, Q, X, P, COL] = [0, 1, 2, 3, 4, 5, 6, 7];
  const rb = fn.local(I32);
  const nb = fn.local(I32);
  const ib = fn.local(I32);
  const jb = fn.local(I32);
  const sb = fn.local(I32);
  const perRow = (type: ValType): number[] => Array.from({ length: rows }, () => fn.local(type));
  const r = perRow(I32);
  const sv = perRow(F64);
  const sq = perRow(F64);
  const sw = perRow(F64);
  const t = perRow(F64);
  const fa = perRow(F64);
  const fvj = fn.local(F64);
  const fqj = fn.local(F64);
  const fxj = fn.local(F64);
  const Vv = perRow(V128);
  const Qv = perRow(V128);
  const Wv = perRow(V128);
  const Sv = perRow(V128);
  const Av = perRow(V128);
  const vj = fn.local(V128);
  const qj = fn.local(V128);
  const xj = fn.local(V128);
  // The diagonal block entries b[t][u] (u ≤ t).
  const b = Array.from({ length: rows }, (_, k) => Array.from({ length: k + 1 }, () => fn.local(F64)));

  const g = get;
  const at = (base: number, off: Code): Code => iadd(g(base), off);

  /** One pass over `count` rows (`rows` or 1) from row ib/8, whose row addresses are r[0..count). */
  const block = (count: number): Code => {
    const R = [...Array(count).keys()];
    const init = seq(
      ...R.map((k) => seq(set(r[k]!, k === 0 ? g(r[0]!) : iadd(g(r[k - 1]!), g(rb))))),
      ...R.map((k) =>
        seq(
          set(sv[k]!, fload(at(V, g(ib)), 8 * k)),
          set(sq[k]!, fload(at(Q, g(ib)), 8 * k)),
          set(sw[k]!, fload(at(X, g(ib)), 8 * k)),
          set(Vv[k]!, vsplat(g(sv[k]!))),
          set(Qv[k]!, vsplat(g(sq[k]!))),
          set(Wv[k]!, vsplat(g(sw[k]!))),
          set(Sv[k]!, vsplat(op.f64(0))),
        ),
      ),
      set(jb, g(sb)),
    );
    // Two columns j, j+1 (byte offset `off` from jb) of the pass.
    const pair = (off: number): Code =>
      seq(
        set(vj, vload(at(V, g(jb)), off)),
        set(qj, vload(at(Q, g(jb)), off)),
        set(xj, vload(at(X, g(jb)), off)),
        ...R.map((k) =>
          seq(
            set(Av[k]!, vsub(vsub(vload(at(r[k]!, g(jb)), off), vmul(g(Vv[k]!), g(qj))), vmul(g(Qv[k]!), g(vj)))),
            vstore(at(r[k]!, g(jb)), g(Av[k]!), off),
            set(Sv[k]!, vadd(g(Sv[k]!), vmul(g(Av[k]!), g(xj)))),
          ),
        ),
        vstore(
          at(P, g(jb)),
          vadd(
            vload(at(P, g(jb)), off),
            R.slice(1).reduce<Code>((acc, k) => vadd(acc, vmul(g(Av[k]!), g(Wv[k]!))), vmul(g(Av[0]!), g(Wv[0]!))),
          ),
          off,
        ),
      );
    const pairs = op.while(ilt(iadd(g(jb), i32(8)), g(ib)), pair(0), set(jb, iadd(g(jb), i32(16))));
    const sums = seq(...R.map((k) => set(t[k]!, fadd(vlane(g(Sv[k]!), 0), vlane(g(Sv[k]!), 1)))));
    // The last column j = i − 1 when i − start is odd.
    const tail = op.if(
      ilt(g(jb), g(ib)),
      set(fvj, fload(at(V, g(jb)))),
      set(fqj, fload(at(Q, g(jb)))),
      set(fxj, fload(at(X, g(jb)))),
      ...R.map((k) =>
        seq(
          set(fa[k]!, fsub(fsub(fload(at(r[k]!, g(jb))), fmul(g(sv[k]!), g(fqj))), fmul(g(sq[k]!), g(fvj)))),
          fstore(at(r[k]!, g(jb)), g(fa[k]!)),
          set(t[k]!, fadd(g(t[k]!), fmul(g(fa[k]!), g(fxj)))),
        ),
      ),
      fstore(
        at(P, g(jb)),
        fadd(
          fload(at(P, g(jb))),
          R.slice(1).reduce<Code>((acc, k) => fadd(acc, fmul(g(fa[k]!), g(sw[k]!))), fmul(g(fa[0]!), g(sw[0]!))),
        ),
      ),
    );
    // The rows×rows diagonal block (lower part): a[i+k, i+u] for u ≤ k.
    const diag = seq(
      ...R.flatMap((k) =>
        [...Array(k + 1).keys()].map((u) => {
          const addr = at(r[k]!, g(ib));
          const upd = u === k ? fmul(fmul(op.f64(2), g(sv[k]!)), g(sq[k]!)) : null;
          return seq(
            upd === null
              ? set(b[k]![u]!, fsub(fsub(fload(addr, 8 * u), fmul(g(sv[k]!), g(sq[u]!))), fmul(g(sq[k]!), g(sv[u]!))))
              : set(b[k]![u]!, fsub(fload(addr, 8 * u), upd)),
            fstore(at(r[k]!, g(ib)), g(b[k]![u]!), 8 * u),
          );
        }),
      ),
      // p[i+k] += t_k + Σ_u b[k|u] w_u, with b symmetric.
      ...R.map((k) => {
        const bb = (x: number, y: number): Code => (x >= y ? g(b[x]![y]!) : g(b[y]![x]!));
        const sum = R.reduce<Code>((acc, u) => fadd(acc, fmul(bb(k, u), g(sw[u]!))), g(t[k]!));
        return fstore(at(P, g(ib)), fadd(fload(at(P, g(ib)), 8 * k), sum), 8 * k);
      }),
    );
    // col[i+k] = a[i+k, start] (updated): the next step's column, contiguous.
    const column = seq(...R.map((k) => fstore(at(COL, g(ib)), fload(at(r[k]!, g(sb))), 8 * k)));
    return seq(init, pairs, sums, tail, diag, column);
  };

  const code = seq(
    set(rb, ishl(g(N), i32(3))),
    set(nb, ishl(g(N), i32(3))),
    set(sb, ishl(g(START), i32(3))),
    set(ib, g(sb)),
    set(r[0]!, iadd(g(A), imul(g(START), g(rb)))),
    op.while(
      ilt(iadd(g(ib), i32(8 * (rows - 1))), g(nb)),
      block(rows),
      set(ib, iadd(g(ib), i32(8 * rows))),
      set(r[0]!, iadd(g(r[0]!), imul(g(rb), i32(rows)))),
    ),
    op.while(ilt(g(ib), g(nb)), block(1), set(ib, iadd(g(ib), i32(8))), set(r[0]!, iadd(g(r[0]!), g(rb)))),
  );
  return { fn, code };
}

/** The arrays `tridiagonalize` works on and the fused sweep over them (see sweep-js.ts for what a sweep does). */
export interface Workspace {
  readonly a: Float64Array;
  readonly v: Float64Array;
  readonly q: Float64Array;
  readonly vNext: Float64Array;
  readonly pNext: Float64Array;
  readonly col: Float64Array;
  sweep(start: number): void;
}

type SweepFn = (a: number, n: number, start: number, v: number, q: number, x: number, p: number, col: number) => void;

let compiled: WebAssembly.Module | null | undefined;
let cached: { memory: WebAssembly.Memory; sweep: SweepFn } | null = null;

/** Memory kept between calls up to this size (bytes); larger workspaces are allocated per call. */
const KEEP_BYTES = 64 * 2 ** 20;

/** Whether the workspace for n is kept between calls (so a matrix filled in it is reduced in place). */
export const keepsWorkspace = (n: number): boolean => 8 * (n * n + 5 * n) <= KEEP_BYTES;

/**
 * The workspace for an n×n reduction in WebAssembly memory (the matrix, then five vectors of n), or null where the
 * engine has no WebAssembly SIMD. Memory up to KEEP_BYTES is reused by the next call (its contents are not
 * cleared); the views are valid until then.
 */
export function wasmWorkspace(n: number): Workspace | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(assemble([sweepKernel(ROWS)]));
    } catch {
      compiled = null;
    }
  }
  if (compiled === null) return null;
  const nn = n * n;
  const bytes = 8 * (nn + 5 * n);
  let slot = cached;
  if (slot === null || slot.memory.buffer.byteLength < bytes) {
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
    } catch {
      return null; // beyond what the engine will map (4 GiB, n > ~23000): the JS sweep on the caller's array
    }
    const { sweep } = new WebAssembly.Instance(compiled, { e: { m: memory } }).exports as { sweep: SweepFn };
    slot = { memory, sweep };
    cached = bytes <= KEEP_BYTES ? slot : null;
  }
  const { memory, sweep } = slot;
  const at = (offset: number, length: number): Float64Array => new Float64Array(memory.buffer, 8 * offset, length);
  const [v, q, x, p, c] = [nn, nn + n, nn + 2 * n, nn + 3 * n, nn + 4 * n];
  return {
    a: at(0, nn),
    v: at(v, n),
    q: at(q, n),
    vNext: at(x, n),
    pNext: at(p, n),
    col: at(c, n),
    sweep: (start) => sweep(0, n, start, 8 * v, 8 * q, 8 * x, 8 * p, 8 * c),
  };
}
