// The exact (slow) path: every operation computed exactly on BigInt significands, or
// with at least two extra bits and a sticky bit, then rounded once by roundPack, the
// one routine that knows about rounding modes, subnormals, tininess and overflow.
// Fast paths fall back here whenever they cannot be sure; tests check them against it.

import { FpFlag, type FloatFormat, type FpStatus, RoundingMode } from './status.js';
import { isNegative, pow2, unpack } from './bits.js';

/** Extra low bits the callers of roundPack provide when a sticky bit is set. */
const GUARD_BITS = 2;

function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** The result of an overflow in each mode: infinity or the largest finite value. */
function overflowResult(negative: boolean, rm: number, fmt: FloatFormat): number {
  let toInfinity: boolean;
  switch (rm) {
    case RoundingMode.RTZ: toInfinity = false; break;
    case RoundingMode.RDN: toInfinity = negative; break;
    case RoundingMode.RUP: toInfinity = !negative; break;
    default: toInfinity = true;
  }
  const magnitude = toInfinity ? Infinity : fmt.maxFinite;
  return negative ? -magnitude : magnitude;
}

/** Set by roundSignificand: whether the rounding discarded a non-zero part. */
let roundedInexact = false;

/**
 * Rounds sig * 2^exp (plus, when `sticky`, something strictly between 0 and one unit
 * of sig's last bit) to a multiple of 2^quantum; returns the multiple's integer
 * significand and sets roundedInexact.
 */
function roundSignificand(negative: boolean, sig: bigint, exp: number, sticky: boolean, quantum: number, rm: number): bigint {
  const shift = quantum - exp;
  if (shift <= 0) {
    if (sticky) throw new Error('softfloat: sticky bit without guard bits');
    roundedInexact = false;
    return sig << BigInt(-shift);
  }
  const big = BigInt(shift);
  const kept = sig >> big;
  const rest = sig - (kept << big);
  const half = 1n << (big - 1n);
  if (sticky && shift < GUARD_BITS) throw new Error('softfloat: too few guard bits');
  const inexact = rest !== 0n || sticky;
  roundedInexact = inexact;
  if (!inexact) return kept;
  const aboveHalf = rest > half || (rest === half && sticky);
  const exactlyHalf = rest === half && !sticky;
  let up: boolean;
  switch (rm) {
    case RoundingMode.RNE: up = aboveHalf || (exactlyHalf && (kept & 1n) === 1n); break;
    case RoundingMode.RMM: up = aboveHalf || exactlyHalf; break;
    case RoundingMode.RDN: up = negative; break;
    case RoundingMode.RUP: up = !negative; break;
    default: up = false;
  }
  return up ? kept + 1n : kept;
}

/**
 * Rounds (-1)^negative * (sig + sticky) * 2^exp to `fmt` in mode `rm`, raising NX,
 * UF (tiny and inexact), OF as IEEE 754 and RISC-V require. Tininess is detected after
 * rounding unless st.tininessBeforeRounding; st.flushToZero turns tiny results into
 * zeros with UF alone. sig must
 * be positive; when `sticky` is set sig must carry at least precision + 2 bits.
 */
export function roundPack(
  negative: boolean, sig: bigint, exp: number, sticky: boolean, rm: number, fmt: FloatFormat, st: FpStatus,
): number {
  const p = fmt.precision;
  const topBit = 1n << BigInt(p);
  const leading = exp + bitLength(sig) - 1;
  // Tininess before rounding: the exact value is below 2^emin. After rounding (the
  // default): the result rounded to p bits with an unbounded exponent range is.
  let tiny = leading < fmt.emin;
  if (tiny && st.flushToZero) {
    st.flags |= FpFlag.UF;
    return negative ? -0 : 0;
  }
  if (leading === fmt.emin - 1 && !st.tininessBeforeRounding) {
    tiny = roundSignificand(negative, sig, exp, sticky, leading - (p - 1), rm) !== topBit;
  }
  let quantum = Math.max(leading, fmt.emin) - (p - 1);
  let m = roundSignificand(negative, sig, exp, sticky, quantum, rm);
  const inexact = roundedInexact;
  if (m === topBit) {
    m >>= 1n;
    quantum += 1;
  }
  if (m !== 0n && quantum + bitLength(m) - 1 > fmt.emax) {
    st.flags |= FpFlag.OF | FpFlag.NX;
    return overflowResult(negative, rm, fmt);
  }
  if (inexact) st.flags |= tiny ? FpFlag.NX | FpFlag.UF : FpFlag.NX;
  const magnitude = m === 0n ? 0 : Number(m) * pow2(quantum);
  return negative ? -magnitude : magnitude;
}

/** The sign of an exact zero sum of operands with different signs (IEEE 754 6.3). */
function exactZeroSum(rm: number): number {
  return rm === RoundingMode.RDN ? -0 : 0;
}

/** Rounds any number to `fmt` (finite, infinite or NaN; NaN stays NaN, quietly). */
export function exactRound(x: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const u = unpack(x);
  return roundPack(u.negative, u.sig, u.exp, false, rm, fmt, st);
}

/** The exact sum of two finite non-zero values, rounded. */
function sumRounded(a: number, b: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  const ua = unpack(a);
  const ub = unpack(b);
  const exp = Math.min(ua.exp, ub.exp);
  const sa = ua.sig << BigInt(ua.exp - exp);
  const sb = ub.sig << BigInt(ub.exp - exp);
  const sum = (ua.negative ? -sa : sa) + (ub.negative ? -sb : sb);
  if (sum === 0n) return exactZeroSum(rm);
  return roundPack(sum < 0n, sum < 0n ? -sum : sum, exp, false, rm, fmt, st);
}

