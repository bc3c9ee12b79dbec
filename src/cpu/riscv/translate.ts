// The RISC-V translator: the block loop that fetches guest instructions, runs the
// generated decoders (decode.generated.ts, decode16.generated.ts) against the trans_
// handlers in trans/*.ts, and the DisasContext plus the shared code generators those
// handlers are built from (register access, arithmetic, loads/stores, branches, traps).

import { IrBuilder, LazyGuestInsn, type GuestInsn, type Temp, type TranslatedBlock } from '../../tcg/ir.js';
import { type Cond, type MemOp, type Opcode } from '../../tcg/opcodes.js';
import { ENV, ExitReason, Excp } from '../../tcg/env.js';
import type { HelperRegistry } from '../../tcg/helpers.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import { PAGE_SHIFT, parallelTranslation } from '../../memory/layout.js';
import type { TranslateOptions, Translator } from '../guest.js';
import { decode32, type Translators as Translators32, type arg_b, type arg_i, type arg_r, type arg_s, type arg_shift } from './decode.generated.js';
import { decode16, type Translators as Translators16 } from './decode16.generated.js';
import { fOffset, xOffset } from './state.js';
import { disassemble } from './disas.js';

/** Per-block translation state handed to every trans_ handler. */
export interface DisasContext {
  readonly b: IrBuilder;
  /** pc of the instruction being translated. */
  pc: number;
  /** Its length in bytes: 2 (RVC) or 4. */
  len: 2 | 4;
  /** Set by handlers that emitted control flow out of the block (the block loop stops). */
  ended: boolean;
  /** Helper ids by name (the FP helpers and helpers.ts). */
  readonly helpers: Readonly<Record<string, number>>;
  /** Other guest threads may run at once (layout.ts parallelTranslation): fences order for them. */
  readonly parallel: boolean;
}

/** Every handler of both decode tables, implemented over DisasContext. */
export type RiscvTranslators = Translators32<DisasContext> & Translators16<DisasContext>;

/** pc of the instruction after the current one. */
export const nextPc = (ctx: DisasContext): number => ctx.pc + ctx.len;

// --- register access -----------------------------------------------------------------

/** x[r] as an i64 temp; x0 reads as the constant 0. */
export function getX(ctx: DisasContext, r: number): Temp {
  return r === 0 ? ctx.b.const64(0) : ctx.b.ldEnv('i64', xOffset(r));
}
/** x[r] = v; writes to x0 are dropped. */
export function setX(ctx: DisasContext, r: number, v: Temp): void {
  if (r !== 0) ctx.b.stEnv(v, xOffset(r));
}
/** f[r] raw bits (i64). */
export function getF(ctx: DisasContext, r: number): Temp {
  return ctx.b.ldEnv('i64', fOffset(r));
}
export function setF(ctx: DisasContext, r: number, v: Temp): void {
  ctx.b.stEnv(v, fOffset(r));
}
/** rs1 + imm, folding imm 0. */
export function genAddress(ctx: DisasContext, rs1: number, imm: number): Temp {
  const base = getX(ctx, rs1);
  return imm === 0 ? base : ctx.b.binary('add_i64', base, ctx.b.const64(imm));
}
/** A helper's id by name; a missing helper is a bug in the front end. */
export function helperId(ctx: DisasContext, name: string): number {
  const id = ctx.helpers[name];
  if (id === undefined) throw new Error(`riscv: helper ${name} is not registered`);
  return id;
}

/** Calls a helper by name that returns a value. */
export function callValue(ctx: DisasContext, name: string, args: Temp[]): Temp {
  const t = ctx.b.call(helperId(ctx, name), args);
  if (!t) throw new Error(`riscv: helper ${name} returns nothing`);
  return t;
}
/** Calls a helper by name for its effect. */
export function callVoid(ctx: DisasContext, name: string, args: Temp[]): void {
  ctx.b.call(helperId(ctx, name), args);
}

// --- traps -----------------------------------------------------------------------------

