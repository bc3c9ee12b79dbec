// The A64 system instructions as Linux presents them to EL0: MRS/MSR of the registers
// user space may touch (NZCV, FPCR/FPSR, the thread pointers, the generic timer, the
// cache-type registers and the ID registers the kernel emulates), barriers, CLREX, and
// the cache maintenance SYS instructions (DC ZVA zeroes, IC IVAU flushes translations).
// Anything else is illegal. Constant values follow what qemu-aarch64 reports where the
// brief does not say otherwise, so that differential runs agree.

import { ExitReason } from '../../../tcg/env.js';
import type { Temp } from '../../../tcg/ir.js';
import { MEMOP } from '../../../tcg/opcodes.js';
import type { arg_sys, arg_sysreg } from '../int.generated.js';
import { A64_CNTFRQ_HZ, DCZID_EL0_BS } from '../helpers-int.js';
import { A64 } from '../state.js';
import { callValue, callVoid, genReadNzcv, genWriteNzcv, getX, nextPc, setX, type DisasContext } from '../translate.js';

/** A system register key: op0:op1:CRn:CRm:op2, as in the Arm ARM's S<op0>_<op1>_C<n>_C<m>_<op2>. */
const key = (op0: number, op1: number, crn: number, crm: number, op2: number): string => `${op0}:${op1}:${crn}:${crm}:${op2}`;

/** DCZID_EL0: the DC ZVA block size (see helpers-int.ts); DZP = 0 (permitted). */
const DCZID_EL0 = BigInt(DCZID_EL0_BS);

/** Read-only registers with a fixed value. */
const CONSTANT_REGS: ReadonlyMap<string, bigint> = new Map([
  [key(3, 3, 14, 0, 0), BigInt(A64_CNTFRQ_HZ)], // CNTFRQ_EL0
  [key(3, 3, 0, 0, 1), 0x80038003n], // CTR_EL0: 32-byte I/D lines, PIPT I-cache (as qemu-aarch64)
  [key(3, 3, 0, 0, 7), DCZID_EL0], // DCZID_EL0
  [key(3, 3, 13, 0, 3), 0n], // TPIDRRO_EL0
  [key(3, 0, 0, 0, 0), 0x000f0510n], // MIDR_EL1 (qemu's "max" CPU)
  [key(3, 0, 0, 0, 5), 0x80000000n], // MPIDR_EL1: Linux's SYS_MPIDR_SAFE_VAL
  [key(3, 0, 0, 0, 6), 0n], // REVIDR_EL1
  [key(3, 0, 0, 4, 0), 0x11n], // ID_AA64PFR0_EL1: EL0/EL1 AArch64 only; FP and AdvSIMD (fields 0) present
  [key(3, 0, 0, 6, 0), 0x210000n], // ID_AA64ISAR0_EL1: CRC32 = 1, Atomic (LSE) = 2
  [key(3, 0, 0, 7, 0), 0xff000000n], // ID_AA64MMFR0_EL1: as Linux shows it (TGran4/TGran64 fields hidden as 0xf)
  [key(3, 0, 0, 5, 0), 0x6n], // ID_AA64DFR0_EL1: DebugVer as Linux shows it
]);

/** Linux emulates MRS of the ID register space op0=3, op1=0, CRn=0, CRm=1..7: unlisted ones read 0. */
const isIdSpace = (a: arg_sysreg): boolean => a.op0 === 3 && a.op1 === 0 && a.crn === 0 && a.crm >= 1 && a.crm <= 7;

const NZCV = key(3, 3, 4, 2, 0);
const FPCR = key(3, 3, 4, 4, 0);
const FPSR = key(3, 3, 4, 4, 1);
const TPIDR_EL0 = key(3, 3, 13, 0, 2);
const CNTVCT_EL0 = key(3, 3, 14, 0, 2);

