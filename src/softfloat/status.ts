// Rounding modes, exception flags and the status object that every softfloat
// operation reports into. The encodings are RISC-V's (the frm CSR and fflags bits),
// so a guest's fcsr maps onto these without translation.

/** IEEE 754 rounding-direction attributes, numbered as RISC-V's rm field / frm CSR. */
export const RoundingMode = {
  /** Round to nearest, ties to even. */
  RNE: 0,
  /** Round toward zero. */
  RTZ: 1,
  /** Round down (toward -infinity). */
  RDN: 2,
  /** Round up (toward +infinity). */
  RUP: 3,
  /** Round to nearest, ties away from zero (maximum magnitude). */
  RMM: 4,
} as const;
export type RoundingMode = (typeof RoundingMode)[keyof typeof RoundingMode];

/** IEEE 754 exception flags, as the bits of RISC-V's fflags CSR. */
export const FpFlag = {
  /** Inexact. */
  NX: 1,
  /** Underflow (tiny after rounding and inexact). */
  UF: 2,
  /** Overflow. */
  OF: 4,
  /** Division by zero. */
  DZ: 8,
  /** Invalid operation. */
  NV: 16,
} as const;
export type FpFlag = (typeof FpFlag)[keyof typeof FpFlag];

/**
 * Where operations accumulate the exception flags they raise (QEMU's float_status).
 * Callers clear `flags`, run one or more operations, then read it; operations only
 * ever OR bits in.
 */
export class FpStatus {
  flags = 0;
  /**
   * Detect tininess before rounding (AArch64, x86 SSE) rather than after (RISC-V, the
   * default): the exact result below 2^emin is tiny even when it rounds up to 2^emin.
   */
  tininessBeforeRounding = false;
  /**
   * Flush tiny results (exact value below 2^emin) to a zero of the same sign, raising UF
   * only (AArch64 FPCR.FZ). Applies in roundPack; callers flush exact subnormal results
   * of the fast paths themselves.
   */
  flushToZero = false;
}

/** A binary interchange format: its precision and exponent range. */
export interface FloatFormat {
  /** Significand bits including the hidden bit (24 or 53). */
  readonly precision: number;
  /** Exponent of the smallest normal number. */
  readonly emin: number;
  /** Exponent of the largest finite number's leading bit. */
  readonly emax: number;
  /** The largest finite value. */
  readonly maxFinite: number;
  /** The smallest positive normal value, 2^emin. */
  readonly minNormal: number;
}

export const BINARY32: FloatFormat = {
  precision: 24,
  emin: -126,
  emax: 127,
  maxFinite: 3.4028234663852886e38,
  minNormal: 1.1754943508222875e-38,
};

/** IEEE 754 binary16 (AArch64 half precision); arithmetic on it goes through the exact path. */
export const BINARY16: FloatFormat = {
  precision: 11,
  emin: -14,
  emax: 15,
  maxFinite: 65504,
  minNormal: 2 ** -14,
};

export const BINARY64: FloatFormat = {
  precision: 53,
  emin: -1022,
  emax: 1023,
  maxFinite: Number.MAX_VALUE,
  minNormal: 2.2250738585072014e-308,
};
