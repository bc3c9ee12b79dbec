// The AdvSIMD operations translated inline with the IR's 128-bit vector ops (no helper
// call): bitwise ops, lane-wise integer arithmetic and compares where the IR has the op at
// that lane size, pairwise and across-lanes reductions built from shuffles, shifts by
// immediate, widening, permutes, table lookups of one register, immediates, lane moves,
// the floating-point arithmetic that has a native fast path, and the structure loads and
// stores. Each generator returns false only for reserved encodings; callers fall back to
// the helpers of simd-gen.ts for the shapes these do not cover (they return null then).

import type { Temp } from '../../../tcg/ir.js';
import { MEMOP, type MemOp, type Opcode } from '../../../tcg/opcodes.js';
import type { arg_ldm, arg_lds, arg_v2, arg_v3, arg_vcopy, arg_vext, arg_vidx, arg_vimm, arg_vsh } from '../simd.generated.js';
import { A64 } from '../state.js';
import { getX, getXsp, setX, setXsp, type DisasContext } from '../translate.js';
import { expandImm } from './simd-gen.js';
import {
  getV, lane, narrowToQ, readLane, scalarVector, setV, setVq, shuffleLanes, shufflePattern, splat, withLane, writeLane, writeScalar,
} from './vreg.js';

type Shape = { q: number; size: number; scalar: number };
const ZERO = 0n;
const ALL_ONES = (1n << 128n) - 1n;
const UPPER64 = ALL_ONES ^ ((1n << 64n) - 1n);

/** Lanes of a vector of the shape (scalar: 1). */
const laneCount = (q: number, esz: number): number => (q ? 16 : 8) >> esz;
/** A constant vector with every lane (2^esz bytes) = v. */
function constSplat(ctx: DisasContext, esz: number, v: bigint): Temp {
  const bits = 8 << esz;
  let k = 0n;
  const lv = BigInt.asUintN(bits, v);
  for (let i = 0; i < 128 / bits; i++) k |= lv << BigInt(i * bits);
  return ctx.b.constV(k);
}

// --- bitwise ----------------------------------------------------------------------------------

type Bitwise = (ctx: DisasContext, n: Temp, m: Temp, d: Temp) => Temp;
const v2 = (op: Opcode) => (ctx: DisasContext, x: Temp, y: Temp): Temp => ctx.b.vec(op, [x, y]);

export const BITWISE: Readonly<Record<'and' | 'bic' | 'orr' | 'orn' | 'eor' | 'bsl' | 'bit' | 'bif', Bitwise>> = {
  and: (c, n, m) => v2('vand')(c, n, m),
  bic: (c, n, m) => v2('vandn')(c, n, m),
  orr: (c, n, m) => v2('vor')(c, n, m),
  orn: (c, n, m) => v2('vor')(c, n, c.b.vec('vnot', [m])),
  eor: (c, n, m) => v2('vxor')(c, n, m),
  // BSL: d ? n : m per bit;  BIT: m ? n : d;  BIF: m ? d : n
  bsl: (c, n, m, d) => c.b.vec('vbitsel', [n, m, d]),
  bit: (c, n, m, d) => c.b.vec('vbitsel', [n, d, m]),
  bif: (c, n, m, d) => c.b.vec('vbitsel', [d, n, m]),
};

/** Vd = f(Vn, Vm, Vd); Q=0 clears the upper half. */
export function genBitwise(ctx: DisasContext, a: arg_v3, f: Bitwise): boolean {
  setVq(ctx, a.rd, f(ctx, getV(ctx, a.rn), getV(ctx, a.rm), getV(ctx, a.rd)), a.q);
  return true;
}
export function genNot(ctx: DisasContext, a: arg_v2): boolean {
  setVq(ctx, a.rd, ctx.b.vec('vnot', [getV(ctx, a.rn)]), a.q);
  return true;
}

// --- lane-wise integer -------------------------------------------------------------------------

type Lanes2 = (ctx: DisasContext, x: Temp, y: Temp, esz: number, d: Temp) => Temp;
const laneOp = (op: Opcode): Lanes2 => (ctx, x, y, esz) => ctx.b.vec(op, [x, y], [esz]);

