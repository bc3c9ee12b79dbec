// Tier 0's vector instructions other than loads, stores and env accesses (those are in
// tier0.ts): bitwise ops, shifts, shuffles, splats, lane moves, all_true / any_true and
// the lane-wise binary ops (add, sub, compares, min, max), on the temps' cells (cells.ts)
// read as lanes of 8 to 64 bits. Plain functions that allocate nothing, called from the
// interpreter's step(); the rarer vector ops run the reference's PURE_OPS (tier0.ts).

import { add64, cmp64, laneOp, shift64, sub64 } from './int64.js';
import type { Cells } from './cells.js';
import { K } from './program.js';

/** A copy of shuffle sources, whose temps the output may overwrite. */
const shuffleBytes = new Uint8Array(32);

/** Runs the vector instruction at code[i]; returns the index of the next instruction. */
export function runVector(cells: Cells, code: Int32Array, i: number): number {
  const r = cells.r;
  const op = code[i];
  switch (op) {
    case K.VMOV: { const a = code[i + 1], o = code[i + 2]; for (let k = 0; k < 4; k++) r[o + k] = r[a + k]; return i + 3; }
    case K.VMOVI: { const o = code[i + 5]; for (let k = 0; k < 4; k++) r[o + k] = code[i + 1 + k]; return i + 6; }
    case K.VAND: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; for (let k = 0; k < 4; k++) r[o + k] = r[a + k] & r[b + k]; return i + 4; }
    case K.VOR: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; for (let k = 0; k < 4; k++) r[o + k] = r[a + k] | r[b + k]; return i + 4; }
    case K.VXOR: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; for (let k = 0; k < 4; k++) r[o + k] = r[a + k] ^ r[b + k]; return i + 4; }
    case K.VANDN: { const a = code[i + 1], b = code[i + 2], o = code[i + 3]; for (let k = 0; k < 4; k++) r[o + k] = r[a + k] & ~r[b + k]; return i + 4; }
    case K.VNOT: { const a = code[i + 1], o = code[i + 2]; for (let k = 0; k < 4; k++) r[o + k] = ~r[a + k]; return i + 3; }
    case K.VBITSEL: {
      const a = code[i + 1], b = code[i + 2], m = code[i + 3], o = code[i + 4];
      for (let k = 0; k < 4; k++) r[o + k] = (r[a + k] & r[m + k]) | (r[b + k] & ~r[m + k]);
      return i + 5;
    }
    case K.VSHL: case K.VSHR_U: case K.VSHR_S:
      vshift(cells, op, code[i + 1], code[i + 2], code[i + 3], code[i + 4]);
      return i + 5;
    case K.VSHUFFLE: {
      const a = code[i + 1], b = code[i + 2], o = code[i + 7];
      const u8 = cells.u8;
      shuffleBytes.set(u8.subarray(4 * a, 4 * a + 16), 0);
      shuffleBytes.set(u8.subarray(4 * b, 4 * b + 16), 16);
      for (let k = 0; k < 16; k++) u8[4 * o + k] = shuffleBytes[(code[i + 3 + (k >> 2)] >>> (8 * (k & 3))) & 31];
      return i + 8;
    }
    case K.VSWIZZLE: {
      const a = code[i + 1], b = code[i + 2], o = code[i + 3];
      const u8 = cells.u8;
      shuffleBytes.set(u8.subarray(4 * a, 4 * a + 16), 0);
      shuffleBytes.set(u8.subarray(4 * b, 4 * b + 16), 16);
      for (let k = 0; k < 16; k++) {
        const idx = shuffleBytes[16 + k];
        u8[4 * o + k] = idx < 16 ? shuffleBytes[idx] : 0;
      }
      return i + 4;
    }
    case K.VSPLAT32: {
      const esz = code[i + 1], x = r[code[i + 2]], o = code[i + 3];
      const w = esz === 0 ? Math.imul(x & 0xff, 0x01010101) : esz === 1 ? Math.imul(x & 0xffff, 0x10001) : x;
      for (let k = 0; k < 4; k++) r[o + k] = w;
      return i + 4;
    }
    case K.VSPLAT64: {
      const a = code[i + 2], o = code[i + 3];
      const lo = r[a], hi = r[a + 1];
      r[o] = lo; r[o + 1] = hi; r[o + 2] = lo; r[o + 3] = hi;
      return i + 4;
    }
    case K.VEXTRACT32: {
      const esz = code[i + 1], lane = code[i + 2], a = code[i + 3];
      r[code[i + 4]] = cells.unsigned[esz][(a << (2 - esz)) + lane];
      return i + 5;
    }
    case K.VEXTRACT64: {
      const a = code[i + 3] + 2 * code[i + 2], o = code[i + 4];
      r[o] = r[a];
      r[o + 1] = r[a + 1];
      return i + 5;
    }
    case K.VREPLACE32: case K.VREPLACE64: {
      const esz = code[i + 1], lane = code[i + 2], a = code[i + 3], b = code[i + 4], o = code[i + 5];
      const lo = r[b];
      const hi = r[b + 1];
      for (let k = 0; k < 4; k++) r[o + k] = r[a + k];
      if (op === K.VREPLACE64) {
        r[o + 2 * lane] = lo;
        r[o + 2 * lane + 1] = hi;
      } else {
        cells.signed[esz][(o << (2 - esz)) + lane] = lo;
      }
      return i + 6;
    }
    case K.VALL_TRUE: {
      const esz = code[i + 1], a = code[i + 2];
      let all = true;
      if (esz === 3) all = (r[a] | r[a + 1]) !== 0 && (r[a + 2] | r[a + 3]) !== 0;
      else for (let k = 0, lanes = cells.unsigned[esz], at = a << (2 - esz); k < 16 >> esz; k++) all = all && lanes[at + k] !== 0;
      r[code[i + 3]] = all ? 1 : 0;
      return i + 4;
    }
    case K.VANY_TRUE: {
      const a = code[i + 1];
      r[code[i + 2]] = (r[a] | r[a + 1] | r[a + 2] | r[a + 3]) !== 0 ? 1 : 0;
      return i + 3;
    }
    default: // the lane-wise binary ops, VADD .. VMAX_U
      if (!(op >= K.VADD && op <= K.VMAX_U)) throw new Error(`tier 0: bad instruction ${op} at ${i}`);
      lanewise(cells, op, code[i + 1], code[i + 2], code[i + 3], code[i + 4]);
      return i + 5;
  }
}

