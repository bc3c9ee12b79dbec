// AArch64 scalar floating-point handlers (a64-fp.decode): arithmetic, FMA, compares
// and conversions call the helpers of fpu-helpers.ts with register numbers; moves,
// FABS/FNEG, FCSEL and FMOV immediate are plain bit moves emitted inline. ftype 00 is
// single, 01 double, 11 half; a scalar write zeroes the rest of the V register.
// Single and double arithmetic and FMA first try the native fast path of
// tcg/fp-fast.ts (FPCR: round to nearest, no flush to zero; FPSR.IXC already set; a
// result well inside the normal range), and compares are native when no operand is NaN.

import type { Temp } from '../../../tcg/ir.js';
import type { Translators } from '../fp.generated.js';
import {
  FP_BINOP_NMUL, FP_BINOPS, FP_CMP_SIGNALING, FP_CMP_ZERO, FP_NEG_ADDEND, FP_NEG_PRODUCT, FP_RMODES, FP_UNOPS,
  fromIntMode, toIntMode,
} from '../fpu-helpers.js';
import type { FpBinop, FpEsize, FpRmode, FpUnop } from '../fp-ops.js';
import {
  callValue, callVoid, type DisasContext, genBranchIfCond, genCondValue, genWriteNzcv, getX, setX,
} from '../translate.js';
import { A64 } from '../state.js';
import { low64, readLane, writeLane, writeScalar } from './vreg.js';
import { genFpFastPath } from '../../../tcg/fp-fast.js';
import type { Opcode } from '../../../tcg/opcodes.js';

/** FPCR fields that must be zero for the fast path: RMode (round to nearest) and FZ. */
const FPCR_FAST_MASK = (3 << 22) | (1 << 24);
/** FPSR.IXC, the cumulative inexact flag. */
const FPSR_IXC = 1 << 4;

/** V[r]'s low lanes as a native f32/f64 temp. */
function nativeScalar(ctx: DisasContext, r: number, esize: 32 | 64): Temp {
  const { b } = ctx;
  const v = low64(ctx, r);
  return esize === 64 ? b.unary('bitcast_i64_f64', v) : b.unary('bitcast_i32_f32', b.unary('extrl_i64_i32', v));
}

/** The fast path around `slow` (a helper call): V[rd] = compute(V[srcs]...) natively when allowed. */
function genFast(ctx: DisasContext, esize: FpEsize, rd: number, srcs: number[], compute: (x: Temp[]) => Temp, slow: () => void): void {
  if (esize === 16) {
    slow();
    return;
  }
  const { b } = ctx;
  genFpFastPath(b, {
    type: esize === 64 ? 'f64' : 'f32',
    guard: (slowLabel) => {
      b.brcond('ne', b.binary('and_i32', b.ldEnv('i32', A64.FPCR), b.const32(FPCR_FAST_MASK)), b.const32(0), slowLabel);
      b.brcond('eq', b.binary('and_i32', b.ldEnv('i32', A64.FPSR), b.const32(FPSR_IXC)), b.const32(0), slowLabel);
    },
    compute: () => compute(srcs.map((r) => nativeScalar(ctx, r, esize))),
    commit: (bits) => writeScalar(ctx, rd, esize === 64 ? bits : b.unary('extu_i32_i64', bits)),
    slowPath: slow,
  });
}

/** The native op of each binop the fast path handles. */
const NATIVE_BINOP: Partial<Record<FpBinop | 'nmul', 'fadd' | 'fsub' | 'fmul' | 'fdiv'>> = {
  add: 'fadd', sub: 'fsub', mul: 'fmul', div: 'fdiv', nmul: 'fmul',
};

/** The element size of an ftype field, or undefined when unallocated (10). */
function esizeOf(ftype: number): FpEsize | undefined {
  return ftype === 0 ? 32 : ftype === 1 ? 64 : ftype === 3 ? 16 : undefined;
}

/** An all-ones mask of the low `esize` bits, as an i64 constant. */
function lowMask(ctx: DisasContext, esize: number): Temp {
  return ctx.b.const64(esize === 64 ? -1n : (1n << BigInt(esize)) - 1n);
}

const c32 = (ctx: DisasContext, v: number): Temp => ctx.b.const32(v);

/** The low esize bits of V[rn], zero-extended to i64. */
function readScalar(ctx: DisasContext, rn: number, esize: number): Temp {
  const v = low64(ctx, rn);
  return esize === 64 ? v : ctx.b.binary('and_i64', v, lowMask(ctx, esize));
}

