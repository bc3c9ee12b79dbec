// The AArch64 translator: the block loop that fetches A64 instructions and runs the
// generated decoders of the four instruction tables (a64-int, a64-ldst, a64-fp, a64-simd) against
// the trans_ handlers in trans/*.ts, plus the DisasContext and the generators every
// class shares: register access (XZR vs SP), 32-bit results, lazy NZCV and conditions.

import { IrBuilder, LazyGuestInsn, type GuestInsn, type Temp, type TranslatedBlock } from '../../tcg/ir.js';
import type { Cond } from '../../tcg/opcodes.js';
import { ENV, ExitReason, Excp } from '../../tcg/env.js';
import type { HelperRegistry } from '../../tcg/helpers.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import { PAGE_SHIFT, parallelTranslation } from '../../memory/layout.js';
import type { TranslateOptions, Translator } from '../guest.js';
import { decodeFp, type Translators as FpTranslators } from './fp.generated.js';
import { decodeInt, type Translators as IntTranslators } from './int.generated.js';
import { decodeLdst, type Translators as LdstTranslators } from './ldst.generated.js';
import { decodeSimd, type Translators as SimdTranslators } from './simd.generated.js';
import { A64, REG_31, vOffset, xOffset } from './state.js';

/** Per-block translation state handed to every trans_ handler. */
export interface DisasContext {
  readonly b: IrBuilder;
  /** pc of the instruction being translated. */
  pc: number;
  /** Set by handlers that emitted control flow out of the block (the block loop stops). */
  ended: boolean;
  /** Helper ids by name. */
  readonly helpers: Readonly<Record<string, number>>;
  /** Other guest threads may run at once (layout.ts parallelTranslation): order store-release. */
  readonly parallel: boolean;
}

/** Every handler of the three decode tables, implemented over DisasContext. */
export type A64Translators = IntTranslators<DisasContext> & LdstTranslators<DisasContext> & FpTranslators<DisasContext> &
  SimdTranslators<DisasContext>;

export const INSN_SIZE = 4;
export const nextPc = (ctx: DisasContext): number => ctx.pc + INSN_SIZE;

// --- general registers ---------------------------------------------------------------

/** X[r] with r = 31 reading as XZR (zero). */
export function getX(ctx: DisasContext, r: number): Temp {
  return r === REG_31 ? ctx.b.const64(0) : ctx.b.ldEnv('i64', xOffset(r));
}
/** X[r] with r = 31 reading as SP. */
export function getXsp(ctx: DisasContext, r: number): Temp {
  return ctx.b.ldEnv('i64', xOffset(r));
}
/** X[r] = v, with r = 31 being XZR (the write is dropped). `sf` false: v's low 32 bits, zero-extended. */
export function setX(ctx: DisasContext, r: number, v: Temp, sf = true): void {
  if (r === REG_31) return;
  ctx.b.stEnv(sf ? v : ctx.b.unary('ext32u_i64', v), xOffset(r));
}
/** X[r] = v, with r = 31 being SP. `sf` false: zero-extend the low 32 bits. */
export function setXsp(ctx: DisasContext, r: number, v: Temp, sf = true): void {
  ctx.b.stEnv(sf ? v : ctx.b.unary('ext32u_i64', v), xOffset(r));
}
/** The operand as the instruction's width sees it: all 64 bits, or the low 32 zero-extended. */
export function operand(ctx: DisasContext, v: Temp, sf: boolean): Temp {
  return sf ? v : ctx.b.unary('ext32u_i64', v);
}

// --- vector / FP registers -------------------------------------------------------------

/** Byte offset in env of lane `lane` (of `bytes` bytes) of V[r]. */
export const vLaneOffset = (r: number, lane: number, bytes: number): number => vOffset(r) + lane * bytes;
/** Zeroes the upper 64 bits of V[r] (what every scalar or 64-bit vector write does). V registers are
 * always accessed as whole vectors (see trans/vreg.ts). */
export function clearHighHalf(ctx: DisasContext, r: number): void {
  const { b } = ctx;
  b.stEnv(b.vec('vand', [b.ldEnv('v128', vOffset(r)), b.constV((1n << 64n) - 1n)]), vOffset(r));
}

// --- NZCV (see state.ts for the representation) ------------------------------------------

/** 32-bit results are kept sign-extended in NF/ZF/VF so that bit 63 carries N and V. */
function flagValue(ctx: DisasContext, v: Temp, sf: boolean): Temp {
  return sf ? v : ctx.b.unary('ext32s_i64', v);
}

