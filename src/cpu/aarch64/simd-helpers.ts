// Helpers of the AArch64 AdvSIMD instructions: the lane-wise work the translator does not
// emit inline. Each helper takes (env, desc, rd, rn[, rm]) as i32: `desc` packs the
// operation and its shape (see DESC). Operands are copied into a private scratch block
// first, so Vd may be any of the sources; the result is built there and copied back,
// with the bytes beyond the result (upper half for Q=0, all but lane 0 for scalars)
// zeroed. The scratch block starts with a fake env (FPCR/FPSR at their A64 offsets), so
// the FP element operations of fp-ops.ts run on scratch addresses too.

import type { HelperContext, HelperDef } from '../../tcg/helpers.js';
import { fpBinop, fpCompareOp, fpConvert, fpFromInt, fpMulAdd, fpToInt, fpUnop, type FpBinop, type FpEsize, type FpRmode, type FpUnop } from './fp-ops.js';
import { LANE_OP_LIST, sat, sx } from './simd-lanes.js';
import { A64, vOffset } from './state.js';

/** Bit layout of a helper's `desc` argument. */
export const DESC = {
  /** bits 0..7: the operation (index into the helper's table). */
  OP_MASK: 0xff,
  /** bits 8..9: log2 of the element size in bytes. */
  ESZ_SHIFT: 8,
  /** 128-bit operation (Q=1); for narrowing and widening ops, the "2" (upper half) form. */
  Q: 1 << 10,
  /** Scalar form: one element; the rest of Vd is zeroed. */
  SCALAR: 1 << 11,
  /** bits 12..13: where operand b comes from (B_VECTOR, B_IMM: the rm argument, B_ELEM: Vm[index]). */
  B_SHIFT: 12,
  /** bits 16..19: the element index for B_ELEM. */
  INDEX_SHIFT: 16,
  /** Pairwise: operands are adjacent element pairs of Vn:Vm (or of Vn for the long/scalar forms). */
  PAIR: 1 << 20,
  /** Widening: source elements are sign-extended. */
  SIGNED: 1 << 21,
  /** Widening "W" forms: Vn already holds wide elements. */
  WIDE_N: 1 << 22,
} as const;
export const B_VECTOR = 0;
export const B_IMM = 1;
export const B_ELEM = 2;

/** Narrowing helper op bits. */
export const NARROW = {
  /** bits 0..1: saturation: none, signed→signed, unsigned→unsigned, signed→unsigned. */
  SAT_MASK: 3,
  ROUND: 1 << 2,
  /** Source elements are signed (for shifts and saturation). */
  SIGNED_SRC: 1 << 3,
  /** ADDHN/SUBHN: add (or subtract) Vm's wide elements, shift by the narrow width; else shift by the rm argument. */
  WITH_M: 1 << 4,
  SUB: 1 << 5,
} as const;

export const ACROSS_OPS = ['addv', 'saddlv', 'uaddlv', 'smaxv', 'umaxv', 'sminv', 'uminv'] as const;
export const PERM_OPS = ['uzp1', 'uzp2', 'zip1', 'zip2', 'trn1', 'trn2', 'rev'] as const;

/** FP operations of simd_fp3 (two operands) and simd_fp2 (one operand), by index. */
export const FP3_OPS = [
  'add', 'sub', 'mul', 'div', 'max', 'min', 'maxnm', 'minnm', 'mulx', 'abd', 'recps', 'rsqrts',
  'fmla', 'fmls', 'eq', 'ge', 'gt', 'absge', 'absgt',
] as const;
export type Fp3Op = (typeof FP3_OPS)[number];
export const FP2_OPS = [
  'sqrt', 'abs', 'neg', 'recpe', 'rsqrte', 'recpx', 'frintn', 'frinta', 'frintp', 'frintm', 'frintz', 'frintx', 'frinti',
  'eq0', 'ge0', 'gt0', 'le0', 'lt0',
  'cvtns', 'cvtnu', 'cvtps', 'cvtpu', 'cvtms', 'cvtmu', 'cvtzs', 'cvtzu', 'cvtas', 'cvtau', 'scvtf', 'ucvtf',
  'fcvtl', 'fcvtn', 'fcvtxn',
  'maxv', 'minv', 'maxnmv', 'minnmv',
] as const;
export type Fp2Op = (typeof FP2_OPS)[number];

// --- scratch -----------------------------------------------------------------------------