function genBinop(ctx: DisasContext, a: { ftype: number; rd: number; rn: number; rm: number }, op: FpBinop | 'nmul'): boolean {
  const e = esizeOf(a.ftype);
  if (e === undefined) return false;
  const opNum = op === 'nmul' ? FP_BINOP_NMUL : FP_BINOPS.indexOf(op);
  const slow = (): void => callVoid(ctx, 'a64_fp_binop', [ctx.b.envPtr(), c32(ctx, opNum), c32(ctx, e), c32(ctx, a.rd), c32(ctx, a.rn), c32(ctx, a.rm)]);
  const native = NATIVE_BINOP[op];
  if (!native) {
    slow();
    return true;
  }
  const t = e === 64 ? 'f64' : 'f32';
  genFast(ctx, e, a.rd, [a.rn, a.rm], (x) => {
    const r = ctx.b.binary(`${native}_${t}` as Opcode, x[0], x[1]);
    return op === 'nmul' ? ctx.b.unary(`fneg_${t}`, r) : r;
  }, slow);
  return true;
}

function genUnop(ctx: DisasContext, a: { ftype: number; rd: number; rn: number }, op: FpUnop): boolean {
  const e = esizeOf(a.ftype);
  if (e === undefined) return false;
  const slow = (): void => callVoid(ctx, 'a64_fp_unop', [ctx.b.envPtr(), c32(ctx, FP_UNOPS.indexOf(op)), c32(ctx, e), c32(ctx, a.rd), c32(ctx, a.rn)]);
  if (op === 'sqrt') genFast(ctx, e, a.rd, [a.rn], (x) => ctx.b.unary(e === 64 ? 'fsqrt_f64' : 'fsqrt_f32', x[0]), slow);
  else slow();
  return true;
}

/** FABS / FNEG / FMOV (register): a sign-bit operation on the raw bits. */
function genSignOp(ctx: DisasContext, a: { ftype: number; rd: number; rn: number }, op: 'abs' | 'neg' | 'mov'): boolean {
  const e = esizeOf(a.ftype);
  if (e === undefined) return false;
  const { b } = ctx;
  let v = readScalar(ctx, a.rn, e);
  const sign = b.const64(1n << BigInt(e - 1));
  if (op === 'abs') v = b.binary('and_i64', v, b.unary('not_i64', sign));
  else if (op === 'neg') v = b.binary('xor_i64', v, sign);
  writeScalar(ctx, a.rd, v);
  return true;
}

/** Raw bits of VFPExpandImm(imm8) for an esize-bit format. */
export function vfpExpandImm(imm8: number, esize: FpEsize): bigint {
  const expBits = esize === 64 ? 11 : esize === 32 ? 8 : 5;
  const fracBits = esize - 1 - expBits;
  const b6 = (imm8 >> 6) & 1;
  const exp = ((b6 ^ 1) << (expBits - 1)) | ((b6 ? (1 << (expBits - 3)) - 1 : 0) << 2) | ((imm8 >> 4) & 3);
  return (BigInt((imm8 >> 7) & 1) << BigInt(esize - 1)) | (BigInt(exp) << BigInt(fracBits)) |
    (BigInt(imm8 & 15) << BigInt(fracBits - 4));
}

/** FMOV between general and FP registers: the encodable (sf, ftype, top) combinations. */
function fmovGeneralSize(a: { sf: number; ftype: number; top: number }): number | undefined {
  if (a.top) return a.sf === 1 && a.ftype === 2 ? 64 : undefined;
  if (a.ftype === 3) return 16;
  if (a.sf === 0 && a.ftype === 0) return 32;
  if (a.sf === 1 && a.ftype === 1) return 64;
  return undefined;
}

function genToInt(ctx: DisasContext, a: { sf: number; ftype: number; rd: number; rn: number; u: number }, rmode: FpRmode, fbits: number): boolean {
  const e = esizeOf(a.ftype);
  if (e === undefined) return false;
  const mode = toIntMode(a.u === 0, a.sf === 1, FP_RMODES.indexOf(rmode), fbits);
  const v = callValue(ctx, 'a64_fp_toint', [ctx.b.envPtr(), c32(ctx, e), c32(ctx, a.rn), c32(ctx, mode)]);
  setX(ctx, a.rd, v, a.sf === 1);
  return true;
}

function genFromInt(ctx: DisasContext, a: { sf: number; ftype: number; rd: number; rn: number; u: number }, fbits: number): boolean {
  const e = esizeOf(a.ftype);
  if (e === undefined) return false;
  const mode = fromIntMode(a.u === 0, a.sf === 1, fbits);
  callVoid(ctx, 'a64_fp_fromint', [ctx.b.envPtr(), c32(ctx, e), c32(ctx, a.rd), getX(ctx, a.rn), c32(ctx, mode)]);
  return true;
}