/** Emits a return to the CPU loop raising `excp` at the current instruction (on this path only). */
export function genRaise(ctx: DisasContext, excp: Excp): void {
  ctx.b.stEnv(ctx.b.const32(excp), ENV.EXCEPTION);
  ctx.b.exitTb(ExitReason.EXCEPTION, ctx.pc);
}
/** Ends the block with an exception raised at the current instruction. */
export function genException(ctx: DisasContext, excp: Excp): void {
  genRaise(ctx, excp);
  ctx.ended = true;
}
export function genIllegal(ctx: DisasContext): boolean {
  genException(ctx, Excp.ILLEGAL_INSN);
  return true;
}
/** Raises SIGBUS (BUS_ADRALN) unless addr is a multiple of size; execution continues after. */
export function genAlignCheck(ctx: DisasContext, addr: Temp, size: number): void {
  const { b } = ctx;
  const ok = b.newLabel();
  b.brcond('eq', b.binary('and_i64', addr, b.const64(size - 1)), b.const64(0), ok);
  b.stEnv(addr, ENV.EXCEPTION_ADDR);
  genRaise(ctx, Excp.BUS_ADRALN);
  b.setLabel(ok);
}

// --- integer arithmetic -----------------------------------------------------------------

/** rd = op(rs1, rs2) on 64 bits. */
export function genArith(ctx: DisasContext, a: arg_r, op: Opcode): boolean {
  if (a.rd === 0) return true;
  setX(ctx, a.rd, ctx.b.binary(op, getX(ctx, a.rs1), getX(ctx, a.rs2)));
  return true;
}
/** rd = op(rs1, imm) on 64 bits. */
export function genArithImm(ctx: DisasContext, a: arg_i, op: Opcode): boolean {
  if (a.rd === 0) return true;
  setX(ctx, a.rd, ctx.b.binary(op, getX(ctx, a.rs1), ctx.b.const64(a.imm)));
  return true;
}
/** rd = sext32(op32(rs1[31:0], rs2[31:0])): the W forms, with an i32 op. */
export function genArithW(ctx: DisasContext, a: arg_r, op32: Opcode): boolean {
  if (a.rd === 0) return true;
  const { b } = ctx;
  const r = b.binary(op32, b.unary('extrl_i64_i32', getX(ctx, a.rs1)), b.unary('extrl_i64_i32', getX(ctx, a.rs2)));
  setX(ctx, a.rd, b.unary('exts_i32_i64', r));
  return true;
}
/** rd = cond(rs1, rs2) ? 1 : 0. */
export function genSetcond(ctx: DisasContext, a: arg_r, cond: Cond): boolean {
  if (a.rd === 0) return true;
  setX(ctx, a.rd, ctx.b.setcond(cond, getX(ctx, a.rs1), getX(ctx, a.rs2)));
  return true;
}
export function genSetcondImm(ctx: DisasContext, a: arg_i, cond: Cond): boolean {
  if (a.rd === 0) return true;
  setX(ctx, a.rd, ctx.b.setcond(cond, getX(ctx, a.rs1), ctx.b.const64(a.imm)));
  return true;
}
/** Shift by a constant: 64-bit (shamt < 64). */
export function genShiftImm(ctx: DisasContext, a: arg_shift, op: 'shl_i64' | 'shr_i64' | 'sar_i64'): boolean {
  if (a.rd === 0) return true;
  setX(ctx, a.rd, ctx.b.binary(op, getX(ctx, a.rs1), ctx.b.const64(a.shamt)));
  return true;
}
/** Shift by a constant on the low 32 bits, result sign-extended (slliw, srliw, sraiw). */
export function genShiftImmW(ctx: DisasContext, a: arg_shift, op32: 'shl_i32' | 'shr_i32' | 'sar_i32'): boolean {
  if (a.rd === 0) return true;
  const { b } = ctx;
  const r = b.binary(op32, b.unary('extrl_i64_i32', getX(ctx, a.rs1)), b.const32(a.shamt));
  setX(ctx, a.rd, b.unary('exts_i32_i64', r));
  return true;
}
/** rd = constant. */
export function genConst(ctx: DisasContext, rd: number, value: number): boolean {
  setX(ctx, rd, ctx.b.const64(value));
  return true;
}

// --- memory ---------------------------------------------------------------------------

export function genLoad(ctx: DisasContext, a: arg_i, memop: MemOp): boolean {
  const v = ctx.b.qemuLd('i64', genAddress(ctx, a.rs1, a.imm), memop);
  setX(ctx, a.rd, v);
  return true;
}
export function genStore(ctx: DisasContext, a: arg_s, memop: MemOp): boolean {
  const addr = genAddress(ctx, a.rs1, a.imm);
  ctx.b.qemuSt(getX(ctx, a.rs2), addr, memop);
  return true;
}

