// The V registers as translated code sees them. Vector code accesses a whole 128-bit
// register (ld_env_v128 / st_env_v128), and lanes and halves are extracted from or
// inserted into that vector. Scalar FP code (low64, writeScalar) accesses the two 64-bit
// halves as i64 instead: scalar FP values then stay i64/f64 in the WebAssembly backend,
// which holds each such half in an i64 local across a region, without a round trip
// through a v128 on every operation (n-body: -20%). A region that accesses one register
// both ways keeps it in memory instead of a local (the backend caches only slots with a
// single access type), which is correct, only slower.

import type { Temp } from '../../../tcg/ir.js';
import { vOffset } from '../state.js';
import type { DisasContext } from '../translate.js';

/** The low 64 bits set: the mask of what a 64-bit (Q=0) or scalar write keeps. */
export const LOW64 = (1n << 64n) - 1n;

/** V[r] as a v128 temp. */
export function getV(ctx: DisasContext, r: number): Temp {
  return ctx.b.ldEnv('v128', vOffset(r));
}
/** V[r] = v. */
export function setV(ctx: DisasContext, r: number, v: Temp): void {
  ctx.b.stEnv(v, vOffset(r));
}
/** v with its upper 64 bits cleared unless q (the result of a 64-bit vector operation). */
export function narrowToQ(ctx: DisasContext, v: Temp, q: number): Temp {
  return q ? v : ctx.b.vec('vand', [v, ctx.b.constV(LOW64)]);
}
/** V[r] = v, the upper 64 bits cleared unless q. */
export function setVq(ctx: DisasContext, r: number, v: Temp, q: number): void {
  setV(ctx, r, narrowToQ(ctx, v, q));
}

/** Lane `idx` (2^esz bytes) of a v128 temp, zero-extended to i64. */
export function lane(ctx: DisasContext, v: Temp, esz: number, idx: number): Temp {
  const { b } = ctx;
  if (esz === 3) return b.vec('vextract_i64', [v], [3, idx]);
  return b.unary('extu_i32_i64', b.vec('vextract_i32', [v], [esz, idx]));
}
/** v with lane `idx` replaced by the low bits of the i64 x. */
export function withLane(ctx: DisasContext, v: Temp, esz: number, idx: number, x: Temp): Temp {
  const { b } = ctx;
  if (esz === 3) return b.vec('vreplace_i64', [v, x], [3, idx]);
  return b.vec('vreplace_i32', [v, b.unary('extrl_i64_i32', x)], [esz, idx]);
}
/** Lane `idx` of V[r], zero-extended to i64. */
export function readLane(ctx: DisasContext, r: number, esz: number, idx: number): Temp {
  return lane(ctx, getV(ctx, r), esz, idx);
}
/** Lane `idx` of V[r] = low bits of x; the other lanes are kept. */
export function writeLane(ctx: DisasContext, r: number, esz: number, idx: number, x: Temp): void {
  setV(ctx, r, withLane(ctx, getV(ctx, r), esz, idx, x));
}

/** A vector holding x (an i64, already masked to the scalar's size) in its low 64 bits, zero above. */
export function scalarVector(ctx: DisasContext, x: Temp): Temp {
  return ctx.b.vec('vreplace_i64', [ctx.b.constV(0n), x], [3, 0]);
}
/** V[r] = a scalar (an i64 masked to its size): the rest of the register zeroed. */
export function writeScalar(ctx: DisasContext, r: number, x: Temp): void {
  ctx.b.stEnv(x, vOffset(r));
  ctx.b.stEnv(ctx.b.const64(0), vOffset(r) + 8);
}
/** The low 64 bits of V[r]. */
export function low64(ctx: DisasContext, r: number): Temp {
  return ctx.b.ldEnv('i64', vOffset(r));
}

/** Every lane (2^esz bytes) = the low bits of the i64 x; the upper half cleared unless q. */
export function splat(ctx: DisasContext, esz: number, x: Temp, q: number): Temp {
  const { b } = ctx;
  const v = esz === 3 ? b.vec('vsplat_i64', [x], [3]) : b.vec('vsplat_i32', [b.unary('extrl_i64_i32', x)], [esz]);
  return narrowToQ(ctx, v, q);
}

/** Byte indexes of a shuffle from lane indexes (into a:b, lanes of 2^esz bytes), packed as the vshuffle constant. */
export function shufflePattern(lanes: readonly number[], esz: number): bigint {
  const eb = 1 << esz;
  let k = 0n;
  lanes.forEach((l, i) => {
    for (let j = 0; j < eb; j++) k |= BigInt(l * eb + j) << BigInt(8 * (i * eb + j));
  });
  return k;
}
/** out = shuffle(a, b) by lane indexes (see shufflePattern); lanes past the list are taken from lane 0 of a. */
export function shuffleLanes(ctx: DisasContext, x: Temp, y: Temp, lanes: readonly number[], esz: number): Temp {
  const full = [...lanes];
  while (full.length < 16 >> esz) full.push(0);
  return ctx.b.vec('vshuffle', [x, y], [shufflePattern(full, esz)]);
}
