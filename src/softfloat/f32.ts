// binary32 arithmetic, exact in every rounding mode with IEEE flags. Operands are JS
// numbers holding binary32 values. Fast paths compute in binary64, where products of
// two binary32 values are exact and sums, quotients and roots rounded to double and
// then to single are correctly rounded (53 >= 2*24 + 2); exact remainders in double
// tell inexactness and direction. Fused multiply-add rounds the double sum to odd
// first so that the second rounding is innocuous. Doubtful cases (NaN, infinities,
// overflow, results near the subnormal range, RMM ties, zero signs in RDN) take the
// exact path.

import { BINARY32, FpFlag, type FpStatus, RoundingMode } from './status.js';
import { directedF32, roundToOddF64 } from './bits.js';
import { exactAdd, exactDiv, exactFma, exactMul, exactRound, exactSqrt } from './exact.js';

const MIN_NORMAL = BINARY32.minNormal;

/**
 * Finishes an inexact fast-path result r (the nearest binary32; the exact value is
 * above it when `exactAbove`). NaN asks the caller to take the exact path: RMM (a
 * possible tie), a result that may be tiny (|r| <= 2^-126), or overflow.
 */
function finishInexact(r: number, exactAbove: boolean, rm: number, st: FpStatus): number {
  const m = Math.abs(r);
  if (!(m > MIN_NORMAL) || m === Infinity) return NaN;
  if (rm === RoundingMode.RNE) {
    st.flags |= FpFlag.NX;
    return r;
  }
  if (rm === RoundingMode.RMM) return NaN;
  const v = directedF32(r, exactAbove, rm);
  if (v === Infinity || v === -Infinity) return NaN;
  st.flags |= FpFlag.NX;
  return v;
}

export function f32Add(a: number, b: number, rm: number, st: FpStatus): number {
  const s = a + b;
  const bv = s - a;
  const err = (a - (s - bv)) + (b - bv);
  if (err - err === 0) {
    const r = Math.fround(s);
    if (r === s && err === 0) {
      if (s !== 0 || rm !== RoundingMode.RDN) return s;
    } else {
      // If the double sum was itself inexact and already a single, err gives the side.
      const v = finishInexact(r, r === s ? err > 0 : s > r, rm, st);
      if (v === v) return v;
    }
  }
  return exactAdd(a, b, rm, BINARY32, st);
}

export function f32Sub(a: number, b: number, rm: number, st: FpStatus): number {
  return f32Add(a, -b, rm, st);
}

export function f32Mul(a: number, b: number, rm: number, st: FpStatus): number {
  const p = a * b; // exact in binary64
  const r = Math.fround(p);
  if (r === p) return p;
  if (p === p) {
    const v = finishInexact(r, p > r, rm, st);
    if (v === v) return v;
  }
  return exactMul(a, b, rm, BINARY32, st);
}

export function f32Div(a: number, b: number, rm: number, st: FpStatus): number {
  const r = Math.fround(a / b);
  // r * b is exact in binary64 and close to a, so the remainder is exact too.
  const rem = a - r * b;
  if (rem === 0) return r;
  if (rem - rem === 0) {
    // A quotient is never halfway between two singles: RMM rounds as RNE.
    const v = finishInexact(r, rem > 0 === b > 0, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, st);
    if (v === v) return v;
  }
  return exactDiv(a, b, rm, BINARY32, st);
}

export function f32Sqrt(a: number, rm: number, st: FpStatus): number {
  if (a > 0 && a !== Infinity) {
    const r = Math.fround(Math.sqrt(a));
    const rem = a - r * r;
    if (rem === 0) return r;
    // Nor is a square root ever halfway.
    const v = finishInexact(r, rem > 0, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, st);
    if (v === v) return v;
  } else if (a === 0) {
    return a;
  }
  return exactSqrt(a, rm, BINARY32, st);
}

export function f32Fma(a: number, b: number, c: number, rm: number, st: FpStatus): number {
  const p = a * b; // exact in binary64
  const s = p + c;
  const bv = s - p;
  const err = (p - (s - bv)) + (c - bv);
  if (err - err === 0) {
    // Round the double sum to odd; rounding that to single is then correct.
    const odd = roundToOddF64(s, err);
    const r = Math.fround(odd);
    if (r === odd) {
      // An odd double is never a single, so r === odd means the sum was exact.
      if (r !== 0 || rm !== RoundingMode.RDN) return r;
    } else {
      const v = finishInexact(r, odd > r, rm, st);
      if (v === v) return v;
    }
  }
  return exactFma(a, b, c, rm, BINARY32, st);
}

/** binary64 to binary32 in any rounding mode (NaN stays NaN, quietly). */
export function f64ToF32(x: number, rm: number, st: FpStatus): number {
  const r = Math.fround(x);
  if (r === x || x !== x) return r;
  const v = finishInexact(r, x > r, rm, st);
  if (v === v) return v;
  return exactRound(x, rm, BINARY32, st);
}
