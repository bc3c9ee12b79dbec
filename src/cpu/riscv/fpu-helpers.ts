// The RISC-V F and D extension helpers that translated code calls: arithmetic,
// fused multiply-add, min/max, sign injection, compares, classification and
// conversions, on the f registers in the env block. They implement RISC-V's rules on
// top of src/softfloat: NaN-boxing of singles, the canonical NaN for every NaN
// result, NV for signaling NaN inputs (detected from raw bits, never from JS NaNs),
// the dynamic rounding mode, and accrual of flags into fflags.

import { registerArgEffects, type HelperContext, type HelperDef } from '../../tcg/helpers.js';
import type { IrType } from '../../tcg/opcodes.js';
import { fOffset, RV } from './state.js';
import {
  f32Add, f32Div, f32Fma, f32Mul, f32Sqrt, f32Sub, f64Add, f64Div, f64Fma, f64Mul, f64Sqrt, f64Sub, f64ToF32,
  FpFlag, fpLe, fpLt, fpMax, fpMin, FpStatus, int32ToF32, int32ToF64, int64ToF32, int64ToF64,
  toInt32, toInt64, toUint32, toUint64,
} from '../../softfloat/index.js';

/** The rm field value that selects the dynamic rounding mode in frm. */
const RM_DYNAMIC = 7;

/** Raw encodings. A single's register is NaN-boxed: its upper 32 bits are all ones. */
const NAN_BOX = 0xffffffff;
const CANONICAL_NAN_S = 0x7fc00000;
const CANONICAL_NAN_D_HI = 0x7ff80000;
const SIGN_BIT = 0x80000000;
const MAGNITUDE_MASK = 0x7fffffff;
/** Exponent all ones and quiet bit clear: the high bits of a signaling NaN. */
const S_QNAN_MASK = 0x7fc00000;
const S_SNAN_PATTERN = 0x7f800000;
const S_PAYLOAD_MASK = 0x003fffff;
const D_QNAN_MASK_HI = 0x7ff80000;
const D_SNAN_PATTERN_HI = 0x7ff00000;
const D_PAYLOAD_MASK_HI = 0x0007ffff;
const S_EXP_MASK = 0x7f800000;
const S_FRAC_MASK = 0x007fffff;
const D_EXP_MASK_HI = 0x7ff00000;
const D_FRAC_MASK_HI = 0x000fffff;
/** Offset of the high word of a little-endian 64-bit register. */
const HI = 4;

/** fclass result bits. */
const FCLASS = {
  NEG_INF: 1 << 0,
  NEG_NORMAL: 1 << 1,
  NEG_SUBNORMAL: 1 << 2,
  NEG_ZERO: 1 << 3,
  POS_ZERO: 1 << 4,
  POS_SUBNORMAL: 1 << 5,
  POS_NORMAL: 1 << 6,
  POS_INF: 1 << 7,
  SNAN: 1 << 8,
  QNAN: 1 << 9,
} as const;

/** One status for every call: helpers run to completion, one at a time per thread. */
const st = new FpStatus();

// --- env access ---------------------------------------------------------------------

function roundingMode(dv: DataView, env: number, rm: number): number {
  return rm === RM_DYNAMIC ? dv.getUint32(env + RV.FRM, true) : rm;
}

/** ORs flags into fflags (writing only when a bit is new). */
function accrue(dv: DataView, env: number, flags: number): void {
  if (flags === 0) return;
  const old = dv.getUint32(env + RV.FFLAGS, true);
  if ((old | flags) !== old) dv.setUint32(env + RV.FFLAGS, old | flags, true);
}

/** The low 32 bits of a single's register, or the canonical NaN when not NaN-boxed. */
function bitsS(dv: DataView, off: number): number {
  return dv.getUint32(off + HI, true) === NAN_BOX ? dv.getUint32(off, true) : CANONICAL_NAN_S;
}

/** A single's value (improperly boxed reads as NaN). */
function readS(dv: DataView, env: number, r: number): number {
  const off = env + fOffset(r);
  return dv.getUint32(off + HI, true) === NAN_BOX ? dv.getFloat32(off, true) : NaN;
}