/** The integer operations of the three-same class done inline, with the lane sizes they cover. */
export const INLINE3: Readonly<Record<string, { f: Lanes2; sizes: number }>> = {
  add: { f: laneOp('vadd'), sizes: 0b1111 },
  sub: { f: laneOp('vsub'), sizes: 0b1111 },
  mul: { f: laneOp('vmul'), sizes: 0b0110 },
  mla: { f: (c, x, y, e, d) => c.b.vec('vadd', [d, c.b.vec('vmul', [x, y], [e])], [e]), sizes: 0b0110 },
  mls: { f: (c, x, y, e, d) => c.b.vec('vsub', [d, c.b.vec('vmul', [x, y], [e])], [e]), sizes: 0b0110 },
  cmeq: { f: laneOp('vcmpeq'), sizes: 0b1111 },
  cmgt: { f: laneOp('vcmpgt_s'), sizes: 0b1111 },
  cmge: { f: laneOp('vcmpge_s'), sizes: 0b1111 },
  cmhi: { f: laneOp('vcmpgt_u'), sizes: 0b0111 },
  cmhs: { f: laneOp('vcmpge_u'), sizes: 0b0111 },
  cmtst: { f: (c, x, y, e) => c.b.vec('vnot', [c.b.vec('vcmpeq', [c.b.vec('vand', [x, y]), c.b.constV(ZERO)], [e])]), sizes: 0b1111 },
  umax: { f: laneOp('vmax_u'), sizes: 0b0111 },
  umin: { f: laneOp('vmin_u'), sizes: 0b0111 },
  smax: { f: laneOp('vmax_s'), sizes: 0b0111 },
  smin: { f: laneOp('vmin_s'), sizes: 0b0111 },
};

/** Vd = op(Vn, Vm) lane by lane (vector, or scalar on 64-bit lanes); null when not inline. */
export function gen3Inline(ctx: DisasContext, a: arg_v3, name: string): boolean | null {
  const op = INLINE3[name];
  if (!op || !((op.sizes >> a.size) & 1) || (a.scalar && a.size !== 3)) return null;
  if (!a.scalar && a.size === 3 && !a.q) return false;
  const r = op.f(ctx, getV(ctx, a.rn), getV(ctx, a.rm), a.size, getV(ctx, a.rd));
  setVq(ctx, a.rd, r, a.scalar ? 0 : a.q);
  return true;
}

/** Even and odd lanes of the pairs of Vn:Vm (Q=1) or of Vn.lo:Vm.lo (Q=0), as two vectors. */
function pairs(ctx: DisasContext, x: Temp, y: Temp, esz: number, q: number): [Temp, Temp] {
  const n = 16 >> esz;
  let src = [x, y];
  if (!q) {
    // c = Vn.lo : Vm.lo, then pairs of c (its lanes 0..n-1)
    const c = ctx.b.vec('vshuffle', [x, y], [shufflePattern([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23], 0)]);
    src = [c, c];
  }
  const even = Array.from({ length: n }, (_, i) => 2 * i);
  const odd = even.map((k) => k + 1);
  return [shuffleLanes(ctx, src[0], src[1], even, esz), shuffleLanes(ctx, src[0], src[1], odd, esz)];
}

/** Pairwise ADDP/UMAXP/UMINP/SMAXP/SMINP (vector); null when not inline. */
export function genPairInline(ctx: DisasContext, a: arg_v3, name: string): boolean | null {
  const op = INLINE3[name];
  if (!op || !((op.sizes >> a.size) & 1)) return null;
  if (a.size === 3 && !a.q) return false;
  const [even, odd] = pairs(ctx, getV(ctx, a.rn), getV(ctx, a.rm), a.size, a.q);
  setVq(ctx, a.rd, op.f(ctx, even, odd, a.size, even), a.q);
  return true;
}
/** Scalar ADDP Dd, Vn.2D. */
export function genAddpScalarInline(ctx: DisasContext, a: arg_v2): boolean {
  const v = getV(ctx, a.rn);
  const sum = ctx.b.vec('vadd', [v, shuffleLanes(ctx, v, v, [1, 0], 3)], [3]);
  setVq(ctx, a.rd, sum, 0);
  return true;
}

