// Shared generators of the AdvSIMD translators (trans/simd.ts): operand-shape checks and
// descriptors for the lane-wise helpers of simd-helpers.ts, and the inline IR for what is
// cheap on two 64-bit halves (bitwise ops, MOVI, EXT, lane moves) and for the structure
// loads and stores (qemu_ld/qemu_st per element; every load happens before any register
// is written, so a fault leaves the registers as they were).

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

// --- inline: whole-register bitwise ops ----------------------------------------------------------

type Bitwise = (ctx: DisasContext, n: Temp, m: Temp, d: Temp) => Temp;
const bin = (op: 'and_i64' | 'or_i64' | 'xor_i64') => (ctx: DisasContext, x: Temp, y: Temp): Temp => ctx.b.binary(op, x, y);
const not = (ctx: DisasContext, x: Temp): Temp => ctx.b.unary('not_i64', x);
const and = bin('and_i64');
const or = bin('or_i64');
const xor = bin('xor_i64');

export const BITWISE: Readonly<Record<'and' | 'bic' | 'orr' | 'orn' | 'eor' | 'bsl' | 'bit' | 'bif', Bitwise>> = {
  and: (c, n, m) => and(c, n, m),
  bic: (c, n, m) => and(c, n, not(c, m)),
  orr: (c, n, m) => or(c, n, m),
  orn: (c, n, m) => or(c, n, not(c, m)),
  eor: (c, n, m) => xor(c, n, m),
  bsl: (c, n, m, d) => xor(c, m, and(c, xor(c, m, n), d)),
  bit: (c, n, m, d) => xor(c, d, and(c, xor(c, d, n), m)),
  bif: (c, n, m, d) => xor(c, d, and(c, xor(c, d, n), not(c, m))),
};

/** Vd = f(Vn, Vm, Vd) on each 64-bit half; Q=0 clears the upper half. */
export function genBitwise(ctx: DisasContext, a: arg_v3, f: Bitwise): boolean {
  const { b } = ctx;
  const halves = a.q ? 2 : 1;
  const res: Temp[] = [];
  for (let h = 0; h < halves; h++) {
    const ld = (r: number) => b.ldEnv('i64', vOffset(r) + 8 * h);
    res.push(f(ctx, ld(a.rn), ld(a.rm), ld(a.rd)));
  }
  res.forEach((v, h) => b.stEnv(v, vOffset(a.rd) + 8 * h));
  if (!a.q) clearHighHalf(ctx, a.rd);
  return true;
}
/** NOT (MVN). */
export function genNot(ctx: DisasContext, a: arg_v2): boolean {
  return genBitwise(ctx, { ...a, rm: a.rn }, (c, n) => not(c, n));
}

// --- inline: lanes ------------------------------------------------------------------------------

const MASKS = [0xffn, 0xffffn, 0xffffffffn, -1n];
const REPLICATE = [0x0101010101010101n, 0x0001000100010001n, 0x0000000100000001n, 1n];
const MEMOPS: readonly MemOp[] = [MEMOP.UB, MEMOP.UW, MEMOP.UL, MEMOP.UQ];

/** Lane `idx` of V[r] (2^esz bytes), zero-extended to i64. */
export function readLane(ctx: DisasContext, r: number, esz: number, idx: number): Temp {
  const { b } = ctx;
  const off = vOffset(r) + (idx << esz);
  let v = b.ldEnv('i64', off & ~7);
  if (off & 7) v = b.binary('shr_i64', v, b.const64((off & 7) * 8));
  return esz === 3 ? v : b.binary('and_i64', v, b.const64(MASKS[esz]));
}
/** Lane `idx` of V[r] = low bits of v; the other lanes are kept. */
export function writeLane(ctx: DisasContext, r: number, esz: number, idx: number, v: Temp): void {
  const { b } = ctx;
  const off = vOffset(r) + (idx << esz);
  if (esz === 3) return b.stEnv(v, off);
  const sh = BigInt((off & 7) * 8);
  const keep = b.binary('and_i64', b.ldEnv('i64', off & ~7), b.const64(~(MASKS[esz] << sh)));
  const put = b.binary('shl_i64', b.binary('and_i64', v, b.const64(MASKS[esz])), b.const64(sh));
  b.stEnv(b.binary('or_i64', keep, put), off & ~7);
}
/** V[r] = v (a zero-extended element) replicated over 64 or 128 bits. */
function storeReplicated(ctx: DisasContext, r: number, esz: number, q: number, v: Temp): void {
  const { b } = ctx;
  const rep = esz === 3 ? v : b.binary('mul_i64', v, b.const64(REPLICATE[esz]));
  b.stEnv(rep, vOffset(r));
  if (q) b.stEnv(rep, vOffset(r) + 8);
  else clearHighHalf(ctx, r);
}

/** imm5's element size (log2 bytes, or -1) and index. */
function copyLane(imm5: number): { esz: number; idx: number } {
  const esz = imm5 & 15 ? 31 - Math.clz32(imm5 & -imm5) : -1;
  return { esz, idx: imm5 >> (esz + 1) };
}

