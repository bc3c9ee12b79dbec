// Small pieces shared by the AArch64 load/store translators (ldst.ts, ldst-atomic.ts):
// memops by log2 access size, address arithmetic, size extensions and the alignment trap.

import type { Temp } from '../../../tcg/ir.js';
import { ENV, Excp, ExcpAccess } from '../../../tcg/env.js';
import { MEMOP, type MemOp } from '../../../tcg/opcodes.js';
import { genRaise, type DisasContext } from '../translate.js';

/** Zero-extending load memops by log2 size (also the store memops). */
export const MEMOP_U: readonly MemOp[] = [MEMOP.UB, MEMOP.UW, MEMOP.UL, MEMOP.UQ];
/** Sign-extending load memops by log2 size. */
export const MEMOP_S: readonly MemOp[] = [MEMOP.SB, MEMOP.SW, MEMOP.SL, MEMOP.UQ];

/** addr + k as a new temp (k may be 0). */
export function addrPlus(ctx: DisasContext, addr: Temp, k: number): Temp {
  return k === 0 ? addr : ctx.b.binary('add_i64', addr, ctx.b.const64(k));
}

/** The low 2^sz bytes of v, zero-extended. */
export function zextSize(ctx: DisasContext, v: Temp, sz: number): Temp {
  const ops = ['ext8u_i64', 'ext16u_i64', 'ext32u_i64'] as const;
  return sz < 3 ? ctx.b.unary(ops[sz], v) : v;
}
/** The low 2^sz bytes of v, sign-extended. */
export function sextSize(ctx: DisasContext, v: Temp, sz: number): Temp {
  const ops = ['ext8s_i64', 'ext16s_i64', 'ext32s_i64'] as const;
  return sz < 3 ? ctx.b.unary(ops[sz], v) : v;
}

/**
 * Raises SIGBUS (BUS_ADRALN) with the address unless addr is a multiple of `bytes`. `write`:
 * the alignment fault's syndrome has WnR set (a store; a read-modify-write reports a read,
 * since its read would fault as well) — linux-user's esr_context reports it.
 */
export function genAlignCheck(ctx: DisasContext, addr: Temp, bytes: number, write: boolean): void {
  if (bytes <= 1) return;
  const { b } = ctx;
  const ok = b.newLabel();
  b.brcond('eq', b.binary('and_i64', addr, b.const64(bytes - 1)), b.const64(0), ok);
  b.stEnv(addr, ENV.EXCEPTION_ADDR);
  b.stEnv(b.const32(write ? ExcpAccess.write : ExcpAccess.read), ENV.EXCEPTION_ACCESS);
  genRaise(ctx, Excp.BUS_ADRALN);
  b.setLabel(ok);
}
