// RV64M handlers: multiply, multiply-high, and divide/remainder with RISC-V's division
// semantics. The IR div/rem ops already give x%0 = x, MIN/-1 = MIN and MIN%-1 = 0;
// RISC-V additionally wants x/0 = all ones, which genDiv adds with a movcond.

import type { Opcode } from '../../../tcg/opcodes.js';
import type { arg_r } from '../decode.generated.js';
import { genArith, genArithW, getX, setX, type DisasContext, type RiscvTranslators } from '../translate.js';

/** Division with the divide-by-zero result forced to -1 (all ones); `w` for the 32-bit forms. */
function genDiv(ctx: DisasContext, a: arg_r, op: Opcode, w: boolean): boolean {
  if (a.rd === 0) return true;
  const { b } = ctx;
  let x = getX(ctx, a.rs1);
  let y = getX(ctx, a.rs2);
  if (w) {
    x = b.unary('extrl_i64_i32', x);
    y = b.unary('extrl_i64_i32', y);
  }
  const zero = w ? b.const32(0) : b.const64(0);
  const ones = w ? b.const32(-1) : b.const64(-1);
  const q = b.movcond('eq', y, zero, ones, b.binary(op, x, y));
  setX(ctx, a.rd, w ? b.unary('exts_i32_i64', q) : q);
  return true;
}

export const RVM = {
  trans_mul: (ctx, a) => genArith(ctx, a, 'mul_i64'),
  trans_mulh: (ctx, a) => genArith(ctx, a, 'mulh_s_i64'),
  trans_mulhsu: (ctx, a) => genArith(ctx, a, 'mulh_su_i64'),
  trans_mulhu: (ctx, a) => genArith(ctx, a, 'mulh_u_i64'),
  trans_div: (ctx, a) => genDiv(ctx, a, 'div_s_i64', false),
  trans_divu: (ctx, a) => genDiv(ctx, a, 'div_u_i64', false),
  trans_rem: (ctx, a) => genArith(ctx, a, 'rem_s_i64'),
  trans_remu: (ctx, a) => genArith(ctx, a, 'rem_u_i64'),

  trans_mulw: (ctx, a) => genArithW(ctx, a, 'mul_i32'),
  trans_divw: (ctx, a) => genDiv(ctx, a, 'div_s_i32', true),
  trans_divuw: (ctx, a) => genDiv(ctx, a, 'div_u_i32', true),
  trans_remw: (ctx, a) => genArithW(ctx, a, 'rem_s_i32'),
  trans_remuw: (ctx, a) => genArithW(ctx, a, 'rem_u_i32'),
} satisfies Partial<RiscvTranslators>;
