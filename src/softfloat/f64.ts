// binary64 arithmetic, exact in every rounding mode with IEEE flags. Each operation
// has a fast path in plain double arithmetic: the host's round-to-nearest result plus
// an error-free transformation (TwoSum, Dekker's TwoProduct, the exact remainder of a
// division or square root) that says whether it was exact and on which side the
// exact value lies. Anything the fast path cannot vouch for (NaN, infinities, zero
// signs in RDN, overflow, possible underflow, RMM ties) goes to the exact path.

import { BINARY64, FpFlag, type FpStatus, RoundingMode } from './status.js';
import { directedF64, roundToOddF64 } from './bits.js';
import { exactAdd, exactDiv, exactFma, exactMul, exactSqrt } from './exact.js';

/**
 * Magnitudes inside [SAFE_MIN, SAFE_MAX] leave room for the error terms of the
 * transformations below: no underflow in TwoProduct's partial products and no
 * overflow in Veltkamp's split.
 */
const SAFE_MIN = 2 ** -900;
const SAFE_MAX = 2 ** 900;
/** Veltkamp's splitting constant for binary64: 2^ceil(53/2) + 1. */
const SPLITTER = 2 ** 27 + 1;

/** The exact error a*b - p of the product p = RN(a*b) (Dekker, with Veltkamp splitting). */
function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aLo * bLo - (((p - aHi * bHi) - aLo * bHi) - aHi * bLo);
}

function isSafe(x: number): boolean {
  const m = Math.abs(x);
  return m >= SAFE_MIN && m <= SAFE_MAX;
}

/**
 * Finishes an inexact fast-path result r (the nearest value; the exact one is above
 * it when `exactAbove`): applies a directed mode and raises NX. Returns NaN when the
 * exact path must decide instead (RMM, which may hit a tie, or a step to infinity).
 */
function finishInexact(r: number, exactAbove: boolean, rm: number, st: FpStatus): number {
  if (rm === RoundingMode.RNE) {
    st.flags |= FpFlag.NX;
    return r;
  }
  if (rm === RoundingMode.RMM) return NaN;
  const v = directedF64(r, exactAbove, rm);
  if (v === Infinity || v === -Infinity) return NaN;
  st.flags |= FpFlag.NX;
  return v;
}

export function f64Add(a: number, b: number, rm: number, st: FpStatus): number {
  const s = a + b;
  const bv = s - a;
  const err = (a - (s - bv)) + (b - bv);
  if (err === 0) {
    // Exact (err would be NaN for infinite or NaN operands and on overflow).
    if (s !== 0 || rm !== RoundingMode.RDN) return s;
  } else if (err - err === 0) {
    // Inexact sums are never tiny: the result is far above the smallest normal.
    const r = finishInexact(s, err > 0, rm, st);
    if (r === r) return r;
  }
  return exactAdd(a, b, rm, BINARY64, st);
}

export function f64Sub(a: number, b: number, rm: number, st: FpStatus): number {
  return f64Add(a, -b, rm, st);
}

export function f64Mul(a: number, b: number, rm: number, st: FpStatus): number {
  const p = a * b;
  if (isSafe(p)) {
    const err = twoProductError(a, b, p);
    if (err === 0) return p;
    if (err - err === 0) {
      const r = finishInexact(p, err > 0, rm, st);
      if (r === r) return r;
    }
  } else if (p === 0 && (a === 0 || b === 0)) {
    return p;
  }
  return exactMul(a, b, rm, BINARY64, st);
}

export function f64Div(a: number, b: number, rm: number, st: FpStatus): number {
  const q = a / b;
  if (isSafe(q) && isSafe(a) && isSafe(b)) {
    // The remainder a - q*b is exact and tells on which side a/b lies; a quotient
    // is never exactly halfway between two doubles, so RMM is RNE here.
    const p = q * b;
    const rem = (a - p) - twoProductError(q, b, p);
    if (rem === 0) return q;
    const exactAbove = rem > 0 === b > 0;
    const r = finishInexact(q, exactAbove, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, st);
    if (r === r) return r;
  } else if (a === 0 && b !== 0 && b === b) {
    return q;
  }
  return exactDiv(a, b, rm, BINARY64, st);
}

export function f64Sqrt(a: number, rm: number, st: FpStatus): number {
  const s = Math.sqrt(a);
  if (a > 0 && isSafe(a)) {
    const p = s * s;
    const rem = (a - p) - twoProductError(s, s, p);
    if (rem === 0) return s;
    // Square roots are never halfway cases either.
    const r = finishInexact(s, rem > 0, rm === RoundingMode.RMM ? RoundingMode.RNE : rm, st);
    if (r === r) return r;
  } else if (a === 0) {
    return a;
  }
  return exactSqrt(a, rm, BINARY64, st);
}

/**
 * a * b + c with one rounding. Fast path (round to nearest only): the product is
 * split exactly into uh + ul, c + uh exactly into th + tl, then the result is
 * RN(th + RO(tl + ul)) where RO rounds to odd (Boldo and Melquiond's emulated FMA).
 */
export function f64Fma(a: number, b: number, c: number, rm: number, st: FpStatus): number {
  if (rm === RoundingMode.RNE) {
    const uh = a * b;
    if (isSafe(uh) && Math.abs(c) <= SAFE_MAX) {
      const ul = twoProductError(a, b, uh);
      // th + tl = c + uh
      const th = c + uh;
      let bv = th - c;
      const tl = (c - (th - bv)) + (uh - bv);
      // x + y = tl + ul, v = RO(tl + ul)
      const x = tl + ul;
      bv = x - tl;
      const y = (tl - (x - bv)) + (ul - bv);
      const v = roundToOddF64(x, y);
      const r = th + v;
      bv = r - th;
      const w = (th - (r - bv)) + (v - bv);
      // y !== 0 means tl + ul has more bits than fit beside th: inexact.
      if (isSafe(r) && w - w === 0 && y - y === 0) {
        if (y !== 0 || w !== 0) st.flags |= FpFlag.NX;
        return r;
      }
    }
  }
  return exactFma(a, b, c, rm, BINARY64, st);
}