/** Unary integer ops and compares against zero; null when not inline. */
export function gen2Inline(ctx: DisasContext, a: arg_v2, name: string): boolean | null {
  const { b } = ctx;
  if (a.scalar && a.size !== 3) return null;
  if (!a.scalar && a.size === 3 && !a.q) return false;
  const x = getV(ctx, a.rn);
  const zero = b.constV(ZERO);
  const e = a.size;
  let r: Temp;
  switch (name) {
    case 'neg': r = b.vec('vneg', [x], [e]); break;
    case 'abs': r = b.vec('vabs', [x], [e]); break;
    case 'cmeq': r = b.vec('vcmpeq', [x, zero], [e]); break;
    case 'cmgt': r = b.vec('vcmpgt_s', [x, zero], [e]); break;
    case 'cmge': r = b.vec('vcmpge_s', [x, zero], [e]); break;
    case 'cmle0': r = b.vec('vcmpge_s', [zero, x], [e]); break;
    case 'cmlt0': r = b.vec('vcmpgt_s', [zero, x], [e]); break;
    case 'cnt': if (e !== 0) return false; r = b.vec('vpopcnt', [x], [0]); break;
    default: return null;
  }
  setVq(ctx, a.rd, r, a.scalar ? 0 : a.q);
  return true;
}

/** ADDV/UMAXV/UMINV/SMAXV/SMINV: a log2 tree of shuffles; null when not inline. */
export function genAcrossInline(ctx: DisasContext, a: arg_v2, name: string): boolean | null {
  const key = { addv: 'add', umaxv: 'umax', uminv: 'umin', smaxv: 'smax', sminv: 'smin' }[name];
  if (!key) return null;
  const e = a.size;
  if (e === 3 || (e === 2 && !a.q)) return false;
  const op = INLINE3[key];
  let v = getV(ctx, a.rn);
  for (let w = laneCount(a.q, e) / 2; w >= 1; w /= 2) {
    const moved = shuffleLanes(ctx, v, v, Array.from({ length: w }, (_, i) => i + w), e);
    v = op.f(ctx, v, moved, e, v);
  }
  const mask = e === 0 ? 0xffn : e === 1 ? 0xffffn : 0xffffffffn;
  writeScalar(ctx, a.rd, ctx.b.binary('and_i64', lane(ctx, v, 3, 0), ctx.b.const64(mask)));
  return true;
}

// --- widening and narrowing ----------------------------------------------------------------------

/** The lanes (2^esz bytes) of the lower or upper half of v, extended to twice their size. */
function widen(ctx: DisasContext, v: Temp, esz: number, upper: number, signed: boolean): Temp {
  const op: Opcode = upper ? (signed ? 'vext_high_s' : 'vext_high_u') : signed ? 'vext_low_s' : 'vext_low_u';
  return ctx.b.vec(op, [v], [esz]);
}

/** [SU]ADDL/[SU]SUBL/[SU]MULL/[SU]MLAL/[SU]MLSL and the W forms: widen, then the wide op; null when not inline. */
export function genLongInline(ctx: DisasContext, a: arg_v3, name: 'add' | 'sub' | 'mul' | 'mla' | 'mls', signed: boolean, wideN = false): boolean | null {
  if (a.size === 3 || a.scalar) return a.size === 3 ? false : null;
  const w = a.size + 1;
  const n = wideN ? getV(ctx, a.rn) : widen(ctx, getV(ctx, a.rn), a.size, a.q, signed);
  const m = widen(ctx, getV(ctx, a.rm), a.size, a.q, signed);
  setV(ctx, a.rd, INLINE3[name].f(ctx, n, m, w, getV(ctx, a.rd)));
  return true;
}

/** SHLL/SHLL2: widen and shift left by the element size. */
export function genShllInline(ctx: DisasContext, a: arg_v2): boolean {
  if (a.size === 3) return false;
  const wide = widen(ctx, getV(ctx, a.rn), a.size, a.q, false);
  setV(ctx, a.rd, ctx.b.vec('vshl_i', [wide], [a.size + 1, 8 << a.size]));
  return true;
}

/** XTN/XTN2: the low half of each wide lane; XTN2 fills the upper half and keeps the lower. */
export function genXtnInline(ctx: DisasContext, a: arg_v2): boolean {
  if (a.size === 3) return false;
  const e = a.size;
  const n = 8 >> e;
  // narrow lane i = the low half of wide lane i, i.e. narrow lane 2i of the source
  const narrow = Array.from({ length: n }, (_, i) => 2 * i);
  const src = getV(ctx, a.rn);
  if (!a.q) {
    setVq(ctx, a.rd, shuffleLanes(ctx, src, src, narrow, e), 0);
  } else {
    const lanes = [...Array.from({ length: n }, (_, i) => i), ...narrow.map((k) => k + (16 >> e))];
    setV(ctx, a.rd, shuffleLanes(ctx, getV(ctx, a.rd), src, lanes, e));
  }
  return true;
}

