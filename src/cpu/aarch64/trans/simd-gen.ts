// Shared generators of the AdvSIMD translators (trans/simd.ts) that call the lane-wise
// helpers of simd-helpers.ts: operand-shape checks and the helpers' descriptors. They
// cover every shape; simd-inline.ts translates the common ones inline with vector IR
// first, and the handlers fall back to these.

import type { Temp } from '../../../tcg/ir.js';
import { MEMOP, type MemOp } from '../../../tcg/opcodes.js';
import type { arg_ldm, arg_lds, arg_v2, arg_v3, arg_vcopy, arg_vext, arg_vidx, arg_vimm, arg_vsh } from '../simd.generated.js';
import {
  ACROSS_OPS, B_ELEM, B_IMM, DESC, FP2_OPS, FP3_OPS, NARROW, PERM_OPS, type Fp2Op, type Fp3Op,
} from '../simd-helpers.js';
import { LANE_OP_INDEX, LANE_OPS, type LaneOpName } from '../simd-lanes.js';
import { vOffset } from '../state.js';
import { callVoid, clearHighHalf, getX, getXsp, setX, setXsp, type DisasContext } from '../translate.js';

type Shape = { q: number; size: number; scalar: number };

const desc = (op: number, esz: number, q: number, scalar: number, extra = 0): number =>
  op | (esz << DESC.ESZ_SHIFT) | (q ? DESC.Q : 0) | (scalar ? DESC.SCALAR : 0) | extra;

function callHelper(ctx: DisasContext, name: string, d: number, rd: number, rn: number, rm?: number): boolean {
  const { b } = ctx;
  const args = [b.envPtr(), b.const32(d), b.const32(rd), b.const32(rn)];
  if (rm !== undefined) args.push(b.const32(rm));
  callVoid(ctx, name, args);
  return true;
}

/** Vector shapes with 64-bit lanes need Q=1. */
const badShape = (a: Shape): boolean => !a.scalar && a.size === 3 && !a.q;

// --- lane-wise integer ---------------------------------------------------------------------

/** Vd = op(Vn, Vm) lane by lane (vector or scalar); `pair` for the pairwise forms. */
export function gen3(ctx: DisasContext, a: arg_v3, op: LaneOpName, pair = false): boolean {
  if (badShape(a) || (a.size === 3 && !('w' in LANE_OPS[op]))) return false;
  return callHelper(ctx, 'simd_elem', desc(LANE_OP_INDEX[op], a.size, a.q, a.scalar, pair ? DESC.PAIR : 0), a.rd, a.rn, a.rm);
}
/** Byte-only operations (PMUL, CNT, RBIT). */
export function gen3Bytes(ctx: DisasContext, a: arg_v3, op: LaneOpName): boolean {
  return a.size === 0 && gen3(ctx, a, op);
}
/** Vd = op(Vn, imm) lane by lane: unary ops and compares against zero. */
export function gen2(ctx: DisasContext, a: arg_v2, op: LaneOpName, imm = 0, sizes = 0b1111): boolean {
  if (badShape(a) || !((sizes >> a.size) & 1) || (a.size === 3 && !('w' in LANE_OPS[op]))) return false;
  return callHelper(ctx, 'simd_elem', desc(LANE_OP_INDEX[op], a.size, a.q, a.scalar, B_IMM << DESC.B_SHIFT), a.rd, a.rn, imm);
}
/** Scalar ADDP Dd, Vn.2D. */
export function genAddpScalar(ctx: DisasContext, a: arg_v2): boolean {
  return callHelper(ctx, 'simd_elem', desc(LANE_OP_INDEX.add, 3, 1, 1, DESC.PAIR), a.rd, a.rn, a.rn);
}

/** Widening ops of the three-different class: Vd.wide = op(ext(Vn), ext(Vm)); `wideN` for the W forms. */
export function genLong(ctx: DisasContext, a: arg_v3, op: LaneOpName, signed: boolean, wideN = false): boolean {
  if (a.size === 3) return false;
  const flags = (signed ? DESC.SIGNED : 0) | (wideN ? DESC.WIDE_N : 0);
  return callHelper(ctx, 'simd_long', desc(LANE_OP_INDEX[op], a.size, a.q, a.scalar, flags), a.rd, a.rn, a.rm);
}
/** SQDMULL/SQDMLAL/SQDMLSL (vector and scalar): 16- and 32-bit sources only. */
export function genSatDoublingLong(ctx: DisasContext, a: arg_v3, op: 'sqdmull' | 'sqdmlal' | 'sqdmlsl'): boolean {
  return (a.size === 1 || a.size === 2) && genLong(ctx, a, op, true);
}
/** SADDLP/UADDLP (op add) and SADALP/UADALP (op add3). */
export function genPairLong(ctx: DisasContext, a: arg_v2, op: LaneOpName, signed: boolean): boolean {
  if (a.size === 3) return false;
  return callHelper(ctx, 'simd_long', desc(LANE_OP_INDEX[op], a.size, a.q, 0, DESC.PAIR | (signed ? DESC.SIGNED : 0)), a.rd, a.rn, 0);
}
/** SHLL: widen and shift left by the element size. */
export function genShll(ctx: DisasContext, a: arg_v2): boolean {
  if (a.size === 3) return false;
  return callHelper(ctx, 'simd_long', desc(LANE_OP_INDEX.ushl, a.size, a.q, 0, B_IMM << DESC.B_SHIFT), a.rd, a.rn, 8 << a.size);
}

