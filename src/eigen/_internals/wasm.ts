/**
 * A minimal WebAssembly assembler for the few numeric kernels claimcheck writes by hand (no toolchain, no
 * dependency): expressions are byte arrays in stack order, `fn` declares locals by type, `module` lays out one
 * module that imports its linear memory as `e.m` and exports its functions by name. Only the opcodes the kernels
 * use are here; see the WebAssembly core specification (binary format, §5) and its fixed-width SIMD proposal.
 */

/** Code in stack order (a sequence of instructions). */
export type Code = readonly number[];

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

function uleb(x: number): number[] {
  const out: number[] = [];
  do {
    let b = x & 0x7f;
    x >>>= 7;
    if (x !== 0) b |= 0x80;
    out.push(b);
  } while (x !== 0);
  return out;
}

function sleb(x: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = x & 0x7f;
    x >>= 7;
    if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const cat = (...parts: Code[]): number[] => parts.flat();
const simd = (op: number): number[] => [0xfd, ...uleb(op)];

/** Instructions (operands first, in stack order). */
export const op = {
  seq: (...parts: Code[]): Code => cat(...parts),
  get: (l: number): Code => [0x20, ...uleb(l)],
  set: (l: number, e: Code): Code => cat(e, [0x21, ...uleb(l)]),
  i32: (k: number): Code => [0x41, ...sleb(k)],
  iadd: (a: Code, b: Code): Code => cat(a, b, [0x6a]),
  isub: (a: Code, b: Code): Code => cat(a, b, [0x6b]),
  imul: (a: Code, b: Code): Code => cat(a, b, [0x6c]),
  ishl: (a: Code, b: Code): Code => cat(a, b, [0x74]),
  ilt: (a: Code, b: Code): Code => cat(a, b, [0x48]),
  ile: (a: Code, b: Code): Code => cat(a, b, [0x4c]),
  f64: (x: number): Code => {
    const b = new Uint8Array(new Float64Array([x]).buffer);
    return [0x44, ...b];
  },
  fadd: (a: Code, b: Code): Code => cat(a, b, [0xa0]),
  fsub: (a: Code, b: Code): Code => cat(a, b, [0xa1]),
  fmul: (a: Code, b: Code): Code => cat(a, b, [0xa2]),
  /** f64 load/store at byte address `addr` + `off` (alignment hint 8). */
  fload: (addr: Code, off = 0): Code => cat(addr, [0x2b, 3, ...uleb(off)]),
  fstore: (addr: Code, val: Code, off = 0): Code => cat(addr, val, [0x39, 3, ...uleb(off)]),
  /** f64x2: two lanes, loads/stores at byte address `addr` + `off` (alignment hint 8: any f64 address). */
  vload: (addr: Code, off = 0): Code => cat(addr, simd(0x00), [3, ...uleb(off)]),
  vstore: (addr: Code, val: Code, off = 0): Code => cat(addr, val, simd(0x0b), [3, ...uleb(off)]),
  vsplat: (x: Code): Code => cat(x, simd(0x14)),
  vlane: (x: Code, lane: 0 | 1): Code => cat(x, simd(0x21), [lane]),
  vadd: (a: Code, b: Code): Code => cat(a, b, simd(0xf0)),
  vsub: (a: Code, b: Code): Code => cat(a, b, simd(0xf1)),
  vmul: (a: Code, b: Code): Code => cat(a, b, simd(0xf2)),
  /** `while (cond) body` (a block around a loop; `cond` is i32). */
  while: (cond: Code, ...body: Code[]): Code =>
    cat([0x02, 0x40, 0x03, 0x40], cond, [0x45, 0x0d, 1], ...body, [0x0c, 0, 0x0b, 0x0b]),
  /** `if (cond) body`. Branches inside `body` see one more enclosing label. */
  if: (cond: Code, ...body: Code[]): Code => cat(cond, [0x04, 0x40], ...body, [0x0b]),
  /** `if (cond) a else b`. */
  ifElse: (cond: Code, a: Code, b: Code): Code => cat(cond, [0x04, 0x40], a, [0x05], b, [0x0b]),
};

/** A function under construction: parameters are i32 locals 0..params−1; more locals by type. */
export class Fn {
  private readonly extra: ValType[] = [];
  constructor(
    readonly name: string,
    readonly params: number,
  ) {}
  local(type: ValType): number {
    this.extra.push(type);
    return this.params + this.extra.length - 1;
  }
  /** The code-section body of this function. */
  body(code: Code): number[] {
    const groups: [number, ValType][] = [];
    for (const t of this.extra) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const locals = cat(uleb(groups.length), ...groups.map(([c, t]) => [...uleb(c), t]));
    const b = cat(locals, code, [0x0b]);
    return [...uleb(b.length), ...b];
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(s: string): number[] {
  const b = Array.from(new TextEncoder().encode(s));
  return [...uleb(b.length), ...b];
}

/** The binary of a module importing memory `e.m` and exporting each function (all params i32, no results). */
export function assemble(fns: readonly { fn: Fn; code: Code }[]): Uint8Array<ArrayBuffer> {
  const arities = [...new Set(fns.map((f) => f.fn.params))];
  const types = cat(uleb(arities.length), ...arities.map((p) => [0x60, ...uleb(p), ...Array(p).fill(I32), 0]));
  const imports = cat(uleb(1), name('e'), name('m'), [0x02, 0x00, 1]);
  const funcs = cat(uleb(fns.length), ...fns.map((f) => uleb(arities.indexOf(f.fn.params))));
  const exports = cat(uleb(fns.length), ...fns.map((f, i) => [...name(f.fn.name), 0x00, ...uleb(i)]));
  const code = cat(uleb(fns.length), ...fns.map((f) => f.fn.body(f.code)));
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, code),
  ]);
}
