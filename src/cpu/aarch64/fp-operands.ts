// The operands and state of an AArch64 floating-point element operation (fp-ops.ts): FPCR
// and FPSR (read at the start, flags ORed in at the end), operands read from raw bits in
// guest memory with FPUnpack's input flush and their NaNs kept aside as raw bits, results
// written back with FPCR.DN, output flush and NaN quieting, and the formats' bit layout.

import { BINARY16, BINARY32, BINARY64, FpFlag, FpStatus, RoundingMode, type FloatFormat } from '../../softfloat/index.js';
import { A64 } from './state.js';
import type { FpEsize } from './fp-ops.js';

// --- FPCR / FPSR -------------------------------------------------------------------------

/** FPCR fields. */
export const FPCR = {
  RMODE_SHIFT: 22,
  FZ16: 1 << 19,
  FZ: 1 << 24,
  DN: 1 << 25,
  AHP: 1 << 26,
} as const;

/** FPSR cumulative exception bits. */
export const FPSR = {
  IOC: 1 << 0,
  DZC: 1 << 1,
  OFC: 1 << 2,
  UFC: 1 << 3,
  IXC: 1 << 4,
  IDC: 1 << 7,
} as const;

/** FPCR.RMode (RN, RP, RM, RZ) as softfloat rounding modes. */
export const RMODE_FROM_FPCR: readonly number[] = [RoundingMode.RNE, RoundingMode.RUP, RoundingMode.RDN, RoundingMode.RTZ];

/** softfloat's flag bits (NX UF OF DZ NV) as FPSR bits (IXC UFC OFC DZC IOC): a 5-bit reversal. */
export const FPSR_FROM_FLAGS = buildFlagMap();
export function buildFlagMap(): Uint8Array {
  const t = new Uint8Array(32);
  for (let f = 0; f < 32; f++) {
    let v = 0;
    if (f & FpFlag.NV) v |= FPSR.IOC;
    if (f & FpFlag.DZ) v |= FPSR.DZC;
    if (f & FpFlag.OF) v |= FPSR.OFC;
    if (f & FpFlag.UF) v |= FPSR.UFC;
    if (f & FpFlag.NX) v |= FPSR.IXC;
    t[f] = v;
  }
  return t;
}

/** One status for every call: operations run to completion, one at a time per thread. */
export const st = new FpStatus();
st.tininessBeforeRounding = true;
/**
 * The operation in progress: its FPCR, and the FPSR bits it raised outside softfloat (IOC
 * for NaN operands, IDC).
 */
export const fpOp = { fpcr: 0, extra: 0 };

/** Starts an operation whose result has `esize` bits: reads FPCR, clears flags, returns the rounding mode. */
export function begin(dv: DataView, env: number, esize: FpEsize): number {
  fpOp.fpcr = dv.getUint32(env + A64.FPCR, true);
  st.flags = 0;
  fpOp.extra = 0;
  st.flushToZero = flushes(esize);
  return RMODE_FROM_FPCR[(fpOp.fpcr >>> FPCR.RMODE_SHIFT) & 3];
}

/** Whether FPCR flushes denormals of this size (FZ16 for half precision, FZ otherwise). */
export function flushes(esize: FpEsize): boolean {
  return (fpOp.fpcr & (esize === 16 ? FPCR.FZ16 : FPCR.FZ)) !== 0;
}

/** ORs the operation's flags into FPSR. */
export function finish(dv: DataView, env: number): void {
  const f = FPSR_FROM_FLAGS[st.flags & 31] | fpOp.extra;
  if (f === 0) return;
  const old = dv.getUint32(env + A64.FPSR, true);
  if ((old | f) !== old) dv.setUint32(env + A64.FPSR, old | f, true);
}

// --- operands ------------------------------------------------------------------------------

export const NUM = 0;
export const QNAN = 1;
export const SNAN = 2;

/** Operand slots: kind, value (for numbers) and raw bits (LO, and HI for doubles). */
export const KIND = new Uint8Array(3);
export const VAL = new Float64Array(3);
export const LO = new Uint32Array(3);
export const HI = new Uint32Array(3);