// --- shifts by immediate --------------------------------------------------------------------------

/** immh's element size (log2 bytes), or -1 when immh is zero. */
function shiftEsz(immhb: number): number {
  const immh = immhb >> 3;
  return immh === 0 ? -1 : 31 - Math.clz32(immh);
}
/** The shape checks shared by every shift: -1 for reserved, else the element size. */
function shiftShape(a: arg_vsh): number {
  const e = shiftEsz(a.immhb);
  if (e < 0 || (a.scalar && e !== 3) || (!a.scalar && e === 3 && !a.q)) return -1;
  return e;
}

/** x >> s per lane (unsigned or signed), s in 1..lane bits. */
function shiftRight(ctx: DisasContext, x: Temp, e: number, s: number, signed: boolean): Temp {
  const bits = 8 << e;
  if (s < bits) return ctx.b.vec(signed ? 'vshr_s_i' : 'vshr_u_i', [x], [e, s]);
  return signed ? ctx.b.vec('vshr_s_i', [x], [e, bits - 1]) : ctx.b.constV(ZERO);
}

/** SSHR/USHR/SSRA/USRA/SRI by immediate (vector, or scalar on 64-bit lanes); null for the rounding forms. */
export function genShiftRightInline(ctx: DisasContext, a: arg_vsh, name: string): boolean | null {
  if (!['sshr', 'ushr', 'ssra', 'usra', 'sri'].includes(name)) return null;
  const e = shiftShape(a);
  if (e < 0) return false;
  const s = (16 << e) - a.immhb;
  const { b } = ctx;
  const x = getV(ctx, a.rn);
  let r: Temp;
  if (name === 'sri') {
    const bits = 8 << e;
    if (s >= bits) r = getV(ctx, a.rd);
    else r = b.vec('vbitsel', [shiftRight(ctx, x, e, s, false), getV(ctx, a.rd), constSplat(ctx, e, ((1n << BigInt(bits)) - 1n) >> BigInt(s))]);
  } else {
    r = shiftRight(ctx, x, e, s, name.startsWith('s'));
    if (name.endsWith('sra')) r = b.vec('vadd', [getV(ctx, a.rd), r], [e]);
  }
  setVq(ctx, a.rd, r, a.scalar ? 0 : a.q);
  return true;
}

/** SHL and SLI by immediate; null for the saturating forms. */
export function genShiftLeftInline(ctx: DisasContext, a: arg_vsh, name: string): boolean | null {
  if (name !== 'shl' && name !== 'sli') return null;
  const e = shiftShape(a);
  if (e < 0) return false;
  const s = a.immhb - (8 << e);
  const { b } = ctx;
  let r = b.vec('vshl_i', [getV(ctx, a.rn)], [e, s]);
  if (name === 'sli') r = b.vec('vbitsel', [r, getV(ctx, a.rd), constSplat(ctx, e, ((1n << BigInt(8 << e)) - 1n) << BigInt(s))]);
  setVq(ctx, a.rd, r, a.scalar ? 0 : a.q);
  return true;
}

/** SHRN/SHRN2 (the non-rounding, non-saturating narrow). */
export function genShrnInline(ctx: DisasContext, a: arg_vsh): boolean {
  const e = shiftEsz(a.immhb);
  if (e < 0 || e === 3 || a.scalar) return false;
  const s = (16 << e) - a.immhb;
  const shifted = ctx.b.vec('vshr_u_i', [getV(ctx, a.rn)], [e + 1, s]);
  const n = 8 >> e;
  const narrow = Array.from({ length: n }, (_, i) => 2 * i);
  if (!a.q) {
    setVq(ctx, a.rd, shuffleLanes(ctx, shifted, shifted, narrow, e), 0);
  } else {
    const lanes = [...Array.from({ length: n }, (_, i) => i), ...narrow.map((k) => k + (16 >> e))];
    setV(ctx, a.rd, shuffleLanes(ctx, getV(ctx, a.rd), shifted, lanes, e));
  }
  return true;
}

/** SSHLL/USHLL (SXTL/UXTL) and their "2" forms. */
export function genShiftLongInline(ctx: DisasContext, a: arg_vsh, signed: boolean): boolean {
  const e = shiftEsz(a.immhb);
  if (e < 0 || e === 3) return false;
  const s = a.immhb - (8 << e);
  let r = widen(ctx, getV(ctx, a.rn), e, a.q, signed);
  if (s) r = ctx.b.vec('vshl_i', [r], [e + 1, s]);
  setV(ctx, a.rd, r);
  return true;
}