const N = A64.SIZE;
const M = N + 16;
const D = N + 32;
const O = N + 48;
const T = N + 64;
const ZERO = T + 64;
const sbuf = new ArrayBuffer(ZERO + 16);
const s8 = new Uint8Array(sbuf);
const s32 = new Int32Array(sbuf);
const sdv = new DataView(sbuf);
/** Guest memory as 32-bit words (V registers and the scratch are 16-byte aligned), made on first use. */
let mem32: Int32Array | undefined;
const words = (ctx: HelperContext): Int32Array => (mem32 !== undefined && mem32.buffer === ctx.mem.u8.buffer ? mem32 : (mem32 = new Int32Array(ctx.mem.u8.buffer)));

/** Copies V[r] into the scratch at byte offset `at` (four word moves: no allocation on this hot path). */
function load(ctx: HelperContext, env: number, r: number, at: number): void {
  const m = words(ctx);
  const a = (env + vOffset(r & 31)) >>> 2;
  const o = at >>> 2;
  s32[o] = m[a];
  s32[o + 1] = m[a + 1];
  s32[o + 2] = m[a + 2];
  s32[o + 3] = m[a + 3];
}
/** Zeroes O beyond `bytes` and copies O into Vd; folds a saturation into FPSR.QC. */
function store(ctx: HelperContext, env: number, rd: number, bytes: number): void {
  s8.fill(0, O + bytes, O + 16);
  const m = words(ctx);
  const a = (env + vOffset(rd)) >>> 2;
  const o = O >>> 2;
  m[a] = s32[o];
  m[a + 1] = s32[o + 1];
  m[a + 2] = s32[o + 2];
  m[a + 3] = s32[o + 3];
  if (sat.qc) {
    const dv = ctx.mem.dv;
    dv.setUint32(env + A64.FPSR, dv.getUint32(env + A64.FPSR, true) | (1 << 27), true);
    sat.qc = false;
  }
}
function get(at: number, esz: number, i: number): number {
  switch (esz) {
    case 0: return s8[at + i];
    case 1: return sdv.getUint16(at + 2 * i, true);
    default: return sdv.getUint32(at + 4 * i, true);
  }
}
function put(at: number, esz: number, i: number, v: number): void {
  switch (esz) {
    case 0: s8[at + i] = v; break;
    case 1: sdv.setUint16(at + 2 * i, v, true); break;
    default: sdv.setUint32(at + 4 * i, v, true); break;
  }
}
const getW = (at: number, i: number): bigint => sdv.getBigUint64(at + 8 * i, true);
const putW = (at: number, i: number, v: bigint): void => sdv.setBigUint64(at + 8 * i, BigInt.asUintN(64, v), true);

const esizeOf = (desc: number): number => (desc >>> DESC.ESZ_SHIFT) & 3;
const bytesOf = (desc: number): number => (desc & DESC.Q ? 16 : 8);

// --- element-wise integer ops ------------------------------------------------------------

/** Vd[i] = op(Vn[i], b, Vd[i]) with b = Vm[i], an immediate or Vm[index]; or pairwise over Vn:Vm. */
function elementwise(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, rm: number): void {
  load(ctx, env, rn, N);
  load(ctx, env, rm, M);
  load(ctx, env, rd, D);
  const op = LANE_OP_LIST[desc & DESC.OP_MASK];
  const esz = esizeOf(desc);
  const pair = (desc & DESC.PAIR) !== 0;
  const scalar = (desc & DESC.SCALAR) !== 0;
  const src = scalar ? (pair ? 2 : 1) : bytesOf(desc) >> esz;
  const out = scalar ? 1 : src;
  const bmode = (desc >>> DESC.B_SHIFT) & 3;
  const idx = (desc >>> DESC.INDEX_SHIFT) & 15;
  if (esz === 3) {
    const f = op.w;
    if (!f) throw new Error('simd: no 64-bit form');
    const imm = BigInt(rm | 0);
    for (let i = 0; i < out; i++) {
      let a: bigint;
      let b: bigint;
      if (pair) {
        const j = 2 * i;
        a = j < src ? getW(N, j) : getW(M, j - src);
        b = j + 1 < src ? getW(N, j + 1) : getW(M, j + 1 - src);
      } else {
        a = getW(N, i);
        b = bmode === B_VECTOR ? getW(M, i) : bmode === B_IMM ? imm : getW(M, idx);
      }
      putW(O, i, f(a, b, getW(D, i)));
    }
  } else {
    const f = op.n;
    const bits = 8 << esz;
    const imm = rm | 0;
    for (let i = 0; i < out; i++) {
      let a: number;
      let b: number;
      if (pair) {
        const j = 2 * i;
        a = j < src ? get(N, esz, j) : get(M, esz, j - src);
        b = j + 1 < src ? get(N, esz, j + 1) : get(M, esz, j + 1 - src);
      } else {
        a = get(N, esz, i);
        b = bmode === B_VECTOR ? get(M, esz, i) : bmode === B_IMM ? imm : get(M, esz, idx);
      }
      put(O, esz, i, f(a, b, get(D, esz, i), bits));
    }
  }
  store(ctx, env, rd, out << esz);
}