function readD(dv: DataView, env: number, r: number): number {
  return dv.getFloat64(env + fOffset(r), true);
}

function isSignalingS(dv: DataView, env: number, r: number): boolean {
  const bits = bitsS(dv, env + fOffset(r));
  return (bits & S_QNAN_MASK) === S_SNAN_PATTERN && (bits & S_PAYLOAD_MASK) !== 0;
}

function isSignalingD(dv: DataView, env: number, r: number): boolean {
  const off = env + fOffset(r);
  const hi = dv.getUint32(off + HI, true);
  return (hi & D_QNAN_MASK_HI) === D_SNAN_PATTERN_HI && ((hi & D_PAYLOAD_MASK_HI) | dv.getUint32(off, true)) !== 0;
}

/** Writes a single NaN-boxed; any NaN becomes the canonical NaN. */
function writeS(dv: DataView, env: number, r: number, x: number): void {
  const off = env + fOffset(r);
  if (x !== x) dv.setUint32(off, CANONICAL_NAN_S, true);
  else dv.setFloat32(off, x, true);
  dv.setUint32(off + HI, NAN_BOX, true);
}

/** Writes raw single bits NaN-boxed. */
function writeBitsS(dv: DataView, env: number, r: number, bits: number): void {
  const off = env + fOffset(r);
  dv.setUint32(off, bits, true);
  dv.setUint32(off + HI, NAN_BOX, true);
}

/** Writes a double; any NaN becomes the canonical NaN. */
function writeD(dv: DataView, env: number, r: number, x: number): void {
  const off = env + fOffset(r);
  if (x !== x) {
    dv.setUint32(off, 0, true);
    dv.setUint32(off + HI, CANONICAL_NAN_D_HI, true);
  } else {
    dv.setFloat64(off, x, true);
  }
}

/** NV when any of the listed single registers holds a signaling NaN. */
function signalingFlagS(dv: DataView, env: number, r1: number, r2: number, r3: number): number {
  return isSignalingS(dv, env, r1) || isSignalingS(dv, env, r2) || isSignalingS(dv, env, r3) ? FpFlag.NV : 0;
}

function signalingFlagD(dv: DataView, env: number, r1: number, r2: number, r3: number): number {
  return isSignalingD(dv, env, r1) || isSignalingD(dv, env, r2) || isSignalingD(dv, env, r3) ? FpFlag.NV : 0;
}

// --- helper table builders ----------------------------------------------------------

const ARGS_RRR_RM: readonly IrType[] = ['i32', 'i32', 'i32', 'i32', 'i32'];
const ARGS_RR_RM: readonly IrType[] = ['i32', 'i32', 'i32', 'i32'];
const ARGS_RRRR_RM: readonly IrType[] = ['i32', 'i32', 'i32', 'i32', 'i32', 'i32'];
const ARGS_RRR: readonly IrType[] = ['i32', 'i32', 'i32', 'i32'];
const ARGS_RR: readonly IrType[] = ['i32', 'i32', 'i32'];
const ARGS_R: readonly IrType[] = ['i32', 'i32'];
const ARGS_FROM_INT: readonly IrType[] = ['i32', 'i32', 'i64', 'i32'];

// Each arithmetic helper is its own small function (not a closure built from a
// shared template) so that V8 sees one monomorphic call to the softfloat operation.

/** Finishes a single-precision result: NV for signaling NaN inputs, write, accrue. */
function finishS(dv: DataView, env: number, rd: number, r: number, rs1: number, rs2: number, rs3: number): void {
  if (r !== r) st.flags |= signalingFlagS(dv, env, rs1, rs2, rs3);
  writeS(dv, env, rd, r);
  accrue(dv, env, st.flags);
}

function finishD(dv: DataView, env: number, rd: number, r: number, rs1: number, rs2: number, rs3: number): void {
  if (r !== r) st.flags |= signalingFlagD(dv, env, rs1, rs2, rs3);
  writeD(dv, env, rd, r);
  accrue(dv, env, st.flags);
}

