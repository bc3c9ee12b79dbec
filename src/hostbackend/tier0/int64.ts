// Tier 0's integer arithmetic on its cells: an i64 as two int32 halves (lo, hi) —
// compares without branching on the condition, add/sub/multiply with carries, shifts, the
// rarer one-operand ops and bitcasts — and one lane of the lane-wise vector ops. Plain
// functions over the cells' Int32Array, so that the interpreter's loop (tier0.ts) allocates
// nothing for them.

import { K } from './program.js';

const scratch = new DataView(new ArrayBuffer(8));
const SIGN = -0x8000_0000;

/** The i64 in halves (lo, hi) as a signed bigint. */
export const toBig = (lo: number, hi: number): bigint => (BigInt(hi) << 32n) | BigInt(lo >>> 0);

/**
 * Per condition, in CONDS order: bit 0 set if it holds when a < b, bit 1 when a == b,
 * bit 2 when a > b; bit 3 for the unsigned ones. The compares below compute all three
 * orderings without branching on the condition, so that V8's optimized code of the loop
 * has no path left that a condition it has not yet met would have to deoptimize.
 */
const COND_BITS = [0b010, 0b101, 0b001, 0b110, 0b011, 0b100, 0b1001, 0b1110, 0b1011, 0b1100];

/** cond(a, b) on two int32 values, by index into CONDS. */
export function cmp32(cond: number, a: number, b: number): boolean {
  const m = COND_BITS[cond];
  const flip = (m & 8) << 28; // unsigned: compare with the sign bits flipped
  const x = a ^ flip;
  const y = b ^ flip;
  const lt = x < y;
  const eq = x === y;
  return ((m >> (lt ? 0 : eq ? 1 : 2)) & 1) !== 0;
}

/** cond(a, b) on two i64 values in halves, by index into CONDS. */
export function cmp64(cond: number, alo: number, ahi: number, blo: number, bhi: number): boolean {
  const m = COND_BITS[cond];
  const flip = (m & 8) << 28;
  const xh = ahi ^ flip;
  const yh = bhi ^ flip;
  const xl = alo ^ SIGN; // low halves compare unsigned
  const yl = blo ^ SIGN;
  const hlt = xh < yh;
  const heq = xh === yh;
  const llt = xl < yl;
  const leq = xl === yl;
  return ((m >> (hlt ? 0 : !heq ? 2 : llt ? 0 : leq ? 1 : 2)) & 1) !== 0;
}

/** r[o..o+1] = (alo, ahi) + (blo, bhi) (i64 halves), without leaving int32. */
export function add64(r: Int32Array, alo: number, ahi: number, blo: number, bhi: number, o: number): void {
  const lo = (alo + blo) | 0;
  const carry = ((alo & blo) | ((alo | blo) & ~lo)) >>> 31;
  r[o + 1] = (ahi + bhi + carry) | 0;
  r[o] = lo;
}

/** r[o..o+1] = r[a..a+1] - r[b..b+1] (i64 halves). */
export function sub64(r: Int32Array, a: number, b: number, o: number): void {
  const alo = r[a];
  const blo = r[b];
  const lo = (alo - blo) | 0;
  const borrow = ((~alo & blo) | (~(alo ^ blo) & lo)) >>> 31;
  r[o + 1] = (r[a + 1] - r[b + 1] - borrow) | 0;
  r[o] = lo;
}

/** The high 32 bits of the unsigned product of two words. */
function mulHighU32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) | 0;
}

/** r[o..o+1] = r[a..a+1] * r[b..b+1] modulo 2^64. */
export function mul64(r: Int32Array, a: number, b: number, o: number): void {
  const alo = r[a];
  const blo = r[b];
  const hi = (mulHighU32(alo, blo) + Math.imul(alo, r[b + 1]) + Math.imul(r[a + 1], blo)) | 0;
  r[o] = Math.imul(alo, blo);
  r[o + 1] = hi;
}

/** SHL64 / SHR64 / SAR64 by s (0..63): r[o..o+1] = r[a..a+1] shifted. */
export function shift64(op: number, r: Int32Array, a: number, s: number, o: number): void {
  const lo = r[a];
  const hi = r[a + 1];
  if (s === 0) {
    r[o] = lo;
    r[o + 1] = hi;
  } else if (op === K.SHL64) {
    r[o + 1] = s < 32 ? (hi << s) | (lo >>> (32 - s)) : lo << (s - 32);
    r[o] = s < 32 ? lo << s : 0;
  } else if (s < 32) {
    r[o] = (lo >>> s) | (hi << (32 - s));
    r[o + 1] = op === K.SHR64 ? hi >>> s : hi >> s;
  } else {
    r[o] = op === K.SHR64 ? hi >>> (s - 32) : hi >> (s - 32);
    r[o + 1] = op === K.SHR64 ? 0 : hi >> 31;
  }
}

/** The rarer one-operand integer ops and the bitcasts (a, o: word indexes). */
export function unary(op: number, r: Int32Array, f: Float64Array, a: number, o: number): void {
  switch (op) {
    case K.NOT64: r[o] = ~r[a]; r[o + 1] = ~r[a + 1]; break;
    case K.NEG64: { const lo = r[a]; const hi = r[a + 1]; r[o] = -lo; r[o + 1] = ~hi + (lo === 0 ? 1 : 0); break; }
    case K.EXT8S64: { const v = (r[a] << 24) >> 24; r[o] = v; r[o + 1] = v >> 31; break; }
    case K.EXT8U64: r[o] = r[a] & 0xff; r[o + 1] = 0; break;
    case K.EXT16S64: { const v = (r[a] << 16) >> 16; r[o] = v; r[o + 1] = v >> 31; break; }
    case K.EXT16U64: r[o] = r[a] & 0xffff; r[o + 1] = 0; break;
    // Bitcasts go through a JS number as the reference's do (an f32 NaN is quieted on the way).
    case K.BITCAST_I64_F64:
      scratch.setInt32(0, r[a], true);
      scratch.setInt32(4, r[a + 1], true);
      f[o >> 1] = scratch.getFloat64(0, true);
      break;
    case K.BITCAST_I32_F32:
      scratch.setInt32(0, r[a], true);
      f[o >> 1] = scratch.getFloat32(0, true);
      break;
    case K.BITCAST_F64_I64:
      scratch.setFloat64(0, f[a >> 1], true);
      r[o] = scratch.getInt32(0, true);
      r[o + 1] = scratch.getInt32(4, true);
      break;
    default: // BITCAST_F32_I32
      scratch.setFloat32(0, f[a >> 1], true);
      r[o] = scratch.getInt32(0, true);
  }
}

/** One lane of a lane-wise op (lanes below 64 bits, read signed for the _S ops, else unsigned); the store truncates. */
export function laneOp(op: number, x: number, y: number): number {
  switch (op) {
    case K.VADD: return x + y;
    case K.VSUB: return x - y;
    case K.VCMPEQ: return x === y ? -1 : 0;
    case K.VCMPGT_S: case K.VCMPGT_U: return x > y ? -1 : 0;
    case K.VCMPGE_S: case K.VCMPGE_U: return x >= y ? -1 : 0;
    case K.VMIN_S: case K.VMIN_U: return x < y ? x : y;
    default: return x > y ? x : y; // VMAX_S, VMAX_U
  }
}