export function genDupElem(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0 || (esz === 3 && !a.q)) return false;
  storeReplicated(ctx, a.rd, esz, a.q, readLane(ctx, a.rn, esz, idx));
  return true;
}
export function genDupGen(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz } = copyLane(a.imm5);
  if (esz < 0 || (esz === 3 && !a.q)) return false;
  const v = getX(ctx, a.rn);
  storeReplicated(ctx, a.rd, esz, a.q, esz === 3 ? v : ctx.b.binary('and_i64', v, ctx.b.const64(MASKS[esz])));
  return true;
}
/** DUP Vd (scalar), Vn.T[i]: MOV Sd, Vn.S[i]. */
export function genDupScalar(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0) return false;
  const v = readLane(ctx, a.rn, esz, idx);
  ctx.b.stEnv(v, vOffset(a.rd));
  clearHighHalf(ctx, a.rd);
  return true;
}
export function genInsGen(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0) return false;
  writeLane(ctx, a.rd, esz, idx, getX(ctx, a.rn));
  return true;
}
export function genInsElem(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0) return false;
  writeLane(ctx, a.rd, esz, idx, readLane(ctx, a.rn, esz, a.imm4 >> esz));
  return true;
}
/** UMOV/SMOV Wd/Xd, Vn.T[i] (MOV Xd, Vn.D[i]). */
export function genMovToGen(ctx: DisasContext, a: arg_vcopy, signed: boolean): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0) return false;
  if (signed ? esz >= 2 + a.q : a.q !== (esz === 3 ? 1 : 0)) return false;
  let v = readLane(ctx, a.rn, esz, idx);
  if (signed) v = ctx.b.unary(esz === 0 ? 'ext8s_i64' : esz === 1 ? 'ext16s_i64' : 'ext32s_i64', v);
  setX(ctx, a.rd, v, a.q === 1);
  return true;
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

/** MOVI, MVNI, ORR/BIC (vector, immediate) and FMOV (vector, immediate). */
export function genMovi(ctx: DisasContext, a: arg_vimm): boolean {
  const { b } = ctx;
  if (a.cmode === 15 && a.op && !a.q) return false;
  const imm = expandImm(a.op, a.cmode, a.abcdefgh);
  const logical = (a.cmode & 1) === 1 && a.cmode < 12;
  const halves = a.q ? 2 : 1;
  if (logical) {
    const vals: Temp[] = [];
    for (let h = 0; h < halves; h++) {
      const v = b.ldEnv('i64', vOffset(a.rd) + 8 * h);
      vals.push(a.op ? b.binary('and_i64', v, b.const64(~imm)) : b.binary('or_i64', v, b.const64(imm)));
    }
    vals.forEach((v, h) => b.stEnv(v, vOffset(a.rd) + 8 * h));
  } else {
    const inverted = a.op === 1 && a.cmode < 14;
    const v = b.const64(inverted ? ~imm : imm);
    for (let h = 0; h < halves; h++) b.stEnv(v, vOffset(a.rd) + 8 * h);
  }
  if (!a.q) clearHighHalf(ctx, a.rd);
  return true;
}

/** EXT: bytes imm4.. of Vm:Vn (inline, from the 64-bit halves). */
export function genExt(ctx: DisasContext, a: arg_vext): boolean {
  const { b } = ctx;
  if (!a.q && a.imm4 >= 8) return false;
  const words = a.q
    ? [vOffset(a.rn), vOffset(a.rn) + 8, vOffset(a.rm), vOffset(a.rm) + 8]
    : [vOffset(a.rn), vOffset(a.rm)];
  const w = words.map((off) => b.ldEnv('i64', off));
  const k = a.imm4 >> 3;
  const sh = (a.imm4 & 7) * 8;
  const part = (j: number): Temp => {
    if (!sh) return w[j];
    const lo = b.binary('shr_i64', w[j], b.const64(sh));
    return j + 1 < w.length ? b.binary('or_i64', lo, b.binary('shl_i64', w[j + 1], b.const64(64 - sh))) : lo;
  };
  const lo = part(k);
  if (a.q) {
    const hi = part(k + 1);
    b.stEnv(lo, vOffset(a.rd));
    b.stEnv(hi, vOffset(a.rd) + 8);
  } else {
    b.stEnv(lo, vOffset(a.rd));
    clearHighHalf(ctx, a.rd);
  }
  return true;
}

// --- structure loads and stores ------------------------------------------------------------------

/** (registers, structure elements) of LD1-LD4/ST1-ST4 (multiple structures) by opcode. */
const MULT: Readonly<Record<number, readonly [number, number]>> = {
  0b0000: [1, 4], 0b0010: [4, 1], 0b0100: [1, 3], 0b0110: [3, 1], 0b0111: [1, 1], 0b1000: [1, 2], 0b1010: [2, 1],
};

