// AArch64 loads and stores (a64-ldst.decode): LDR/STR and their byte, halfword and
// sign-extending forms in every addressing mode (9-bit unscaled / pre / post, scaled
// 12-bit unsigned, extended register, pc-relative literal), LDP/STP/LDNP/STNP/LDPSW,
// the SIMD&FP register forms of the same encodings, and PRFM (a no-op). Exclusives,
// acquire/release and LSE atomics are in ldst-atomic.ts and merged in here.
//
// Every load is emitted in two steps: the memory accesses first, then the register
// writes (a "commit"), so that a fault in a pair or a Q register load leaves every
// register as it was. Base writeback comes last: with Rt == Rn it wins, as on QEMU.

import type { Temp } from '../../../tcg/ir.js';
import { MEMOP } from '../../../tcg/opcodes.js';
import type { arg_ldlit, arg_ldst_imm, arg_ldst_reg, arg_ldstpair, Translators } from '../ldst.generated.js';
import { getX, getXsp, setX, setXsp, type DisasContext } from '../translate.js';
import { getV, low64, setV, writeScalar } from './vreg.js';
import { LDST_ATOMIC_HANDLERS } from './ldst-atomic.js';
import { addrPlus, MEMOP_S, MEMOP_U } from './ldst-common.js';

/** What one register transfer moves: log2 size (4 = Q), and for loads into X how it extends. */
interface Access {
  readonly sz: number;
  readonly sign: number;
  /** With sign: 1 extends to 64 bits, 0 to 32 (the W form). */
  readonly sf: number;
}

/** Writes the loaded value(s) into the destination register. */
type Commit = () => void;

/** A register file loads and stores can name: the general registers or the SIMD&FP ones. */
interface RegFile {
  /** Emits the memory reads for Rt and returns what writes them to the register. */
  load(ctx: DisasContext, rt: number, addr: Temp, acc: Access): Commit;
  store(ctx: DisasContext, rt: number, addr: Temp, acc: Access): void;
}

/** X registers: Rt = 31 is XZR (loads discarded, stores write zero). */
const GPR: RegFile = {
  load(ctx, rt, addr, acc) {
    const v = ctx.b.qemuLd('i64', addr, acc.sign ? MEMOP_S[acc.sz] : MEMOP_U[acc.sz]);
    // Zero-extending loads are already right for Wt and Xt; sign-extending ones to Wt clear bits 63:32.
    return () => setX(ctx, rt, v, !acc.sign || acc.sf !== 0);
  },
  store(ctx, rt, addr, acc) {
    ctx.b.qemuSt(getX(ctx, rt), addr, MEMOP_U[acc.sz]);
  },
};

/** V registers (B/H/S/D/Q): a scalar load zeroes the rest of the 128-bit register. */
const FPR: RegFile = {
  load(ctx, rt, addr, acc) {
    const { b } = ctx;
    if (acc.sz < 4) {
      const v = b.qemuLd('i64', addr, MEMOP_U[acc.sz]);
      return () => writeScalar(ctx, rt, v);
    }
    const q = b.newTemp('v128');
    b.emit('qemu_ld_v128', [q], [addr]);
    return () => setV(ctx, rt, q);
  },
  store(ctx, rt, addr, acc) {
    const { b } = ctx;
    if (acc.sz < 4) {
      b.qemuSt(low64(ctx, rt), addr, MEMOP_U[acc.sz]);
      return;
    }
    b.emit('qemu_st_v128', [], [getV(ctx, rt), addr]);
  },
};

// --- addressing ---------------------------------------------------------------------------

/** The access address and, for pre/post-index, the new base to write back to Rn. */
interface Address {
  readonly addr: Temp;
  readonly rn: number;
  readonly writeback?: Temp;
}

/** Index kinds as bits 11:10 encode them. */
const IDX = { OFFSET: 0, POST: 1, UNPRIV: 2, PRE: 3 } as const;

/** [Rn|SP, #offset] with the indexing `idx` (IDX). */
function immAddress(ctx: DisasContext, rn: number, offset: number, idx: number): Address {
  const base = getXsp(ctx, rn);
  const sum = addrPlus(ctx, base, offset);
  if (idx === IDX.POST) return { addr: base, rn, writeback: sum };
  if (idx === IDX.PRE) return { addr: sum, rn, writeback: sum };
  return { addr: sum, rn };
}

/** Extend kinds of the register-offset form (option field); others are unallocated. */
const EXTEND = { UXTW: 2, LSL: 3, SXTW: 6, SXTX: 7 } as const;

/** [Rn|SP, Rm, extend #(s ? sz : 0)], or null for an unallocated option. */
function regAddress(ctx: DisasContext, a: arg_ldst_reg): Address | null {
  const { b } = ctx;
  let off = getX(ctx, a.rm);
  if (a.opt === EXTEND.UXTW) off = b.unary('ext32u_i64', off);
  else if (a.opt === EXTEND.SXTW) off = b.unary('ext32s_i64', off);
  else if (a.opt !== EXTEND.LSL && a.opt !== EXTEND.SXTX) return null;
  if (a.s && a.sz) off = b.binary('shl_i64', off, b.const64(a.sz));
  return { addr: b.binary('add_i64', getXsp(ctx, a.rn), off), rn: a.rn };
}

