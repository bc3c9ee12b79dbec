// Bit-level helpers over JS numbers shared by the fast paths and the exact path:
// stepping to the neighbouring binary64/binary32 value, the parity of a significand,
// exact powers of two, and directed rounding of an already-nearest result.

import { RoundingMode } from './status.js';

const scratch = new DataView(new ArrayBuffer(8));

/** binary64 layout. */
const F64_EXP_SHIFT = 20; // within the high word
const F64_EXP_MASK = 0x7ff;
const F64_FRAC_HI_MASK = 0xfffff;
const F64_BIAS_LSB = 1075; // exponent bias (1023) + fraction bits (52)
const F64_HIDDEN = 2 ** 52;
const TWO_POW_32 = 2 ** 32;
const U32_MAX = 0xffffffff;

/**
 * The binary64 neighbour of a finite non-zero x: the next value above it when `up`,
 * else the next below. Crossing zero is never needed by callers; crossing to
 * infinity yields infinity.
 */
export function stepF64(x: number, up: boolean): number {
  scratch.setFloat64(0, x);
  let hi = scratch.getUint32(0);
  let lo = scratch.getUint32(4);
  if (x > 0 === up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  scratch.setUint32(0, hi);
  scratch.setUint32(4, lo);
  return scratch.getFloat64(0);
}

/** The binary32 neighbour of a finite non-zero binary32 value x (see stepF64). */
export function stepF32(x: number, up: boolean): number {
  scratch.setFloat32(0, x);
  const bits = scratch.getUint32(0);
  scratch.setUint32(0, x > 0 === up ? bits + 1 : bits - 1);
  return scratch.getFloat32(0);
}

/** Whether the last significand bit of a finite binary64 x is 1. */
export function isOddF64(x: number): boolean {
  scratch.setFloat64(0, x);
  return (scratch.getUint32(4) & 1) !== 0;
}

/**
 * Round-to-odd of an exact sum x + y, given x = RN(x + y) and its exact error y
 * (from TwoSum): x itself when exact or already odd, else its neighbour toward y.
 * Rounding the result once more to a precision at least two bits narrower gives the
 * correctly rounded exact sum (Boldo and Melquiond).
 */
export function roundToOddF64(x: number, y: number): number {
  if (y === 0 || isOddF64(x)) return x;
  return stepF64(x, y > 0);
}

/**
 * Turns a round-to-nearest binary64 result into the result of a directed mode. `r`
 * is the nearest value to the exact result, which is strictly above r when
 * `exactAbove` and strictly below otherwise (so the result was inexact). RNE and RMM
 * return r unchanged (callers deal with RMM ties themselves); the directed modes
 * step to the neighbour on the exact side when r lies on the wrong side.
 */
export function directedF64(r: number, exactAbove: boolean, rm: number): number {
  return needsStep(r, exactAbove, rm) ? stepF64(r, exactAbove) : r;
}

/** directedF64 for binary32 values. */
export function directedF32(r: number, exactAbove: boolean, rm: number): number {
  return needsStep(r, exactAbove, rm) ? stepF32(r, exactAbove) : r;
}

/** Whether the directed mode rm rounds to r's neighbour on the exact side rather than r. */
function needsStep(r: number, exactAbove: boolean, rm: number): boolean {
  switch (rm) {
    case RoundingMode.RTZ: return r > 0 !== exactAbove;
    case RoundingMode.RDN: return !exactAbove;
    case RoundingMode.RUP: return exactAbove;
    default: return false;
  }
}

/** Lowest and highest exponents of the power-of-two table. */
const POW2_MIN = -1074;
const POW2_MAX = 1023;
const POW2 = buildPow2();
function buildPow2(): Float64Array {
  const t = new Float64Array(POW2_MAX - POW2_MIN + 1);
  let v = 1;
  for (let e = 0; e <= POW2_MAX; e++, v *= 2) t[e - POW2_MIN] = v;
  v = 1;
  for (let e = 0; e >= POW2_MIN; e--, v /= 2) t[e - POW2_MIN] = v;
  return t;
}

/** 2^e exactly, for -1074 <= e <= 1023. */
export function pow2(e: number): number {
  if (e < POW2_MIN || e > POW2_MAX) throw new RangeError(`pow2(${e}) is not a finite binary64`);
  return POW2[e - POW2_MIN];
}

/** A finite non-zero number as sign, integer significand and exponent: |x| = sig * 2^exp. */
export interface Unpacked {
  negative: boolean;
  sig: bigint;
  exp: number;
}

/** Splits a finite non-zero x exactly (every binary32 value is a binary64 value too). */
export function unpack(x: number): Unpacked {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = (hi >>> F64_EXP_SHIFT) & F64_EXP_MASK;
  const frac = (hi & F64_FRAC_HI_MASK) * TWO_POW_32 + lo;
  const negative = hi > U32_MAX >>> 1;
  if (biased === 0) return { negative, sig: BigInt(frac), exp: 1 - F64_BIAS_LSB };
  return { negative, sig: BigInt(frac + F64_HIDDEN), exp: biased - F64_BIAS_LSB };
}

/** Whether x is -0 (or any negative number). */
export function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}
