// AArch64 floating-point element operations on raw bits in guest memory, shared by the
// scalar FP helpers and AdvSIMD: each reads its operands at absolute byte addresses
// (env + vOffset(r) + lane * esize / 8), FPCR from the env block, and ORs the flags it
// raises into FPSR. The Arm ARM's rules are applied here (FPUnpack's flush of input
// denormals, FPProcessNaNs' choice and quieting of NaNs, FPCR.DN, FZ/FZ16 output flush,
// tininess before rounding, MAX/MIN vs MAXNM/MINNM); the arithmetic itself is
// src/softfloat, exact in every rounding mode. NaNs never travel through JS numbers:
// their raw bits are kept aside and written back quieted.
// (fp-operands.ts reads and writes the operands and FPCR/FPSR; fp-estimate.ts has the
// reciprocal estimates.)

import {
  BINARY16, exactAdd, exactDiv, exactFma, exactMul, exactRound, exactSqrt, exactSub, f32Add, f32Div, f32Fma, f32Mul, f32Sqrt,
  f32Sub, f64Add, f64Div, f64Fma, f64Mul, f64Sqrt, f64Sub, f64ToF32, FpFlag, RoundingMode, roundPack, type FloatFormat,
} from '../../softfloat/index.js';
import {
  FPCR, FPSR, FP_ZERO, HI, KIND, LO, NUM, QNAN, SNAN, VAL, begin, expBits, finish, format, fpOp, fracBits, isInf, isNeg, load,
  minNormal, negateSlot, numberToF16, packBits, pickNaN, st, storeBits, storeDefaultNaN, storeNaN, storeNum, storeResult,
} from './fp-operands.js';
import { recpX, recipEstimate, rsqrtEstimate } from './fp-estimate.js';

// The operand address that reads as +0.0, for callers of the comparisons.
export { FP_ZERO } from './fp-operands.js';

export type FpEsize = 16 | 32 | 64;
export type FpBinop = 'add' | 'sub' | 'mul' | 'div' | 'max' | 'min' | 'maxnm' | 'minnm' | 'mulx' | 'abd' | 'recps' | 'rsqrts';
export type FpUnop = 'sqrt' | 'abs' | 'neg' | 'recpe' | 'rsqrte' | 'recpx' | 'frintn' | 'frinta' | 'frintp' | 'frintm' | 'frintz' | 'frintx' | 'frinti';
export type FpRmode = 'n' | 'a' | 'p' | 'm' | 'z' | 'fpcr';

// --- arithmetic by size ----------------------------------------------------------------------

function add(e: FpEsize, a: number, b: number, rm: number): number {
  return e === 64 ? f64Add(a, b, rm, st) : e === 32 ? f32Add(a, b, rm, st) : exactAdd(a, b, rm, BINARY16, st);
}
function sub(e: FpEsize, a: number, b: number, rm: number): number {
  return e === 64 ? f64Sub(a, b, rm, st) : e === 32 ? f32Sub(a, b, rm, st) : exactSub(a, b, rm, BINARY16, st);
}
function mul(e: FpEsize, a: number, b: number, rm: number): number {
  return e === 64 ? f64Mul(a, b, rm, st) : e === 32 ? f32Mul(a, b, rm, st) : exactMul(a, b, rm, BINARY16, st);
}
function div(e: FpEsize, a: number, b: number, rm: number): number {
  return e === 64 ? f64Div(a, b, rm, st) : e === 32 ? f32Div(a, b, rm, st) : exactDiv(a, b, rm, BINARY16, st);
}
function sqrt(e: FpEsize, a: number, rm: number): number {
  return e === 64 ? f64Sqrt(a, rm, st) : e === 32 ? f32Sqrt(a, rm, st) : exactSqrt(a, rm, BINARY16, st);
}
function fma(e: FpEsize, a: number, b: number, c: number, rm: number): number {
  return e === 64 ? f64Fma(a, b, c, rm, st) : e === 32 ? f32Fma(a, b, c, rm, st) : exactFma(a, b, c, rm, BINARY16, st);
}

/** inf * 0 in either order. */
const infTimesZero = (a: number, b: number): boolean => (isInf(a) && b === 0) || (a === 0 && isInf(b));

// --- binary operations -------------------------------------------------------------------------

