// AdvSIMD integer lane operations, one table entry per operation. An entry computes one
// result element from a (Vn's element), b (Vm's element, an immediate or a by-element
// scalar) and d (Vd's old element, for accumulating forms). Elements of 8/16/32 bits
// arrive as unsigned numbers and are computed as numbers (`n`); 64-bit elements arrive as
// unsigned bigints (`w`). Results may be any integer: the writer truncates to the lane.
// An operation without `w` has no 64-bit form. Saturating operations set `sat.qc`.

import { recipEstimateInt, rsqrtEstimateInt } from './fp-estimate.js';

export type LaneFn = (a: number, b: number, d: number, bits: number) => number;
export type WideFn = (a: bigint, b: bigint, d: bigint) => bigint;
export interface LaneOp {
  readonly n: LaneFn;
  readonly w?: WideFn;
}

/** Set by saturating operations; the helper folds it into FPSR.QC. */
export const sat = { qc: false };

const sx = (v: number, bits: number): number => (bits === 32 ? v | 0 : (v << (32 - bits)) >> (32 - bits));
const S = (v: bigint): bigint => BigInt.asIntN(64, v);
const U = (v: bigint): bigint => BigInt.asUintN(64, v);
const bool = (c: boolean): number => (c ? -1 : 0);
const boolW = (c: boolean): bigint => (c ? -1n : 0n);
/** The signed shift count in the low byte of a shift operand. */
const shc = (b: number): number => (b << 24) >> 24;
const shcW = (b: bigint): number => Number(BigInt.asIntN(8, b));

function satS(v: number, bits: number): number {
  const hi = 2 ** (bits - 1) - 1;
  if (v > hi) { sat.qc = true; return hi; }
  if (v < -hi - 1) { sat.qc = true; return -hi - 1; }
  return v;
}
function satU(v: number, bits: number): number {
  const hi = 2 ** bits - 1;
  if (v > hi) { sat.qc = true; return hi; }
  if (v < 0) { sat.qc = true; return 0; }
  return v;
}
const MAXS = (1n << 63n) - 1n;
const MINS = -(1n << 63n);
const MAXU = (1n << 64n) - 1n;
function satSW(v: bigint): bigint {
  if (v > MAXS) { sat.qc = true; return MAXS; }
  if (v < MINS) { sat.qc = true; return MINS; }
  return v;
}
function satUW(v: bigint): bigint {
  if (v > MAXU) { sat.qc = true; return MAXU; }
  if (v < 0n) { sat.qc = true; return 0n; }
  return v;
}

// --- shifts (USHL/SSHL semantics: negative counts shift right) ------------------------------

