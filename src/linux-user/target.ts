// What linux-user needs to know about one guest ABI beyond its CPU front end: how a
// system call passes its number, arguments and result, how the CPU starts, and what
// the kernel tells the program about the machine (hwcap, platform, uname machine).
// One implementation per guest, in src/linux-user/<arch>/.

import type { GuestArch } from '../cpu/guest.js';

export interface LinuxTarget {
  readonly arch: GuestArch;
  /** uname().machine */
  readonly unameMachine: string;
  /** AT_HWCAP */
  readonly hwcap: bigint;
  /** AT_PLATFORM string, or undefined when Linux passes none for this guest. */
  readonly platform?: string;
  /** Sets the registers of a new process: entry pc, stack pointer; everything else zero. */
  initCpu(dv: DataView, env: number, entry: number, sp: number): void;
  /** The syscall number and six arguments (raw, as unsigned 64-bit). */
  syscallNumber(dv: DataView, env: number): number;
  syscallArgs(dv: DataView, env: number): bigint[];
  /** Stores the result and moves pc past the syscall instruction. */
  syscallReturn(dv: DataView, env: number, result: bigint): void;
}