/** d = n op m for the two-operand element operations (FADD ... FRSQRTS). */
export function fpBinop(dv: DataView, env: number, op: FpBinop, esize: FpEsize, d: number, n: number, m: number): void {
  const rm = begin(dv, env, esize);
  load(dv, esize, n, 0, st.flushToZero);
  load(dv, esize, m, 1, st.flushToZero);
  if (op === 'recps' || op === 'rsqrts') negateSlot(esize, 0);
  if (op === 'maxnm' || op === 'minnm') {
    // FPMaxNum/FPMinNum: a quiet NaN against a non-NaN loses (becomes the opposite infinity).
    const loser = op === 'maxnm' ? -Infinity : Infinity;
    if (KIND[0] === QNAN && KIND[1] === NUM) {
      KIND[0] = NUM;
      VAL[0] = loser;
    } else if (KIND[1] === QNAN && KIND[0] === NUM) {
      KIND[1] = NUM;
      VAL[1] = loser;
    }
  }
  const nan = pickNaN(2);
  if (nan >= 0) {
    storeNaN(dv, esize, d, nan, op === 'abd');
  } else {
    const a = VAL[0];
    const b = VAL[1];
    let r: number;
    switch (op) {
      case 'add': r = add(esize, a, b, rm); break;
      case 'sub': r = sub(esize, a, b, rm); break;
      case 'mul': r = mul(esize, a, b, rm); break;
      case 'div': r = div(esize, a, b, rm); break;
      case 'abd': r = Math.abs(sub(esize, a, b, rm)); break;
      case 'max': case 'maxnm': r = Math.max(a, b); break;
      case 'min': case 'minnm': r = Math.min(a, b); break;
      case 'mulx':
        r = infTimesZero(a, b) ? (isNeg(a) !== isNeg(b) ? -2 : 2) : mul(esize, a, b, rm);
        break;
      case 'recps': // 2 + (-n) * m, fused; inf * 0 gives 2
        r = infTimesZero(a, b) ? 2 : fma(esize, a, b, 2, rm);
        break;
      case 'rsqrts': // (3 + (-n) * m) / 2, fused; inf * 0 gives 1.5
        r = infTimesZero(a, b) ? 1.5 : halvedFma(esize, a, b, rm);
        break;
    }
    storeResult(dv, esize, d, r);
  }
  finish(dv, env);
}

/** (3 + a*b) / 2 with one rounding: 1.5 + (a/2)*b, halving the larger operand (exact unless both are tiny). */
function halvedFma(esize: FpEsize, a: number, b: number, rm: number): number {
  const tiny = 2 ** -500;
  if (a !== 0 && b !== 0 && Math.abs(a) < tiny && Math.abs(b) < tiny) {
    // The product only decides the direction of an inexact 1.5: any tiny product of its sign will do.
    const p = isNeg(a) !== isNeg(b) ? -(2 ** -600) : 2 ** -600;
    return exactFma(p, 2 ** -600, 1.5, rm, format(esize), st);
  }
  return Math.abs(a) >= Math.abs(b) ? fma(esize, a / 2, b, 1.5, rm) : fma(esize, a, b / 2, 1.5, rm);
}

// --- unary operations ----------------------------------------------------------------------------

/** d = op(n) for the one-operand element operations (FSQRT, FABS, FNEG, FRECPE, FRSQRTE, FRINT*). */
export function fpUnop(dv: DataView, env: number, op: FpUnop, esize: FpEsize, d: number, n: number): void {
  if (op === 'abs' || op === 'neg') {
    // Pure sign-bit operations: no flags, NaNs keep their payload and are not quieted.
    signOp(dv, esize, d, n, op === 'abs');
    return;
  }
  const rm = begin(dv, env, esize);
  load(dv, esize, n, 0, st.flushToZero);
  if (KIND[0] !== NUM) {
    pickNaN(1);
    storeNaN(dv, esize, d, 0);
  } else {
    const x = VAL[0];
    switch (op) {
      case 'sqrt': storeResult(dv, esize, d, sqrt(esize, x, rm)); break;
      case 'recpe': recipEstimate(dv, esize, d, x, rm); break;
      case 'rsqrte': rsqrtEstimate(dv, esize, d, x); break;
      case 'recpx': recpX(dv, esize, d); break;
      case 'frintx': storeNum(dv, esize, d, roundToIntegral(x, rm, true)); break;
      case 'frinti': storeNum(dv, esize, d, roundToIntegral(x, rm, false)); break;
      default: storeNum(dv, esize, d, roundToIntegral(x, FRINT_MODE[op], false)); break;
    }
  }
  finish(dv, env);
}

const FRINT_MODE: Readonly<Record<string, number>> = {
  frintn: RoundingMode.RNE,
  frinta: RoundingMode.RMM,
  frintp: RoundingMode.RUP,
  frintm: RoundingMode.RDN,
  frintz: RoundingMode.RTZ,
};