/** Narrowing from two registers: ADDHN/SUBHN/RADDHN/RSUBHN (the high half of each wide sum). */
export function genAddHn(ctx: DisasContext, a: arg_v3, sub: boolean, round: boolean): boolean {
  if (a.size === 3) return false;
  const ops = NARROW.WITH_M | (sub ? NARROW.SUB : 0) | (round ? NARROW.ROUND : 0);
  return callHelper(ctx, 'simd_narrow', desc(ops, a.size, a.q, 0), a.rd, a.rn, a.rm);
}
/** XTN, SQXTN, UQXTN, SQXTUN (sat: 0 none, 1 s→s, 2 u→u, 3 s→u). */
export function genXtn(ctx: DisasContext, a: arg_v2, satMode: number): boolean {
  if (a.size === 3) return false;
  const ops = satMode | (satMode === 1 || satMode === 3 ? NARROW.SIGNED_SRC : 0);
  return callHelper(ctx, 'simd_narrow', desc(ops, a.size, a.q, a.scalar), a.rd, a.rn, 0);
}

/** Across lanes into a scalar. */
export function genAcross(ctx: DisasContext, a: arg_v2, op: (typeof ACROSS_OPS)[number]): boolean {
  if (a.size === 3 || (a.size === 2 && !a.q)) return false;
  return callHelper(ctx, 'simd_across', desc(ACROSS_OPS.indexOf(op), a.size, a.q, 0), a.rd, a.rn);
}

/** UZP/ZIP/TRN. */
export function genPerm(ctx: DisasContext, a: arg_v3, op: (typeof PERM_OPS)[number]): boolean {
  if (badShape(a)) return false;
  return callHelper(ctx, 'simd_perm', desc(PERM_OPS.indexOf(op), a.size, a.q, 0), a.rd, a.rn, a.rm);
}
/** REV16/REV32/REV64: reverse elements within containers of 2^containerEsz bytes. */
export function genRev(ctx: DisasContext, a: arg_v2, containerEsz: number): boolean {
  if (a.size >= containerEsz) return false;
  const d = desc(PERM_OPS.indexOf('rev'), a.size, a.q, 0, containerEsz << DESC.INDEX_SHIFT);
  return callHelper(ctx, 'simd_perm', d, a.rd, a.rn, a.rn);
}
/** TBL/TBX. */
export function genTbl(ctx: DisasContext, a: { q: number; len: number; rd: number; rn: number; rm: number }, tbx: boolean): boolean {
  return callHelper(ctx, 'simd_tbl', a.len | (tbx ? 4 : 0) | (a.q ? DESC.Q : 0), a.rd, a.rn, a.rm);
}

// --- shifts by immediate ---------------------------------------------------------------------

