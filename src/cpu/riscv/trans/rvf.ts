// RV64F handlers, and the FP generators RV64D shares. Loads, stores and moves between
// register files are inline IR (singles are NaN-boxed in the 64-bit f registers);
// everything that rounds, compares or sets flags calls a helper of ../fpu-helpers.ts by
// name, passing the env pointer and register numbers so the helper works on env directly.

import { MEMOP, type MemOp } from '../../../tcg/opcodes.js';
import type { Temp } from '../../../tcg/ir.js';
import type { arg_i, arg_r, arg_r2, arg_r2_rm, arg_r4_rm, arg_r_rm, arg_s } from '../decode.generated.js';
import { Excp } from '../../../tcg/env.js';
import { RV } from '../state.js';
import {
  callValue, callVoid, genAddress, genRaise, getF, getX, setF, setX, type DisasContext, type RiscvTranslators,
} from '../translate.js';

/** Rounding-mode field values: 0..4 are static modes, 5 and 6 reserved, 7 = use frm. */
const RM_RESERVED_LO = 5;
const RM_DYNAMIC = 7;
/** The high half of a NaN-boxed single. */
const NAN_BOX = -(2n ** 32n);

/**
 * Validates the rm field: reserved values are illegal at translation time; the dynamic
 * mode checks at run time that frm holds a valid mode (else illegal instruction).
 */
export function checkRm(ctx: DisasContext, rm: number): boolean {
  if (rm >= RM_RESERVED_LO && rm < RM_DYNAMIC) return false;
  if (rm === RM_DYNAMIC) {
    const { b } = ctx;
    const ok = b.newLabel();
    b.brcond('ltu', b.ldEnv('i32', RV.FRM), b.const32(RM_RESERVED_LO), ok);
    genRaise(ctx, Excp.ILLEGAL_INSN);
    b.setLabel(ok);
  }
  return true;
}

/** Constants for helper arguments: the env pointer first, then register numbers / rm. */
function args(ctx: DisasContext, ...nums: number[]): Temp[] {
  return [ctx.b.envPtr(), ...nums.map((n) => ctx.b.const32(n))];
}

export function genFpLoad(ctx: DisasContext, a: arg_i, memop: MemOp): boolean {
  const { b } = ctx;
  let v = b.qemuLd('i64', genAddress(ctx, a.rs1, a.imm), memop);
  if (memop === MEMOP.UL) v = b.binary('or_i64', v, b.const64(NAN_BOX));
  setF(ctx, a.rd, v);
  return true;
}
export function genFpStore(ctx: DisasContext, a: arg_s, memop: MemOp): boolean {
  const addr = genAddress(ctx, a.rs1, a.imm);
  ctx.b.qemuSt(getF(ctx, a.rs2), addr, memop);
  return true;
}
/** f[rd] = op(f[rs1], f[rs2]) rounded by rm. */
export function genFpArith(ctx: DisasContext, name: string, a: arg_r_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rs2, a.rm));
  return true;
}
/** f[rd] = op(f[rs1]) rounded by rm (sqrt, and conversions between S and D). */
export function genFpUnary(ctx: DisasContext, name: string, a: arg_r2_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rm));
  return true;
}
/** f[rd] = ±(f[rs1] × f[rs2]) ± f[rs3], fused. */
export function genFpFused(ctx: DisasContext, name: string, a: arg_r4_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rs2, a.rs3, a.rm));
  return true;
}
/** f[rd] = op(f[rs1], f[rs2]) with no rounding (min, max, sign injection). */
export function genFpBinary(ctx: DisasContext, name: string, a: arg_r): boolean {
  callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rs2));
  return true;
}
/** x[rd] = compare(f[rs1], f[rs2]) (0 or 1). */
export function genFpCompare(ctx: DisasContext, name: string, a: arg_r): boolean {
  const r = callValue(ctx, name, args(ctx, a.rs1, a.rs2));
  setX(ctx, a.rd, ctx.b.unary('extu_i32_i64', r));
  return true;
}
export function genFpClass(ctx: DisasContext, name: string, a: arg_r2): boolean {
  const r = callValue(ctx, name, args(ctx, a.rs1));
  setX(ctx, a.rd, ctx.b.unary('extu_i32_i64', r));
  return true;
}
/** x[rd] = convert(f[rs1]); the helper returns the sign-extended 64-bit register value. */
export function genFpToInt(ctx: DisasContext, name: string, a: arg_r2_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  setX(ctx, a.rd, callValue(ctx, name, args(ctx, a.rs1, a.rm)));
  return true;
}
/** f[rd] = convert(x[rs1]); the helper picks the 32 or 64 bits it needs. */
export function genIntToFp(ctx: DisasContext, name: string, a: arg_r2_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  const { b } = ctx;
  const value = getX(ctx, a.rs1);
  callVoid(ctx, name, [b.envPtr(), b.const32(a.rd), value, b.const32(a.rm)]);
  return true;
}