function signOp(dv: DataView, esize: FpEsize, d: number, n: number, abs: boolean): void {
  if (esize === 64) {
    const lo = dv.getUint32(n, true);
    const hi = dv.getUint32(n + 4, true);
    dv.setUint32(d, lo, true);
    dv.setUint32(d + 4, (abs ? hi & 0x7fffffff : hi ^ 0x80000000) >>> 0, true);
  } else if (esize === 32) {
    const bits = dv.getUint32(n, true);
    dv.setUint32(d, (abs ? bits & 0x7fffffff : bits ^ 0x80000000) >>> 0, true);
  } else {
    const bits = dv.getUint16(n, true);
    dv.setUint16(d, abs ? bits & 0x7fff : bits ^ 0x8000, true);
  }
}

/** Set by roundIntegerValue: whether a non-zero fraction was discarded. */
let integralInexact = false;

/** A finite x rounded to an integer value in mode rm (never changes the sign of a zero result's operand). */
function roundIntegerValue(x: number, rm: number): number {
  const t = Math.trunc(x);
  const frac = x - t; // exact
  integralInexact = frac !== 0;
  if (frac === 0) return t;
  const away = x < 0 ? t - 1 : t + 1;
  const f = Math.abs(frac);
  switch (rm) {
    case RoundingMode.RNE: return f > 0.5 || (f === 0.5 && t % 2 !== 0) ? away : t;
    case RoundingMode.RMM: return f >= 0.5 ? away : t;
    case RoundingMode.RDN: return frac < 0 ? t - 1 : t;
    case RoundingMode.RUP: return frac > 0 ? t + 1 : t;
    default: return t;
  }
}

/** FPRoundInt: x (finite or infinite) to an integral value of the same format; IXC when `exact` asks for it. */
function roundToIntegral(x: number, rm: number, raiseInexact: boolean): number {
  if (x === 0 || isInf(x)) return x;
  const r = roundIntegerValue(x, rm);
  if (integralInexact && raiseInexact) st.flags |= FpFlag.NX;
  // A zero result keeps the operand's sign.
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}

// --- fused multiply-add --------------------------------------------------------------------------

/** d = (negProduct ? -(n*m) : n*m) + (negAddend ? -a : a), one rounding (FMADD/FMSUB/FNMADD/FNMSUB, FMLA/FMLS). */
export function fpMulAdd(
  dv: DataView, env: number, esize: FpEsize, d: number, n: number, m: number, a: number, negProduct: boolean, negAddend: boolean,
): void {
  const rm = begin(dv, env, esize);
  // FPMulAdd(addend, op1, op2): NaNs are processed in that order, after the negations.
  load(dv, esize, a, 0, st.flushToZero);
  load(dv, esize, n, 1, st.flushToZero);
  load(dv, esize, m, 2, st.flushToZero);
  if (negAddend) negateSlot(esize, 0);
  if (negProduct) negateSlot(esize, 1);
  const nan = pickNaN(3);
  const x = VAL[1];
  const y = VAL[2];
  if (KIND[0] === QNAN && KIND[1] === NUM && KIND[2] === NUM && infTimesZero(x, y)) {
    // A quiet NaN addend does not hide the invalid inf * 0.
    fpOp.extra |= FPSR.IOC;
    storeDefaultNaN(dv, esize, d);
  } else if (nan >= 0) {
    storeNaN(dv, esize, d, nan);
  } else {
    storeResult(dv, esize, d, fma(esize, x, y, VAL[0], rm));
  }
  finish(dv, env);
}

// --- comparisons ---------------------------------------------------------------------------------

/**
 * Compare for FCMP/FCMPE: returns NZCV in bits 3:0 (unordered = 0b0011); signaling raises
 * IOC for any NaN, quiet only for sNaN. m = FP_ZERO compares with +0.0.
 */
export function fpCompare(dv: DataView, env: number, esize: FpEsize, n: number, m: number, signaling: boolean): number {
  begin(dv, env, esize);
  load(dv, esize, n, 0, st.flushToZero);
  load(dv, esize, m, 1, st.flushToZero);
  let r: number;
  if (KIND[0] !== NUM || KIND[1] !== NUM) {
    if (signaling || KIND[0] === SNAN || KIND[1] === SNAN) fpOp.extra |= FPSR.IOC;
    r = 0b0011;
  } else {
    const a = VAL[0];
    const b = VAL[1];
    r = a === b ? 0b0110 : a < b ? 0b1000 : 0b0010;
  }
  finish(dv, env);
  return r;
}

