// Generators of the A64 integer class: add/sub (immediate, shifted and extended register,
// with carry), logical ops with the bitmask immediate, move wide, bitfield moves, EXTR,
// conditional compare/select, the 1-, 2- and 3-source ops, and the branches. The trans_
// handlers in int.ts are one-line calls into these. 32-bit (sf = 0) forms compute in 64
// bits where the low half does not depend on the high one, and use i32 ops where it does
// (right shifts, rotates, division, CLZ); setX(..., sf = false) zero-extends the result.

import { ExitReason } from '../../../tcg/env.js';
import type { Temp } from '../../../tcg/ir.js';
import type { Opcode } from '../../../tcg/opcodes.js';
import type {
  arg_bitmask, arg_cb, arg_ccmp, arg_crc, arg_csel, arg_extr, arg_movw, arg_r2, arg_r3, arg_r3s, arg_r3x, arg_r4, arg_ri, arg_tb,
} from '../int.generated.js';
import {
  callValue, genAddWithFlags, genBranchIfCond, genCondValue, genLogicFlags, genSubWithFlags, getCarry, getX, getXsp, nextPc,
  operand, setX, setXsp, type DisasContext,
} from '../translate.js';
import { A64 } from '../state.js';

const M64 = (1n << 64n) - 1n;
const ones = (n: number): bigint => (1n << BigInt(n)) - 1n;
const width = (sf: number): number => (sf ? 64 : 32);

// --- small IR conveniences ------------------------------------------------------------------

const c64 = (ctx: DisasContext, v: bigint | number): Temp => ctx.b.const64(v);
const to32 = (ctx: DisasContext, v: Temp): Temp => ctx.b.unary('extrl_i64_i32', v);
const from32 = (ctx: DisasContext, v: Temp): Temp => ctx.b.unary('extu_i32_i64', v);

/** Applies a binary op at the instruction's width: i64, or i32 on the low halves (result zero-extended). */
function binAtWidth(ctx: DisasContext, sf: number, op64: Opcode, op32: Opcode, x: Temp, y: Temp): Temp {
  if (sf) return ctx.b.binary(op64, x, y);
  return from32(ctx, ctx.b.binary(op32, to32(ctx, x), to32(ctx, y)));
}

/** Shift kinds of the shifted-register forms, in encoding order. */
const SHIFT_OPS: readonly [Opcode, Opcode][] = [
  ['shl_i64', 'shl_i32'], // LSL
  ['shr_i64', 'shr_i32'], // LSR
  ['sar_i64', 'sar_i32'], // ASR
  ['rotr_i64', 'rotr_i32'], // ROR
];

/** v shifted by a constant amount (< width) of kind `shift` at the instruction's width. */
function shiftBy(ctx: DisasContext, v: Temp, shift: number, amount: number, sf: number): Temp {
  if (amount === 0) return v;
  const [op64, op32] = SHIFT_OPS[shift];
  return binAtWidth(ctx, sf, op64, op32, v, c64(ctx, amount));
}

/** The shifted second operand Rm, or null when the shift is unallocated for this width. */
function shiftedRm(ctx: DisasContext, a: arg_r3s): Temp | null {
  if (a.sa >= width(a.sf)) return null;
  return shiftBy(ctx, getX(ctx, a.rm), a.shift, a.sa, a.sf);
}

/** Rm extended by option (UXTB..SXTX) and shifted left by 0..4 (extended-register forms). */
function extendedRm(ctx: DisasContext, a: arg_r3x): Temp | null {
  if (a.sa > 4) return null;
  const EXTEND: readonly (Opcode | null)[] = ['ext8u_i64', 'ext16u_i64', 'ext32u_i64', null, 'ext8s_i64', 'ext16s_i64', 'ext32s_i64', null];
  const ext = EXTEND[a.opt];
  let v = getX(ctx, a.rm);
  if (ext) v = ctx.b.unary(ext, v);
  return a.sa ? ctx.b.binary('shl_i64', v, c64(ctx, a.sa)) : v;
}

// --- add / subtract ------------------------------------------------------------------------