/** N and Z from a result; C and V cleared (logical ops: ANDS, BICS, TST). */
export function genLogicFlags(ctx: DisasContext, result: Temp, sf: boolean): void {
  const { b } = ctx;
  const r = flagValue(ctx, result, sf);
  b.stEnv(r, A64.NF);
  b.stEnv(r, A64.ZF);
  const zero = b.const64(0);
  b.stEnv(zero, A64.CF);
  b.stEnv(zero, A64.VF);
}

/**
 * result = x + y + carryIn with flags, for ADDS/ADCS (and SUBS/SBCS as x + ~y + carry).
 * x, y are the operands as the width sees them (zero-extended when !sf); carryIn is an
 * i64 0/1 temp or undefined for 0. Returns the result (full 64 bits; low 32 valid when !sf).
 */
export function genAddWithFlags(ctx: DisasContext, x: Temp, y: Temp, carryIn: Temp | undefined, sf: boolean): Temp {
  const { b } = ctx;
  let result: Temp;
  let carry: Temp;
  if (sf) {
    const partial = b.binary('add_i64', x, y);
    // carry out of x + y, then of partial + carryIn
    const c1 = b.setcond('ltu', partial, x);
    if (carryIn) {
      result = b.binary('add_i64', partial, carryIn);
      const c2 = b.setcond('ltu', result, partial);
      carry = b.binary('or_i64', c1, c2);
    } else {
      result = partial;
      carry = c1;
    }
  } else {
    // 32-bit operands are zero-extended, so the 64-bit sum holds the carry in bit 32.
    const x32 = b.unary('ext32u_i64', x);
    const y32 = b.unary('ext32u_i64', y);
    const sum = carryIn ? b.binary('add_i64', b.binary('add_i64', x32, y32), carryIn) : b.binary('add_i64', x32, y32);
    carry = b.binary('shr_i64', sum, b.const64(32));
    result = sum;
  }
  // V: the operands had the same sign and the result's sign differs.
  const overflow = b.binary('and_i64', b.binary('xor_i64', result, x), b.unary('not_i64', b.binary('xor_i64', x, y)));
  storeArithFlags(ctx, result, carry, overflow, sf);
  return result;
}

/**
 * result = x - y with flags (SUBS, CMP): what x + ~y + 1 gives, computed directly (the
 * commonest flag-setting instructions, so fewer ops here is less to translate and run).
 * C is "no borrow" (x >= y unsigned); V: the operands' signs differ and the result's
 * sign differs from x's.
 */
export function genSubWithFlags(ctx: DisasContext, x: Temp, y: Temp, sf: boolean): Temp {
  const { b } = ctx;
  const xs = sf ? x : b.unary('ext32u_i64', x);
  const ys = sf ? y : b.unary('ext32u_i64', y);
  const result = b.binary('sub_i64', xs, ys);
  const overflow = b.binary('and_i64', b.binary('xor_i64', xs, ys), b.binary('xor_i64', xs, result));
  storeArithFlags(ctx, result, b.setcond('geu', xs, ys), overflow, sf);
  return result;
}

/** NZCV of an add or subtract: N, Z from the result, C an i64 0/1, V in the sign bit of the width. */
function storeArithFlags(ctx: DisasContext, result: Temp, carry: Temp, overflow: Temp, sf: boolean): void {
  const { b } = ctx;
  const nz = flagValue(ctx, result, sf);
  b.stEnv(nz, A64.NF);
  b.stEnv(nz, A64.ZF);
  b.stEnv(carry, A64.CF);
  b.stEnv(flagValue(ctx, overflow, sf), A64.VF);
}

/** The carry flag as an i64 0/1 (for ADC/SBC). */
export function getCarry(ctx: DisasContext): Temp {
  return ctx.b.ldEnv('i64', A64.CF);
}

/** The A64 condition codes, in encoding order. */
export const A64_CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv'] as const;