/**
 * Vector compares FCMEQ/FCMGE/FCMGT (and absolute FACGE/FACGT): true/false. m = FP_ZERO
 * compares with +0.0 (FCMLE/FCMLT #0 are GE/GT with the operands swapped: pass n = FP_ZERO).
 */
export function fpCompareOp(
  dv: DataView, env: number, op: 'eq' | 'ge' | 'gt' | 'absge' | 'absgt', esize: FpEsize, n: number, m: number,
): boolean {
  begin(dv, env, esize);
  load(dv, esize, n, 0, st.flushToZero);
  load(dv, esize, m, 1, st.flushToZero);
  let r = false;
  if (KIND[0] !== NUM || KIND[1] !== NUM) {
    if (op !== 'eq' || KIND[0] === SNAN || KIND[1] === SNAN) fpOp.extra |= FPSR.IOC;
  } else {
    let a = VAL[0];
    let b = VAL[1];
    if (op === 'absge' || op === 'absgt') {
      a = Math.abs(a);
      b = Math.abs(b);
    }
    r = op === 'eq' ? a === b : op === 'ge' || op === 'absge' ? a >= b : a > b;
  }
  finish(dv, env);
  return r;
}

// --- conversions -----------------------------------------------------------------------------------

const RMODE_FROM_NAME: Readonly<Record<Exclude<FpRmode, 'fpcr'>, number>> = {
  n: RoundingMode.RNE,
  a: RoundingMode.RMM,
  p: RoundingMode.RUP,
  m: RoundingMode.RDN,
  z: RoundingMode.RTZ,
};

/**
 * Float → int (FCVT[NAPMZ][SU], FCVTZ with fracBits for fixed point); rmode 'fpcr' means
 * FPCR's mode; saturating, NaN → 0, IOC on invalid, IXC on inexact. Returns the integer
 * as bigint (its mathematical value: negative for negative signed results).
 */
export function fpToInt(
  dv: DataView, env: number, esize: FpEsize, n: number, signed: boolean, intBits: 32 | 64, rmode: FpRmode, fracBits: number,
): bigint {
  const fpcrMode = begin(dv, env, esize);
  const rm = rmode === 'fpcr' ? fpcrMode : RMODE_FROM_NAME[rmode];
  load(dv, esize, n, 0, st.flushToZero);
  let result: bigint;
  if (KIND[0] !== NUM) {
    fpOp.extra |= FPSR.IOC;
    result = 0n;
  } else {
    const x = VAL[0] * 2 ** fracBits; // exact (or infinite, which saturates anyway)
    const r = isInf(x) ? x : roundIntegerValue(x, rm);
    const inexact = !isInf(x) && integralInexact;
    const limit = 2 ** (signed ? intBits - 1 : intBits);
    if (r >= limit) {
      fpOp.extra |= FPSR.IOC;
      result = (1n << BigInt(signed ? intBits - 1 : intBits)) - 1n;
    } else if (r < (signed ? -limit : 0)) {
      fpOp.extra |= FPSR.IOC;
      result = signed ? -(1n << BigInt(intBits - 1)) : 0n;
    } else {
      if (inexact) fpOp.extra |= FPSR.IXC;
      result = BigInt(r);
    }
  }
  finish(dv, env);
  return result;
}

/** Int → float (SCVTF/UCVTF, fixed point with fracBits), rounding per FPCR; writes esize bits at d. */
export function fpFromInt(
  dv: DataView, env: number, esize: FpEsize, d: number, value: bigint, signed: boolean, intBits: 32 | 64, fracBits: number,
): void {
  const rm = begin(dv, env, esize);
  const v = signed ? BigInt.asIntN(intBits, value) : BigInt.asUintN(intBits, value);
  let r: number;
  const small = Number(v);
  if (v === 0n) {
    r = 0;
  } else if (Number.isSafeInteger(small)) {
    const x = small * 2 ** -fracBits; // exact: |x| >= 2^-64
    r = esize === 64 ? x : esize === 32 ? f64ToF32(x, rm, st) : exactRound(x, rm, BINARY16, st);
  } else {
    const neg = v < 0n;
    r = roundPack(neg, neg ? -v : v, -fracBits, false, rm, format(esize), st);
  }
  storeNum(dv, esize, d, r);
  finish(dv, env);
}

/** Alternative half precision (FPCR.AHP): binary16's layout without infinities or NaNs; exponent 31 is a normal one. */
const AHP_MAX_EXP = 17;
/** Rounding for AHP results: binary16's precision and emin, an exponent range wide enough never to overflow. */
const AHP_ROUNDING: FloatFormat = { ...BINARY16, emax: AHP_MAX_EXP + 1, maxFinite: 2 ** (AHP_MAX_EXP + 2) * (1 - 2 ** -11) };

