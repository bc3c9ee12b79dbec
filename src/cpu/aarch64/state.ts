// The AArch64 CPU state as laid out in the env block, after the common header
// (src/tcg/env.ts). Translated code and helpers address registers by these offsets.
//
// NZCV is kept the way QEMU's target/arm does, so that flags are cheap to set and never
// packed unless something reads them as a whole (MRS NZCV):
//   N = bit 63 of NF;  Z = (ZF == 0);  C = CF (0 or 1);  V = bit 63 of VF.
// A 32-bit flag-setting op stores its result sign-extended to 64 bits in NF and ZF and
// its overflow in bit 31 sign-extended (so bit 63 is V as well).

import { ENV } from '../../tcg/env.js';

const X_BASE = ENV.SIZE; // 64
const FLAGS_BASE = X_BASE + 32 * 8; // 320
const V_BASE = FLAGS_BASE + 4 * 8; // 352, 16-byte aligned
const MISC_BASE = V_BASE + 32 * 16; // 864

export const A64 = {
  /** x0..x30 (8 bytes each) and, at index 31, SP. */
  X: X_BASE,
  SP: X_BASE + 31 * 8,
  NF: FLAGS_BASE,
  ZF: FLAGS_BASE + 8,
  CF: FLAGS_BASE + 16,
  VF: FLAGS_BASE + 24,
  /** v0..v31, 16 bytes each, little-endian: lane 0 at the lowest address. */
  V: V_BASE,
  /** i32: FPCR (rounding mode bits 23:22, FZ bit 24, DN bit 25, AHP bit 26, FZ16 bit 19). */
  FPCR: MISC_BASE,
  /** i32: FPSR (cumulative flags IOC=0 DZC=1 OFC=2 UFC=3 IXC=4 IDC=7; QC bit 27). */
  FPSR: MISC_BASE + 4,
  /** i64: TPIDR_EL0 (the thread pointer). */
  TPIDR_EL0: MISC_BASE + 8,
  /** i64: address of the exclusive monitor (-1 when open). */
  EXCL_ADDR: MISC_BASE + 16,
  /** i64 ×2: the value(s) LDXR/LDXP loaded, compared by STXR/STXP. */
  EXCL_VAL: MISC_BASE + 24,
  EXCL_VAL2: MISC_BASE + 32,
  /** Total size of the env block. */
  SIZE: MISC_BASE + 48,
} as const;

/** Register number 31 means SP or XZR depending on the instruction. */
export const REG_31 = 31;
export const xOffset = (r: number): number => A64.X + r * 8;
export const vOffset = (r: number): number => A64.V + r * 16;