// --- permutes, EXT, TBL, REV --------------------------------------------------------------------

/** Lane indexes (into Vn:Vm) of UZP/ZIP/TRN for n lanes per register and m = lanes in use (n, or n/2 for Q=0). */
function permLanes(op: string, n: number, m: number): number[] {
  const at = (k: number): number => (k < m ? k : n + (k - m)); // lane k of Vn.used : Vm.used
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    switch (op) {
      case 'uzp1': out.push(at(2 * i)); break;
      case 'uzp2': out.push(at(2 * i + 1)); break;
      case 'zip1': out.push(i % 2 ? n + (i >> 1) : i >> 1); break;
      case 'zip2': out.push(i % 2 ? n + (m >> 1) + (i >> 1) : (m >> 1) + (i >> 1)); break;
      case 'trn1': out.push(i % 2 ? n + i - 1 : i); break;
      case 'trn2': out.push(i % 2 ? n + i : i + 1); break;
    }
  }
  return out;
}

export function genPermInline(ctx: DisasContext, a: arg_v3, op: string): boolean {
  if (a.size === 3 && !a.q) return false;
  const n = 16 >> a.size;
  const m = a.q ? n : n / 2;
  setVq(ctx, a.rd, shuffleLanes(ctx, getV(ctx, a.rn), getV(ctx, a.rm), permLanes(op, n, m), a.size), a.q);
  return true;
}

/** REV16/REV32/REV64: reverse the elements inside containers of 2^containerEsz bytes. */
export function genRevInline(ctx: DisasContext, a: arg_v2, containerEsz: number): boolean {
  if (a.size >= containerEsz) return false;
  const per = 1 << (containerEsz - a.size);
  const lanes = Array.from({ length: 16 >> a.size }, (_, i) => i - (i % per) + (per - 1 - (i % per)));
  const v = getV(ctx, a.rn);
  setVq(ctx, a.rd, shuffleLanes(ctx, v, v, lanes, a.size), a.q);
  return true;
}

/** EXT: bytes imm4.. of Vn:Vm (of Vn.lo:Vm.lo for Q=0). */
export function genExtInline(ctx: DisasContext, a: arg_vext): boolean {
  if (!a.q && a.imm4 >= 8) return false;
  const bytes = Array.from({ length: 16 }, (_, i) => {
    const k = i + a.imm4;
    return a.q ? k : k < 8 ? k : 16 + (k - 8);
  });
  setVq(ctx, a.rd, shuffleLanes(ctx, getV(ctx, a.rn), getV(ctx, a.rm), bytes, 0), a.q);
  return true;
}

/** TBL/TBX with one table register; null for longer tables. */
export function genTblInline(ctx: DisasContext, a: { q: number; len: number; rd: number; rn: number; rm: number }, tbx: boolean): boolean | null {
  if (a.len !== 0) return null;
  const { b } = ctx;
  const idx = getV(ctx, a.rm);
  let r = b.vec('vswizzle', [getV(ctx, a.rn), idx]);
  if (tbx) {
    // out-of-range indexes keep Vd's byte
    const inRange = b.vec('vcmpgt_u', [constSplat(ctx, 0, 16n), idx], [0]);
    r = b.vec('vbitsel', [r, getV(ctx, a.rd), inRange]);
  }
  setVq(ctx, a.rd, r, a.q);
  return true;
}

// --- immediates and lane moves -------------------------------------------------------------------

/** imm5's element size (log2 bytes, or -1) and index. */
function copyLane(imm5: number): { esz: number; idx: number } {
  const esz = imm5 & 15 ? 31 - Math.clz32(imm5 & -imm5) : -1;
  return { esz, idx: imm5 >> (esz + 1) };
}

