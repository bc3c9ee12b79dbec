// RV64I handlers: integer arithmetic (with the W forms), loads and stores, branches and
// jumps, fences, ecall/ebreak, and the RVC-only `illegal` pattern. Each handler is a
// call to a shared generator in ../translate.ts.

import { MEMOP } from '../../../tcg/opcodes.js';
import { ExitReason, Excp } from '../../../tcg/env.js';
import {
  genArith, genArithImm, genArithW, genBranch, genConst, genException, genIllegal, genJal, genJalr, genLoad,
  genSetcond, genSetcondImm, genShiftImm, genShiftImmW, genStore, getX, nextPc, setX, type RiscvTranslators,
} from '../translate.js';

/** A fence's predecessor and successor sets: bits I O R W, high to low. */
const FENCE_R = 0b0010;
const FENCE_W = 0b0001;

export const RVI = {
  trans_illegal: (ctx) => genIllegal(ctx),

  trans_lui: (ctx, a) => genConst(ctx, a.rd, a.imm),
  trans_auipc: (ctx, a) => genConst(ctx, a.rd, ctx.pc + a.imm),
  trans_jal: (ctx, a) => genJal(ctx, a.rd, a.imm),
  trans_jalr: (ctx, a) => genJalr(ctx, a),

  trans_beq: (ctx, a) => genBranch(ctx, a, 'eq'),
  trans_bne: (ctx, a) => genBranch(ctx, a, 'ne'),
  trans_blt: (ctx, a) => genBranch(ctx, a, 'lt'),
  trans_bge: (ctx, a) => genBranch(ctx, a, 'ge'),
  trans_bltu: (ctx, a) => genBranch(ctx, a, 'ltu'),
  trans_bgeu: (ctx, a) => genBranch(ctx, a, 'geu'),

  trans_lb: (ctx, a) => genLoad(ctx, a, MEMOP.SB),
  trans_lh: (ctx, a) => genLoad(ctx, a, MEMOP.SW),
  trans_lw: (ctx, a) => genLoad(ctx, a, MEMOP.SL),
  trans_ld: (ctx, a) => genLoad(ctx, a, MEMOP.UQ),
  trans_lbu: (ctx, a) => genLoad(ctx, a, MEMOP.UB),
  trans_lhu: (ctx, a) => genLoad(ctx, a, MEMOP.UW),
  trans_lwu: (ctx, a) => genLoad(ctx, a, MEMOP.UL),
  trans_sb: (ctx, a) => genStore(ctx, a, MEMOP.UB),
  trans_sh: (ctx, a) => genStore(ctx, a, MEMOP.UW),
  trans_sw: (ctx, a) => genStore(ctx, a, MEMOP.UL),
  trans_sd: (ctx, a) => genStore(ctx, a, MEMOP.UQ),

  trans_addi: (ctx, a) => genArithImm(ctx, a, 'add_i64'),
  trans_slti: (ctx, a) => genSetcondImm(ctx, a, 'lt'),
  trans_sltiu: (ctx, a) => genSetcondImm(ctx, a, 'ltu'),
  trans_xori: (ctx, a) => genArithImm(ctx, a, 'xor_i64'),
  trans_ori: (ctx, a) => genArithImm(ctx, a, 'or_i64'),
  trans_andi: (ctx, a) => genArithImm(ctx, a, 'and_i64'),
  trans_slli: (ctx, a) => genShiftImm(ctx, a, 'shl_i64'),
  trans_srli: (ctx, a) => genShiftImm(ctx, a, 'shr_i64'),
  trans_srai: (ctx, a) => genShiftImm(ctx, a, 'sar_i64'),

  trans_add: (ctx, a) => genArith(ctx, a, 'add_i64'),
  trans_sub: (ctx, a) => genArith(ctx, a, 'sub_i64'),
  trans_sll: (ctx, a) => genArith(ctx, a, 'shl_i64'),
  trans_slt: (ctx, a) => genSetcond(ctx, a, 'lt'),
  trans_sltu: (ctx, a) => genSetcond(ctx, a, 'ltu'),
  trans_xor: (ctx, a) => genArith(ctx, a, 'xor_i64'),
  trans_srl: (ctx, a) => genArith(ctx, a, 'shr_i64'),
  trans_sra: (ctx, a) => genArith(ctx, a, 'sar_i64'),
  trans_or: (ctx, a) => genArith(ctx, a, 'or_i64'),
  trans_and: (ctx, a) => genArith(ctx, a, 'and_i64'),

  trans_addiw: (ctx, a) => {
    if (a.rd === 0) return true;
    setX(ctx, a.rd, ctx.b.unary('ext32s_i64', ctx.b.binary('add_i64', getX(ctx, a.rs1), ctx.b.const64(a.imm))));
    return true;
  },
  trans_slliw: (ctx, a) => genShiftImmW(ctx, a, 'shl_i32'),
  trans_srliw: (ctx, a) => genShiftImmW(ctx, a, 'shr_i32'),
  trans_sraiw: (ctx, a) => genShiftImmW(ctx, a, 'sar_i32'),
  trans_addw: (ctx, a) => genArithW(ctx, a, 'add_i32'),
  trans_subw: (ctx, a) => genArithW(ctx, a, 'sub_i32'),
  trans_sllw: (ctx, a) => genArithW(ctx, a, 'shl_i32'),
  trans_srlw: (ctx, a) => genArithW(ctx, a, 'shr_i32'),
  trans_sraw: (ctx, a) => genArithW(ctx, a, 'sar_i32'),

  /**
   * An x86-64 host keeps every order but a store's before a later load (guest loads and
   * stores are host loads and stores): so a fence whose predecessors include writes and
   * successors reads is an mb, once there are other threads to order against.
   */
  trans_fence: (ctx, a) => {
    if (ctx.parallel && a.pred & FENCE_W && a.succ & FENCE_R) ctx.b.mb();
    return true;
  },
  /** Translated code may be stale: leave, and let the CPU loop flush translations. */
  trans_fence_i: (ctx) => {
    ctx.b.exitTb(ExitReason.INVALIDATE, nextPc(ctx));
    ctx.ended = true;
    return true;
  },
  trans_ecall: (ctx) => {
    ctx.b.exitTb(ExitReason.SYSCALL, ctx.pc);
    ctx.ended = true;
    return true;
  },
  trans_ebreak: (ctx) => {
    genException(ctx, Excp.BREAKPOINT);
    return true;
  },
} satisfies Partial<RiscvTranslators>;