export const RVF = {
  trans_flw: (ctx, a) => genFpLoad(ctx, a, MEMOP.UL),
  trans_fsw: (ctx, a) => genFpStore(ctx, a, MEMOP.UL),
  trans_fmadd_s: (ctx, a) => genFpFused(ctx, 'fmadd_s', a),
  trans_fmsub_s: (ctx, a) => genFpFused(ctx, 'fmsub_s', a),
  trans_fnmsub_s: (ctx, a) => genFpFused(ctx, 'fnmsub_s', a),
  trans_fnmadd_s: (ctx, a) => genFpFused(ctx, 'fnmadd_s', a),
  trans_fadd_s: (ctx, a) => genFpArith(ctx, 'fadd_s', a),
  trans_fsub_s: (ctx, a) => genFpArith(ctx, 'fsub_s', a),
  trans_fmul_s: (ctx, a) => genFpArith(ctx, 'fmul_s', a),
  trans_fdiv_s: (ctx, a) => genFpArith(ctx, 'fdiv_s', a),
  trans_fsqrt_s: (ctx, a) => genFpUnary(ctx, 'fsqrt_s', a),
  trans_fsgnj_s: (ctx, a) => genFpBinary(ctx, 'fsgnj_s', a),
  trans_fsgnjn_s: (ctx, a) => genFpBinary(ctx, 'fsgnjn_s', a),
  trans_fsgnjx_s: (ctx, a) => genFpBinary(ctx, 'fsgnjx_s', a),
  trans_fmin_s: (ctx, a) => genFpBinary(ctx, 'fmin_s', a),
  trans_fmax_s: (ctx, a) => genFpBinary(ctx, 'fmax_s', a),
  trans_fcvt_w_s: (ctx, a) => genFpToInt(ctx, 'fcvt_w_s', a),
  trans_fcvt_wu_s: (ctx, a) => genFpToInt(ctx, 'fcvt_wu_s', a),
  trans_fcvt_l_s: (ctx, a) => genFpToInt(ctx, 'fcvt_l_s', a),
  trans_fcvt_lu_s: (ctx, a) => genFpToInt(ctx, 'fcvt_lu_s', a),
  trans_fmv_x_w: (ctx, a) => {
    setX(ctx, a.rd, ctx.b.unary('ext32s_i64', getF(ctx, a.rs1)));
    return true;
  },
  trans_fclass_s: (ctx, a) => genFpClass(ctx, 'fclass_s', a),
  trans_feq_s: (ctx, a) => genFpCompare(ctx, 'feq_s', a),
  trans_flt_s: (ctx, a) => genFpCompare(ctx, 'flt_s', a),
  trans_fle_s: (ctx, a) => genFpCompare(ctx, 'fle_s', a),
  trans_fcvt_s_w: (ctx, a) => genIntToFp(ctx, 'fcvt_s_w', a),
  trans_fcvt_s_wu: (ctx, a) => genIntToFp(ctx, 'fcvt_s_wu', a),
  trans_fcvt_s_l: (ctx, a) => genIntToFp(ctx, 'fcvt_s_l', a),
  trans_fcvt_s_lu: (ctx, a) => genIntToFp(ctx, 'fcvt_s_lu', a),
  trans_fmv_w_x: (ctx, a) => {
    setF(ctx, a.rd, ctx.b.binary('or_i64', getX(ctx, a.rs1), ctx.b.const64(NAN_BOX)));
    return true;
  },
} satisfies Partial<RiscvTranslators>;