/** A narrow element zero- or sign-extended, as the unsigned wide value (number for wide <= 32 bits). */
function extend(v: number, esz: number, signed: boolean): number {
  if (!signed) return v;
  const s = sx(v, 8 << esz);
  return esz === 1 ? s >>> 0 : s & 0xffff;
}

/** Widening: Vd.wide[i] = op(ext(Vn[i]), ext(Vm[i]) or b, Vd.wide[i]); Q selects the upper source half; scalar: element 0 only. */
function widening(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, rm: number): void {
  load(ctx, env, rn, N);
  load(ctx, env, rm, M);
  load(ctx, env, rd, D);
  const op = LANE_OP_LIST[desc & DESC.OP_MASK];
  const esz = esizeOf(desc);
  const signed = (desc & DESC.SIGNED) !== 0;
  const wideN = (desc & DESC.WIDE_N) !== 0;
  const pair = (desc & DESC.PAIR) !== 0;
  const bmode = (desc >>> DESC.B_SHIFT) & 3;
  const idx = (desc >>> DESC.INDEX_SHIFT) & 15;
  const scalar = (desc & DESC.SCALAR) !== 0;
  const part = pair || scalar ? 0 : desc & DESC.Q ? 8 : 0;
  const count = scalar ? 1 : pair ? bytesOf(desc) >> (esz + 1) : 8 >> esz;
  const wbits = 16 << esz;
  const imm = rm | 0;
  if (esz === 2) {
    const f = op.w;
    if (!f) throw new Error('simd: no 64-bit form');
    const ext = (at: number, i: number): bigint => {
      const v = get(at, 2, i);
      return BigInt(signed ? v | 0 : v);
    };
    for (let i = 0; i < count; i++) {
      const a = pair ? ext(N, 2 * i) : wideN ? getW(N, i) : ext(N + part, i);
      const b = pair ? ext(N, 2 * i + 1) : bmode === B_IMM ? BigInt(imm) : bmode === B_ELEM ? ext(M, idx) : ext(M + part, i);
      putW(O, i, f(BigInt.asUintN(64, a), BigInt.asUintN(64, b), getW(D, i)));
    }
  } else {
    const f = op.n;
    const ext = (at: number, i: number): number => extend(get(at, esz, i), esz, signed);
    for (let i = 0; i < count; i++) {
      const a = pair ? ext(N, 2 * i) : wideN ? get(N, esz + 1, i) : ext(N + part, i);
      const b = pair ? ext(N, 2 * i + 1) : bmode === B_IMM ? imm : bmode === B_ELEM ? ext(M, idx) : ext(M + part, i);
      put(O, esz + 1, i, f(a, b, get(D, esz + 1, i), wbits));
    }
  }
  store(ctx, env, rd, count << (esz + 1));
}