function ushl(a: number, b: number, bits: number): number {
  const sh = shc(b);
  if (sh >= bits || sh <= -bits) return 0;
  return sh >= 0 ? a << sh : a >>> -sh;
}
function sshl(a: number, b: number, bits: number): number {
  const sh = shc(b);
  const s = sx(a, bits);
  if (sh <= -bits) return s < 0 ? -1 : 0;
  if (sh >= bits) return 0;
  return sh >= 0 ? a << sh : s >> -sh;
}
function urshl(a: number, b: number, bits: number): number {
  const sh = shc(b);
  if (sh >= 0) return ushl(a, b, bits);
  return Math.floor((a + 2 ** (-sh - 1)) / 2 ** -sh);
}
function srshl(a: number, b: number, bits: number): number {
  const sh = shc(b);
  if (sh >= 0) return sshl(a, b, bits);
  return Math.floor((sx(a, bits) + 2 ** (-sh - 1)) / 2 ** -sh);
}
function ushlW(a: bigint, b: bigint): bigint {
  const sh = shcW(b);
  if (sh >= 64 || sh <= -64) return 0n;
  return sh >= 0 ? a << BigInt(sh) : a >> BigInt(-sh);
}
function sshlW(a: bigint, b: bigint): bigint {
  const sh = shcW(b);
  const s = S(a);
  if (sh <= -64) return s < 0n ? -1n : 0n;
  if (sh >= 64) return 0n;
  return sh >= 0 ? a << BigInt(sh) : s >> BigInt(-sh);
}
function urshlW(a: bigint, b: bigint): bigint {
  const sh = shcW(b);
  if (sh >= 0) return ushlW(a, b);
  return (a + (1n << BigInt(-sh - 1))) >> BigInt(-sh);
}
function srshlW(a: bigint, b: bigint): bigint {
  const sh = shcW(b);
  if (sh >= 0) return sshlW(a, b);
  return (S(a) + (1n << BigInt(-sh - 1))) >> BigInt(-sh);
}
/** Saturating left shifts; right shifts (negative counts) do not saturate. */
function sqshl(a: number, b: number, bits: number): number {
  const sh = shc(b);
  return sh >= 0 ? satS(sx(a, bits) * 2 ** Math.min(sh, 64), bits) : sshl(a, b, bits);
}
function uqshl(a: number, b: number, bits: number): number {
  const sh = shc(b);
  return sh >= 0 ? satU(a * 2 ** Math.min(sh, 64), bits) : ushl(a, b, bits);
}
const sqshlW = (a: bigint, b: bigint): bigint => (shcW(b) >= 0 ? satSW(S(a) << BigInt(shcW(b))) : sshlW(a, b));
const uqshlW = (a: bigint, b: bigint): bigint => (shcW(b) >= 0 ? satUW(a << BigInt(shcW(b))) : ushlW(a, b));
/** SQRSHL/UQRSHL: saturating left shifts, rounding right shifts. */
const sqrshl = (a: number, b: number, bits: number): number => (shc(b) >= 0 ? sqshl(a, b, bits) : srshl(a, b, bits));
const uqrshl = (a: number, b: number, bits: number): number => (shc(b) >= 0 ? uqshl(a, b, bits) : urshl(a, b, bits));
const sqrshlW = (a: bigint, b: bigint): bigint => (shcW(b) >= 0 ? sqshlW(a, b) : srshlW(a, b));
const uqrshlW = (a: bigint, b: bigint): bigint => (shcW(b) >= 0 ? uqshlW(a, b) : urshlW(a, b));

/** SQDMULL and its accumulating forms on wide lanes of `bits` (32 or 64): sat(d ± sat(2ab)). */
const sqdmull = (a: number, b: number, bits: number): number => satS(2 * sx(a, bits) * sx(b, bits), bits);
const sqdmullW = (a: bigint, b: bigint): bigint => satSW(2n * S(a) * S(b));

/** SLI/SRI: b is the (positive) shift count. */
const sli = (a: number, b: number, d: number): number => (a << b) | (d & ((1 << b) - 1));
function sri(a: number, b: number, d: number, bits: number): number {
  if (b >= bits) return d;
  const ones = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  return (a >>> b) | (d & ~(ones >>> b));
}
const sliW = (a: bigint, b: bigint, d: bigint): bigint => (a << b) | (d & ((1n << b) - 1n));
const sriW = (a: bigint, b: bigint, d: bigint): bigint => (b >= 64n ? d : (a >> b) | (d & ~(MAXU >> b)));

function pmul(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r ^= a << i;
  return r;
}
function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
const clz = (a: number, bits: number): number => Math.clz32(a) - (32 - bits);
function rbit8(a: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((a >> i) & 1) << (7 - i);
  return r;
}
function sqdmulh(a: number, b: number, bits: number, round: boolean): number {
  if (bits === 32) {
    const p = 2n * BigInt(a | 0) * BigInt(b | 0) + (round ? 1n << 31n : 0n);
    return satS(Number(p >> 32n), 32);
  }
  return satS(Math.floor((2 * sx(a, bits) * sx(b, bits) + (round ? 2 ** (bits - 1) : 0)) / 2 ** bits), bits);
}

const absW = (a: bigint): bigint => (S(a) < 0n ? -S(a) : a);