/**
 * FCVT, FCVTL, FCVTN and FCVTXN between precisions (16/32/64), rounding per FPCR or, for
 * `roundToOdd` (FCVTXN), towards zero with the lowest bit set when inexact. Half precision
 * follows FPCR.AHP. NaNs keep sign and payload's top bits, quieted.
 */
export function fpConvert(dv: DataView, env: number, from: FpEsize, to: FpEsize, d: number, n: number, roundToOdd = false): void {
  let rm = begin(dv, env, to);
  if (roundToOdd) rm = RoundingMode.RTZ;
  const ahp = (fpOp.fpcr & FPCR.AHP) !== 0;
  // FPConvert ignores FZ16 on both sides; FZ applies to single and double.
  st.flushToZero = to !== 16 && (fpOp.fpcr & FPCR.FZ) !== 0;
  if (from === 16 && ahp) loadAhp(dv, n);
  else load(dv, from, n, 0, from !== 16 && (fpOp.fpcr & FPCR.FZ) !== 0);
  if (to === 16 && ahp) {
    storeAhp(dv, from, d, rm);
  } else if (KIND[0] !== NUM) {
    pickNaN(1);
    if (fpOp.fpcr & FPCR.DN) storeDefaultNaN(dv, to, d);
    else convertNaN(dv, from, to, d);
  } else {
    const x = VAL[0];
    let r: number;
    if (to >= from) r = x;
    else if (to === 32) r = f64ToF32(x, rm, st);
    else r = exactRound(x, rm, BINARY16, st);
    const flushed = st.flushToZero && r !== 0 && Math.abs(r) < minNormal(to);
    storeNum(dv, to, d, r);
    // Round to odd (FCVTXN, single results only): an inexact result that was not flushed gets its lowest bit set.
    if (roundToOdd && st.flags & FpFlag.NX && !flushed) dv.setUint32(d, dv.getUint32(d, true) | 1, true);
  }
  finish(dv, env);
}

/** An AHP half-precision operand into slot 0: always a number. */
function loadAhp(dv: DataView, addr: number): void {
  const bits = dv.getUint16(addr, true);
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  const v = exp === 0 ? frac * 2 ** -24 : (frac + 0x400) * 2 ** (exp - 25);
  KIND[0] = NUM;
  LO[0] = bits;
  VAL[0] = bits & 0x8000 ? -v : v;
}

/** Slot 0 as an AHP half: NaN gives zero and infinity or overflow the largest value, each raising IOC (and nothing else). */
function storeAhp(dv: DataView, from: FpEsize, d: number, rm: number): void {
  const rawSign = from === 64 ? HI[0] >>> 31 : from === 32 ? LO[0] >>> 31 : (LO[0] >>> 15) & 1;
  const negative = KIND[0] === NUM ? VAL[0] < 0 || Object.is(VAL[0], -0) : rawSign !== 0;
  const sign = negative ? 0x8000 : 0;
  if (KIND[0] !== NUM) {
    fpOp.extra |= FPSR.IOC;
    dv.setUint16(d, sign, true);
    return;
  }
  const before = st.flags;
  const r = Number.isFinite(VAL[0]) ? exactRound(VAL[0], rm, AHP_ROUNDING, st) : VAL[0];
  if (Math.abs(r) >= 2 ** AHP_MAX_EXP) {
    st.flags = before;
    fpOp.extra |= FPSR.IOC;
    dv.setUint16(d, sign | 0x7fff, true);
    return;
  }
  dv.setUint16(d, numberToF16(r), true);
}

/** FPConvertNaN of slot 0: the sign, the quiet bit set, the fraction's top bits carried over. */
function convertNaN(dv: DataView, from: FpEsize, to: FpEsize, d: number): void {
  // The fraction below the quiet bit as a 51-bit left-aligned bigint.
  let sign: boolean;
  let payload: bigint;
  if (from === 64) {
    sign = HI[0] >>> 31 !== 0;
    payload = ((BigInt(HI[0] & 0x7ffff) << 32n) | BigInt(LO[0]));
  } else if (from === 32) {
    sign = LO[0] >>> 31 !== 0;
    payload = BigInt(LO[0] & 0x3fffff) << 29n;
  } else {
    sign = (LO[0] & 0x8000) !== 0;
    payload = BigInt(LO[0] & 0x1ff) << 42n;
  }
  const fb = fracBits(to);
  const frac = (1n << BigInt(fb - 1)) | (payload >> BigInt(51 - (fb - 1)));
  storeBits(dv, to, d, packBits(to, sign, (1 << expBits(to)) - 1, frac));
}
