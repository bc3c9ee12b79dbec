// Helpers of the AArch64 scalar floating-point instructions: thin wrappers that turn
// register numbers into env addresses and call the element operations of fp-ops.ts
// (which hold the Arm rules and the FPCR/FPSR handling). A scalar result fills the
// low esize bits of V[rd] and zeroes the rest of the 128-bit register; results for
// general registers are returned as i64 for the translator to write with setX.

import type { HelperContext, HelperDef } from '../../tcg/helpers.js';
import type { IrType } from '../../tcg/opcodes.js';
import {
  fpBinop, fpCompare, fpConvert, fpFromInt, fpMulAdd, fpToInt, fpUnop, FP_ZERO,
  type FpBinop, type FpEsize, type FpRmode, type FpUnop,
} from './fp-ops.js';
import { vOffset } from './state.js';

/** Operation numbers the translator passes (index into these lists). */
export const FP_BINOPS: readonly FpBinop[] = ['add', 'sub', 'mul', 'div', 'max', 'min', 'maxnm', 'minnm', 'mulx', 'abd', 'recps', 'rsqrts'];
/** FNMUL: FPNeg(FPMul(n, m)), after the FP_BINOPS numbers. */
export const FP_BINOP_NMUL = FP_BINOPS.length;
export const FP_UNOPS: readonly FpUnop[] = [
  'sqrt', 'abs', 'neg', 'recpe', 'rsqrte', 'frintn', 'frinta', 'frintp', 'frintm', 'frintz', 'frintx', 'frinti',
];
export const FP_RMODES: readonly FpRmode[] = ['n', 'a', 'p', 'm', 'z', 'fpcr'];

/** Flag bits of a64_fp_cmp's last argument. */
export const FP_CMP_SIGNALING = 1;
export const FP_CMP_ZERO = 2;
/** Bits of a64_fp_muladd's negation argument. */
export const FP_NEG_PRODUCT = 1;
export const FP_NEG_ADDEND = 2;

/**
 * a64_fp_toint's mode argument: bit 0 signed, bit 1 64-bit integer, bits 4:2 the
 * FP_RMODES index, bits 11:5 the number of fraction bits.
 */
export const toIntMode = (signed: boolean, is64: boolean, rmode: number, fbits: number): number =>
  (signed ? 1 : 0) | (is64 ? 2 : 0) | (rmode << 2) | (fbits << 5);
/** a64_fp_fromint's mode argument: bit 0 signed, bit 1 64-bit integer, bits 8:2 the fraction bits. */
export const fromIntMode = (signed: boolean, is64: boolean, fbits: number): number =>
  (signed ? 1 : 0) | (is64 ? 2 : 0) | (fbits << 2);

/** Zeroes V[r] above its low `esize` bits (a scalar write). */
function clearAbove(dv: DataView, addr: number, esize: number): void {
  for (let i = esize >>> 3; i < 16; i += 2) dv.setUint16(addr + i, 0, true);
}

const esz = (e: number): FpEsize => e as FpEsize;

const def = (name: string, args: readonly IrType[], ret: IrType | null, fn: HelperDef['fn']): HelperDef => ({ name, args, ret, fn });

const I32 = 'i32';

export const AARCH64_FP_HELPERS: Record<string, HelperDef> = {
  /** (env, op, esize, rd, rn, rm): V[rd] = n op m. */
  a64_fp_binop: def('a64_fp_binop', [I32, I32, I32, I32, I32, I32], null,
    (ctx: HelperContext, env: number, op: number, e: number, rd: number, rn: number, rm: number) => {
      const dv = ctx.mem.dv;
      const d = env + vOffset(rd);
      fpBinop(dv, env, FP_BINOPS[op === FP_BINOP_NMUL ? 2 : op], esz(e), d, env + vOffset(rn), env + vOffset(rm));
      if (op === FP_BINOP_NMUL) {
        const top = d + (e >>> 3) - 1; // the byte holding the sign
        dv.setUint8(top, dv.getUint8(top) ^ 0x80);
      }
      clearAbove(dv, d, e);
    }),
  /** (env, op, esize, rd, rn): V[rd] = op(n). */
  a64_fp_unop: def('a64_fp_unop', [I32, I32, I32, I32, I32], null,
    (ctx: HelperContext, env: number, op: number, e: number, rd: number, rn: number) => {
      const d = env + vOffset(rd);
      fpUnop(ctx.mem.dv, env, FP_UNOPS[op], esz(e), d, env + vOffset(rn));
      clearAbove(ctx.mem.dv, d, e);
    }),
  /** (env, esize, rd, rn, rm, ra, negs): V[rd] = ±ra ± rn * rm (FMADD family). */
  a64_fp_muladd: def('a64_fp_muladd', [I32, I32, I32, I32, I32, I32, I32], null,
    (ctx: HelperContext, env: number, e: number, rd: number, rn: number, rm: number, ra: number, negs: number) => {
      const d = env + vOffset(rd);
      fpMulAdd(ctx.mem.dv, env, esz(e), d, env + vOffset(rn), env + vOffset(rm), env + vOffset(ra),
        (negs & FP_NEG_PRODUCT) !== 0, (negs & FP_NEG_ADDEND) !== 0);
      clearAbove(ctx.mem.dv, d, e);
    }),
  /** (env, esize, rn, rm, flags) → NZCV in bits 31:28 (FCMP, FCMPE, FCCMP). */
  a64_fp_cmp: def('a64_fp_cmp', [I32, I32, I32, I32, I32], 'i64',
    (ctx: HelperContext, env: number, e: number, rn: number, rm: number, flags: number) => {
      const m = flags & FP_CMP_ZERO ? FP_ZERO : env + vOffset(rm);
      const nzcv = fpCompare(ctx.mem.dv, env, esz(e), env + vOffset(rn), m, (flags & FP_CMP_SIGNALING) !== 0);
      return BigInt(nzcv) << 28n;
    }),
  /** (env, from, to, rd, rn): FCVT between precisions. */
  a64_fp_cvt: def('a64_fp_cvt', [I32, I32, I32, I32, I32], null,
    (ctx: HelperContext, env: number, from: number, to: number, rd: number, rn: number) => {
      const d = env + vOffset(rd);
      fpConvert(ctx.mem.dv, env, esz(from), esz(to), d, env + vOffset(rn));
      clearAbove(ctx.mem.dv, d, to);
    }),
  /** (env, esize, rn, mode) → the integer (see toIntMode), as i64. */
  a64_fp_toint: def('a64_fp_toint', [I32, I32, I32, I32], 'i64',
    (ctx: HelperContext, env: number, e: number, rn: number, mode: number) => {
      const v = fpToInt(ctx.mem.dv, env, esz(e), env + vOffset(rn), (mode & 1) !== 0, mode & 2 ? 64 : 32,
        FP_RMODES[(mode >>> 2) & 7], (mode >>> 5) & 0x7f);
      return BigInt.asIntN(64, v);
    }),
  /** (env, esize, rd, value, mode): V[rd] = the integer or fixed-point value (see fromIntMode). */
  a64_fp_fromint: def('a64_fp_fromint', [I32, I32, I32, 'i64', I32], null,
    (ctx: HelperContext, env: number, e: number, rd: number, value: bigint, mode: number) => {
      const d = env + vOffset(rd);
      fpFromInt(ctx.mem.dv, env, esz(e), d, value, (mode & 1) !== 0, mode & 2 ? 64 : 32, (mode >>> 2) & 0x7f);
      clearAbove(ctx.mem.dv, d, e);
    }),
};
