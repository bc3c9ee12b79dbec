// Helpers of the AArch64 128-bit atomics that the host has no instruction for: STXP and
// CASP of X registers, each a compare-and-swap of 16 bytes under the pair lock
// (memory/atomics.ts). They may fault (a store's permission check), so they declare no
// env effects: every register is in env when they run.

import type { HelperContext, HelperDef } from '../../tcg/helpers.js';
import { REG_31, xOffset } from './state.js';

/** X[r] of the register file at env, XZR for 31. */
function readX(ctx: HelperContext, env: number, r: number): bigint {
  return r === REG_31 ? 0n : ctx.mem.dv.getBigUint64(env + xOffset(r), true);
}
function writeX(ctx: HelperContext, env: number, r: number, v: bigint): void {
  if (r !== REG_31) ctx.mem.dv.setBigUint64(env + xOffset(r), v, true);
}

export const AARCH64_ATOMIC_HELPERS: Record<string, HelperDef> = {
  /**
   * (addr, expected lo, hi, new lo, hi) → Ws: STXP's store of an X pair, 0 if memory
   * held the expected pair (what LDXP read) and now holds the new one, else 1 (nothing written).
   */
  a64_stxp: {
    name: 'a64_stxp',
    args: ['i64', 'i64', 'i64', 'i64', 'i64'],
    ret: 'i32',
    fn: (ctx: HelperContext, addr: bigint, e0: bigint, e1: bigint, n0: bigint, n1: bigint) =>
      ctx.mem.atomics.cmpxchg128(addr, e0, e1, n0, n1) ? 0 : 1,
  },
  /** (env, addr, rs, rt): CASP of X pairs: if [addr] == <Rs, Rs+1> then [addr] = <Rt, Rt+1>; <Rs, Rs+1> = the old pair. */
  a64_casp: {
    name: 'a64_casp',
    args: ['i32', 'i64', 'i32', 'i32'],
    ret: null,
    fn: (ctx: HelperContext, env: number, addr: bigint, rs: number, rt: number) => {
      const atomics = ctx.mem.atomics;
      atomics.cmpxchg128(addr, readX(ctx, env, rs), readX(ctx, env, rs + 1), readX(ctx, env, rt), readX(ctx, env, rt + 1));
      writeX(ctx, env, rs, atomics.pairLo);
      writeX(ctx, env, rs + 1, atomics.pairHi);
    },
  },
};