/** Element size (log2 bytes) and its bits from immh, or -1 when immh is zero. */
function shiftEsz(immhb: number): number {
  const immh = immhb >> 3;
  return immh === 0 ? -1 : 31 - Math.clz32(immh);
}
/** Right shifts (SSHR, USRA, SRI, ...): the op gets -shift as its USHL-style count (SRI: +shift). */
export function genShiftRight(ctx: DisasContext, a: arg_vsh, op: LaneOpName, positive = false): boolean {
  const esz = shiftEsz(a.immhb);
  if (esz < 0 || (a.scalar && esz !== 3) || (!a.scalar && esz === 3 && !a.q)) return false;
  const shift = (16 << esz) - a.immhb;
  const d = desc(LANE_OP_INDEX[op], esz, a.q, a.scalar, B_IMM << DESC.B_SHIFT);
  return callHelper(ctx, 'simd_elem', d, a.rd, a.rn, positive ? shift : -shift);
}
/** Left shifts (SHL, SLI, SQSHL, UQSHL, SQSHLU); the saturating ones allow every scalar size. */
export function genShiftLeft(ctx: DisasContext, a: arg_vsh, op: LaneOpName, anyScalar = false): boolean {
  const esz = shiftEsz(a.immhb);
  if (esz < 0 || (a.scalar && esz !== 3 && !anyScalar) || (!a.scalar && esz === 3 && !a.q)) return false;
  const shift = a.immhb - (8 << esz);
  const d = desc(LANE_OP_INDEX[op], esz, a.q, a.scalar, B_IMM << DESC.B_SHIFT);
  return callHelper(ctx, 'simd_elem', d, a.rd, a.rn, shift);
}
/** Narrowing right shifts: SHRN, RSHRN and the saturating SQSHRN/UQSHRN/SQSHRUN and rounding forms. */
export function genShiftNarrow(ctx: DisasContext, a: arg_vsh, satMode: number, signedSrc: boolean, round: boolean): boolean {
  const esz = shiftEsz(a.immhb);
  if (esz < 0 || esz === 3) return false;
  const shift = (16 << esz) - a.immhb;
  const ops = satMode | (signedSrc ? NARROW.SIGNED_SRC : 0) | (round ? NARROW.ROUND : 0);
  return callHelper(ctx, 'simd_narrow', desc(ops, esz, a.q, a.scalar), a.rd, a.rn, shift);
}
/** SSHLL/USHLL (SXTL/UXTL): widen and shift left. */
export function genShiftLong(ctx: DisasContext, a: arg_vsh, signed: boolean): boolean {
  const esz = shiftEsz(a.immhb);
  if (esz < 0 || esz === 3) return false;
  const d = desc(LANE_OP_INDEX.ushl, esz, a.q, 0, (B_IMM << DESC.B_SHIFT) | (signed ? DESC.SIGNED : 0));
  return callHelper(ctx, 'simd_long', d, a.rd, a.rn, a.immhb - (8 << esz));
}

// --- by element -----------------------------------------------------------------------------

/** The element index and Vm of a by-element operation, or null when the encoding is reserved. */
function indexed(a: arg_vidx): { idx: number; rm: number } | null {
  switch (a.size) {
    case 1: return { idx: a.hlm, rm: a.rm4 };
    case 2: return { idx: a.hlm >> 1, rm: ((a.hlm & 1) << 4) | a.rm4 };
    case 3: return a.hlm & 2 ? null : { idx: a.hlm >> 2, rm: ((a.hlm & 1) << 4) | a.rm4 };
    default: return null;
  }
}
/** MUL/MLA/MLS/SQDMULH by element. */
export function genIdx(ctx: DisasContext, a: arg_vidx, op: LaneOpName): boolean {
  const x = indexed(a);
  if (!x || a.size === 3) return false;
  const d = desc(LANE_OP_INDEX[op], a.size, a.q, a.scalar, (B_ELEM << DESC.B_SHIFT) | (x.idx << DESC.INDEX_SHIFT));
  return callHelper(ctx, 'simd_elem', d, a.rd, a.rn, x.rm);
}
/** [SU]MULL/[SU]MLAL/[SU]MLSL and SQDMULL/SQDMLAL/SQDMLSL (also scalar) by element. */
export function genIdxLong(ctx: DisasContext, a: arg_vidx, op: LaneOpName, signed: boolean): boolean {
  const x = indexed(a);
  if (!x || a.size === 3) return false;
  const flags = (B_ELEM << DESC.B_SHIFT) | (x.idx << DESC.INDEX_SHIFT) | (signed ? DESC.SIGNED : 0);
  return callHelper(ctx, 'simd_long', desc(LANE_OP_INDEX[op], a.size, a.q, a.scalar, flags), a.rd, a.rn, x.rm);
}

// --- floating point ---------------------------------------------------------------------------

