// What linux-user needs to know about one guest ABI beyond its CPU front end: how a
// system call passes its number, arguments and result, how the CPU starts, and what
// the kernel tells the program about the machine (auxv facts, the syscall ABI).
// One implementation per guest, in src/linux-user/<arch>/.

import type { GuestArch } from '../cpu/guest.js';
import type { ArchAuxInfo } from '../loader/stack.js';
import type { GenericAbi } from './generic/abi.js';

export interface LinuxTarget {
  readonly arch: GuestArch;
  /** The syscall ABI: uname machine, open flags, struct layouts that differ. */
  readonly abi: GenericAbi;
  /** What the auxv says about the machine: AT_HWCAP, AT_PLATFORM, ... */
  readonly aux: ArchAuxInfo;
  /** Sets the registers of a new process: entry pc, stack pointer; everything else zero. */
  initCpu(dv: DataView, env: number, entry: number, sp: number): void;
  /** The syscall number and six arguments (raw, as unsigned 64-bit). */
  syscallNumber(dv: DataView, env: number): number;
  syscallArgs(dv: DataView, env: number): bigint[];
  /** Stores the result and moves pc past the syscall instruction. */
  syscallReturn(dv: DataView, env: number, result: bigint): void;
}

// --- register access both targets share (a syscall is one of the hottest paths) ----------

/** A syscall-number register: its low word when the high word is zero, else the full value. */
export function syscallNumberAt(dv: DataView, offset: number): number {
  const hi = dv.getInt32(offset + 4, true);
  return hi === 0 ? dv.getUint32(offset, true) : Number(dv.getBigInt64(offset, true));
}

/** Six consecutive 64-bit argument registers, raw (unsigned). */
export function syscallArgsAt(dv: DataView, offset: number): bigint[] {
  return [
    dv.getBigUint64(offset, true), dv.getBigUint64(offset + 8, true), dv.getBigUint64(offset + 16, true),
    dv.getBigUint64(offset + 24, true), dv.getBigUint64(offset + 32, true), dv.getBigUint64(offset + 40, true),
  ];
}

/** Stores a syscall's result (its 64-bit register value) and moves the pc at `pcOffset` on by `insnLength`. */
export function finishSyscallAt(dv: DataView, resultOffset: number, result: bigint, pcOffset: number, insnLength: number): void {
  dv.setBigUint64(resultOffset, BigInt.asUintN(64, result), true);
  const lo = dv.getUint32(pcOffset, true) + insnLength;
  dv.setUint32(pcOffset, lo >>> 0, true);
  if (lo > 0xffff_ffff) dv.setUint32(pcOffset + 4, dv.getUint32(pcOffset + 4, true) + 1, true);
}