type Arith2 = (ctx: HelperContext, env: number, rd: number, rs1: number, rs2: number, rm: number) => void;
type Arith1 = (ctx: HelperContext, env: number, rd: number, rs1: number, rm: number) => void;
type Arith3 = (ctx: HelperContext, env: number, rd: number, rs1: number, rs2: number, rs3: number, rm: number) => void;

const arith2 = (name: string, fn: Arith2): HelperDef => ({ name, args: ARGS_RRR_RM, ret: null, fn });
const arith1 = (name: string, fn: Arith1): HelperDef => ({ name, args: ARGS_RR_RM, ret: null, fn });
const arith3 = (name: string, fn: Arith3): HelperDef => ({ name, args: ARGS_RRRR_RM, ret: null, fn });

const arithmetic: HelperDef[] = [
  arith2('fadd_s', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishS(dv, env, rd, f32Add(readS(dv, env, rs1), readS(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fsub_s', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishS(dv, env, rd, f32Sub(readS(dv, env, rs1), readS(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fmul_s', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishS(dv, env, rd, f32Mul(readS(dv, env, rs1), readS(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fdiv_s', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishS(dv, env, rd, f32Div(readS(dv, env, rs1), readS(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fadd_d', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishD(dv, env, rd, f64Add(readD(dv, env, rs1), readD(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fsub_d', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishD(dv, env, rd, f64Sub(readD(dv, env, rs1), readD(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fmul_d', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishD(dv, env, rd, f64Mul(readD(dv, env, rs1), readD(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith2('fdiv_d', (ctx, env, rd, rs1, rs2, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishD(dv, env, rd, f64Div(readD(dv, env, rs1), readD(dv, env, rs2), roundingMode(dv, env, rm), st), rs1, rs2, rs2);
  }),
  arith1('fsqrt_s', (ctx, env, rd, rs1, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishS(dv, env, rd, f32Sqrt(readS(dv, env, rs1), roundingMode(dv, env, rm), st), rs1, rs1, rs1);
  }),
  arith1('fsqrt_d', (ctx, env, rd, rs1, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    finishD(dv, env, rd, f64Sqrt(readD(dv, env, rs1), roundingMode(dv, env, rm), st), rs1, rs1, rs1);
  }),
  // The fused forms: fmadd = a*b + c, fmsub = a*b - c, fnmsub = -(a*b) + c, fnmadd = -(a*b) - c.
  arith3('fmadd_s', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f32Fma(readS(dv, env, rs1), readS(dv, env, rs2), readS(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishS(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fmsub_s', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f32Fma(readS(dv, env, rs1), readS(dv, env, rs2), -readS(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishS(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fnmsub_s', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f32Fma(-readS(dv, env, rs1), readS(dv, env, rs2), readS(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishS(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fnmadd_s', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f32Fma(-readS(dv, env, rs1), readS(dv, env, rs2), -readS(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishS(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fmadd_d', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f64Fma(readD(dv, env, rs1), readD(dv, env, rs2), readD(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishD(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fmsub_d', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f64Fma(readD(dv, env, rs1), readD(dv, env, rs2), -readD(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishD(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fnmsub_d', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f64Fma(-readD(dv, env, rs1), readD(dv, env, rs2), readD(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishD(dv, env, rd, r, rs1, rs2, rs3);
  }),
  arith3('fnmadd_d', (ctx, env, rd, rs1, rs2, rs3, rm) => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const r = f64Fma(-readD(dv, env, rs1), readD(dv, env, rs2), -readD(dv, env, rs3), roundingMode(dv, env, rm), st);
    finishD(dv, env, rd, r, rs1, rs2, rs3);
  }),
];

/** fmin/fmax: NV only for signaling NaN inputs; a NaN result is canonical. */
function minMax(name: string, single: boolean, op: (a: number, b: number) => number): HelperDef {
  return {
    name, args: ARGS_RRR, ret: null,
    fn: (ctx: HelperContext, env: number, rd: number, rs1: number, rs2: number): void => {
      const dv = ctx.mem.dv;
      const a = single ? readS(dv, env, rs1) : readD(dv, env, rs1);
      const b = single ? readS(dv, env, rs2) : readD(dv, env, rs2);
      if (a !== a || b !== b) {
        accrue(dv, env, single ? signalingFlagS(dv, env, rs1, rs2, rs1) : signalingFlagD(dv, env, rs1, rs2, rs1));
      }
      if (single) writeS(dv, env, rd, op(a, b));
      else writeD(dv, env, rd, op(a, b));
    },
  };
}

/** The sign bit sign injection takes from rs2's sign bit (given as 0 or SIGN_BIT) and rs1's. */
type SignRule = (sign1: number, sign2: number) => number;
const SGNJ: SignRule = (_s1, s2) => s2;
const SGNJN: SignRule = (_s1, s2) => s2 ^ SIGN_BIT;
const SGNJX: SignRule = (s1, s2) => s1 ^ s2;

function signInjectS(name: string, rule: SignRule): HelperDef {
  return {
    name, args: ARGS_RRR, ret: null,
    fn: (ctx: HelperContext, env: number, rd: number, rs1: number, rs2: number): void => {
      const dv = ctx.mem.dv;
      const a = bitsS(dv, env + fOffset(rs1));
      const b = bitsS(dv, env + fOffset(rs2));
      writeBitsS(dv, env, rd, ((a & MAGNITUDE_MASK) | rule(a & SIGN_BIT, b & SIGN_BIT)) >>> 0);
    },
  };
}

function signInjectD(name: string, rule: SignRule): HelperDef {
  return {
    name, args: ARGS_RRR, ret: null,
    fn: (ctx: HelperContext, env: number, rd: number, rs1: number, rs2: number): void => {
      const dv = ctx.mem.dv;
      const src = env + fOffset(rs1);
      const lo = dv.getUint32(src, true);
      const hi = dv.getUint32(src + HI, true);
      const hi2 = dv.getUint32(env + fOffset(rs2) + HI, true);
      const dst = env + fOffset(rd);
      dv.setUint32(dst, lo, true);
      dv.setUint32(dst + HI, ((hi & MAGNITUDE_MASK) | rule(hi & SIGN_BIT, hi2 & SIGN_BIT)) >>> 0, true);
    },
  };
}

/** Comparison kinds: feq is quiet (NV for signaling NaNs only); flt and fle signal on any NaN. */
type CompareKind = 'eq' | 'lt' | 'le';

function compare(name: string, single: boolean, kind: CompareKind): HelperDef {
  return {
    name, args: ARGS_RR, ret: 'i32',
    fn: (ctx: HelperContext, env: number, rs1: number, rs2: number): number => {
      const dv = ctx.mem.dv;
      const a = single ? readS(dv, env, rs1) : readD(dv, env, rs1);
      const b = single ? readS(dv, env, rs2) : readD(dv, env, rs2);
      if (kind === 'eq') {
        if (a !== a || b !== b) {
          accrue(dv, env, single ? signalingFlagS(dv, env, rs1, rs2, rs1) : signalingFlagD(dv, env, rs1, rs2, rs1));
        }
        return a === b ? 1 : 0;
      }
      st.flags = 0;
      const result = kind === 'lt' ? fpLt(a, b, st) : fpLe(a, b, st);
      accrue(dv, env, st.flags);
      return result ? 1 : 0;
    },
  };
}

/** The fclass mask from a value's sign, whether its exponent is all zeros / all ones, and its fraction. */
function classify(negative: boolean, expZero: boolean, expOnes: boolean, fracZero: boolean, quiet: boolean): number {
  if (expOnes) {
    if (!fracZero) return quiet ? FCLASS.QNAN : FCLASS.SNAN;
    return negative ? FCLASS.NEG_INF : FCLASS.POS_INF;
  }
  if (expZero) {
    if (fracZero) return negative ? FCLASS.NEG_ZERO : FCLASS.POS_ZERO;
    return negative ? FCLASS.NEG_SUBNORMAL : FCLASS.POS_SUBNORMAL;
  }
  return negative ? FCLASS.NEG_NORMAL : FCLASS.POS_NORMAL;
}

const S_QUIET_BIT = 0x00400000;
const D_QUIET_BIT_HI = 0x00080000;

const fclassS: HelperDef = {
  name: 'fclass_s', args: ARGS_R, ret: 'i32',
  fn: (ctx: HelperContext, env: number, rs1: number): number => {
    const bits = bitsS(ctx.mem.dv, env + fOffset(rs1));
    const exp = bits & S_EXP_MASK;
    return classify(bits >>> 31 !== 0, exp === 0, exp === S_EXP_MASK, (bits & S_FRAC_MASK) === 0, (bits & S_QUIET_BIT) !== 0);
  },
};

const fclassD: HelperDef = {
  name: 'fclass_d', args: ARGS_R, ret: 'i32',
  fn: (ctx: HelperContext, env: number, rs1: number): number => {
    const dv = ctx.mem.dv;
    const off = env + fOffset(rs1);
    const hi = dv.getUint32(off + HI, true);
    const fracZero = ((hi & D_FRAC_MASK_HI) | dv.getUint32(off, true)) === 0;
    const exp = hi & D_EXP_MASK_HI;
    return classify(hi >>> 31 !== 0, exp === 0, exp === D_EXP_MASK_HI, fracZero, (hi & D_QUIET_BIT_HI) !== 0);
  },
};

/** Float to integer: x[rd] as an i64 (W/WU results sign-extended from 32 bits). */
type ToInt = (x: number, rm: number, s: FpStatus) => bigint;

function toInteger(name: string, single: boolean, convert: ToInt): HelperDef {
  return {
    name, args: ARGS_RR, ret: 'i64',
    fn: (ctx: HelperContext, env: number, rs1: number, rm: number): bigint => {
      const dv = ctx.mem.dv;
      st.flags = 0;
      const x = single ? readS(dv, env, rs1) : readD(dv, env, rs1);
      const r = convert(x, roundingMode(dv, env, rm), st);
      accrue(dv, env, st.flags);
      return r;
    },
  };
}

const toW: ToInt = (x, rm, s) => BigInt(toInt32(x, rm, s));
const toWU: ToInt = (x, rm, s) => BigInt(toUint32(x, rm, s) | 0);
const toL: ToInt = (x, rm, s) => toInt64(x, rm, s);
const toLU: ToInt = (x, rm, s) => BigInt.asIntN(64, toUint64(x, rm, s));

/** Integer (the full x register as a bigint) to float. */
type FromInt = (v: bigint, rm: number, s: FpStatus) => number;
const INT32_BITS = 32;
const INT64_BITS = 64;

function fromInteger(name: string, single: boolean, convert: FromInt): HelperDef {
  return {
    name, args: ARGS_FROM_INT, ret: null,
    fn: (ctx: HelperContext, env: number, rd: number, value: bigint, rm: number): void => {
      const dv = ctx.mem.dv;
      st.flags = 0;
      const r = convert(value, roundingMode(dv, env, rm), st);
      if (single) writeS(dv, env, rd, r);
      else writeD(dv, env, rd, r);
      accrue(dv, env, st.flags);
    },
  };
}

const fromW = (round: (v: number, rm: number, s: FpStatus) => number): FromInt =>
  (v, rm, s) => round(Number(BigInt.asIntN(INT32_BITS, v)), rm, s);
const fromWU = (round: (v: number, rm: number, s: FpStatus) => number): FromInt =>
  (v, rm, s) => round(Number(BigInt.asUintN(INT32_BITS, v)), rm, s);
const fromL = (round: (v: bigint, rm: number, s: FpStatus) => number): FromInt =>
  (v, rm, s) => round(BigInt.asIntN(INT64_BITS, v), rm, s);
const fromLU = (round: (v: bigint, rm: number, s: FpStatus) => number): FromInt =>
  (v, rm, s) => round(BigInt.asUintN(INT64_BITS, v), rm, s);

const fcvtSD: HelperDef = {
  name: 'fcvt_s_d', args: ARGS_RR_RM, ret: null,
  fn: (ctx: HelperContext, env: number, rd: number, rs1: number, rm: number): void => {
    const dv = ctx.mem.dv;
    st.flags = 0;
    const x = readD(dv, env, rs1);
    const r = x === x ? f64ToF32(x, roundingMode(dv, env, rm), st) : NaN;
    if (r !== r) st.flags |= signalingFlagD(dv, env, rs1, rs1, rs1);
    writeS(dv, env, rd, r);
    accrue(dv, env, st.flags);
  },
};

const fcvtDS: HelperDef = {
  name: 'fcvt_d_s', args: ARGS_RR_RM, ret: null,
  fn: (ctx: HelperContext, env: number, rd: number, rs1: number): void => {
    const dv = ctx.mem.dv;
    const x = readS(dv, env, rs1);
    if (x !== x) accrue(dv, env, signalingFlagS(dv, env, rs1, rs1, rs1));
    writeD(dv, env, rd, x);
  },
};

const helperList: HelperDef[] = [
  ...arithmetic,
  minMax('fmin_s', true, fpMin), minMax('fmax_s', true, fpMax),
  minMax('fmin_d', false, fpMin), minMax('fmax_d', false, fpMax),
  signInjectS('fsgnj_s', SGNJ), signInjectS('fsgnjn_s', SGNJN), signInjectS('fsgnjx_s', SGNJX),
  signInjectD('fsgnj_d', SGNJ), signInjectD('fsgnjn_d', SGNJN), signInjectD('fsgnjx_d', SGNJX),
  compare('feq_s', true, 'eq'), compare('flt_s', true, 'lt'), compare('fle_s', true, 'le'),
  compare('feq_d', false, 'eq'), compare('flt_d', false, 'lt'), compare('fle_d', false, 'le'),
  fclassS, fclassD,
  toInteger('fcvt_w_s', true, toW), toInteger('fcvt_wu_s', true, toWU),
  toInteger('fcvt_l_s', true, toL), toInteger('fcvt_lu_s', true, toLU),
  toInteger('fcvt_w_d', false, toW), toInteger('fcvt_wu_d', false, toWU),
  toInteger('fcvt_l_d', false, toL), toInteger('fcvt_lu_d', false, toLU),
  fromInteger('fcvt_s_w', true, fromW(int32ToF32)), fromInteger('fcvt_s_wu', true, fromWU(int32ToF32)),
  fromInteger('fcvt_s_l', true, fromL(int64ToF32)), fromInteger('fcvt_s_lu', true, fromLU(int64ToF32)),
  fromInteger('fcvt_d_w', false, fromW(int32ToF64)), fromInteger('fcvt_d_wu', false, fromWU(int32ToF64)),
  fromInteger('fcvt_d_l', false, fromL(int64ToF64)), fromInteger('fcvt_d_lu', false, fromLU(int64ToF64)),
  fcvtSD, fcvtDS,
];

/** Which arguments of each helper shape are f register numbers (after env; an rm may be counted too). */
const REGISTER_ARGS = new Map<readonly IrType[], readonly number[]>([
  [ARGS_RRR_RM, [1, 2, 3]], [ARGS_RR_RM, [1, 2]], [ARGS_RRRR_RM, [1, 2, 3, 4]], [ARGS_RRR, [1, 2, 3]],
  [ARGS_RR, [1, 2]], [ARGS_R, [1]], [ARGS_FROM_INT, [1]],
]);
/** fflags and frm, which every F/D helper may read and write. */
const FP_STATUS = [{ start: RV.FFLAGS, end: RV.FRM + 4 }];

/** Every RISC-V F/D helper, keyed by the name the translator calls it by. They touch only the f
 * registers named by their arguments, fflags and frm in env (never an x register) and never fault. */
export const RISCV_FP_HELPERS: Record<string, HelperDef> = Object.fromEntries(
  helperList.map((h) => {
    const regs = REGISTER_ARGS.get(h.args);
    if (!regs) throw new Error(`fpu-helpers: no register arguments known for ${h.name}`);
    return [h.name, { ...h, envEffects: registerArgEffects(regs, RV.F, 8, 32, FP_STATUS) }];
  }),
);
