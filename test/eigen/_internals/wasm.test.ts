/**
 * The hand assembler behind the WebAssembly kernels: its modules validate, signed/unsigned LEB128 immediates and f64
 * constants round-trip at their encoding boundaries, and structured control flow (while, if/else) and f64x2 lanes
 * compute what the same code computes in JS.
 */
import { describe, expect, it } from 'vitest';
import { assemble, F64, Fn, I32, op, V128 } from '../../../src/eigen/_internals/wasm.ts';

function instantiate(fns: { fn: Fn; code: readonly number[] }[], pages = 1) {
  const bytes = assemble(fns);
  expect(WebAssembly.validate(bytes)).toBe(true);
  const memory = new WebAssembly.Memory({ initial: pages });
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory } }).exports;
  return { exports: exports as Record<string, (...args: number[]) => void>, memory };
}

describe('wasm assembler', () => {
  it('round-trips i32 immediates at every LEB128 byte boundary and f64 constants through memory', () => {
    const ints = [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, -8193, 2 ** 31 - 1, -(2 ** 31)];
    const floats = [0, -0, 1.5, -Math.PI, Number.MIN_VALUE, Number.MAX_VALUE];
    const fn = new Fn('consts', 1);
    const code = op.seq(
      ...ints.map((k, i) => [...op.iadd(op.get(0), op.i32(4 * i)), ...op.i32(k), 0x36, 2, 0]),
      ...floats.map((x, i) => op.fstore(op.get(0), op.f64(x), 8 * ints.length + 8 * i)),
    );
    const { exports, memory } = instantiate([{ fn, code }]);
    exports.consts!(0);
    expect(Array.from(new Int32Array(memory.buffer, 0, ints.length))).toEqual(ints);
    expect(Array.from(new Float64Array(memory.buffer, 4 * ints.length * 2, floats.length))).toEqual(floats);
  });

  it('runs while/if/else loops with f64x2 lanes: a pairwise dot product and an odd tail, as in JS', () => {
    // dot(x, y, n, out): lanes over pairs, scalar tail, then out = lane0 + lane1 + tail (or −that when n is odd).
    const fn = new Fn('dot', 4);
    const [X, Y, N, OUT] = [0, 1, 2, 3];
    const jb = fn.local(I32);
    const acc = fn.local(V128);
    const tail = fn.local(F64);
    const { seq, get, set, i32, iadd, ishl, ilt } = op;
    const end = ishl(get(N), i32(3));
    const code = seq(
      set(acc, op.vsplat(op.f64(0))),
      set(tail, op.f64(0)),
      op.while(
        ilt(iadd(get(jb), i32(8)), end),
        set(acc, op.vadd(get(acc), op.vmul(op.vload(iadd(get(X), get(jb))), op.vload(iadd(get(Y), get(jb)))))),
        set(jb, iadd(get(jb), i32(16))),
      ),
      op.if(ilt(get(jb), end), set(tail, op.fmul(op.fload(iadd(get(X), get(jb))), op.fload(iadd(get(Y), get(jb)))))),
      op.ifElse(
        ilt(get(jb), end),
        op.fstore(
          get(OUT),
          op.fsub(op.f64(0), op.fadd(op.fadd(op.vlane(get(acc), 0), op.vlane(get(acc), 1)), get(tail))),
        ),
        op.fstore(get(OUT), op.fadd(op.fadd(op.vlane(get(acc), 0), op.vlane(get(acc), 1)), get(tail))),
      ),
    );
    const { exports, memory } = instantiate([{ fn, code }]);
    const f = new Float64Array(memory.buffer);
    for (const n of [0, 1, 2, 7, 8, 31]) {
      for (let i = 0; i < n; i++) {
        f[i] = Math.sin(i + 1);
        f[100 + i] = Math.cos(3 * i);
      }
      exports.dot!(0, 800, n, 1600);
      let even = 0;
      let odd = 0;
      for (let i = 0; i + 1 < n; i += 2) {
        even += f[i]! * f[100 + i]!;
        odd += f[i + 1]! * f[100 + i + 1]!;
      }
      const t = n % 2 === 1 ? f[n - 1]! * f[100 + n - 1]! : 0;
      expect(f[200]).toBe(n % 2 === 1 ? -(even + odd + t) : even + odd + t);
    }
  });
});
