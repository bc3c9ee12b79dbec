// The RISC-V CPU state as laid out in the env block, after the common header
// (src/tcg/env.ts). Translated code and helpers address registers by these offsets.

import { ENV } from '../../tcg/env.js';

export const RV = {
  /** x0..x31, 8 bytes each (x0 is kept 0: translators never write it). */
  X: ENV.SIZE,
  /** f0..f31, 8 bytes each, raw bits (singles NaN-boxed). */
  F: ENV.SIZE + 32 * 8,
  /** i32: accrued exception flags (NV DZ OF UF NX = bits 4..0). */
  FFLAGS: ENV.SIZE + 64 * 8,
  /** i32: dynamic rounding mode (0 RNE, 1 RTZ, 2 RDN, 3 RUP, 4 RMM). */
  FRM: ENV.SIZE + 64 * 8 + 4,
  /** i64: address reserved by LR (-1 when none). */
  RES_ADDR: ENV.SIZE + 64 * 8 + 8,
  /** i64: value loaded by LR (SC succeeds only if memory still holds it). */
  RES_VALUE: ENV.SIZE + 64 * 8 + 16,
  /** i64: instructions retired, counted per block (instret CSR). */
  INSTRET: ENV.SIZE + 64 * 8 + 24,
  /** Total size of the env block. */
  SIZE: ENV.SIZE + 64 * 8 + 32,
} as const;

export const xOffset = (r: number): number => RV.X + r * 8;
export const fOffset = (r: number): number => RV.F + r * 8;

/** ABI register names, for disassembly and -strace. */
export const X_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
] as const;
export const F_NAMES = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7', 'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7', 'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
] as const;