// --- control flow ---------------------------------------------------------------------

/** if cond(rs1, rs2) goto pc+imm else fall through; both chainable. */
export function genBranch(ctx: DisasContext, a: arg_b, cond: Cond): boolean {
  const { b } = ctx;
  const taken = b.newLabel();
  b.brcond(cond, getX(ctx, a.rs1), getX(ctx, a.rs2), taken);
  b.gotoTb(nextPc(ctx));
  b.setLabel(taken);
  b.gotoTb(ctx.pc + a.imm);
  ctx.ended = true;
  return true;
}
export function genJal(ctx: DisasContext, rd: number, imm: number): boolean {
  setX(ctx, rd, ctx.b.const64(nextPc(ctx)));
  ctx.b.gotoTb(ctx.pc + imm);
  ctx.ended = true;
  return true;
}
/** Target (rs1 + imm) & ~1 is computed before rd is written: rd may be rs1. */
export function genJalr(ctx: DisasContext, a: arg_i): boolean {
  const { b } = ctx;
  const target = b.binary('and_i64', genAddress(ctx, a.rs1, a.imm), b.const64(-2));
  setX(ctx, a.rd, b.const64(nextPc(ctx)));
  b.gotoPtr(target);
  ctx.ended = true;
  return true;
}

// --- the block loop --------------------------------------------------------------------

const pageOf = (pc: number): number => Math.floor(pc / 2 ** PAGE_SHIFT);
/** Low two bits of a 16-bit parcel that mark a 32-bit (or longer) instruction. */
const LONG_INSN_BITS = 3;

export class RiscvTranslator implements Translator {
  constructor(
    private readonly registry: HelperRegistry,
    private readonly handlers: RiscvTranslators,
    private readonly helperIds: Readonly<Record<string, number>>,
  ) {}

  translate(mem: GuestMemory, pc: number, opts: TranslateOptions): TranslatedBlock {
    const b = new IrBuilder((id) => this.registry.get(id));
    const ctx: DisasContext = { b, pc, len: 4, ended: false, helpers: this.helperIds, parallel: parallelTranslation(mem.memory.buffer) };
    const insns: GuestInsn[] = [];
    const firstPage = pageOf(pc);
    let cur = pc;
    for (let n = 0; ; n++) {
      if (n > 0 && (n >= opts.maxInsns || pageOf(cur) !== firstPage)) {
        b.gotoTb(cur);
        break;
      }
      const bits = fetchInsn(mem, cur, n === 0);
      if (bits === null) {
        b.gotoTb(cur);
        break;
      }
      const len = (bits & LONG_INSN_BITS) === LONG_INSN_BITS ? 4 : 2;
      ctx.pc = cur;
      ctx.len = len;
      b.insnStart(cur);
      const opsMark = b.ops.length;
      const succMark = b.successors.length;
      const ok = len === 4 ? decode32(bits, this.handlers, ctx) : decode16(bits, this.handlers, ctx);
      if (!ok) {
        // Drop anything a handler emitted before giving up, then trap.
        b.ops.length = opsMark;
        b.successors.length = succMark;
        genException(ctx, Excp.ILLEGAL_INSN);
      }
      insns.push(new LazyGuestInsn(cur, len, bits, disassemble));
      cur += len;
      if (ctx.ended) break;
    }
    return { pc, size: cur - pc, insns, ops: b.ops, temps: b.temps, labelCount: b.labelCount, successors: b.successors };
  }
}

/**
 * The instruction bits at pc (16 or 32 bits), or null when a later instruction of the
 * block cannot be fetched. The first instruction's fault propagates.
 */
function fetchInsn(mem: GuestMemory, pc: number, first: boolean): number | null {
  if (first) {
    const lo = mem.fetch16(pc);
    return (lo & LONG_INSN_BITS) !== LONG_INSN_BITS ? lo : (lo | (mem.fetch16(pc + 2) << 16)) >>> 0;
  }
  // A later instruction: each half checked once here, then read without a second check.
  if (!mem.canAccess(pc, 2, 'exec')) return null;
  const lo = mem.dv.getUint16(pc, true);
  if ((lo & LONG_INSN_BITS) !== LONG_INSN_BITS) return lo;
  return mem.canAccess(pc + 2, 2, 'exec') ? (lo | (mem.dv.getUint16(pc + 2, true) << 16)) >>> 0 : null;
}