export interface AddSubKind {
  readonly sub: boolean;
  readonly setFlags: boolean;
}
export const ADD = { sub: false, setFlags: false } as const;
export const ADDS = { sub: false, setFlags: true } as const;
export const SUB = { sub: true, setFlags: false } as const;
export const SUBS = { sub: true, setFlags: true } as const;

/**
 * Rd = Rn ± y. `rnSp`: Rn 31 is SP (immediate and extended forms); the result goes to SP
 * for Rd 31 when the form writes SP and sets no flags (ADD/SUB immediate and extended).
 */
function genAddSub(ctx: DisasContext, k: AddSubKind, sf: number, rd: number, rn: number, y: Temp, rnSp: boolean): boolean {
  const x = rnSp ? getXsp(ctx, rn) : getX(ctx, rn);
  const wide = sf === 1;
  if (k.setFlags) {
    const xs = operand(ctx, x, wide);
    const ys = operand(ctx, y, wide);
    setX(ctx, rd, k.sub ? genSubWithFlags(ctx, xs, ys, wide) : genAddWithFlags(ctx, xs, ys, undefined, wide), wide);
    return true;
  }
  const r = ctx.b.binary(k.sub ? 'sub_i64' : 'add_i64', x, y);
  if (rnSp) setXsp(ctx, rd, r, wide);
  else setX(ctx, rd, r, wide);
  return true;
}

export function genAddSubImm(ctx: DisasContext, a: arg_ri, k: AddSubKind): boolean {
  return genAddSub(ctx, k, a.sf, a.rd, a.rn, c64(ctx, a.imm), true);
}
export function genAddSubShifted(ctx: DisasContext, a: arg_r3s, k: AddSubKind): boolean {
  if (a.shift === 3) return false; // ROR is not an add/sub shift
  const y = shiftedRm(ctx, a);
  return y !== null && genAddSub(ctx, k, a.sf, a.rd, a.rn, y, false);
}
export function genAddSubExtended(ctx: DisasContext, a: arg_r3x, k: AddSubKind): boolean {
  const y = extendedRm(ctx, a);
  // Rd is SP for ADD/SUB (extended) but XZR for ADDS/SUBS: genAddSub's rnSp covers both cases.
  return y !== null && genAddSub(ctx, k, a.sf, a.rd, a.rn, y, true);
}

/** ADC/ADCS/SBC/SBCS: Rn + Rm + C, or Rn + NOT(Rm) + C. */
export function genAddSubCarry(ctx: DisasContext, a: arg_r3, k: AddSubKind): boolean {
  const { b } = ctx;
  const wide = a.sf === 1;
  const x = operand(ctx, getX(ctx, a.rn), wide);
  let y = operand(ctx, getX(ctx, a.rm), wide);
  if (k.sub) y = wide ? b.unary('not_i64', y) : b.binary('xor_i64', y, c64(ctx, 0xffffffff));
  const r = k.setFlags ? genAddWithFlags(ctx, x, y, getCarry(ctx), wide) : b.binary('add_i64', b.binary('add_i64', x, y), getCarry(ctx));
  setX(ctx, a.rd, r, wide);
  return true;
}

// --- logical ----------------------------------------------------------------------------------

export type LogicOp = 'and' | 'or' | 'xor';
const LOGIC_OPCODE: Record<LogicOp, Opcode> = { and: 'and_i64', or: 'or_i64', xor: 'xor_i64' };

/**
 * DecodeBitMasks(N, imms, immr, immediate = TRUE) of the Arm ARM: the logical immediate as
 * an unsigned bigint of `datasize` bits, or null for a reserved encoding.
 */
export function decodeBitMasks(n: number, imms: number, immr: number, datasize: number): bigint | null {
  const combined = (n << 6) | (~imms & 0x3f);
  if (combined === 0) return null;
  const len = 31 - Math.clz32(combined);
  if (len < 1) return null;
  const levels = (1 << len) - 1;
  if ((imms & levels) === levels) return null;
  const s = imms & levels;
  const r = immr & levels;
  const esize = 1 << len;
  if (esize > datasize) return null;
  const welem = ones(s + 1);
  const emask = ones(esize);
  const rotated = r === 0 ? welem : ((welem >> BigInt(r)) | (welem << BigInt(esize - r))) & emask;
  let out = 0n;
  for (let i = 0; i < datasize; i += esize) out |= rotated << BigInt(i);
  return out;
}