/** A lane-wise binary op (VADD .. VMAX_U) on lanes of 2^esz bytes: o = op(a, b) lane by lane. */
function lanewise(cells: Cells, op: number, esz: number, a: number, b: number, o: number): void {
  const r = cells.r;
  if (esz === 3) {
    // Two lanes of i64 halves; the ops that exist for 64-bit lanes: add, sub, eq, gt_s, ge_s.
    for (let k = 0; k < 4; k += 2) {
      if (op === K.VADD) add64(r, r[a + k], r[a + k + 1], r[b + k], r[b + k + 1], o + k);
      else if (op === K.VSUB) sub64(r, a + k, b + k, o + k);
      else {
        const cond = op === K.VCMPEQ ? 0 : op === K.VCMPGT_S ? 5 : 3; // eq, gt, ge
        const t = cmp64(cond, r[a + k], r[a + k + 1], r[b + k], r[b + k + 1]) ? -1 : 0;
        r[o + k] = t;
        r[o + k + 1] = t;
      }
    }
    return;
  }
  const isSigned = op === K.VCMPGT_S || op === K.VCMPGE_S || op === K.VMIN_S || op === K.VMAX_S;
  const src = isSigned ? cells.signed[esz] : cells.unsigned[esz];
  const dst = cells.signed[esz];
  const shift = 2 - esz; // word index -> lane index
  const x = a << shift;
  const y = b << shift;
  const z = o << shift;
  for (let k = 0, n = 16 >> esz; k < n; k++) dst[z + k] = laneOp(op, src[x + k], src[y + k]);
}

/** VSHL / VSHR_U / VSHR_S esz count a o: every lane of 2^esz bytes shifted by count. */
function vshift(cells: Cells, op: number, esz: number, count: number, a: number, o: number): void {
  const r = cells.r;
  const bits = 8 << esz;
  if (esz === 3) {
    // The 64-bit scalar shift; a count beyond the lane: 0 (or the sign) as the reference gives.
    for (let k = 0; k < 4; k += 2) {
      if (count < 64) shift64(op === K.VSHL ? K.SHL64 : op === K.VSHR_U ? K.SHR64 : K.SAR64, r, a + k, count, o + k);
      else if (op === K.VSHR_S) shift64(K.SAR64, r, a + k, 63, o + k);
      else r[o + k] = r[o + k + 1] = 0;
    }
    return;
  }
  const shift = 2 - esz;
  const x = a << shift;
  const z = o << shift;
  const dst = cells.signed[esz];
  if (op === K.VSHR_S) {
    const s = Math.min(count, bits - 1);
    const src = cells.signed[esz];
    for (let k = 0, n = 16 >> esz; k < n; k++) dst[z + k] = src[x + k] >> s;
  } else if (count >= bits) {
    for (let k = 0, n = 16 >> esz; k < n; k++) dst[z + k] = 0;
  } else {
    const src = cells.unsigned[esz];
    if (op === K.VSHL) for (let k = 0, n = 16 >> esz; k < n; k++) dst[z + k] = src[x + k] << count;
    else for (let k = 0, n = 16 >> esz; k < n; k++) dst[z + k] = src[x + k] >>> count;
  }
}
