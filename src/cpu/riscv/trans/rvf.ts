// RV64F handlers, and the FP generators RV64D shares. Loads, stores and moves between
// register files are inline IR (singles are NaN-boxed in the 64-bit f registers);
// everything that rounds, compares or sets flags calls a helper of ../fpu-helpers.ts by
// name, passing the env pointer and register numbers so the helper works on env directly.
// Arithmetic (add, sub, mul, div, sqrt and the fused ops) first tries the native fast
// path of tcg/fp-fast.ts: round-to-nearest (static, or dynamic with frm = RNE), NX
// already accrued, NaN-boxed single inputs, a result well inside the normal range.

import { MEMOP, type MemOp, type Opcode } from '../../../tcg/opcodes.js';
import { genFpFastPath } from '../../../tcg/fp-fast.js';
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
/** The canonical single-precision NaN. */
const CANONICAL_NAN_S = 0x7fc00000n;

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
const NAN_BOX_HI = 0xffffffff;
/** rm values: round to nearest, ties to even. */
const RM_RNE = 0;
/** fflags bit of the inexact flag. */
const FFLAG_NX = 1;


/**
 * The native fast path around helper `name` (see the header): `compute` gets the operands
 * as f32/f64 temps and returns the native result. Falls back to the helper call `slow`.
 */
function genFast(ctx: DisasContext, name: string, rm: number, rd: number, srcs: number[], compute: (x: Temp[]) => Temp, slow: () => void): void {
  if (rm !== RM_RNE && rm !== RM_DYNAMIC) {
    slow();
    return;
  }
  const { b } = ctx;
  const single = name.endsWith('_s');
  genFpFastPath(b, {
    type: single ? 'f32' : 'f64',
    guard: (slowLabel) => {
      b.brcond('eq', b.binary('and_i32', b.ldEnv('i32', RV.FFLAGS), b.const32(FFLAG_NX)), b.const32(0), slowLabel);
      if (rm === RM_DYNAMIC) b.brcond('ne', b.ldEnv('i32', RV.FRM), b.const32(RM_RNE), slowLabel);
      if (single) for (const r of srcs) brUnlessBoxed(ctx, r, slowLabel);
    },
    compute: () => compute(srcs.map((r) => native(ctx, r, single))),
    commit: (bits) => setF(ctx, rd, single ? b.binary('or_i64', b.unary('extu_i32_i64', bits), b.const64(NAN_BOX)) : bits),
    slowPath: slow,
  });
}

/** The native op of each arithmetic helper. */
const NATIVE_BINARY: Readonly<Record<string, 'fadd' | 'fsub' | 'fmul' | 'fdiv'>> = {
  fadd_s: 'fadd', fsub_s: 'fsub', fmul_s: 'fmul', fdiv_s: 'fdiv',
  fadd_d: 'fadd', fsub_d: 'fsub', fmul_d: 'fmul', fdiv_d: 'fdiv',
};
const suffix = (name: string): 'f32' | 'f64' => (name.endsWith('_s') ? 'f32' : 'f64');

/** f[rd] = op(f[rs1], f[rs2]) rounded by rm. */
export function genFpArith(ctx: DisasContext, name: string, a: arg_r_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  const op = `${NATIVE_BINARY[name]}_${suffix(name)}` as Opcode;
  genFast(ctx, name, a.rm, a.rd, [a.rs1, a.rs2], (x) => ctx.b.binary(op, x[0], x[1]),
    () => callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rs2, a.rm)));
  return true;
}
/** f[rd] = op(f[rs1]) rounded by rm (sqrt, and conversions between S and D). */
export function genFpUnary(ctx: DisasContext, name: string, a: arg_r2_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  const slow = (): void => callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rm));
  if (name === 'fsqrt_s' || name === 'fsqrt_d') {
    genFast(ctx, name, a.rm, a.rd, [a.rs1], (x) => ctx.b.unary(`fsqrt_${suffix(name)}`, x[0]), slow);
  } else {
    slow();
  }
  return true;
}
/** f[rd] = ±(f[rs1] × f[rs2]) ± f[rs3], fused. */
export function genFpFused(ctx: DisasContext, name: string, a: arg_r4_rm): boolean {
  if (!checkRm(ctx, a.rm)) return false;
  const { b } = ctx;
  const t = suffix(name);
  // fmadd: a*b+c   fmsub: a*b-c   fnmsub: -(a*b)+c   fnmadd: -(a*b)-c   (negations are exact)
  const negProduct = name.startsWith('fnm');
  const negAddend = name.startsWith('fmsub') || name.startsWith('fnmadd');
  genFast(ctx, name, a.rm, a.rd, [a.rs1, a.rs2, a.rs3], (x) => {
    const m = negProduct ? b.unary(`fneg_${t}`, x[0]) : x[0];
    const c = negAddend ? b.unary(`fneg_${t}`, x[2]) : x[2];
    const r = b.newTemp(t);
    b.emit(`fma_${t}`, [r], [m, x[1], c]);
    return r;
  }, () => callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rs2, a.rs3, a.rm)));
  return true;
}
/** The f register as a native f32/f64 temp (a single: its low 32 bits; check the NaN box first). */
function native(ctx: DisasContext, r: number, single: boolean): Temp {
  const { b } = ctx;
  return single ? b.unary('bitcast_i32_f32', b.unary('extrl_i64_i32', getF(ctx, r))) : b.unary('bitcast_i64_f64', getF(ctx, r));
}
/** Branches to `label` unless f[r] holds a NaN-boxed single. */
function brUnlessBoxed(ctx: DisasContext, r: number, label: number): void {
  const { b } = ctx;
  const hi = b.unary('extrl_i64_i32', b.binary('shr_i64', getF(ctx, r), b.const64(32)));
  b.brcond('ne', hi, b.const32(NAN_BOX_HI | 0), label);
}

