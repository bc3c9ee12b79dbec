// The interpreter's semantics of the 128-bit vector ops (opcodes.ts): a v128 value is an
// unsigned 128-bit bigint, lane 0 in its low bits. Written lane by lane for clarity, as
// the reference the WebAssembly backend's SIMD code is checked against.

import { f32Fma, f64Fma, FpStatus, RoundingMode } from '../../softfloat/index.js';
import type { Opcode } from '../../tcg/opcodes.js';

type Value = number | bigint;
type PureFn = (a: readonly Value[], c: readonly Value[]) => Value;

const MASK128 = (1n << 128n) - 1n;
const fmaStatus = new FpStatus();
const scratch = new DataView(new ArrayBuffer(8));

/** The lanes of v (unsigned), lane size 2^esz bytes. */
export function lanesOf(v: bigint, esz: number): bigint[] {
  const bits = BigInt(8 << esz);
  const mask = (1n << bits) - 1n;
  const out: bigint[] = [];
  for (let i = 0n; i < BigInt(16 >> esz); i++) out.push((v >> (i * bits)) & mask);
  return out;
}
/** Lanes (any integers, truncated to the lane size) back into a v128. */
export function packLanes(ls: readonly bigint[], esz: number): bigint {
  const bits = BigInt(8 << esz);
  const mask = (1n << bits) - 1n;
  let v = 0n;
  ls.forEach((l, i) => (v |= (l & mask) << (BigInt(i) * bits)));
  return v;
}

const big = (v: Value): bigint => BigInt.asUintN(128, v as bigint);
const sgn = (l: bigint, esz: number): bigint => BigInt.asIntN(8 << esz, l);
const ones = (esz: number): bigint => (1n << BigInt(8 << esz)) - 1n;

/** out lane i = f(a lane i, b lane i). */
function lane2(f: (x: bigint, y: bigint, esz: number) => bigint): PureFn {
  return (a, c) => {
    const esz = Number(c[0]);
    const y = lanesOf(big(a[1]), esz);
    return packLanes(lanesOf(big(a[0]), esz).map((x, i) => f(x, y[i], esz)), esz);
  };
}
function lane1(f: (x: bigint, esz: number) => bigint): PureFn {
  return (a, c) => {
    const esz = Number(c[0]);
    return packLanes(lanesOf(big(a[0]), esz).map((x) => f(x, esz)), esz);
  };
}
const boolLane = (t: boolean, esz: number): bigint => (t ? ones(esz) : 0n);
/** Where lane c[1] (of 2^c[0] bytes) starts, in bits. */
const laneShift = (c: readonly Value[]): bigint => BigInt((8 << Number(c[0])) * Number(c[1]));
/** v with the lane under mask << shift replaced by x (already within mask). */
const replaceLane = (v: bigint, mask: bigint, shift: bigint, x: bigint): bigint => (v & ~(mask << shift) & MASK128) | (x << shift);

function satS(v: bigint, esz: number): bigint {
  const hi = (1n << BigInt((8 << esz) - 1)) - 1n;
  return v > hi ? hi : v < -hi - 1n ? -hi - 1n : v;
}
function satU(v: bigint, esz: number): bigint {
  const hi = ones(esz);
  return v > hi ? hi : v < 0n ? 0n : v;
}

// --- float lanes --------------------------------------------------------------------------

const toF = (l: bigint, esz: number): number => {
  if (esz === 3) {
    scratch.setBigUint64(0, l, true);
    return scratch.getFloat64(0, true);
  }
  scratch.setUint32(0, Number(l), true);
  return scratch.getFloat32(0, true);
};
const fromF = (x: number, esz: number): bigint => {
  if (esz === 3) {
    scratch.setFloat64(0, x, true);
    return scratch.getBigUint64(0, true);
  }
  scratch.setFloat32(0, x, true);
  return BigInt(scratch.getUint32(0, true));
};
const round = (x: number, esz: number): number => (esz === 3 ? x : Math.fround(x));

function float2(f: (x: number, y: number) => number): PureFn {
  return lane2((x, y, esz) => fromF(round(f(toF(x, esz), toF(y, esz)), esz), esz));
}
function float1(f: (x: number) => number): PureFn {
  return lane1((x, esz) => fromF(round(f(toF(x, esz)), esz), esz));
}
function floatCmp(f: (x: number, y: number) => boolean): PureFn {
  return lane2((x, y, esz) => boolLane(f(toF(x, esz), toF(y, esz)), esz));
}