export const scratch = new DataView(new ArrayBuffer(8));

/** A binary16 encoding as a number (exact). */
export function f16ToNumber(bits: number): number {
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  let v: number;
  if (exp === 0) v = frac * 2 ** -24;
  else if (exp === 0x1f) v = frac === 0 ? Infinity : NaN;
  else v = (frac + 0x400) * 2 ** (exp - 25);
  return bits & 0x8000 ? -v : v;
}

/** The binary16 encoding of a non-NaN number representable in binary16. */
export function numberToF16(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const m = Math.abs(x);
  if (m === 0) return sign;
  if (m === Infinity) return sign | 0x7c00;
  if (m < 2 ** -14) return sign | (m * 2 ** 24);
  scratch.setFloat64(0, m);
  const e = ((scratch.getUint32(0) >>> 20) & 0x7ff) - 1023;
  return sign | ((e + 15) << 10) | ((m * 2 ** (10 - e)) - 0x400);
}

/**
 * An operand address that stands for +0.0, for the compares with zero (FCMP #0.0,
 * FCMEQ/FCMGE/FCMGT/FCMLE/FCMLT #0.0): pass it as `m` to fpCompare or fpCompareOp.
 */
export const FP_ZERO = -1;

/** Loads the operand at addr (or +0.0 for FP_ZERO) into `slot`; flushes a denormal to zero (raising IDC) when `flush`. */
export function load(dv: DataView, esize: FpEsize, addr: number, slot: number, flush: boolean): void {
  if (addr === FP_ZERO) {
    KIND[slot] = NUM;
    VAL[slot] = 0;
    LO[slot] = 0;
    HI[slot] = 0;
    return;
  }
  // The encoding's class: a NaN (quiet or signalling), a subnormal, its sign.
  let nan: boolean, quiet: boolean, subnormal: boolean, negative: boolean;
  if (esize === 64) {
    const lo = dv.getUint32(addr, true);
    const hi = dv.getUint32(addr + 4, true);
    LO[slot] = lo;
    HI[slot] = hi;
    const exp = (hi >>> 20) & 0x7ff;
    const fracNz = (hi & 0xfffff) !== 0 || lo !== 0;
    nan = exp === 0x7ff && fracNz;
    quiet = (hi & 0x80000) !== 0;
    subnormal = exp === 0 && fracNz;
    negative = hi >>> 31 !== 0;
  } else {
    const bits = esize === 32 ? dv.getUint32(addr, true) : dv.getUint16(addr, true);
    LO[slot] = bits;
    const fracBits = esize === 32 ? 23 : 10;
    const expMax = esize === 32 ? 0xff : 0x1f;
    const exp = (bits >>> fracBits) & expMax;
    const frac = bits & ((1 << fracBits) - 1);
    nan = exp === expMax && frac !== 0;
    quiet = (frac >>> (fracBits - 1)) !== 0;
    subnormal = exp === 0 && frac !== 0;
    negative = bits >>> (esize - 1) !== 0;
  }
  if (nan) {
    KIND[slot] = quiet ? QNAN : SNAN;
    return;
  }
  KIND[slot] = NUM;
  if (subnormal && flush) {
    // FZ16 flushes half-precision inputs silently (FPUnpack raises no IDC for them).
    if (esize !== 16) fpOp.extra |= FPSR.IDC;
    VAL[slot] = negative ? -0 : 0;
  } else {
    VAL[slot] = esize === 64 ? dv.getFloat64(addr, true) : esize === 32 ? dv.getFloat32(addr, true) : f16ToNumber(LO[slot]);
  }
}

/** FPNeg on a loaded operand (value and raw sign; NaNs keep their payload). */
export function negateSlot(esize: FpEsize, slot: number): void {
  VAL[slot] = -VAL[slot];
  if (esize === 64) HI[slot] = (HI[slot] ^ 0x80000000) >>> 0;
  else LO[slot] = (LO[slot] ^ (esize === 32 ? 0x80000000 : 0x8000)) >>> 0;
}