/** A64 condition `cond` (0..15) as one IR comparison, or 'always' for AL/NV. */
function condTest(ctx: DisasContext, cond: number): { c: Cond; a: Temp; b: Temp } | 'always' {
  const { b } = ctx;
  const zero = b.const64(0);
  const ld = (ofs: number) => b.ldEnv('i64', ofs);
  let test: { c: Cond; a: Temp; b: Temp };
  switch (cond >> 1) {
    case 0: test = { c: 'eq', a: ld(A64.ZF), b: zero }; break; // EQ: Z
    case 1: test = { c: 'ne', a: ld(A64.CF), b: zero }; break; // CS: C
    case 2: test = { c: 'lt', a: ld(A64.NF), b: zero }; break; // MI: N
    case 3: test = { c: 'lt', a: ld(A64.VF), b: zero }; break; // VS: V
    case 4: // HI: C && !Z
      test = { c: 'ne', a: b.binary('and_i64', ld(A64.CF), b.setcond('ne', ld(A64.ZF), zero)), b: zero };
      break;
    case 5: test = { c: 'ge', a: b.binary('xor_i64', ld(A64.NF), ld(A64.VF)), b: zero }; break; // GE: N == V
    case 6: { // GT: !Z && N == V
      const nEqV = b.setcond('ge', b.binary('xor_i64', ld(A64.NF), ld(A64.VF)), zero);
      test = { c: 'ne', a: b.binary('and_i64', nEqV, b.setcond('ne', ld(A64.ZF), zero)), b: zero };
      break;
    }
    default: // AL, NV
      return 'always';
  }
  // Odd codes are the inverse of the even one below them.
  return cond & 1 ? { ...test, c: invertCond(test.c) } : test;
}

/** Branches to `label` when A64 condition `cond` (0..15) holds. */
export function genBranchIfCond(ctx: DisasContext, cond: number, label: number): void {
  const t = condTest(ctx, cond);
  if (t === 'always') ctx.b.emit('br', [], [], [label]);
  else ctx.b.brcond(t.c, t.a, t.b, label);
}

/** The condition as an i64 0/1 (CSEL, CSET, CCMP). */
export function genCondValue(ctx: DisasContext, cond: number): Temp {
  const t = condTest(ctx, cond);
  return t === 'always' ? ctx.b.const64(1) : ctx.b.setcond(t.c, t.a, t.b);
}

function invertCond(c: Cond): Cond {
  const inverse: Record<Cond, Cond> = { eq: 'ne', ne: 'eq', lt: 'ge', ge: 'lt', le: 'gt', gt: 'le', ltu: 'geu', geu: 'ltu', leu: 'gtu', gtu: 'leu' };
  return inverse[c];
}

/** NZCV packed as the PSTATE bits 31:28 (MRS NZCV), as an i64. */
export function genReadNzcv(ctx: DisasContext): Temp {
  const { b } = ctx;
  const zero = b.const64(0);
  const n = b.binary('shl_i64', b.setcond('lt', b.ldEnv('i64', A64.NF), zero), b.const64(31));
  const z = b.binary('shl_i64', b.setcond('eq', b.ldEnv('i64', A64.ZF), zero), b.const64(30));
  const c = b.binary('shl_i64', b.ldEnv('i64', A64.CF), b.const64(29));
  const v = b.binary('shl_i64', b.setcond('lt', b.ldEnv('i64', A64.VF), zero), b.const64(28));
  return b.binary('or_i64', b.binary('or_i64', n, z), b.binary('or_i64', c, v));
}

/** Sets NZCV from PSTATE-style bits 31:28 of `v` (MSR NZCV, CCMP's immediate nzcv << 28). */
export function genWriteNzcv(ctx: DisasContext, v: Temp): void {
  const { b } = ctx;
  const bit = (i: number) => b.binary('and_i64', b.binary('shr_i64', v, b.const64(i)), b.const64(1));
  b.stEnv(b.unary('neg_i64', bit(31)), A64.NF); // N: all ones when set
  b.stEnv(b.binary('xor_i64', bit(30), b.const64(1)), A64.ZF); // Z set ⇔ ZF == 0
  b.stEnv(bit(29), A64.CF);
  b.stEnv(b.unary('neg_i64', bit(28)), A64.VF);
}

// --- helpers and traps ------------------------------------------------------------------

export function helperId(ctx: DisasContext, name: string): number {
  const id = ctx.helpers[name];
  if (id === undefined) throw new Error(`aarch64: helper ${name} is not registered`);
  return id;
}
export function callValue(ctx: DisasContext, name: string, args: Temp[]): Temp {
  const t = ctx.b.call(helperId(ctx, name), args);
  if (!t) throw new Error(`aarch64: helper ${name} returns nothing`);
  return t;
}
export function callVoid(ctx: DisasContext, name: string, args: Temp[]): void {
  ctx.b.call(helperId(ctx, name), args);
}