/** Every lane operation, by name. The helper's descriptor carries the index in LANE_OP_NAMES. */
export const LANE_OPS = {
  add: { n: (a, b) => a + b, w: (a, b) => a + b },
  sub: { n: (a, b) => a - b, w: (a, b) => a - b },
  mul: { n: (a, b) => Math.imul(a, b), w: (a, b) => a * b },
  mla: { n: (a, b, d) => d + Math.imul(a, b), w: (a, b, d) => d + a * b },
  mls: { n: (a, b, d) => d - Math.imul(a, b), w: (a, b, d) => d - a * b },
  /** a + b + d: the pairwise accumulate of SADALP/UADALP. */
  add3: { n: (a, b, d) => a + b + d, w: (a, b, d) => a + b + d },
  pmul: { n: (a, b) => pmul(a, b) },
  cmeq: { n: (a, b) => bool(a === b), w: (a, b) => boolW(a === b) },
  cmtst: { n: (a, b) => bool((a & b) !== 0), w: (a, b) => boolW((a & b) !== 0n) },
  cmhi: { n: (a, b) => bool(a > b), w: (a, b) => boolW(a > b) },
  cmhs: { n: (a, b) => bool(a >= b), w: (a, b) => boolW(a >= b) },
  cmgt: { n: (a, b, _d, k) => bool(sx(a, k) > sx(b, k)), w: (a, b) => boolW(S(a) > S(b)) },
  cmge: { n: (a, b, _d, k) => bool(sx(a, k) >= sx(b, k)), w: (a, b) => boolW(S(a) >= S(b)) },
  cmle0: { n: (a, _b, _d, k) => bool(sx(a, k) <= 0), w: (a) => boolW(S(a) <= 0n) },
  cmlt0: { n: (a, _b, _d, k) => bool(sx(a, k) < 0), w: (a) => boolW(S(a) < 0n) },
  umax: { n: (a, b) => Math.max(a, b), w: (a, b) => (a > b ? a : b) },
  umin: { n: (a, b) => Math.min(a, b), w: (a, b) => (a < b ? a : b) },
  smax: { n: (a, b, _d, k) => Math.max(sx(a, k), sx(b, k)), w: (a, b) => (S(a) > S(b) ? a : b) },
  smin: { n: (a, b, _d, k) => Math.min(sx(a, k), sx(b, k)), w: (a, b) => (S(a) < S(b) ? a : b) },
  uabd: { n: (a, b) => Math.abs(a - b), w: (a, b) => (a > b ? a - b : b - a) },
  sabd: { n: (a, b, _d, k) => Math.abs(sx(a, k) - sx(b, k)), w: (a, b) => absW(S(a) - S(b)) },
  uaba: { n: (a, b, d) => d + Math.abs(a - b), w: (a, b, d) => d + (a > b ? a - b : b - a) },
  saba: { n: (a, b, d, k) => d + Math.abs(sx(a, k) - sx(b, k)), w: (a, b, d) => d + absW(S(a) - S(b)) },
  uhadd: { n: (a, b) => Math.floor((a + b) / 2) },
  shadd: { n: (a, b, _d, k) => Math.floor((sx(a, k) + sx(b, k)) / 2) },
  urhadd: { n: (a, b) => Math.floor((a + b + 1) / 2) },
  srhadd: { n: (a, b, _d, k) => Math.floor((sx(a, k) + sx(b, k) + 1) / 2) },
  uhsub: { n: (a, b) => Math.floor((a - b) / 2) },
  shsub: { n: (a, b, _d, k) => Math.floor((sx(a, k) - sx(b, k)) / 2) },
  uqadd: { n: (a, b, _d, k) => satU(a + b, k), w: (a, b) => satUW(a + b) },
  sqadd: { n: (a, b, _d, k) => satS(sx(a, k) + sx(b, k), k), w: (a, b) => satSW(S(a) + S(b)) },
  uqsub: { n: (a, b, _d, k) => satU(a - b, k), w: (a, b) => satUW(a - b) },
  sqsub: { n: (a, b, _d, k) => satS(sx(a, k) - sx(b, k), k), w: (a, b) => satSW(S(a) - S(b)) },
  sqdmulh: { n: (a, b, _d, k) => sqdmulh(a, b, k, false) },
  sqdmull: { n: (a, b, _d, k) => sqdmull(a, b, k), w: sqdmullW },
  sqdmlal: { n: (a, b, d, k) => satS(sx(d, k) + sqdmull(a, b, k), k), w: (a, b, d) => satSW(S(d) + sqdmullW(a, b)) },
  sqdmlsl: { n: (a, b, d, k) => satS(sx(d, k) - sqdmull(a, b, k), k), w: (a, b, d) => satSW(S(d) - sqdmullW(a, b)) },
  sqrdmulh: { n: (a, b, _d, k) => sqdmulh(a, b, k, true) },
  ushl: { n: (a, b, _d, k) => ushl(a, b, k), w: ushlW },
  sshl: { n: (a, b, _d, k) => sshl(a, b, k), w: sshlW },
  urshl: { n: (a, b, _d, k) => urshl(a, b, k), w: urshlW },
  srshl: { n: (a, b, _d, k) => srshl(a, b, k), w: srshlW },
  uqshl: { n: (a, b, _d, k) => uqshl(a, b, k), w: uqshlW },
  sqshl: { n: (a, b, _d, k) => sqshl(a, b, k), w: sqshlW },
  uqrshl: { n: (a, b, _d, k) => uqrshl(a, b, k), w: uqrshlW },
  sqrshl: { n: (a, b, _d, k) => sqrshl(a, b, k), w: sqrshlW },
  /** SUQADD: signed accumulator plus unsigned operand; USQADD: unsigned accumulator plus signed operand. */
  suqadd: { n: (a, _b, d, k) => satS(sx(d, k) + a, k), w: (a, _b, d) => satSW(S(d) + a) },
  usqadd: { n: (a, _b, d, k) => satU(d + sx(a, k), k), w: (a, _b, d) => satUW(d + S(a)) },
  /** SQSHLU: signed input, unsigned saturated result (b is the left shift). */
  sqshlu: { n: (a, b, _d, k) => satU(sx(a, k) * 2 ** b, k), w: (a, b) => satUW(S(a) << b) },
  // accumulating right shifts: b is the negated shift count, as for USHL
  usra: { n: (a, b, d, k) => d + ushl(a, b, k), w: (a, b, d) => d + ushlW(a, b) },
  ssra: { n: (a, b, d, k) => d + sshl(a, b, k), w: (a, b, d) => d + sshlW(a, b) },
  ursra: { n: (a, b, d, k) => d + urshl(a, b, k), w: (a, b, d) => d + urshlW(a, b) },
  srsra: { n: (a, b, d, k) => d + srshl(a, b, k), w: (a, b, d) => d + srshlW(a, b) },
  sli: { n: (a, b, d) => sli(a, b, d), w: sliW },
  sri: { n: (a, b, d, k) => sri(a, b, d, k), w: sriW },
  // unary (b ignored)
  neg: { n: (a) => -a, w: (a) => -a },
  abs: { n: (a, _b, _d, k) => Math.abs(sx(a, k)), w: absW },
  sqneg: { n: (a, _b, _d, k) => satS(-sx(a, k), k), w: (a) => satSW(-S(a)) },
  sqabs: { n: (a, _b, _d, k) => satS(Math.abs(sx(a, k)), k), w: (a) => satSW(S(a) < 0n ? -S(a) : S(a)) },
  cnt: { n: (a) => popcount(a) },
  clz: { n: (a, _b, _d, k) => clz(a, k) },
  cls: { n: (a, _b, _d, k) => { const s = sx(a, k); return clz((s ^ (s >> 1)) & (k === 32 ? -1 : (1 << k) - 1), k) - 1; } },
  rbit: { n: (a) => rbit8(a) },
  /** URECPE/URSQRTE on 32-bit lanes: the 9-bit estimates of the FP instructions, on fixed-point operands. */
  urecpe: { n: (a) => (a >>> 31 === 0 ? 0xffffffff : recipEstimateInt(a >>> 23) * 2 ** 23) },
  ursqrte: { n: (a) => (a >>> 30 === 0 ? 0xffffffff : rsqrtEstimateInt(a >>> 23) * 2 ** 23) },
} satisfies Record<string, LaneOp>;

export type LaneOpName = keyof typeof LANE_OPS;
export const LANE_OP_NAMES = Object.keys(LANE_OPS) as LaneOpName[];
export const LANE_OP_LIST: readonly LaneOp[] = LANE_OP_NAMES.map((k) => LANE_OPS[k]);
export const LANE_OP_INDEX = Object.fromEntries(LANE_OP_NAMES.map((k, i) => [k, i])) as Record<LaneOpName, number>;

export { sx };