/** Narrowing: Vd.narrow[i] = sat(round(Vn.wide[i] (± Vm.wide[i])) >> shift); Q writes the upper half. */
function narrowing(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, rm: number): void {
  load(ctx, env, rn, N);
  load(ctx, env, rm, M);
  load(ctx, env, rd, D);
  const ops = desc & DESC.OP_MASK;
  const esz = esizeOf(desc); // the narrow element
  const nbits = 8 << esz;
  const scalar = (desc & DESC.SCALAR) !== 0;
  const count = scalar ? 1 : 8 >> esz;
  const part = !scalar && desc & DESC.Q ? 8 : 0;
  const signedSrc = (ops & NARROW.SIGNED_SRC) !== 0;
  const withM = (ops & NARROW.WITH_M) !== 0;
  const shift = withM ? nbits : rm;
  const satMode = ops & NARROW.SAT_MASK;
  s8.fill(0, O, O + 16);
  if (part) s8.copyWithin(O, D, D + 8);
  if (esz === 2) {
    const lo = satMode === 1 ? -(1n << 31n) : 0n;
    const hi = satMode === 1 ? (1n << 31n) - 1n : (1n << 32n) - 1n;
    for (let i = 0; i < count; i++) {
      let w = signedSrc ? BigInt.asIntN(64, getW(N, i)) : getW(N, i);
      if (withM) w = BigInt.asUintN(64, ops & NARROW.SUB ? w - getW(M, i) : w + getW(M, i));
      if (ops & NARROW.ROUND && shift > 0) w += 1n << BigInt(shift - 1);
      w >>= BigInt(shift);
      if (satMode !== 0 && (w < lo || w > hi)) {
        w = w < lo ? lo : hi;
        sat.qc = true;
      }
      sdv.setUint32(O + part + 4 * i, Number(BigInt.asUintN(32, w)), true);
    }
  } else {
    const wbits = 2 * nbits;
    const lo = satMode === 1 ? -(2 ** (nbits - 1)) : 0;
    const hi = satMode === 1 ? 2 ** (nbits - 1) - 1 : 2 ** nbits - 1;
    for (let i = 0; i < count; i++) {
      let w = get(N, esz + 1, i);
      if (signedSrc) w = sx(w, wbits);
      if (withM) w = ops & NARROW.SUB ? w - get(M, esz + 1, i) : w + get(M, esz + 1, i);
      if (ops & NARROW.ROUND && shift > 0) w += 2 ** (shift - 1);
      w = Math.floor(w / 2 ** shift);
      if (satMode !== 0 && (w < lo || w > hi)) {
        w = w < lo ? lo : hi;
        sat.qc = true;
      }
      put(O + part, esz, i, w);
    }
  }
  store(ctx, env, rd, scalar ? 1 << esz : part + 8);
}

/** ADDV, [SU]ADDLV, [SU]MAXV, [SU]MINV: one result in lane 0. */
function across(ctx: HelperContext, env: number, desc: number, rd: number, rn: number): void {
  load(ctx, env, rn, N);
  const op = ACROSS_OPS[desc & DESC.OP_MASK];
  const esz = esizeOf(desc);
  const count = bytesOf(desc) >> esz;
  const bits = 8 << esz;
  const signed = op === 'saddlv' || op === 'smaxv' || op === 'sminv';
  let acc = 0;
  for (let i = 0; i < count; i++) {
    const v = signed ? sx(get(N, esz, i), bits) : get(N, esz, i);
    if (i === 0) acc = v;
    else if (op === 'smaxv' || op === 'umaxv') acc = Math.max(acc, v);
    else if (op === 'sminv' || op === 'uminv') acc = Math.min(acc, v);
    else acc += v;
  }
  s8.fill(0, O, O + 16);
  const wide = op === 'saddlv' || op === 'uaddlv';
  if (wide && esz === 2) putW(O, 0, BigInt(acc));
  else put(O, wide ? esz + 1 : esz, 0, acc);
  store(ctx, env, rd, 16);
}

/** UZP/ZIP/TRN of Vn:Vm, and REV of elements within containers (index bits: container log2 bytes). */
function permute(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, rm: number): void {
  load(ctx, env, rn, N);
  load(ctx, env, rm, M);
  const op = PERM_OPS[desc & DESC.OP_MASK];
  const esz = esizeOf(desc);
  const eb = 1 << esz;
  const bytes = bytesOf(desc);
  const n = bytes >> esz;
  const half = n >> 1;
  for (let i = 0; i < n; i++) {
    let fromM = false;
    let j: number;
    switch (op) {
      case 'uzp1': case 'uzp2': {
        const e = 2 * i + (op === 'uzp2' ? 1 : 0);
        fromM = e >= n;
        j = fromM ? e - n : e;
        break;
      }
      case 'zip1': case 'zip2':
        fromM = (i & 1) !== 0;
        j = (i >> 1) + (op === 'zip2' ? half : 0);
        break;
      case 'trn1': case 'trn2':
        fromM = (i & 1) !== 0;
        j = (i & ~1) + (op === 'trn2' ? 1 : 0);
        break;
      default: {
        const per = (1 << ((desc >>> DESC.INDEX_SHIFT) & 3)) >> esz; // elements per container
        j = i ^ (per - 1);
      }
    }
    s8.copyWithin(O + i * eb, (fromM ? M : N) + j * eb, (fromM ? M : N) + j * eb + eb);
  }
  store(ctx, env, rd, bytes);
}