/** FPCR bits a write keeps: FZ16, Len/Stride, RMode, FZ, DN, AHP (what qemu-aarch64 keeps). */
export const FPCR_WRITE_MASK = 0x07ff0000;
/** FPSR bits a write keeps: the AArch32 NZCV, QC and the cumulative exception flags. */
export const FPSR_WRITE_MASK = 0xf800009f;

const sysregKey = (a: arg_sysreg): string => key(a.op0, a.op1, a.crn, a.crm, a.op2);

/** The value MRS reads, or null for a register EL0 cannot read. */
function readSysreg(ctx: DisasContext, a: arg_sysreg): Temp | null {
  const { b } = ctx;
  const k = sysregKey(a);
  const fixed = CONSTANT_REGS.get(k);
  if (fixed !== undefined) return b.const64(fixed);
  switch (k) {
    case NZCV: return genReadNzcv(ctx);
    case FPCR: return b.unary('extu_i32_i64', b.ldEnv('i32', A64.FPCR));
    case FPSR: return b.unary('extu_i32_i64', b.ldEnv('i32', A64.FPSR));
    case TPIDR_EL0: return b.ldEnv('i64', A64.TPIDR_EL0);
    case CNTVCT_EL0: // the physical counter is not EL0-accessible under Linux
      return callValue(ctx, 'a64_cntvct', []);
  }
  return isIdSpace(a) ? b.const64(0) : null;
}

export function genMrs(ctx: DisasContext, a: arg_sysreg): boolean {
  const v = readSysreg(ctx, a);
  if (!v) return false;
  setX(ctx, a.rt, v);
  return true;
}

export function genMsr(ctx: DisasContext, a: arg_sysreg): boolean {
  const { b } = ctx;
  const k = sysregKey(a);
  const masked32 = (mask: number) => b.binary('and_i32', b.unary('extrl_i64_i32', getX(ctx, a.rt)), b.const32(mask));
  switch (k) {
    case NZCV: genWriteNzcv(ctx, getX(ctx, a.rt)); return true;
    case FPCR: b.stEnv(masked32(FPCR_WRITE_MASK), A64.FPCR); return true;
    case FPSR: b.stEnv(masked32(FPSR_WRITE_MASK), A64.FPSR); return true;
    case TPIDR_EL0: b.stEnv(getX(ctx, a.rt), A64.TPIDR_EL0); return true;
  }
  return false;
}

/** DMB and DSB: an mb for a full barrier (CRm's type bits 0b11), when other threads may run (see int.ts). */
export function genBarrier(ctx: DisasContext, crm: number): boolean {
  if (ctx.parallel && (crm & 0b11) === 0b11) ctx.b.mb();
  return true;
}

/** CLREX: open the exclusive monitor. */
export function genClrex(ctx: DisasContext): boolean {
  ctx.b.stEnv(ctx.b.const64(-1), A64.EXCL_ADDR);
  return true;
}

/** ISB: end the block so that code changed before it is fetched anew (translations of stored-to pages are already gone). */
export function genIsb(ctx: DisasContext): boolean {
  ctx.b.gotoTb(nextPc(ctx));
  ctx.ended = true;
  return true;
}


/** SYS: the EL0 cache maintenance operations (op1 = 3, CRn = 7). */
export function genSys(ctx: DisasContext, a: arg_sys): boolean {
  if (a.op1 !== 3 || a.crn !== 7 || a.op2 !== 1) return false;
  switch (a.crm) {
    case 4: // DC ZVA
      callVoid(ctx, 'a64_dc_zva', [getX(ctx, a.rt)]);
      return true;
    case 5: // IC IVAU: drop the page's translations and continue with fresh ones
      callVoid(ctx, 'a64_ic_ivau', [getX(ctx, a.rt)]);
      ctx.b.gotoTb(nextPc(ctx));
      ctx.ended = true;
      return true;
    case 10: // DC CVAC
    case 11: // DC CVAU
    case 12: // DC CVAP
    case 13: // DC CVADP
    case 14: // DC CIVAC
      return true; // memory is coherent; translations of written pages are already dropped
  }
  return false;
}