/** AND/ORR/EOR/ANDS (immediate): Rd (SP unless flags are set) = Rn op imm. */
export function genLogicImm(ctx: DisasContext, a: arg_bitmask, op: LogicOp, setFlags: boolean): boolean {
  if (!a.sf && a.n) return false;
  const imm = decodeBitMasks(a.n, a.imms, a.immr, width(a.sf));
  if (imm === null) return false;
  const r = ctx.b.binary(LOGIC_OPCODE[op], getX(ctx, a.rn), c64(ctx, imm));
  if (setFlags) {
    genLogicFlags(ctx, r, a.sf === 1);
    setX(ctx, a.rd, r, a.sf === 1);
  } else setXsp(ctx, a.rd, r, a.sf === 1);
  return true;
}

/** AND/BIC/ORR/ORN/EOR/EON/ANDS/BICS (shifted register); `invert` complements the shifted Rm. */
export function genLogicReg(ctx: DisasContext, a: arg_r3s, op: LogicOp, invert: boolean, setFlags: boolean): boolean {
  let y = shiftedRm(ctx, a);
  if (y === null) return false;
  if (invert) y = ctx.b.unary('not_i64', y);
  const r = ctx.b.binary(LOGIC_OPCODE[op], getX(ctx, a.rn), y);
  if (setFlags) genLogicFlags(ctx, r, a.sf === 1);
  setX(ctx, a.rd, r, a.sf === 1);
  return true;
}

// --- move wide, PC-relative ----------------------------------------------------------------

export type MoveWide = 'movn' | 'movz' | 'movk';
export function genMoveWide(ctx: DisasContext, a: arg_movw, kind: MoveWide): boolean {
  if (!a.sf && a.hw >= 2) return false;
  const pos = BigInt(a.hw * 16);
  const imm = BigInt(a.imm) << pos;
  let r: Temp;
  if (kind === 'movz') r = c64(ctx, imm);
  else if (kind === 'movn') r = c64(ctx, ~imm & M64);
  else r = ctx.b.binary('or_i64', ctx.b.binary('and_i64', getX(ctx, a.rd), c64(ctx, ~(0xffffn << pos) & M64)), c64(ctx, imm));
  setX(ctx, a.rd, r, a.sf === 1);
  return true;
}

export function genPcRel(ctx: DisasContext, rd: number, imm: number, page: boolean): boolean {
  const base = page ? BigInt(ctx.pc) & ~0xfffn : BigInt(ctx.pc);
  setX(ctx, rd, c64(ctx, base + (page ? BigInt(imm) << 12n : BigInt(imm))));
  return true;
}

// --- bitfield, extract -------------------------------------------------------------------------

export type BitfieldKind = 'sbfm' | 'bfm' | 'ubfm';

/**
 * SBFM/BFM/UBFM and all their aliases (ASR/LSR/LSL, SXTB/H/W, UXTB/H, SBFX/UBFX, SBFIZ/UBFIZ,
 * BFI/BFXIL). imms >= immr: the field Rn<imms:immr> goes to the bottom of Rd; otherwise
 * Rn<imms:0> goes to bit (width - immr). SBFM sign-extends above the field, UBFM zeroes,
 * BFM keeps Rd's other bits.
 */