function genWriteback(ctx: DisasContext, at: Address): void {
  if (at.writeback) setXsp(ctx, at.rn, at.writeback);
}

// --- the generators the handlers call --------------------------------------------------------

/** One register loaded from or stored to `at`, then writeback. */
function genTransfer(ctx: DisasContext, rf: RegFile, isLoad: boolean, rt: number, acc: Access, at: Address | null): boolean {
  if (!at) return false;
  if (isLoad) rf.load(ctx, rt, at.addr, acc)();
  else rf.store(ctx, rt, at.addr, acc);
  genWriteback(ctx, at);
  return true;
}

/** The 9-bit immediate forms (the unprivileged ones exist only for X registers); `scaled`: the imm12 form. */
function genImm(ctx: DisasContext, rf: RegFile, isLoad: boolean, a: arg_ldst_imm, scaled: boolean): boolean {
  if (rf === FPR && a.idx === IDX.UNPRIV) return false;
  return genTransfer(ctx, rf, isLoad, a.rt, a, immAddress(ctx, a.rn, scaled ? a.imm * 2 ** a.sz : a.imm, a.idx));
}

function genReg(ctx: DisasContext, rf: RegFile, isLoad: boolean, a: arg_ldst_reg): boolean {
  return genTransfer(ctx, rf, isLoad, a.rt, a, regAddress(ctx, a));
}

/** LDR (literal): the word at pc + imm19 * 4. */
function genLiteral(ctx: DisasContext, rf: RegFile, a: arg_ldlit): boolean {
  const at: Address = { addr: ctx.b.const64(ctx.pc + a.imm * 4), rn: 0 };
  return genTransfer(ctx, rf, true, a.rt, { sz: a.sz, sign: a.sign, sf: 1 }, at);
}

/** LDP/STP/LDNP/STNP/LDPSW: two registers at [addr] and [addr + size]. */
function genPair(ctx: DisasContext, rf: RegFile, isLoad: boolean, a: arg_ldstpair): boolean {
  if (a.sign && a.mode === 0) return false; // no LDNPSW
  const size = 2 ** a.sz;
  // mode 1 and 3 are post- and pre-index, as idx encodes them; 0 and 2 are plain offsets.
  const at = immAddress(ctx, a.rn, a.imm * size, a.mode === 2 ? IDX.OFFSET : a.mode);
  const acc: Access = { sz: a.sz, sign: a.sign, sf: 1 };
  const addr2 = addrPlus(ctx, at.addr, size);
  if (isLoad) {
    const first = rf.load(ctx, a.rt, at.addr, acc);
    const second = rf.load(ctx, a.rt2, addr2, acc);
    first();
    second();
  } else {
    rf.store(ctx, a.rt, at.addr, acc);
    rf.store(ctx, a.rt2, addr2, acc);
  }
  genWriteback(ctx, at);
  return true;
}

export const LDST_HANDLERS: Translators<DisasContext> = {
  trans_STR_i: (ctx, a) => genImm(ctx, GPR, false, a, false),
  trans_LDR_i: (ctx, a) => genImm(ctx, GPR, true, a, false),
  trans_STR_ui: (ctx, a) => genImm(ctx, GPR, false, a, true),
  trans_LDR_ui: (ctx, a) => genImm(ctx, GPR, true, a, true),
  trans_STR_r: (ctx, a) => genReg(ctx, GPR, false, a),
  trans_LDR_r: (ctx, a) => genReg(ctx, GPR, true, a),
  trans_LDR_lit: (ctx, a) => genLiteral(ctx, GPR, a),
  trans_STP: (ctx, a) => genPair(ctx, GPR, false, a),
  trans_LDP: (ctx, a) => genPair(ctx, GPR, true, a),

  trans_STR_v_i: (ctx, a) => genImm(ctx, FPR, false, a, false),
  trans_LDR_v_i: (ctx, a) => genImm(ctx, FPR, true, a, false),
  trans_STR_v_ui: (ctx, a) => genImm(ctx, FPR, false, a, true),
  trans_LDR_v_ui: (ctx, a) => genImm(ctx, FPR, true, a, true),
  trans_STR_v_r: (ctx, a) => genReg(ctx, FPR, false, a),
  trans_LDR_v_r: (ctx, a) => genReg(ctx, FPR, true, a),
  trans_LDR_v_lit: (ctx, a) => genLiteral(ctx, FPR, a),
  trans_STP_v: (ctx, a) => genPair(ctx, FPR, false, a),
  trans_LDP_v: (ctx, a) => genPair(ctx, FPR, true, a),

  /** PRFM / PRFUM: prefetch hints, nothing to do. */
  trans_PRFM: () => true,

  ...LDST_ATOMIC_HANDLERS,
};