/** a + b, correctly rounded (signs of zero per IEEE 754). */
export function exactAdd(a: number, b: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  if (a !== a || b !== b) return NaN;
  if (a === Infinity || a === -Infinity) {
    if (b === -a) {
      st.flags |= FpFlag.NV;
      return NaN;
    }
    return a;
  }
  if (b === Infinity || b === -Infinity) return b;
  if (a === 0 && b === 0) return isNegative(a) === isNegative(b) ? a : exactZeroSum(rm);
  if (a === 0) return exactRound(b, rm, fmt, st);
  if (b === 0) return exactRound(a, rm, fmt, st);
  return sumRounded(a, b, rm, fmt, st);
}

export function exactSub(a: number, b: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  return exactAdd(a, -b, rm, fmt, st);
}

/** a * b, correctly rounded. */
export function exactMul(a: number, b: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  if (a !== a || b !== b) return NaN;
  const negative = isNegative(a) !== isNegative(b);
  const aInf = a === Infinity || a === -Infinity;
  const bInf = b === Infinity || b === -Infinity;
  if (aInf || bInf) {
    if (a === 0 || b === 0) {
      st.flags |= FpFlag.NV;
      return NaN;
    }
    return negative ? -Infinity : Infinity;
  }
  if (a === 0 || b === 0) return negative ? -0 : 0;
  const ua = unpack(a);
  const ub = unpack(b);
  return roundPack(negative, ua.sig * ub.sig, ua.exp + ub.exp, false, rm, fmt, st);
}

/** a / b, correctly rounded; DZ for a finite non-zero a over zero. */
export function exactDiv(a: number, b: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  if (a !== a || b !== b) return NaN;
  const negative = isNegative(a) !== isNegative(b);
  const aInf = a === Infinity || a === -Infinity;
  const bInf = b === Infinity || b === -Infinity;
  if ((aInf && bInf) || (a === 0 && b === 0)) {
    st.flags |= FpFlag.NV;
    return NaN;
  }
  if (aInf || b === 0) {
    if (!aInf) st.flags |= FpFlag.DZ;
    return negative ? -Infinity : Infinity;
  }
  if (bInf || a === 0) return negative ? -0 : 0;
  const ua = unpack(a);
  const ub = unpack(b);
  // Scale the dividend so the quotient has at least precision + 2 bits.
  const scale = Math.max(0, fmt.precision + GUARD_BITS + 1 + bitLength(ub.sig) - bitLength(ua.sig));
  const num = ua.sig << BigInt(scale);
  const q = num / ub.sig;
  const sticky = q * ub.sig !== num;
  return roundPack(negative, q, ua.exp - ub.exp - scale, sticky, rm, fmt, st);
}

/** floor(sqrt(n)) for n >= 0 (Newton's method on BigInt). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(a), correctly rounded; NV for a < 0 (sqrt(-0) = -0). */
export function exactSqrt(a: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  if (a !== a) return NaN;
  if (a === 0 || a === Infinity) return a;
  if (a < 0) {
    st.flags |= FpFlag.NV;
    return NaN;
  }
  const u = unpack(a);
  // Scale so the root has at least precision + 2 bits and the exponent is even.
  let scale = Math.max(0, 2 * (fmt.precision + GUARD_BITS + 1) - bitLength(u.sig));
  if ((u.exp - scale) % 2 !== 0) scale += 1;
  const n = u.sig << BigInt(scale);
  const root = isqrt(n);
  return roundPack(false, root, (u.exp - scale) / 2, root * root !== n, rm, fmt, st);
}

/**
 * a * b + c with one rounding. inf * 0 raises NV even when c is a quiet NaN (as
 * RISC-V requires); an exact zero result of operands with different signs is +0,
 * or -0 in RDN.
 */
export function exactFma(a: number, b: number, c: number, rm: number, fmt: FloatFormat, st: FpStatus): number {
  const aInf = a === Infinity || a === -Infinity;
  const bInf = b === Infinity || b === -Infinity;
  if ((aInf && b === 0) || (bInf && a === 0)) {
    st.flags |= FpFlag.NV;
    return NaN;
  }
  if (a !== a || b !== b || c !== c) return NaN;
  const productNegative = isNegative(a) !== isNegative(b);
  if (aInf || bInf) {
    if (c === (productNegative ? Infinity : -Infinity)) {
      st.flags |= FpFlag.NV;
      return NaN;
    }
    return productNegative ? -Infinity : Infinity;
  }
  if (c === Infinity || c === -Infinity) return c;
  if (a === 0 || b === 0) {
    if (c !== 0) return exactRound(c, rm, fmt, st);
    return productNegative === isNegative(c) ? c : exactZeroSum(rm);
  }
  const ua = unpack(a);
  const ub = unpack(b);
  const product = ua.sig * ub.sig;
  const productExp = ua.exp + ub.exp;
  if (c === 0) return roundPack(productNegative, product, productExp, false, rm, fmt, st);
  const uc = unpack(c);
  const exp = Math.min(productExp, uc.exp);
  const sp = product << BigInt(productExp - exp);
  const sc = uc.sig << BigInt(uc.exp - exp);
  const sum = (productNegative ? -sp : sp) + (uc.negative ? -sc : sc);
  if (sum === 0n) return exactZeroSum(rm);
  return roundPack(sum < 0n, sum < 0n ? -sum : sum, exp, false, rm, fmt, st);
}

/** An integer (any size) rounded to `fmt`. */
export function exactFromBigInt(v: bigint, rm: number, fmt: FloatFormat, st: FpStatus): number {
  if (v === 0n) return 0;
  return roundPack(v < 0n, v < 0n ? -v : v, 0, false, rm, fmt, st);
}