export function genBitfield(ctx: DisasContext, a: arg_bitmask, kind: BitfieldKind): boolean {
  const ds = width(a.sf);
  if (a.n !== a.sf || a.immr >= ds || a.imms >= ds) return false;
  const { b } = ctx;
  const [lsb, len, pos] = a.imms >= a.immr ? [a.immr, a.imms - a.immr + 1, 0] : [0, a.imms + 1, ds - a.immr];
  const src = getX(ctx, a.rn);
  let field: Temp;
  if (kind === 'sbfm') {
    const up = b.binary('shl_i64', src, c64(ctx, 64 - lsb - len));
    field = b.binary('sar_i64', up, c64(ctx, 64 - len));
  } else {
    const down = lsb ? b.binary('shr_i64', src, c64(ctx, lsb)) : src;
    field = len === 64 ? down : b.binary('and_i64', down, c64(ctx, ones(len)));
  }
  let r = pos ? b.binary('shl_i64', field, c64(ctx, pos)) : field;
  if (kind === 'bfm') {
    const mask = (ones(len) << BigInt(pos)) & M64;
    r = b.binary('or_i64', b.binary('and_i64', getX(ctx, a.rd), c64(ctx, ~mask & M64)), r);
  }
  setX(ctx, a.rd, r, a.sf === 1);
  return true;
}

/** EXTR (and ROR immediate): Rd = (Rn:Rm) >> lsb at the instruction's width. */
export function genExtract(ctx: DisasContext, a: arg_extr): boolean {
  const ds = width(a.sf);
  if (a.n !== a.sf || a.imms >= ds) return false;
  const { b } = ctx;
  const lo = getX(ctx, a.rm);
  let r: Temp;
  if (!a.sf) {
    // (Rn<31:0> : Rm<31:0>) as one 64-bit value, shifted right; the low 32 bits are the result.
    const cat = b.binary('or_i64', b.binary('shl_i64', getX(ctx, a.rn), c64(ctx, 32)), b.unary('ext32u_i64', lo));
    r = a.imms ? b.binary('shr_i64', cat, c64(ctx, a.imms)) : cat;
  } else if (a.imms === 0) {
    r = lo;
  } else {
    r = b.binary('or_i64', b.binary('shr_i64', lo, c64(ctx, a.imms)), b.binary('shl_i64', getX(ctx, a.rn), c64(ctx, 64 - a.imms)));
  }
  setX(ctx, a.rd, r, a.sf === 1);
  return true;
}

// --- conditional compare / select ---------------------------------------------------------

/**
 * CCMP/CCMN: if cond holds, the flags of Rn - y (or Rn + y), else the flags nzcv. The
 * condition is read first; the comparison's flags are then replaced where it failed.
 */
export function genCondCompare(ctx: DisasContext, a: arg_ccmp, sub: boolean, immediate: boolean): boolean {
  const { b } = ctx;
  const wide = a.sf === 1;
  const cond = genCondValue(ctx, a.cond);
  const x = operand(ctx, getX(ctx, a.rn), wide);
  const y = immediate ? c64(ctx, a.y) : operand(ctx, getX(ctx, a.y), wide);
  if (sub) genSubWithFlags(ctx, x, y, wide);
  else genAddWithFlags(ctx, x, y, undefined, wide);
  const zero = c64(ctx, 0);
  const forced: [number, bigint][] = [
    [A64.NF, a.nzcv & 8 ? -1n : 0n],
    [A64.ZF, a.nzcv & 4 ? 0n : 1n],
    [A64.CF, a.nzcv & 2 ? 1n : 0n],
    [A64.VF, a.nzcv & 1 ? -1n : 0n],
  ];
  for (const [ofs, v] of forced) b.stEnv(b.movcond('ne', cond, zero, b.ldEnv('i64', ofs), c64(ctx, v)), ofs);
  return true;
}

export type CondSelect = 'csel' | 'csinc' | 'csinv' | 'csneg';
/** Rd = cond ? Rn : f(Rm) with f = identity, +1, NOT or negate. */
export function genCondSelect(ctx: DisasContext, a: arg_csel, kind: CondSelect): boolean {
  const { b } = ctx;
  const cond = genCondValue(ctx, a.cond);
  let y = getX(ctx, a.rm);
  if (kind === 'csinc') y = b.binary('add_i64', y, c64(ctx, 1));
  else if (kind === 'csinv') y = b.unary('not_i64', y);
  else if (kind === 'csneg') y = b.unary('neg_i64', y);
  setX(ctx, a.rd, b.movcond('ne', cond, c64(ctx, 0), getX(ctx, a.rn), y), a.sf === 1);
  return true;
}