/** Every pure vector op. */
export const VECTOR_OPS: Partial<Record<Opcode, PureFn>> = {
  mov_v128: (a) => a[0],
  movi_v128: (_a, c) => big(c[0]),
  vand: (a) => big(a[0]) & big(a[1]),
  vor: (a) => big(a[0]) | big(a[1]),
  vxor: (a) => big(a[0]) ^ big(a[1]),
  vandn: (a) => big(a[0]) & ~big(a[1]) & MASK128,
  vnot: (a) => ~big(a[0]) & MASK128,
  vbitsel: (a) => (big(a[0]) & big(a[2])) | (big(a[1]) & ~big(a[2]) & MASK128),
  vadd: lane2((x, y) => x + y),
  vsub: lane2((x, y) => x - y),
  vmul: lane2((x, y) => x * y),
  vneg: lane1((x) => -x),
  vabs: lane1((x, e) => (sgn(x, e) < 0n ? -sgn(x, e) : x)),
  vmin_s: lane2((x, y, e) => (sgn(x, e) < sgn(y, e) ? x : y)),
  vmin_u: lane2((x, y) => (x < y ? x : y)),
  vmax_s: lane2((x, y, e) => (sgn(x, e) > sgn(y, e) ? x : y)),
  vmax_u: lane2((x, y) => (x > y ? x : y)),
  vadd_sat_s: lane2((x, y, e) => satS(sgn(x, e) + sgn(y, e), e)),
  vadd_sat_u: lane2((x, y, e) => satU(x + y, e)),
  vsub_sat_s: lane2((x, y, e) => satS(sgn(x, e) - sgn(y, e), e)),
  vsub_sat_u: lane2((x, y, e) => satU(x - y, e)),
  vcmpeq: lane2((x, y, e) => boolLane(x === y, e)),
  vcmpgt_s: lane2((x, y, e) => boolLane(sgn(x, e) > sgn(y, e), e)),
  vcmpge_s: lane2((x, y, e) => boolLane(sgn(x, e) >= sgn(y, e), e)),
  vcmpgt_u: lane2((x, y, e) => boolLane(x > y, e)),
  vcmpge_u: lane2((x, y, e) => boolLane(x >= y, e)),
  vshl_i: (a, c) => packLanes(lanesOf(big(a[0]), Number(c[0])).map((x) => x << BigInt(c[1])), Number(c[0])),
  vshr_u_i: (a, c) => packLanes(lanesOf(big(a[0]), Number(c[0])).map((x) => x >> BigInt(c[1])), Number(c[0])),
  vshr_s_i: (a, c) => packLanes(lanesOf(big(a[0]), Number(c[0])).map((x) => sgn(x, Number(c[0])) >> BigInt(c[1])), Number(c[0])),
  vpopcnt: lane1((x) => {
    let n = 0n;
    for (let v = x; v; v >>= 1n) n += v & 1n;
    return n;
  }),
  vshuffle: (a, c) => {
    const bytes = [...lanesOf(big(a[0]), 0), ...lanesOf(big(a[1]), 0)];
    const idx = lanesOf(big(c[0]), 0);
    return packLanes(idx.map((k) => bytes[Number(k)]), 0);
  },
  vswizzle: (a) => {
    const bytes = lanesOf(big(a[0]), 0);
    return packLanes(lanesOf(big(a[1]), 0).map((k) => (k < 16n ? bytes[Number(k)] : 0n)), 0);
  },
  vsplat_i32: (a, c) => packLanes(new Array(16 >> Number(c[0])).fill(BigInt((a[0] as number) >>> 0)), Number(c[0])),
  vsplat_i64: (a) => packLanes([BigInt(a[0]), BigInt(a[0])], 3),
  // Single-lane reads and writes with shifts and masks rather than through lanesOf: scalar
  // FP code uses them on every register access, so they are the interpreter's hot vector ops.
  vextract_i32: (a, c) => Number(BigInt.asIntN(32, (big(a[0]) >> laneShift(c)) & ones(Number(c[0])))),
  vextract_i64: (a, c) => BigInt.asIntN(64, big(a[0]) >> laneShift(c)),
  vreplace_i32: (a, c) => {
    const mask = ones(Number(c[0]));
    return replaceLane(big(a[0]), mask, laneShift(c), BigInt((a[1] as number) >>> 0) & mask);
  },
  vreplace_i64: (a, c) => replaceLane(big(a[0]), ones(3), laneShift(c), BigInt.asUintN(64, BigInt(a[1]))),
  vext_low_s: (a, c) => widen(big(a[0]), Number(c[0]), 0, true),
  vext_low_u: (a, c) => widen(big(a[0]), Number(c[0]), 0, false),
  vext_high_s: (a, c) => widen(big(a[0]), Number(c[0]), 1, true),
  vext_high_u: (a, c) => widen(big(a[0]), Number(c[0]), 1, false),
  vall_true: (a, c) => (lanesOf(big(a[0]), Number(c[0])).every((l) => l !== 0n) ? 1 : 0),
  vany_true: (a) => (big(a[0]) !== 0n ? 1 : 0),
  vfadd: float2((x, y) => x + y),
  vfsub: float2((x, y) => x - y),
  vfmul: float2((x, y) => x * y),
  vfdiv: float2((x, y) => x / y),
  vfsqrt: float1(Math.sqrt),
  vfneg: lane1((x, e) => x ^ (1n << BigInt((8 << e) - 1))),
  vfabs: lane1((x, e) => x & ~(1n << BigInt((8 << e) - 1))),
  vfmin: float2((x, y) => Math.min(x, y)),
  vfmax: float2((x, y) => Math.max(x, y)),
  vfma: (a, c) => {
    const esz = Number(c[0]);
    const [x, y, z] = [0, 1, 2].map((k) => lanesOf(big(a[k]), esz));
    return packLanes(x.map((l, i) => {
      const [p, q, r] = [toF(l, esz), toF(y[i], esz), toF(z[i], esz)];
      const v = esz === 3 ? f64Fma(p, q, r, RoundingMode.RNE, fmaStatus) : f32Fma(p, q, r, RoundingMode.RNE, fmaStatus);
      return fromF(v, esz);
    }), esz);
  },
  vfcmpeq: floatCmp((x, y) => x === y),
  vfcmplt: floatCmp((x, y) => x < y),
  vfcmple: floatCmp((x, y) => x <= y),
};

/** Lanes of size esz from the low (half 0) or high half, extended to twice their size. */
function widen(v: bigint, esz: number, half: number, signed: boolean): bigint {
  const ls = lanesOf(v, esz);
  const n = ls.length / 2;
  return packLanes(ls.slice(half * n, half * n + n).map((l) => (signed ? sgn(l, esz) : l)), esz + 1);
}
