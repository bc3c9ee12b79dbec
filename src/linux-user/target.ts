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