/** FPProcessNaNs over slots 0..count-1: the first signaling NaN (raising IOC), else the first quiet one; -1 if none. */
export function pickNaN(count: number): number {
  for (let i = 0; i < count; i++) {
    if (KIND[i] === SNAN) {
      fpOp.extra |= FPSR.IOC;
      return i;
    }
  }
  for (let i = 0; i < count; i++) if (KIND[i] === QNAN) return i;
  return -1;
}

export function minNormal(esize: FpEsize): number {
  return esize === 64 ? BINARY64.minNormal : esize === 32 ? BINARY32.minNormal : BINARY16.minNormal;
}

export function format(esize: FpEsize): FloatFormat {
  return esize === 64 ? BINARY64 : esize === 32 ? BINARY32 : BINARY16;
}

/**
 * Writes a numeric result (representable in esize bits). A subnormal result that a
 * softfloat fast path computed exactly is flushed here when FZ/FZ16 applies.
 */
export function storeNum(dv: DataView, esize: FpEsize, addr: number, x: number): void {
  if (st.flushToZero && x !== 0 && Math.abs(x) < minNormal(esize)) {
    st.flags |= FpFlag.UF;
    x = x < 0 ? -0 : 0;
  }
  if (esize === 64) dv.setFloat64(addr, x, true);
  else if (esize === 32) dv.setFloat32(addr, x, true);
  else dv.setUint16(addr, numberToF16(x), true);
}

export function storeDefaultNaN(dv: DataView, esize: FpEsize, addr: number): void {
  if (esize === 64) {
    dv.setUint32(addr, 0, true);
    dv.setUint32(addr + 4, 0x7ff80000, true);
  } else if (esize === 32) {
    dv.setUint32(addr, 0x7fc00000, true);
  } else {
    dv.setUint16(addr, 0x7e00, true);
  }
}

/** Writes the NaN of `slot` quieted, or the default NaN when FPCR.DN. */
export function storeNaN(dv: DataView, esize: FpEsize, addr: number, slot: number, clearSign = false): void {
  if (fpOp.fpcr & FPCR.DN) {
    storeDefaultNaN(dv, esize, addr);
  } else if (esize === 64) {
    dv.setUint32(addr, LO[slot], true);
    dv.setUint32(addr + 4, (HI[slot] | 0x80000) & (clearSign ? 0x7fffffff : 0xffffffff), true);
  } else if (esize === 32) {
    dv.setUint32(addr, ((LO[slot] | 0x400000) & (clearSign ? 0x7fffffff : 0xffffffff)) >>> 0, true);
  } else {
    dv.setUint16(addr, (LO[slot] | 0x200) & (clearSign ? 0x7fff : 0xffff), true);
  }
}

/** A softfloat result: NaN means an invalid operation (the default NaN, IOC already raised). */
export function storeResult(dv: DataView, esize: FpEsize, addr: number, x: number): void {
  if (x !== x) storeDefaultNaN(dv, esize, addr);
  else storeNum(dv, esize, addr, x);
}

// --- bit layout ------------------------------------------------------------------------------

/** Exponent field width and bias, fraction bits, by size. */
export function expBits(esize: FpEsize): number {
  return esize === 64 ? 11 : esize === 32 ? 8 : 5;
}
export function fracBits(esize: FpEsize): number {
  return esize === 64 ? 52 : esize === 32 ? 23 : 10;
}

/** The encoding (as bigint) of sign, biased exponent and fraction fields. */
export function packBits(esize: FpEsize, sign: boolean, exp: number, frac: bigint): bigint {
  const fb = BigInt(fracBits(esize));
  return ((sign ? 1n : 0n) << BigInt(esize - 1)) | (BigInt(exp) << fb) | frac;
}

export function storeBits(dv: DataView, esize: FpEsize, addr: number, bits: bigint): void {
  if (esize === 64) dv.setBigUint64(addr, bits, true);
  else if (esize === 32) dv.setUint32(addr, Number(bits), true);
  else dv.setUint16(addr, Number(bits), true);
}

export const isInf = (x: number): boolean => x === Infinity || x === -Infinity;
export const isNeg = (x: number): boolean => x < 0 || Object.is(x, -0);