/** TBL/TBX with 1..4 table registers (op bits 0..1: registers - 1; bit 2: TBX). */
function tableLookup(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, rm: number): void {
  const regs = (desc & 3) + 1;
  for (let i = 0; i < regs; i++) load(ctx, env, rn + i, T + 16 * i);
  load(ctx, env, rm, M);
  load(ctx, env, rd, D);
  const tbx = (desc & 4) !== 0;
  const bytes = bytesOf(desc);
  for (let i = 0; i < bytes; i++) {
    const k = s8[M + i];
    s8[O + i] = k < 16 * regs ? s8[T + k] : tbx ? s8[D + i] : 0;
  }
  store(ctx, env, rd, bytes);
}

// --- floating point ----------------------------------------------------------------------

function fpBegin(ctx: HelperContext, env: number): void {
  sdv.setUint32(A64.FPCR, ctx.mem.dv.getUint32(env + A64.FPCR, true), true);
  sdv.setUint32(A64.FPSR, 0, true);
}
function fpEnd(ctx: HelperContext, env: number): void {
  const f = sdv.getUint32(A64.FPSR, true);
  if (f) ctx.mem.dv.setUint32(env + A64.FPSR, ctx.mem.dv.getUint32(env + A64.FPSR, true) | f, true);
}
const fpEsize = (esz: number): FpEsize => (esz === 1 ? 16 : esz === 2 ? 32 : 64);
const allOnes = (at: number, eb: number): void => void s8.fill(0xff, at, at + eb);

/** Two-operand FP element ops (arithmetic, FMLA/FMLS, compares), vector/scalar/pairwise/by-element. */
function fp3(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, rm: number): void {
  load(ctx, env, rn, N);
  load(ctx, env, rm, M);
  load(ctx, env, rd, D);
  fpBegin(ctx, env);
  const op = FP3_OPS[desc & DESC.OP_MASK];
  const esz = esizeOf(desc);
  const es = fpEsize(esz);
  const eb = 1 << esz;
  const pair = (desc & DESC.PAIR) !== 0;
  const scalar = (desc & DESC.SCALAR) !== 0;
  const src = scalar ? (pair ? 2 : 1) : bytesOf(desc) >> esz;
  const out = scalar ? 1 : src;
  const elem = ((desc >>> DESC.B_SHIFT) & 3) === B_ELEM;
  const idx = (desc >>> DESC.INDEX_SHIFT) & 15;
  for (let i = 0; i < out; i++) {
    let a: number;
    let b: number;
    if (pair) {
      const j = 2 * i;
      a = j < src ? N + j * eb : M + (j - src) * eb;
      b = j + 1 < src ? N + (j + 1) * eb : M + (j + 1 - src) * eb;
    } else {
      a = N + i * eb;
      b = M + (elem ? idx : i) * eb;
    }
    const o = O + i * eb;
    switch (op) {
      case 'fmla': case 'fmls':
        fpMulAdd(sdv, 0, es, o, a, b, D + i * eb, op === 'fmls', false);
        break;
      case 'eq': case 'ge': case 'gt': case 'absge': case 'absgt':
        if (fpCompareOp(sdv, 0, op, es, a, b)) allOnes(o, eb);
        else s8.fill(0, o, o + eb);
        break;
      default:
        fpBinop(sdv, 0, op, es, o, a, b);
    }
  }
  fpEnd(ctx, env);
  store(ctx, env, rd, out * eb);
}

const CVT: Readonly<Record<string, { rmode: FpRmode; signed: boolean }>> = {
  cvtns: { rmode: 'n', signed: true }, cvtnu: { rmode: 'n', signed: false },
  cvtps: { rmode: 'p', signed: true }, cvtpu: { rmode: 'p', signed: false },
  cvtms: { rmode: 'm', signed: true }, cvtmu: { rmode: 'm', signed: false },
  cvtzs: { rmode: 'z', signed: true }, cvtzu: { rmode: 'z', signed: false },
  cvtas: { rmode: 'a', signed: true }, cvtau: { rmode: 'a', signed: false },
};