/** FCVT{N,P,M,Z} rmode field values. */
const RMODE_FIELD: readonly FpRmode[] = ['n', 'p', 'm', 'z'];

export const FP_HANDLERS: Translators<DisasContext> = {
  trans_FMUL: (ctx, a) => genBinop(ctx, a, 'mul'),
  trans_FDIV: (ctx, a) => genBinop(ctx, a, 'div'),
  trans_FADD: (ctx, a) => genBinop(ctx, a, 'add'),
  trans_FSUB: (ctx, a) => genBinop(ctx, a, 'sub'),
  trans_FMAX: (ctx, a) => genBinop(ctx, a, 'max'),
  trans_FMIN: (ctx, a) => genBinop(ctx, a, 'min'),
  trans_FMAXNM: (ctx, a) => genBinop(ctx, a, 'maxnm'),
  trans_FMINNM: (ctx, a) => genBinop(ctx, a, 'minnm'),
  trans_FNMUL: (ctx, a) => genBinop(ctx, a, 'nmul'),

  trans_FMOV_r: (ctx, a) => genSignOp(ctx, a, 'mov'),
  trans_FABS: (ctx, a) => genSignOp(ctx, a, 'abs'),
  trans_FNEG: (ctx, a) => genSignOp(ctx, a, 'neg'),
  trans_FSQRT: (ctx, a) => genUnop(ctx, a, 'sqrt'),
  trans_FRINTN: (ctx, a) => genUnop(ctx, a, 'frintn'),
  trans_FRINTP: (ctx, a) => genUnop(ctx, a, 'frintp'),
  trans_FRINTM: (ctx, a) => genUnop(ctx, a, 'frintm'),
  trans_FRINTZ: (ctx, a) => genUnop(ctx, a, 'frintz'),
  trans_FRINTA: (ctx, a) => genUnop(ctx, a, 'frinta'),
  trans_FRINTX: (ctx, a) => genUnop(ctx, a, 'frintx'),
  trans_FRINTI: (ctx, a) => genUnop(ctx, a, 'frinti'),

  trans_FCVT(ctx, a) {
    const from = esizeOf(a.ftype);
    const to = esizeOf(a.dtype);
    if (from === undefined || to === undefined || from === to) return false;
    callVoid(ctx, 'a64_fp_cvt', [ctx.b.envPtr(), c32(ctx, from), c32(ctx, to), c32(ctx, a.rd), c32(ctx, a.rn)]);
    return true;
  },

  trans_FMA(ctx, a) {
    // o1:o0 = 00 FMADD ra + n*m, 01 FMSUB ra - n*m, 10 FNMADD -ra - n*m, 11 FNMSUB -ra + n*m
    const e = esizeOf(a.ftype);
    if (e === undefined) return false;
    const negs = (a.o1 ^ a.o0 ? FP_NEG_PRODUCT : 0) | (a.o1 ? FP_NEG_ADDEND : 0);
    const { b } = ctx;
    const t = e === 64 ? 'f64' : 'f32';
    genFast(ctx, e, a.rd, [a.rn, a.rm, a.ra], (x) => {
      // negations are exact: (-n)*m + (-ra) etc.
      const n = negs & FP_NEG_PRODUCT ? b.unary(`fneg_${t}`, x[0]) : x[0];
      const c = negs & FP_NEG_ADDEND ? b.unary(`fneg_${t}`, x[2]) : x[2];
      const r = b.newTemp(t);
      b.emit(`fma_${t}`, [r], [n, x[1], c]);
      return r;
    }, () => callVoid(ctx, 'a64_fp_muladd', [
      b.envPtr(), c32(ctx, e), c32(ctx, a.rd), c32(ctx, a.rn), c32(ctx, a.rm), c32(ctx, a.ra), c32(ctx, negs),
    ]));
    return true;
  },

  trans_FCMP(ctx, a) {
    const e = esizeOf(a.ftype);
    if (e === undefined) return false;
    const flags = (a.e ? FP_CMP_SIGNALING : 0) | (a.z ? FP_CMP_ZERO : 0);
    const slow = (): void =>
      genWriteNzcv(ctx, callValue(ctx, 'a64_fp_cmp', [ctx.b.envPtr(), c32(ctx, e), c32(ctx, a.rn), c32(ctx, a.rm), c32(ctx, flags)]));
    if (e === 16) {
      slow();
      return true;
    }
    // Without NaNs (and with FZ off: denormal operands would raise IDC) a compare raises nothing:
    // NZCV = less 1000, equal 0110, greater 0010.
    const { b } = ctx;
    const slowLabel = b.newLabel();
    const done = b.newLabel();
    b.brcond('ne', b.binary('and_i32', b.ldEnv('i32', A64.FPCR), b.const32(1 << 24)), b.const32(0), slowLabel);
    const x = nativeScalar(ctx, a.rn, e);
    const y = a.z ? (e === 64 ? b.unary('bitcast_i64_f64', b.const64(0)) : b.unary('bitcast_i32_f32', b.const32(0))) : nativeScalar(ctx, a.rm, e);
    b.brcond('eq', b.binary('and_i32', b.fsetcond('eq', x, x), b.fsetcond('eq', y, y)), b.const32(0), slowLabel);
    const nzcv = b.movcond('ne', b.unary('extu_i32_i64', b.fsetcond('lt', x, y)), b.const64(0), b.const64(0x80000000n),
      b.movcond('ne', b.unary('extu_i32_i64', b.fsetcond('eq', x, y)), b.const64(0), b.const64(0x60000000n), b.const64(0x20000000n)));
    genWriteNzcv(ctx, nzcv);
    b.emit('br', [], [], [done]);
    b.setLabel(slowLabel);
    slow();
    b.setLabel(done);
    return true;
  },

  trans_FCCMP(ctx, a) {
    // if cond then NZCV = compare(n, m) else NZCV = #nzcv
    const e = esizeOf(a.ftype);
    if (e === undefined) return false;
    const { b } = ctx;
    const holds = b.newLabel();
    const done = b.newLabel();
    genBranchIfCond(ctx, a.cond, holds);
    genWriteNzcv(ctx, b.const64(BigInt(a.nzcv) << 28n));
    b.emit('br', [], [], [done]);
    b.setLabel(holds);
    const flags = a.e ? FP_CMP_SIGNALING : 0;
    genWriteNzcv(ctx, callValue(ctx, 'a64_fp_cmp', [b.envPtr(), c32(ctx, e), c32(ctx, a.rn), c32(ctx, a.rm), c32(ctx, flags)]));
    b.setLabel(done);
    return true;
  },

  trans_FCSEL(ctx, a) {
    // V[rd] = cond ? V[rn] : V[rm]
    const e = esizeOf(a.ftype);
    if (e === undefined) return false;
    const { b } = ctx;
    const n = readScalar(ctx, a.rn, e);
    const m = readScalar(ctx, a.rm, e);
    writeScalar(ctx, a.rd, b.movcond('ne', genCondValue(ctx, a.cond), b.const64(0), n, m));
    return true;
  },

  trans_FMOV_i(ctx, a) {
    const e = esizeOf(a.ftype);
    if (e === undefined) return false;
    writeScalar(ctx, a.rd, ctx.b.const64(vfpExpandImm(a.imm, e)));
    return true;
  },

  trans_FMOV_fg(ctx, a) {
    // Wd/Xd = Hn/Sn/Dn (zero-extended), or Xd = Vn.D[1]
    const size = fmovGeneralSize(a);
    if (size === undefined) return false;
    const v = readLane(ctx, a.rn, 3, a.top);
    setX(ctx, a.rd, size === 16 ? ctx.b.binary('and_i64', v, lowMask(ctx, 16)) : v, a.sf === 1);
    return true;
  },

  trans_FMOV_gf(ctx, a) {
    // Hd/Sd/Dd = Wn/Xn (rest of Vd zeroed), or Vd.D[1] = Xn (Vd.D[0] kept)
    const size = fmovGeneralSize(a);
    if (size === undefined) return false;
    let v = getX(ctx, a.rn);
    if (size < 64) v = ctx.b.binary('and_i64', v, lowMask(ctx, size));
    if (a.top) writeLane(ctx, a.rd, 3, 1, v);
    else writeScalar(ctx, a.rd, v);
    return true;
  },

  trans_FCVT_int: (ctx, a) => genToInt(ctx, a, RMODE_FIELD[a.rmode], 0),
  trans_FCVTA_int: (ctx, a) => genToInt(ctx, a, 'a', 0),
  trans_CVTF_int: (ctx, a) => genFromInt(ctx, a, 0),
  // Fixed point: fbits = 64 - scale; 32-bit forms need scale >= 32.
  trans_FCVTZ_fix: (ctx, a) => (a.sf === 0 && a.scale < 32 ? false : genToInt(ctx, a, 'z', 64 - a.scale)),
  trans_CVTF_fix: (ctx, a) => (a.sf === 0 && a.scale < 32 ? false : genFromInt(ctx, a, 64 - a.scale)),
};
