// RV64A handlers: LR/SC with a value-checked reservation (RV.RES_ADDR / RV.RES_VALUE)
// and the AMOs as load–compute–store. One guest thread shares the memory for now, so
// plain loads and stores are atomic enough. Misaligned addresses raise SIGBUS.

import { MEMOP, type Opcode } from '../../../tcg/opcodes.js';
import type { Temp } from '../../../tcg/ir.js';
import type { arg_atomic } from '../decode.generated.js';
import { RV } from '../state.js';
import { genAlignCheck, getX, setX, type DisasContext, type RiscvTranslators } from '../translate.js';

type Size = 4 | 8;
/** Loads sign-extend the 32-bit forms; stores write size bytes. */
const LOAD_OP = { 4: MEMOP.SL, 8: MEMOP.UQ } as const;
const STORE_OP = { 4: MEMOP.UL, 8: MEMOP.UQ } as const;
/** RES_ADDR value meaning "no reservation". */
const NO_RESERVATION = -1;

/** How an AMO combines the old memory value with rs2 (both sign-extended for .w). */
type AmoOp = Opcode | 'min' | 'max' | 'minu' | 'maxu' | 'swap';

function genLr(ctx: DisasContext, a: arg_atomic, size: Size): boolean {
  const { b } = ctx;
  const addr = getX(ctx, a.rs1);
  genAlignCheck(ctx, addr, size);
  const v = b.qemuLd('i64', addr, LOAD_OP[size]);
  b.stEnv(addr, RV.RES_ADDR);
  b.stEnv(v, RV.RES_VALUE);
  setX(ctx, a.rd, v);
  return true;
}

/** Stores rs2 and writes rd=0 if the reservation is on addr and memory still holds its value; else rd=1. */
function genSc(ctx: DisasContext, a: arg_atomic, size: Size): boolean {
  const { b } = ctx;
  const addr = getX(ctx, a.rs1);
  genAlignCheck(ctx, addr, size);
  const fail = b.newLabel();
  const done = b.newLabel();
  b.brcond('ne', b.ldEnv('i64', RV.RES_ADDR), addr, fail);
  b.brcond('ne', b.qemuLd('i64', addr, LOAD_OP[size]), b.ldEnv('i64', RV.RES_VALUE), fail);
  b.qemuSt(getX(ctx, a.rs2), addr, STORE_OP[size]);
  setX(ctx, a.rd, b.const64(0));
  b.emit('br', [], [], [done]);
  b.setLabel(fail);
  setX(ctx, a.rd, b.const64(1));
  b.setLabel(done);
  b.stEnv(b.const64(NO_RESERVATION), RV.RES_ADDR);
  return true;
}

function amoCompute(ctx: DisasContext, op: AmoOp, old: Temp, src: Temp): Temp {
  const { b } = ctx;
  switch (op) {
    case 'swap': return src;
    case 'min': return b.movcond('lt', old, src, old, src);
    case 'max': return b.movcond('gt', old, src, old, src);
    case 'minu': return b.movcond('ltu', old, src, old, src);
    case 'maxu': return b.movcond('gtu', old, src, old, src);
    default: return b.binary(op, old, src);
  }
}

/** rd = mem[rs1]; mem[rs1] = op(rd, rs2). */
function genAmo(ctx: DisasContext, a: arg_atomic, size: Size, op: AmoOp): boolean {
  const { b } = ctx;
  const addr = getX(ctx, a.rs1);
  genAlignCheck(ctx, addr, size);
  const old = b.qemuLd('i64', addr, LOAD_OP[size]);
  let src = getX(ctx, a.rs2);
  // Signed and unsigned 32-bit order both survive sign extension to 64 bits.
  if (size === 4 && op !== 'swap') src = b.unary('ext32s_i64', src);
  b.qemuSt(amoCompute(ctx, op, old, src), addr, STORE_OP[size]);
  setX(ctx, a.rd, old);
  return true;
}

export const RVA = {
  trans_lr_w: (ctx, a) => genLr(ctx, a, 4),
  trans_sc_w: (ctx, a) => genSc(ctx, a, 4),
  trans_amoswap_w: (ctx, a) => genAmo(ctx, a, 4, 'swap'),
  trans_amoadd_w: (ctx, a) => genAmo(ctx, a, 4, 'add_i64'),
  trans_amoxor_w: (ctx, a) => genAmo(ctx, a, 4, 'xor_i64'),
  trans_amoand_w: (ctx, a) => genAmo(ctx, a, 4, 'and_i64'),
  trans_amoor_w: (ctx, a) => genAmo(ctx, a, 4, 'or_i64'),
  trans_amomin_w: (ctx, a) => genAmo(ctx, a, 4, 'min'),
  trans_amomax_w: (ctx, a) => genAmo(ctx, a, 4, 'max'),
  trans_amominu_w: (ctx, a) => genAmo(ctx, a, 4, 'minu'),
  trans_amomaxu_w: (ctx, a) => genAmo(ctx, a, 4, 'maxu'),
  trans_lr_d: (ctx, a) => genLr(ctx, a, 8),
  trans_sc_d: (ctx, a) => genSc(ctx, a, 8),
  trans_amoswap_d: (ctx, a) => genAmo(ctx, a, 8, 'swap'),
  trans_amoadd_d: (ctx, a) => genAmo(ctx, a, 8, 'add_i64'),
  trans_amoxor_d: (ctx, a) => genAmo(ctx, a, 8, 'xor_i64'),
  trans_amoand_d: (ctx, a) => genAmo(ctx, a, 8, 'and_i64'),
  trans_amoor_d: (ctx, a) => genAmo(ctx, a, 8, 'or_i64'),
  trans_amomin_d: (ctx, a) => genAmo(ctx, a, 8, 'min'),
  trans_amomax_d: (ctx, a) => genAmo(ctx, a, 8, 'max'),
  trans_amominu_d: (ctx, a) => genAmo(ctx, a, 8, 'minu'),
  trans_amomaxu_d: (ctx, a) => genAmo(ctx, a, 8, 'maxu'),
} satisfies Partial<RiscvTranslators>;