/** One-operand FP element ops; `frac` (the rm argument) is the fixed-point fraction bits of conversions. */
function fp2(ctx: HelperContext, env: number, desc: number, rd: number, rn: number, frac: number): void {
  load(ctx, env, rn, N);
  load(ctx, env, rd, D);
  s8.fill(0, ZERO, ZERO + 16);
  fpBegin(ctx, env);
  const op = FP2_OPS[desc & DESC.OP_MASK];
  const esz = esizeOf(desc);
  const es = fpEsize(esz);
  const eb = 1 << esz;
  const scalar = (desc & DESC.SCALAR) !== 0;
  const count = scalar ? 1 : bytesOf(desc) >> esz;
  let bytes = count * eb;
  if (op === 'fcvtl') {
    // esz is the wide element; the narrow sources are the lower or upper half of Vn.
    const part = desc & DESC.Q ? 8 : 0;
    const n = 16 >> esz;
    for (let i = 0; i < n; i++) fpConvert(sdv, 0, fpEsize(esz - 1), es, O + i * eb, N + part + (i * eb) / 2);
    bytes = 16;
  } else if (op === 'fcvtn' || op === 'fcvtxn') {
    // esz is the wide source element; results go to the lower or upper half of Vd.
    const part = !scalar && desc & DESC.Q ? 8 : 0;
    const n = scalar ? 1 : 16 >> esz;
    s8.copyWithin(O, D, D + 8);
    for (let i = 0; i < n; i++) fpConvert(sdv, 0, es, fpEsize(esz - 1), O + part + (i * eb) / 2, N + i * eb, op === 'fcvtxn');
    bytes = scalar ? eb / 2 : part + 8;
  } else if (op === 'maxv' || op === 'minv' || op === 'maxnmv' || op === 'minnmv') {
    const bop = op.slice(0, -1) as FpBinop;
    const n = bytesOf(desc) >> esz;
    // Pairwise reduction tree, as the Arm ARM's Reduce() does.
    s8.copyWithin(O, N, N + 16);
    for (let w = n; w > 1; w >>= 1) for (let i = 0; i < w / 2; i++) fpBinop(sdv, 0, bop, es, O + i * eb, O + 2 * i * eb, O + (2 * i + 1) * eb);
    bytes = eb;
  } else {
    for (let i = 0; i < count; i++) {
      const a = N + i * eb;
      const o = O + i * eb;
      const cvt = CVT[op];
      if (cvt) {
        const v = fpToInt(sdv, 0, es, a, cvt.signed, es === 64 ? 64 : 32, cvt.rmode, frac);
        if (eb === 8) putW(O, i, v);
        else sdv.setUint32(o, Number(BigInt.asUintN(32, v)), true);
      } else if (op === 'scvtf' || op === 'ucvtf') {
        const v = eb === 8 ? getW(N, i) : BigInt(sdv.getUint32(a, true));
        fpFromInt(sdv, 0, es, o, v, op === 'scvtf', es === 64 ? 64 : 32, frac);
      } else if (op === 'eq0' || op === 'ge0' || op === 'gt0') {
        if (fpCompareOp(sdv, 0, op === 'eq0' ? 'eq' : op === 'ge0' ? 'ge' : 'gt', es, a, ZERO)) allOnes(o, eb);
        else s8.fill(0, o, o + eb);
      } else if (op === 'le0' || op === 'lt0') {
        if (fpCompareOp(sdv, 0, op === 'le0' ? 'ge' : 'gt', es, ZERO, a)) allOnes(o, eb);
        else s8.fill(0, o, o + eb);
      } else {
        fpUnop(sdv, 0, op as FpUnop, es, o, a);
      }
    }
  }
  fpEnd(ctx, env);
  store(ctx, env, rd, bytes);
}

// --- the table ---------------------------------------------------------------------------

const I32x5 = ['i32', 'i32', 'i32', 'i32', 'i32'] as const;
const I32x4 = ['i32', 'i32', 'i32', 'i32'] as const;

export const AARCH64_SIMD_HELPERS: Record<string, HelperDef> = {
  simd_elem: { name: 'simd_elem', args: I32x5, ret: null, fn: elementwise as HelperDef['fn'] },
  simd_long: { name: 'simd_long', args: I32x5, ret: null, fn: widening as HelperDef['fn'] },
  simd_narrow: { name: 'simd_narrow', args: I32x5, ret: null, fn: narrowing as HelperDef['fn'] },
  simd_across: { name: 'simd_across', args: I32x4, ret: null, fn: across as HelperDef['fn'] },
  simd_perm: { name: 'simd_perm', args: I32x5, ret: null, fn: permute as HelperDef['fn'] },
  simd_tbl: { name: 'simd_tbl', args: I32x5, ret: null, fn: tableLookup as HelperDef['fn'] },
  simd_fp3: { name: 'simd_fp3', args: I32x5, ret: null, fn: fp3 as HelperDef['fn'] },
  simd_fp2: { name: 'simd_fp2', args: I32x5, ret: null, fn: fp2 as HelperDef['fn'] },
};