// --- 1-source ---------------------------------------------------------------------------

/** Swaps adjacent k-bit groups selected by mask: ((x >> k) & m) | ((x & m) << k). */
function swapGroups(ctx: DisasContext, x: Temp, k: number, mask: bigint): Temp {
  const { b } = ctx;
  const m = c64(ctx, mask);
  const hi = b.binary('and_i64', b.binary('shr_i64', x, c64(ctx, k)), m);
  const lo = b.binary('shl_i64', b.binary('and_i64', x, m), c64(ctx, k));
  return b.binary('or_i64', hi, lo);
}
const SWAP_MASKS: Record<number, bigint> = {
  1: 0x5555555555555555n, 2: 0x3333333333333333n, 4: 0x0f0f0f0f0f0f0f0fn,
  8: 0x00ff00ff00ff00ffn, 16: 0x0000ffff0000ffffn, 32: 0x00000000ffffffffn,
};

/**
 * Bit and byte reversals as swap steps: the reversal of each `unit`-bit block is the swap
 * of every group size from `from` up to unit/2 (RBIT: from 1; REV*: from 8).
 */
export function genReverse(ctx: DisasContext, a: arg_r2, from: number, unit: number): boolean {
  let x = operand(ctx, getX(ctx, a.rn), a.sf === 1);
  for (let k = from; k < unit; k *= 2) x = swapGroups(ctx, x, k, SWAP_MASKS[k]);
  setX(ctx, a.rd, x, a.sf === 1);
  return true;
}
/** RBIT: reverse all bits of the register width. */
export const genRbit = (ctx: DisasContext, a: arg_r2): boolean => genReverse(ctx, a, 1, width(a.sf));

/** CLZ, or CLS (leading sign bits: CLZ(x ^ (x >> 1 arithmetic)) - 1). */
export function genCountLeading(ctx: DisasContext, a: arg_r2, signBits: boolean): boolean {
  const { b } = ctx;
  const x = getX(ctx, a.rn);
  let r: Temp;
  if (a.sf) {
    const v = signBits ? b.binary('xor_i64', x, b.binary('sar_i64', x, c64(ctx, 1))) : x;
    r = b.unary('clz_i64', v);
  } else {
    const x32 = to32(ctx, x);
    const v = signBits ? b.binary('xor_i32', x32, b.binary('sar_i32', x32, b.const32(1))) : x32;
    r = from32(ctx, b.unary('clz_i32', v));
  }
  if (signBits) r = b.binary('sub_i64', r, c64(ctx, 1));
  setX(ctx, a.rd, r, a.sf === 1);
  return true;
}

// --- 2-source -----------------------------------------------------------------------------

/** UDIV/SDIV and LSLV/LSRV/ASRV/RORV: the IR ops already give x/0 = 0 and shift mod width. */
export function genBinaryReg(ctx: DisasContext, a: arg_r3, op64: Opcode, op32: Opcode): boolean {
  setX(ctx, a.rd, binAtWidth(ctx, a.sf, op64, op32, getX(ctx, a.rn), getX(ctx, a.rm)), a.sf === 1);
  return true;
}

/** CRC32{B,H,W,X} / CRC32C*: Wd = crc(Wn, Rm<8<<sz - 1:0>). sf must be set exactly for X. */
export function genCrc32(ctx: DisasContext, a: arg_crc, castagnoli: boolean): boolean {
  if ((a.sz === 3) !== (a.sf === 1)) return false;
  const { b } = ctx;
  const helper = castagnoli ? 'a64_crc32c' : 'a64_crc32';
  const data = getX(ctx, a.rm);
  let acc = to32(ctx, getX(ctx, a.rn));
  if (a.sz === 3) {
    acc = callValue(ctx, helper, [acc, to32(ctx, data), b.const32(4)]);
    acc = callValue(ctx, helper, [acc, to32(ctx, b.binary('shr_i64', data, c64(ctx, 32))), b.const32(4)]);
  } else {
    acc = callValue(ctx, helper, [acc, to32(ctx, data), b.const32(1 << a.sz)]);
  }
  setX(ctx, a.rd, from32(ctx, acc));
  return true;
}

