// Conversions between floating-point values and integers with RISC-V semantics.
// To integer: round per rm; NaN and values out of range after rounding raise NV and
// saturate (NaN and +overflow give the maximum, -overflow the minimum); in-range
// inexact results raise NX. From integer: exact when the value fits the precision,
// otherwise rounded once. 64-bit integers travel as bigint.

import { BINARY32, BINARY64, FpFlag, type FpStatus, RoundingMode } from './status.js';
import { exactFromBigInt } from './exact.js';
import { f64ToF32 } from './f32.js';

const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);
const UINT32_MAX = 2 ** 32 - 1;
const TWO_POW_63 = 2 ** 63;
const TWO_POW_64 = 2 ** 64;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;
/** Integers below this magnitude are exact in binary64 (and Number(v) below it was not rounded). */
const F64_EXACT_INT = 2 ** 53;
const HALF = 0.5;

/** Set by roundToIntegral: whether the fraction discarded was non-zero. */
let integralInexact = false;

/** A finite x rounded to an integer-valued double in mode rm (exact arithmetic). */
function roundToIntegral(x: number, rm: number): number {
  const t = Math.trunc(x);
  const frac = x - t; // exact, with the sign of x
  integralInexact = frac !== 0;
  if (frac === 0) return t;
  const away = x < 0 ? t - 1 : t + 1;
  switch (rm) {
    case RoundingMode.RNE: {
      const f = Math.abs(frac);
      return f > HALF || (f === HALF && t % 2 !== 0) ? away : t;
    }
    case RoundingMode.RMM:
      return Math.abs(frac) >= HALF ? away : t;
    case RoundingMode.RDN:
      return frac < 0 ? t - 1 : t;
    case RoundingMode.RUP:
      return frac > 0 ? t + 1 : t;
    default:
      return t;
  }
}

/**
 * x rounded to an integer in [min, max]; NaN and out-of-range values raise NV and
 * saturate (NaN to max). Returns a double holding the integer (never -0).
 */
function toIntegerIn(x: number, rm: number, min: number, max: number, st: FpStatus): number {
  if (x !== x) {
    st.flags |= FpFlag.NV;
    return max;
  }
  const r = x === Infinity || x === -Infinity ? x : roundToIntegral(x, rm);
  if (r > max) {
    st.flags |= FpFlag.NV;
    return max;
  }
  if (r < min) {
    st.flags |= FpFlag.NV;
    return min;
  }
  if (integralInexact) st.flags |= FpFlag.NX;
  return r + 0;
}

/** To a signed 32-bit integer (a number in [-2^31, 2^31)). */
export function toInt32(x: number, rm: number, st: FpStatus): number {
  return toIntegerIn(x, rm, INT32_MIN, INT32_MAX, st);
}

/** To an unsigned 32-bit integer (a number in [0, 2^32)). */
export function toUint32(x: number, rm: number, st: FpStatus): number {
  return toIntegerIn(x, rm, 0, UINT32_MAX, st);
}

/** To a signed 64-bit integer. */
export function toInt64(x: number, rm: number, st: FpStatus): bigint {
  if (x !== x) {
    st.flags |= FpFlag.NV;
    return INT64_MAX;
  }
  const r = x === Infinity || x === -Infinity ? x : roundToIntegral(x, rm);
  if (r >= TWO_POW_63) {
    st.flags |= FpFlag.NV;
    return INT64_MAX;
  }
  if (r < -TWO_POW_63) {
    st.flags |= FpFlag.NV;
    return INT64_MIN;
  }
  if (integralInexact) st.flags |= FpFlag.NX;
  return BigInt(r);
}

/** To an unsigned 64-bit integer (a bigint in [0, 2^64)). */
export function toUint64(x: number, rm: number, st: FpStatus): bigint {
  if (x !== x) {
    st.flags |= FpFlag.NV;
    return UINT64_MAX;
  }
  const r = x === Infinity || x === -Infinity ? x : roundToIntegral(x, rm);
  if (r >= TWO_POW_64) {
    st.flags |= FpFlag.NV;
    return UINT64_MAX;
  }
  if (r < 0) {
    st.flags |= FpFlag.NV;
    return 0n;
  }
  if (integralInexact) st.flags |= FpFlag.NX;
  return BigInt(r);
}

/** A 32-bit integer (signed or unsigned, as a number) to binary64: always exact. */
export function int32ToF64(v: number): number {
  return v;
}

/** A 32-bit integer (signed or unsigned, as a number) to binary32. */
export function int32ToF32(v: number, rm: number, st: FpStatus): number {
  return f64ToF32(v, rm, st);
}

/** A 64-bit integer (bigint, signed or unsigned range) to binary64. */
export function int64ToF64(v: bigint, rm: number, st: FpStatus): number {
  const n = Number(v);
  if (Math.abs(n) < F64_EXACT_INT) return n;
  return exactFromBigInt(v, rm, BINARY64, st);
}

/** A 64-bit integer (bigint, signed or unsigned range) to binary32. */
export function int64ToF32(v: bigint, rm: number, st: FpStatus): number {
  const n = Number(v);
  if (Math.abs(n) < F64_EXACT_INT) return f64ToF32(n, rm, st);
  return exactFromBigInt(v, rm, BINARY32, st);
}
