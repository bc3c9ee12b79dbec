// FRECPE, FRSQRTE and FRECPX on an operand read by fp-operands.ts: the Arm ARM's
// estimate tables (RecipEstimate, RecipSqrtEstimate, shared with the integer URECPE and
// URSQRTE of simd-lanes.ts) and the special cases around them.

import { FpFlag, RoundingMode } from '../../softfloat/index.js';
import { HI, LO, expBits, format, fracBits, isInf, isNeg, packBits, scratch, st, storeBits, storeDefaultNaN, storeNum } from './fp-operands.js';
import type { FpEsize } from './fp-ops.js';

// --- reciprocal estimates (FRECPE, FRSQRTE, FRECPX) -----------------------------------------------

/** FPRecpX of the number in slot 0: the exponent field inverted (zeros and denormals: the largest finite exponent), fraction zero. */
export function recpX(dv: DataView, esize: FpEsize, d: number): void {
  const eb = expBits(esize);
  const raw = esize === 64 ? HI[0] >>> 20 : esize === 32 ? LO[0] >>> 23 : LO[0] >>> 10;
  const exp = raw & ((1 << eb) - 1);
  const sign = (raw >>> eb) !== 0;
  const maxExp = (1 << eb) - 2;
  storeBits(dv, esize, d, packBits(esize, sign, exp === 0 ? maxExp : ~exp & ((1 << eb) - 1), 0n));
}

/** RecipEstimate: 9-bit a (256..511) to an 8-bit estimate 256..511 of 2^19 / a. */
export function recipEstimateInt(a: number): number {
  a = a * 2 + 1;
  const b = Math.floor(2 ** 19 / a);
  return Math.floor((b + 1) / 2);
}

/** RecipSqrtEstimate: 9-bit a (128..511) to an estimate 256..511 of 1/sqrt. */
export function rsqrtEstimateInt(a: number): number {
  if (a < 256) a = a * 2 + 1;
  else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  let b = 512;
  while (a * (b + 1) * (b + 1) < 2 ** 28) b += 1;
  return Math.floor((b + 1) / 2);
}

/** The fields of a finite non-zero x: biased exponent and fraction as the format stores them. */
function fields(esize: FpEsize, x: number): { exp: number; frac: bigint } {
  const fb = fracBits(esize);
  const bias = (1 << (expBits(esize) - 1)) - 1;
  const m = Math.abs(x);
  scratch.setFloat64(0, m);
  const e = ((scratch.getUint32(0) >>> 20) & 0x7ff) - 1023; // m is a normal double
  // Scaled in two steps so that no power of two overflows (2^1074 does not exist).
  if (e < 1 - bias) return { exp: 0, frac: BigInt(m * 2 ** (bias - 1) * 2 ** fb) };
  return { exp: e + bias, frac: BigInt(m * 2 ** -e * 2 ** fb) - (1n << BigInt(fb)) };
}

/** FPRecipEstimate for a non-NaN operand. */
export function recipEstimate(dv: DataView, esize: FpEsize, d: number, x: number, rm: number): void {
  const sign = isNeg(x);
  const fb = fracBits(esize);
  const maxExp = (1 << expBits(esize)) - 1;
  if (isInf(x)) {
    storeNum(dv, esize, d, sign ? -0 : 0);
    return;
  }
  if (x === 0) {
    st.flags |= FpFlag.DZ;
    storeNum(dv, esize, d, sign ? -Infinity : Infinity);
    return;
  }
  const bias = (1 << (expBits(esize) - 1)) - 1;
  const m = Math.abs(x);
  // Tiny operands: the reciprocal overflows.
  if (m < 2 ** -(bias + 1)) {
    const toInf = rm === RoundingMode.RNE || (rm === RoundingMode.RUP && !sign) || (rm === RoundingMode.RDN && sign);
    st.flags |= FpFlag.OF | FpFlag.NX;
    if (toInf) storeNum(dv, esize, d, sign ? -Infinity : Infinity);
    else storeBits(dv, esize, d, packBits(esize, sign, maxExp - 1, (1n << BigInt(fb)) - 1n));
    return;
  }
  if (st.flushToZero && m >= 2 ** (bias - 1)) {
    // The reciprocal would be denormal: flushed.
    st.flags |= FpFlag.UF;
    storeNum(dv, esize, d, sign ? -0 : 0);
    return;
  }
  let { exp, frac } = fields(esize, x);
  let fracTop = fb >= 8 ? frac >> BigInt(fb - 8) : frac << BigInt(8 - fb); // top 8 fraction bits
  // Normalise a denormal operand.
  if (exp === 0) {
    let f = frac << BigInt(64 - fb); // 64-bit left-aligned fraction
    if ((f >> 63n) === 0n) {
      exp = -1;
      f <<= 2n;
    } else {
      f <<= 1n;
    }
    f &= (1n << 64n) - 1n;
    fracTop = f >> 56n;
  }
  const scaled = 256 + Number(fracTop);
  const resultExp0 = 2 * bias - 1 - exp;
  const est = recipEstimateInt(scaled);
  let outFrac = BigInt(est & 0xff) << BigInt(fb - 8);
  let resultExp = resultExp0;
  if (resultExp === 0) {
    outFrac = ((1n << BigInt(fb)) | outFrac) >> 1n;
  } else if (resultExp === -1) {
    outFrac = ((1n << BigInt(fb)) | outFrac) >> 2n;
    resultExp = 0;
  }
  storeBits(dv, esize, d, packBits(esize, sign, resultExp, outFrac));
}

/** FPRSqrtEstimate for a non-NaN operand. */
export function rsqrtEstimate(dv: DataView, esize: FpEsize, d: number, x: number): void {
  const sign = isNeg(x);
  const fb = fracBits(esize);
  const bias = (1 << (expBits(esize) - 1)) - 1;
  if (x === 0) {
    st.flags |= FpFlag.DZ;
    storeNum(dv, esize, d, sign ? -Infinity : Infinity);
    return;
  }
  if (sign) {
    st.flags |= FpFlag.NV;
    storeDefaultNaN(dv, esize, d);
    return;
  }
  if (isInf(x)) {
    storeNum(dv, esize, d, 0);
    return;
  }
  let { exp, frac } = fields(esize, x);
  let f = frac << BigInt(64 - fb);
  f &= (1n << 64n) - 1n;
  if (exp === 0) {
    while ((f >> 63n) === 0n) {
      f = (f << 1n) & ((1n << 64n) - 1n);
      exp -= 1;
    }
    f = (f << 1n) & ((1n << 64n) - 1n);
  }
  const top8 = Number(f >> 56n);
  const scaled = (exp & 1) === 0 ? 256 + top8 : 128 + (top8 >> 1);
  const resultExp = Math.floor((3 * bias - 1 - exp) / 2);
  const est = rsqrtEstimateInt(scaled);
  storeBits(dv, esize, d, packBits(esize, false, resultExp, BigInt(est & 0xff) << BigInt(fb - 8)));
}