export function genDupElem(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0 || (esz === 3 && !a.q)) return false;
  const v = getV(ctx, a.rn);
  setVq(ctx, a.rd, shuffleLanes(ctx, v, v, new Array(16 >> esz).fill(idx), esz), a.q);
  return true;
}
export function genDupGen(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz } = copyLane(a.imm5);
  if (esz < 0 || (esz === 3 && !a.q)) return false;
  setV(ctx, a.rd, splat(ctx, esz, getX(ctx, a.rn), a.q));
  return true;
}
/** DUP Vd (scalar), Vn.T[i]: MOV Sd, Vn.S[i]. */
export function genDupScalar(ctx: DisasContext, a: arg_vcopy): boolean {
  const { esz, idx } = copyLane(a.imm5);
  if (esz < 0) return false;
  writeScalar(ctx, a.rd, readLane(ctx, a.rn, esz, idx));
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

/** MOVI, MVNI, ORR/BIC (vector, immediate) and FMOV (vector, immediate). */
export function genMovi(ctx: DisasContext, a: arg_vimm): boolean {
  const { b } = ctx;
  if (a.cmode === 15 && a.op && !a.q) return false;
  const imm = expandImm(a.op, a.cmode, a.abcdefgh);
  const logical = (a.cmode & 1) === 1 && a.cmode < 12;
  const rep = (v: bigint): bigint => BigInt.asUintN(64, v) | (BigInt.asUintN(64, v) << 64n);
  let r: Temp;
  if (logical) {
    const k = b.constV(rep(imm));
    r = a.op ? b.vec('vandn', [getV(ctx, a.rd), k]) : b.vec('vor', [getV(ctx, a.rd), k]);
  } else {
    const inverted = a.op === 1 && a.cmode < 14;
    r = b.constV(rep(inverted ? ~imm : imm));
  }
  setVq(ctx, a.rd, r, a.q);
  return true;
}

// --- floating point ---------------------------------------------------------------------------------

/** FPCR fields that must be zero for a fast path: RMode (round to nearest) and FZ. */
const FPCR_FAST_MASK = (3 << 22) | (1 << 24);
const FPCR_FZ = 1 << 24;
const FPSR_IXC = 1 << 4;

/**
 * Branches to `slow` unless every lane in use is a normal number away from both ends of
 * the exponent range (see tcg/fp-fast.ts): then the native result raised no new flag.
 */
function brUnlessNormal(ctx: DisasContext, r: Temp, esz: number, q: number, slow: number): void {
  const { b } = ctx;
  const [shift, max] = esz === 3 ? [52, 0x7ffn] : [23, 0xffn];
  const e = b.vec('vand', [b.vec('vshr_u_i', [r], [esz, shift]), constSplat(ctx, esz, max)]);
  let ok = b.vec('vand', [b.vec('vcmpgt_s', [e, constSplat(ctx, esz, 1n)], [esz]), b.vec('vcmpgt_s', [constSplat(ctx, esz, max), e], [esz])]);
  if (!q) ok = b.vec('vor', [ok, b.constV(UPPER64)]);
  b.brcond('eq', b.vec('vall_true', [ok], [esz]), b.const32(0), slow);
}
/** Branches to `slow` if any lane in use of x is a NaN. */
function brIfNaN(ctx: DisasContext, x: Temp, esz: number, q: number, slow: number): void {
  const { b } = ctx;
  let ok = b.vec('vfcmpeq', [x, x], [esz]);
  if (!q) ok = b.vec('vor', [ok, b.constV(UPPER64)]);
  b.brcond('eq', b.vec('vall_true', [ok], [esz]), b.const32(0), slow);
}

/** The FP vector operations with an inline path, and what they need of it. */
type FpInline = { kind: 'arith' | 'nonan'; f: (ctx: DisasContext, x: Temp, y: Temp, d: Temp, esz: number) => Temp };
const FP_INLINE: Readonly<Record<string, FpInline>> = {
  add: { kind: 'arith', f: (c, x, y, _d, e) => c.b.vec('vfadd', [x, y], [e]) },
  sub: { kind: 'arith', f: (c, x, y, _d, e) => c.b.vec('vfsub', [x, y], [e]) },
  mul: { kind: 'arith', f: (c, x, y, _d, e) => c.b.vec('vfmul', [x, y], [e]) },
  div: { kind: 'arith', f: (c, x, y, _d, e) => c.b.vec('vfdiv', [x, y], [e]) },
  fmla: { kind: 'arith', f: (c, x, y, d, e) => c.b.vec('vfma', [x, y, d], [e]) },
  fmls: { kind: 'arith', f: (c, x, y, d, e) => c.b.vec('vfma', [c.b.vec('vfneg', [x], [e]), y, d], [e]) },
  max: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfmax', [x, y], [e]) },
  min: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfmin', [x, y], [e]) },
  maxnm: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfmax', [x, y], [e]) },
  minnm: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfmin', [x, y], [e]) },
  eq: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfcmpeq', [x, y], [e]) },
  ge: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfcmple', [y, x], [e]) },
  gt: { kind: 'nonan', f: (c, x, y, _d, e) => c.b.vec('vfcmplt', [y, x], [e]) },
};

/**
 * An FP vector op with its native fast path, falling back to `slow` (the helper):
 *   arith: round to nearest, no FZ, IXC already set, every result lane well inside the normal range;
 *   nonan: no FZ and no NaN operand (max/min/compares raise nothing then).
 * x and y give the operands (vectors of lanes of 2^esz bytes); null when not inline.
 */
export function genFpVector(
  ctx: DisasContext, name: string, esz: number, q: number, rd: number, x: () => Temp, y: () => Temp, slow: () => void,
): boolean | null {
  const op = FP_INLINE[name];
  if (!op || esz < 2) return null;
  const { b } = ctx;
  const slowLabel = b.newLabel();
  const done = b.newLabel();
  const fpcr = b.ldEnv('i32', A64.FPCR);
  b.brcond('ne', b.binary('and_i32', fpcr, b.const32(op.kind === 'arith' ? FPCR_FAST_MASK : FPCR_FZ)), b.const32(0), slowLabel);
  if (op.kind === 'arith') b.brcond('eq', b.binary('and_i32', b.ldEnv('i32', A64.FPSR), b.const32(FPSR_IXC)), b.const32(0), slowLabel);
  const xv = x();
  const yv = y();
  if (op.kind === 'nonan') {
    brIfNaN(ctx, xv, esz, q, slowLabel);
    brIfNaN(ctx, yv, esz, q, slowLabel);
  }
  const r = op.f(ctx, xv, yv, getV(ctx, rd), esz);
  if (op.kind === 'arith') brUnlessNormal(ctx, r, esz, q, slowLabel);
  setVq(ctx, rd, r, q);
  b.emit('br', [], [], [done]);
  b.setLabel(slowLabel);
  slow();
  b.setLabel(done);
  return true;
}

/** Vm's element `idx` (lanes of 2^esz bytes) in every lane. */
export function laneSplat(ctx: DisasContext, rm: number, esz: number, idx: number): Temp {
  const v = getV(ctx, rm);
  return shuffleLanes(ctx, v, v, new Array(16 >> esz).fill(idx), esz);
}

/** FNEG/FABS (vector): sign-bit operations, no flags. */
export function genFpSignInline(ctx: DisasContext, a: arg_v2, op: 'abs' | 'neg'): boolean {
  const esz = 2 + (a.size & 1);
  if (esz === 3 && !a.q) return false;
  setVq(ctx, a.rd, ctx.b.vec(op === 'abs' ? 'vfabs' : 'vfneg', [getV(ctx, a.rn)], [esz]), a.q);
  return true;
}

// --- structure loads and stores ------------------------------------------------------------------

const MEMOPS: readonly MemOp[] = [MEMOP.UB, MEMOP.UW, MEMOP.UL, MEMOP.UQ];
/** (registers, structure elements) of LD1-LD4/ST1-ST4 (multiple structures) by opcode. */
const MULT: Readonly<Record<number, readonly [number, number]>> = {
  0b0000: [1, 4], 0b0010: [4, 1], 0b0100: [1, 3], 0b0110: [3, 1], 0b0111: [1, 1], 0b1000: [1, 2], 0b1010: [2, 1],
};

const addr = (ctx: DisasContext, base: Temp, off: number): Temp => (off ? ctx.b.binary('add_i64', base, ctx.b.const64(off)) : base);

/** Writes back the base register after a post-indexed access. */
function postIndex(ctx: DisasContext, a: { post: number; rm: number; rn: number }, base: Temp, bytes: number): void {
  if (!a.post) return;
  const { b } = ctx;
  const inc = a.rm === 31 ? b.const64(bytes) : getX(ctx, a.rm);
  setXsp(ctx, a.rn, b.binary('add_i64', base, inc));
}

/** A vector whose byte i is byte `pick(i)` of the source vectors (one shuffle per source after the first two). */
function gather(ctx: DisasContext, src: Temp[], pick: (i: number) => { from: number; byte: number }): Temp {
  const picks = Array.from({ length: 16 }, (_, i) => pick(i));
  if (src.length === 1) return shuffleLanes(ctx, src[0], src[0], picks.map((p) => p.byte), 0);
  let acc = shuffleLanes(ctx, src[0], src[1], picks.map((p, i) => (p.from === 0 ? p.byte : p.from === 1 ? 16 + p.byte : i)), 0);
  for (let s = 2; s < src.length; s++) acc = shuffleLanes(ctx, acc, src[s], picks.map((p, i) => (p.from === s ? 16 + p.byte : i)), 0);
  return acc;
}

/** 16 or 8 bytes from memory as a vector (the upper half zero for 8). */
function loadChunk(ctx: DisasContext, at: Temp, bytes: number): Temp {
  if (bytes === 8) return scalarVector(ctx, ctx.b.qemuLd('i64', at, MEMOP.UQ));
  const v = ctx.b.newTemp('v128');
  ctx.b.emit('qemu_ld_v128', [v], [at]);
  return v;
}
function storeChunk(ctx: DisasContext, v: Temp, at: Temp, bytes: number): void {
  if (bytes === 8) ctx.b.qemuSt(lane(ctx, v, 3, 0), at, MEMOP.UQ);
  else ctx.b.emit('qemu_st_v128', [], [v, at]);
}

/**
 * LD1-LD4/ST1-ST4 (multiple structures): memory is read (or written) in whole chunks of
 * one register's size; interleaved structures are separated (or built) with shuffles.
 * Every load happens before any register is written, so a fault leaves them as they were.
 */
export function genLdstMult(ctx: DisasContext, a: arg_ldm): boolean {
  const shape = MULT[a.opcode];
  if (!shape) return false;
  const [rpt, selem] = shape;
  const esz = a.size;
  if (esz === 3 && !a.q && selem > 1) return false;
  const regBytes = a.q ? 16 : 8;
  const regs = rpt * selem;
  const base = getXsp(ctx, a.rn);
  const reg = (k: number): number => (a.rt + k) % 32;
  const eb = 1 << esz;
  // Register s, byte i holds memory byte: elements are interleaved by selem within each rpt block.
  const memByte = (s: number, i: number): number => {
    if (selem === 1) return s * regBytes + i;
    const e = Math.floor(i / eb);
    return (e * selem + s) * eb + (i % eb);
  };
  const chunks = regs; // memory is regs chunks of regBytes
  if (a.l) {
    const mem = Array.from({ length: chunks }, (_, c) => loadChunk(ctx, addr(ctx, base, c * regBytes), regBytes));
    const vals = Array.from({ length: regs }, (_, s) => {
      if (selem === 1) return mem[s];
      const v = gather(ctx, mem, (i) => {
        if (i >= regBytes) return { from: 0, byte: 0 };
        const m = memByte(s, i);
        return { from: Math.floor(m / regBytes), byte: m % regBytes };
      });
      return narrowToQ(ctx, v, a.q);
    });
    vals.forEach((v, s) => setV(ctx, reg(s), v));
  } else {
    const srcs = Array.from({ length: regs }, (_, s) => getV(ctx, reg(s)));
    for (let c = 0; c < chunks; c++) {
      const v = selem === 1
        ? srcs[c]
        : gather(ctx, srcs, (i) => {
          // memory byte c*regBytes + i comes from register s, byte j
          const m = c * regBytes + i;
          if (i >= regBytes) return { from: 0, byte: 0 };
          const e = Math.floor(m / eb);
          const s = e % selem;
          return { from: s, byte: Math.floor(e / selem) * eb + (m % eb) };
        });
      storeChunk(ctx, v, addr(ctx, base, c * regBytes), regBytes);
    }
  }
  postIndex(ctx, a, base, chunks * regBytes);
  return true;
}

/** LD1-LD4/ST1-ST4 (single structure) and LD1R-LD4R (replicate). */
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
  const reg = (k: number): number => (a.rt + k) % 32;
  if (a.l) {
    const vals: Temp[] = [];
    for (let s = 0; s < selem; s++) vals.push(b.qemuLd('i64', addr(ctx, base, s * eb), MEMOPS[scale]));
    for (let s = 0; s < selem; s++) {
      if (replicate) setV(ctx, reg(s), splat(ctx, scale, vals[s], a.q));
      else setV(ctx, reg(s), withLane(ctx, getV(ctx, reg(s)), scale, index, vals[s]));
    }
  } else {
    for (let s = 0; s < selem; s++) b.qemuSt(readLane(ctx, reg(s), scale, index), addr(ctx, base, s * eb), MEMOPS[scale]);
  }
  postIndex(ctx, a, base, selem * eb);
  return true;
}

export type { Shape, arg_vidx };