// --- 3-source -----------------------------------------------------------------------------

export type Widen = 'none' | 'signed' | 'unsigned';
/** MADD/MSUB and the widening SMADDL/SMSUBL/UMADDL/UMSUBL: Rd = Ra ± Rn × Rm. */
export function genMulAdd(ctx: DisasContext, a: arg_r4, sub: boolean, widen: Widen): boolean {
  const { b } = ctx;
  let x = getX(ctx, a.rn);
  let y = getX(ctx, a.rm);
  if (widen !== 'none') {
    const ext: Opcode = widen === 'signed' ? 'ext32s_i64' : 'ext32u_i64';
    x = b.unary(ext, x);
    y = b.unary(ext, y);
  }
  const prod = b.binary('mul_i64', x, y);
  setX(ctx, a.rd, b.binary(sub ? 'sub_i64' : 'add_i64', getX(ctx, a.ra), prod), a.sf === 1);
  return true;
}
/** SMULH/UMULH: the high 64 bits of the 128-bit product. */
export function genMulHigh(ctx: DisasContext, a: arg_r4, op: 'mulh_s_i64' | 'mulh_u_i64'): boolean {
  setX(ctx, a.rd, ctx.b.binary(op, getX(ctx, a.rn), getX(ctx, a.rm)));
  return true;
}

// --- branches ------------------------------------------------------------------------------

function end(ctx: DisasContext): boolean {
  ctx.ended = true;
  return true;
}

/** B / BL (link: X30 = pc + 4). */
export function genBranchImm(ctx: DisasContext, offset: number, link: boolean): boolean {
  if (link) setX(ctx, 30, c64(ctx, nextPc(ctx)));
  ctx.b.gotoTb(ctx.pc + offset);
  return end(ctx);
}

/** BR / BLR / RET: the target is read before X30 is written (BLR X30). */
export function genBranchReg(ctx: DisasContext, rn: number, link: boolean): boolean {
  const target = getX(ctx, rn);
  if (link) setX(ctx, 30, c64(ctx, nextPc(ctx)));
  ctx.b.gotoPtr(target);
  return end(ctx);
}

/** Emits `if (taken) goto pc+offset else goto next`, given a generator of the branch to `taken`. */
function genCondJump(ctx: DisasContext, offset: number, branch: (taken: number) => void): boolean {
  const taken = ctx.b.newLabel();
  branch(taken);
  ctx.b.gotoTb(nextPc(ctx));
  ctx.b.setLabel(taken);
  ctx.b.gotoTb(ctx.pc + offset);
  return end(ctx);
}

export function genBcond(ctx: DisasContext, cond: number, offset: number): boolean {
  return genCondJump(ctx, offset, (taken) => genBranchIfCond(ctx, cond, taken));
}
/** CBZ / CBNZ on the register at the instruction's width. */
export function genCompareBranch(ctx: DisasContext, a: arg_cb, nonZero: boolean): boolean {
  return genCondJump(ctx, a.imm, (taken) =>
    ctx.b.brcond(nonZero ? 'ne' : 'eq', operand(ctx, getX(ctx, a.rt), a.sf === 1), c64(ctx, 0), taken));
}
/** TBZ / TBNZ on bit `bitpos` of Xt. */
export function genTestBranch(ctx: DisasContext, a: arg_tb, nonZero: boolean): boolean {
  return genCondJump(ctx, a.imm, (taken) => {
    const bit = ctx.b.binary('and_i64', getX(ctx, a.rt), c64(ctx, 1n << BigInt(a.bitpos)));
    ctx.b.brcond(nonZero ? 'ne' : 'eq', bit, c64(ctx, 0), taken);
  });
}

/** SVC: return to the CPU loop with env.pc at the SVC (the syscall layer steps past it). */
export function genSvc(ctx: DisasContext): boolean {
  ctx.b.exitTb(ExitReason.SYSCALL, ctx.pc);
  return end(ctx);
}