/**
 * Emits `fast` when f[rs1] and f[rs2] are numbers (no NaN; singles properly boxed), else
 * the helper call. For the operations that raise flags only on NaN operands.
 */
function genUnlessNaN(ctx: DisasContext, name: string, rs1: number, rs2: number, fast: (x: Temp, y: Temp) => void, slow: () => void): void {
  const { b } = ctx;
  const single = name.endsWith('_s');
  const slowLabel = b.newLabel();
  const done = b.newLabel();
  if (single) {
    brUnlessBoxed(ctx, rs1, slowLabel);
    brUnlessBoxed(ctx, rs2, slowLabel);
  }
  const x = native(ctx, rs1, single);
  const y = native(ctx, rs2, single);
  // x == x && y == y: neither is a NaN
  b.brcond('eq', b.binary('and_i32', b.fsetcond('eq', x, x), b.fsetcond('eq', y, y)), b.const32(0), slowLabel);
  fast(x, y);
  b.emit('br', [], [], [done]);
  b.setLabel(slowLabel);
  slow();
  b.setLabel(done);
}

/** Sign injection: the magnitude of f[rs1] with a sign from f[rs2] (fsgnj), its inverse (n) or xor (x). */
function genSignInject(ctx: DisasContext, name: string, a: arg_r): void {
  const { b } = ctx;
  const kind = name.slice(0, -2); // fsgnj | fsgnjn | fsgnjx
  if (name.endsWith('_d')) {
    const sign = b.const64(-(2n ** 63n));
    const mag = b.binary('and_i64', getF(ctx, a.rs1), b.unary('not_i64', sign));
    let s = b.binary('and_i64', getF(ctx, a.rs2), sign);
    if (kind === 'fsgnjn') s = b.binary('xor_i64', s, sign);
    else if (kind === 'fsgnjx') s = b.binary('xor_i64', b.binary('and_i64', getF(ctx, a.rs1), sign), s);
    setF(ctx, a.rd, b.binary('or_i64', mag, s));
    return;
  }
  // Singles: an input that is not NaN-boxed reads as the canonical NaN.
  const unbox = (r: number): Temp => {
    const v = getF(ctx, r);
    const boxed = b.setcond('eq', b.binary('shr_i64', v, b.const64(32)), b.const64(NAN_BOX_HI));
    return b.movcond('ne', boxed, b.const64(0), b.binary('and_i64', v, b.const64(NAN_BOX_HI)), b.const64(CANONICAL_NAN_S));
  };
  const sign = b.const64(0x80000000);
  const x = unbox(a.rs1);
  const mag = b.binary('and_i64', x, b.const64(0x7fffffff));
  let s = b.binary('and_i64', unbox(a.rs2), sign);
  if (kind === 'fsgnjn') s = b.binary('xor_i64', s, sign);
  else if (kind === 'fsgnjx') s = b.binary('xor_i64', b.binary('and_i64', x, sign), s);
  setF(ctx, a.rd, b.binary('or_i64', b.binary('or_i64', mag, s), b.const64(NAN_BOX)));
}

/** f[rd] = op(f[rs1], f[rs2]) with no rounding (min, max, sign injection). */
export function genFpBinary(ctx: DisasContext, name: string, a: arg_r): boolean {
  const slow = (): void => callVoid(ctx, name, args(ctx, a.rd, a.rs1, a.rs2));
  if (name.startsWith('fsgnj')) {
    genSignInject(ctx, name, a);
  } else if (name.startsWith('fmin') || name.startsWith('fmax')) {
    // Without NaNs, RISC-V's fmin/fmax are IEEE minimum/maximum (-0 < +0) and raise nothing.
    const single = name.endsWith('_s');
    const op = `${name.slice(0, 4)}_${single ? 'f32' : 'f64'}` as Opcode;
    genUnlessNaN(ctx, name, a.rs1, a.rs2, (x, y) => {
      const r = ctx.b.binary(op, x, y);
      setF(ctx, a.rd, single
        ? ctx.b.binary('or_i64', ctx.b.unary('extu_i32_i64', ctx.b.unary('bitcast_f32_i32', r)), ctx.b.const64(NAN_BOX))
        : ctx.b.unary('bitcast_f64_i64', r));
    }, slow);
  } else {
    slow();
  }
  return true;
}
/** x[rd] = compare(f[rs1], f[rs2]) (0 or 1): native when neither operand is a NaN (no flag then). */
export function genFpCompare(ctx: DisasContext, name: string, a: arg_r): boolean {
  const cond = name.startsWith('feq') ? 'eq' : name.startsWith('flt') ? 'lt' : 'le';
  genUnlessNaN(ctx, name, a.rs1, a.rs2,
    (x, y) => setX(ctx, a.rd, ctx.b.unary('extu_i32_i64', ctx.b.fsetcond(cond, x, y))),
    () => setX(ctx, a.rd, ctx.b.unary('extu_i32_i64', callValue(ctx, name, args(ctx, a.rs1, a.rs2)))));
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