/** Returns to the CPU loop raising `excp` at the current instruction (on this path only). */
export function genRaise(ctx: DisasContext, excp: Excp): void {
  ctx.b.stEnv(ctx.b.const32(excp), ENV.EXCEPTION);
  ctx.b.exitTb(ExitReason.EXCEPTION, ctx.pc);
}
/** Ends the block raising `excp`. */
export function genException(ctx: DisasContext, excp: Excp): boolean {
  genRaise(ctx, excp);
  ctx.ended = true;
  return true;
}

// --- the block loop ---------------------------------------------------------------------

const pageOf = (pc: number): number => Math.floor(pc / 2 ** PAGE_SHIFT);

/** Tries each table in turn; an encoding belongs to at most one class. */
function decodeA64(bits: number, t: A64Translators, ctx: DisasContext): boolean {
  return decodeInt(bits, t, ctx) || decodeLdst(bits, t, ctx) || decodeFp(bits, t, ctx) || decodeSimd(bits, t, ctx);
}

/**
 * A block at a pc that is not instruction-aligned: its fetch faults (SIGBUS, BUS_ADRALN, as
 * Linux delivers the alignment fault), before any byte is read.
 */
function misalignedPc(ctx: DisasContext, pc: number): TranslatedBlock {
  const { b } = ctx;
  b.insnStart(pc);
  b.stEnv(b.const64(pc), ENV.EXCEPTION_ADDR);
  genException(ctx, Excp.BUS_ADRALN);
  return { pc, size: 1, insns: [], ops: b.ops, temps: b.temps, labelCount: b.labelCount, successors: b.successors };
}

export class A64Translator implements Translator {
  constructor(
    private readonly registry: HelperRegistry,
    private readonly handlers: A64Translators,
    private readonly helperIds: Readonly<Record<string, number>>,
  ) {}

  private readonly describeInsn = (bits: number): string => describe(bits, this.handlers);

  translate(mem: GuestMemory, pc: number, opts: TranslateOptions): TranslatedBlock {
    const b = new IrBuilder((id) => this.registry.get(id));
    const ctx: DisasContext = { b, pc, ended: false, helpers: this.helperIds, parallel: parallelTranslation(mem.memory.buffer) };
    const insns: GuestInsn[] = [];
    if (pc % INSN_SIZE !== 0) return misalignedPc(ctx, pc);
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
      ctx.pc = cur;
      b.insnStart(cur);
      const opsMark = b.ops.length;
      const succMark = b.successors.length;
      if (!decodeA64(bits, this.handlers, ctx)) {
        // Drop anything a handler emitted before giving up, then trap (UDF, unallocated).
        b.ops.length = opsMark;
        b.successors.length = succMark;
        genException(ctx, Excp.ILLEGAL_INSN);
      }
      insns.push(new LazyGuestInsn(cur, INSN_SIZE, bits, this.describeInsn));
      cur += INSN_SIZE;
      if (ctx.ended) break;
    }
    return { pc, size: cur - pc, insns, ops: b.ops, temps: b.temps, labelCount: b.labelCount, successors: b.successors };
  }
}

/** The instruction at pc, or null when a later instruction of the block cannot be fetched (the first one's fault propagates). */
function fetchInsn(mem: GuestMemory, pc: number, first: boolean): number | null {
  if (first) return (mem.fetch16(pc) | (mem.fetch16(pc + 2) << 16)) >>> 0;
  // Checked once here; the read itself then needs no second check.
  return mem.canAccess(pc, INSN_SIZE, 'exec') ? mem.dv.getUint32(pc, true) : null;
}

/** Text for -d in_asm: the pattern name and its decoded fields, found by running the decoders against a recording proxy. */
function describe(bits: number, handlers: A64Translators): string {
  let found = '';
  const recorder = new Proxy(handlers, {
    get(target, prop: string) {
      const real = (target as unknown as Record<string, unknown>)[prop];
      if (!prop.startsWith('trans_')) return real;
      return (_ctx: unknown, a: Record<string, number>) => {
        found = `${prop.slice(6)} ${Object.entries(a).map(([k, v]) => `${k}=${v}`).join(',')}`.trimEnd();
        return true;
      };
    },
  });
  const scratch: DisasContext = { b: new IrBuilder(() => { throw new Error('describe: no helpers'); }), pc: 0, ended: false, helpers: {}, parallel: false };
  return decodeA64(bits, recorder, scratch) ? found : `.inst 0x${bits.toString(16).padStart(8, '0')} (undefined)`;
}

export { vOffset, xOffset };
