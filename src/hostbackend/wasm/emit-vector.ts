// The WebAssembly emitters of the vector (v128) IR ops that compute: bitwise and lane-wise
// arithmetic, compares, shifts, lane moves, shuffles and vfma. Each is one wasm SIMD
// instruction, its opcode looked up by the IR op and the lane size, except vfma without a
// fused relaxed_madd on the host (features.ts), which goes lane by lane through the scalar
// FMA. The table of every op's emitter, and the vector loads, stores and moves, are in
// emit.ts.

import type { Opcode } from '../../tcg/opcodes.js';
import type { Emitter } from './region.js';

/** SIMD opcodes (after the 0xfd prefix) of the lane-wise vector ops, indexed by lane size. */
const SIMD: Partial<Record<Opcode, readonly (number | undefined)[]>> = {
  vadd: [0x6e, 0x8e, 0xae, 0xce],
  vsub: [0x71, 0x91, 0xb1, 0xd1],
  vmul: [undefined, 0x95, 0xb5, 0xd5],
  vneg: [0x61, 0x81, 0xa1, 0xc1],
  vabs: [0x60, 0x80, 0xa0, 0xc0],
  vmin_s: [0x76, 0x96, 0xb6],
  vmin_u: [0x77, 0x97, 0xb7],
  vmax_s: [0x78, 0x98, 0xb8],
  vmax_u: [0x79, 0x99, 0xb9],
  vadd_sat_s: [0x6f, 0x8f],
  vadd_sat_u: [0x70, 0x90],
  vsub_sat_s: [0x72, 0x92],
  vsub_sat_u: [0x73, 0x93],
  vcmpeq: [0x23, 0x2d, 0x37, 0xd6],
  vcmpgt_s: [0x27, 0x31, 0x3b, 0xd9],
  vcmpge_s: [0x2b, 0x35, 0x3f, 0xdb],
  vcmpgt_u: [0x28, 0x32, 0x3c],
  vcmpge_u: [0x2c, 0x36, 0x40],
  vpopcnt: [0x62],
  vall_true: [0x63, 0x83, 0xa3, 0xc3],
  vext_low_s: [0x87, 0xa7, 0xc7],
  vext_high_s: [0x88, 0xa8, 0xc8],
  vext_low_u: [0x89, 0xa9, 0xc9],
  vext_high_u: [0x8a, 0xaa, 0xca],
  vfadd: [undefined, undefined, 0xe4, 0xf0],
  vfsub: [undefined, undefined, 0xe5, 0xf1],
  vfmul: [undefined, undefined, 0xe6, 0xf2],
  vfdiv: [undefined, undefined, 0xe7, 0xf3],
  vfsqrt: [undefined, undefined, 0xe3, 0xef],
  vfneg: [undefined, undefined, 0xe1, 0xed],
  vfabs: [undefined, undefined, 0xe0, 0xec],
  vfmin: [undefined, undefined, 0xe8, 0xf4],
  vfmax: [undefined, undefined, 0xe9, 0xf5],
  vfcmpeq: [undefined, undefined, 0x41, 0x47],
  vfcmplt: [undefined, undefined, 0x43, 0x49],
  vfcmple: [undefined, undefined, 0x45, 0x4b],
};
/** Shifts by a constant: the count is an i32 operand in wasm. */
const SIMD_SHIFT: Partial<Record<Opcode, readonly number[]>> = {
  vshl_i: [0x6b, 0x8b, 0xab, 0xcb],
  vshr_s_i: [0x6c, 0x8c, 0xac, 0xcc],
  vshr_u_i: [0x6d, 0x8d, 0xad, 0xcd],
};
/** Opcodes of the lane-size-free vector ops. */
const SIMD_PLAIN: Partial<Record<Opcode, number>> = {
  vand: 0x4e, vor: 0x50, vxor: 0x51, vandn: 0x4f, vnot: 0x4d, vbitsel: 0x52, vany_true: 0x53, vswizzle: 0x0e,
};

/** out = simd op (ins...) picked by the lane size. */
export const emitLaneOp: Emitter = (g, o) => {
  const esz = Number(o.consts[0]);
  const code = SIMD[o.op]?.[esz];
  if (code === undefined) throw new Error(`wasm backend: no ${o.op} for lane size ${esz}`);
  for (const t of o.ins) g.get(t);
  g.b.simd(code, o.op);
  g.set(o.outs[0]);
};
export const emitShift: Emitter = (g, o) => {
  g.get(o.ins[0]);
  g.b.i32Const(Number(o.consts[1]));
  g.b.simd((SIMD_SHIFT[o.op] as readonly number[])[Number(o.consts[0])], o.op);
  g.set(o.outs[0]);
};
export const emitPlain: Emitter = (g, o) => {
  for (const t of o.ins) g.get(t);
  g.b.simd(SIMD_PLAIN[o.op] as number, o.op);
  if (o.outs.length) g.set(o.outs[0]);
};
/** Lane moves: splat, extract (zero-extending), replace. */
const SPLAT = [0x0f, 0x10, 0x11, 0x12];
const EXTRACT_U = [0x16, 0x19, 0x1b, 0x1d];
const REPLACE = [0x17, 0x1a, 0x1c, 0x1e];
export const emitSplat: Emitter = (g, o) => {
  g.get(o.ins[0]);
  g.b.simd(SPLAT[Number(o.consts[0])], o.op);
  g.set(o.outs[0]);
};
export const emitExtract: Emitter = (g, o) => {
  g.get(o.ins[0]);
  g.b.simdLane(EXTRACT_U[Number(o.consts[0])], o.op, Number(o.consts[1]));
  g.set(o.outs[0]);
};
export const emitReplace: Emitter = (g, o) => {
  g.get(o.ins[0]);
  g.get(o.ins[1]);
  g.b.simdLane(REPLACE[Number(o.consts[0])], o.op, Number(o.consts[1]));
  g.set(o.outs[0]);
};
export const emitShuffle: Emitter = (g, o) => {
  const k = BigInt(o.consts[0]);
  const lanes = Array.from({ length: 16 }, (_, i) => Number((k >> BigInt(8 * i)) & 0xffn));
  g.get(o.ins[0]);
  g.get(o.ins[1]);
  g.b.i8x16Shuffle(lanes);
  g.set(o.outs[0]);
};

/** vfma: the hardware FMA per lane when the host has one (features.ts), else the scalar emulation lane by lane. */
export const emitVfma: Emitter = (g, o) => {
  const esz = Number(o.consts[0]);
  const b = g.b;
  if (g.m.hasFusedMadd()) {
    for (const t of o.ins) g.get(t);
    b.simd(esz === 3 ? 0x107 : 0x105, esz === 3 ? 'f64x2.relaxed_madd' : 'f32x4.relaxed_madd');
    g.set(o.outs[0]);
    return;
  }
  const n = 16 >> esz;
  const f = esz === 3 ? g.m.fmaF64() : g.m.fmaF32();
  const [extract, replace] = esz === 3 ? [0x21, 0x22] : [0x1f, 0x20];
  const out = g.local(o.outs[0]);
  g.get(o.ins[0]);
  b.localSet(out);
  for (let i = 0; i < n; i++) {
    // out[i] = fma(a[i], b[i], c[i])
    b.localGet(out);
    for (const t of o.ins) {
      g.get(t);
      b.simdLane(extract, 'extract_lane', i);
    }
    b.call(f);
    b.simdLane(replace, 'replace_lane', i);
    b.localSet(out);
  }
};