/** Vector or scalar FP op on two registers (size<0> is sz: single or double). */
export function genFp3(ctx: DisasContext, a: arg_v3, op: Fp3Op, pair = false): boolean {
  const esz = 2 + (a.size & 1);
  if (!a.scalar && esz === 3 && !a.q) return false;
  return callHelper(ctx, 'simd_fp3', desc(FP3_OPS.indexOf(op), esz, a.q, a.scalar, pair ? DESC.PAIR : 0), a.rd, a.rn, a.rm);
}
/** Scalar pairwise FP (FADDP Sd, Vn.2S / Dd, Vn.2D). */
export function genFpPairScalar(ctx: DisasContext, a: arg_v2, op: Fp3Op): boolean {
  const esz = 2 + (a.size & 1);
  return callHelper(ctx, 'simd_fp3', desc(FP3_OPS.indexOf(op), esz, 0, 1, DESC.PAIR), a.rd, a.rn, a.rn);
}
/** FP ops by element (FMLA/FMLS/FMUL/FMULX). */
export function genFpIdx(ctx: DisasContext, a: arg_vidx, op: Fp3Op): boolean {
  const x = indexed(a);
  if (!x || a.size < 2 || (!a.scalar && a.size === 3 && !a.q)) return false;
  const d = desc(FP3_OPS.indexOf(op), a.size, a.q, a.scalar, (B_ELEM << DESC.B_SHIFT) | (x.idx << DESC.INDEX_SHIFT));
  return callHelper(ctx, 'simd_fp3', d, a.rd, a.rn, x.rm);
}
/** One-operand FP op (vector or scalar). */
export function genFp2(ctx: DisasContext, a: arg_v2, op: Fp2Op): boolean {
  const esz = 2 + (a.size & 1);
  if (!a.scalar && esz === 3 && !a.q) return false;
  return callHelper(ctx, 'simd_fp2', desc(FP2_OPS.indexOf(op), esz, a.q, a.scalar), a.rd, a.rn, 0);
}
/** FCVTL/FCVTN/FCVTXN: esz is the wide element (sz=0: half/single, sz=1: single/double). */
export function genFpCvtWidth(ctx: DisasContext, a: arg_v2, op: 'fcvtl' | 'fcvtn' | 'fcvtxn'): boolean {
  const esz = 2 + (a.size & 1);
  if (op === 'fcvtxn' && esz !== 3) return false;
  return callHelper(ctx, 'simd_fp2', desc(FP2_OPS.indexOf(op), esz, a.q, a.scalar), a.rd, a.rn, 0);
}
/** FMAXV/FMINV/FMAXNMV/FMINNMV (single precision, 4S only). */
export function genFpAcross(ctx: DisasContext, a: arg_v2, op: Fp2Op): boolean {
  if (!a.q || (a.size & 1)) return false;
  return callHelper(ctx, 'simd_fp2', desc(FP2_OPS.indexOf(op), 2, 1, 0), a.rd, a.rn, 0);
}
/** Fixed-point conversions by immediate (SCVTF/UCVTF/FCVTZS/FCVTZU #fbits). */
export function genFpFixed(ctx: DisasContext, a: arg_vsh, op: Fp2Op): boolean {
  const esz = shiftEsz(a.immhb);
  if (esz < 2 || (!a.scalar && esz === 3 && !a.q)) return false;
  return callHelper(ctx, 'simd_fp2', desc(FP2_OPS.indexOf(op), esz, a.q, a.scalar), a.rd, a.rn, (16 << esz) - a.immhb);
}

/** AdvSIMDExpandImm: the 64-bit pattern of MOVI/MVNI/ORR/BIC/FMOV (vector, immediate). */
export function expandImm(op: number, cmode: number, imm8: number): bigint {
  const i = BigInt(imm8);
  const rep32 = (v: bigint) => (v << 32n) | v;
  const rep16 = (v: bigint) => rep32((v << 16n) | v);
  switch (cmode >> 1) {
    case 0: return rep32(i);
    case 1: return rep32(i << 8n);
    case 2: return rep32(i << 16n);
    case 3: return rep32(i << 24n);
    case 4: return rep16(i);
    case 5: return rep16(i << 8n);
    case 6: return rep32(cmode & 1 ? (i << 16n) | 0xffffn : (i << 8n) | 0xffn);
    default:
      if (!(cmode & 1)) {
        if (!op) return rep16((i << 8n) | i);
        let r = 0n;
        for (let k = 0n; k < 8n; k++) if ((imm8 >> Number(k)) & 1) r |= 0xffn << (8n * k);
        return r;
      }
      if (!op) {
        // a:NOT(b):bbbbb:cdefgh:Zeros(19)
        const a7 = (imm8 >> 7) & 1;
        const b6 = (imm8 >> 6) & 1;
        const f32 = (a7 << 31) | ((b6 ^ 1) << 30) | ((b6 ? 0x1f : 0) << 25) | ((imm8 & 0x3f) << 19);
        return rep32(BigInt(f32 >>> 0));
      }
      {
        const a7 = BigInt((imm8 >> 7) & 1);
        const b6 = BigInt((imm8 >> 6) & 1);
        return (a7 << 63n) | ((b6 ^ 1n) << 62n) | ((b6 ? 0xffn : 0n) << 54n) | (BigInt(imm8 & 0x3f) << 48n);
      }
  }
}