/** Writes back the base register after a post-indexed access. */
function postIndex(ctx: DisasContext, a: { post: number; rm: number; rn: number }, base: Temp, bytes: number): void {
  if (!a.post) return;
  const { b } = ctx;
  const inc = a.rm === 31 ? b.const64(bytes) : getX(ctx, a.rm);
  setXsp(ctx, a.rn, b.binary('add_i64', base, inc));
}
const addr = (ctx: DisasContext, base: Temp, off: number): Temp => (off ? ctx.b.binary('add_i64', base, ctx.b.const64(off)) : base);

export function genLdstMult(ctx: DisasContext, a: arg_ldm): boolean {
  const { b } = ctx;
  const shape = MULT[a.opcode];
  if (!shape) return false;
  const [rpt, selem] = shape;
  const esz = a.size;
  if (esz === 3 && !a.q && selem > 1) return false;
  const regBytes = a.q ? 16 : 8;
  const total = rpt * selem * regBytes;
  const base = getXsp(ctx, a.rn);
  const reg = (k: number) => (a.rt + k) % 32;
  if (selem === 1) {
    // Consecutive registers filled from consecutive memory: 8 bytes at a time.
    const chunks = total / 8;
    if (a.l) {
      const vals: Temp[] = [];
      for (let c = 0; c < chunks; c++) vals.push(b.qemuLd('i64', addr(ctx, base, 8 * c), MEMOP.UQ));
      for (let c = 0; c < chunks; c++) b.stEnv(vals[c], vOffset(reg(Math.floor((8 * c) / regBytes))) + ((8 * c) % regBytes));
      if (!a.q) for (let r = 0; r < rpt; r++) clearHighHalf(ctx, reg(r));
    } else {
      for (let c = 0; c < chunks; c++) {
        const v = b.ldEnv('i64', vOffset(reg(Math.floor((8 * c) / regBytes))) + ((8 * c) % regBytes));
        b.qemuSt(v, addr(ctx, base, 8 * c), MEMOP.UQ);
      }
    }
  } else {
    const elems = regBytes >> esz;
    const eb = 1 << esz;
    if (a.l) {
      // Load every element first, then assemble each register half from its lanes.
      const vals: Temp[][] = Array.from({ length: selem }, () => []);
      for (let e = 0; e < elems; e++) {
        for (let s = 0; s < selem; s++) vals[s].push(b.qemuLd('i64', addr(ctx, base, (e * selem + s) * eb), MEMOPS[esz]));
      }
      const perHalf = 8 >> esz;
      for (let s = 0; s < selem; s++) {
        for (let h = 0; h < regBytes / 8; h++) {
          let acc: Temp | undefined;
          for (let k = 0; k < perHalf; k++) {
            const v = vals[s][h * perHalf + k];
            const sh = k === 0 ? v : b.binary('shl_i64', v, b.const64(k * eb * 8));
            acc = acc ? b.binary('or_i64', acc, sh) : sh;
          }
          b.stEnv(acc as Temp, vOffset(reg(s)) + 8 * h);
        }
        if (!a.q) clearHighHalf(ctx, reg(s));
      }
    } else {
      for (let e = 0; e < elems; e++) {
        for (let s = 0; s < selem; s++) b.qemuSt(readLane(ctx, reg(s), esz, e), addr(ctx, base, (e * selem + s) * eb), MEMOPS[esz]);
      }
    }
  }
  postIndex(ctx, a, base, total);
  return true;
}

export function genLdstSingle(ctx: DisasContext, a: arg_lds): boolean {
  const { b } = ctx;
  const selem = (((a.sel & 1) << 1) | a.r) + 1;
  let scale = a.sel >> 1;
  let index = 0;
  const replicate = scale === 3;
  switch (scale) {
    case 0: index = (a.q << 3) | (a.s << 2) | a.size; break;
    case 1: if (a.size & 1) return false; index = (a.q << 2) | (a.s << 1) | (a.size >> 1); break;
    case 2:
      if (a.size & 2) return false;
      if (a.size & 1) {
        if (a.s) return false;
        index = a.q;
        scale = 3;
      } else index = (a.q << 1) | a.s;
      break;
    default:
      if (!a.l || a.s) return false;
      scale = a.size;
  }
  const eb = 1 << scale;
  const base = getXsp(ctx, a.rn);
  const reg = (k: number) => (a.rt + k) % 32;
  if (a.l) {
    const vals: Temp[] = [];
    for (let s = 0; s < selem; s++) vals.push(b.qemuLd('i64', addr(ctx, base, s * eb), MEMOPS[scale]));
    for (let s = 0; s < selem; s++) {
      if (replicate) storeReplicated(ctx, reg(s), scale, a.q, vals[s]);
      else writeLane(ctx, reg(s), scale, index, vals[s]);
    }
  } else {
    for (let s = 0; s < selem; s++) b.qemuSt(readLane(ctx, reg(s), scale, index), addr(ctx, base, s * eb), MEMOPS[scale]);
  }
  postIndex(ctx, a, base, selem * eb);
  return true;
}

export type { arg_v2, arg_v3, arg_vsh, arg_vidx };
