// What linux-user needs to know about one guest ABI beyond its CPU front end: how a
// system call passes its number, arguments and result, how the CPU starts, and what
// the kernel tells the program about the machine (auxv facts, the syscall ABI).
// One implementation per guest, in src/linux-user/<arch>/.

import type { GuestArch } from '../cpu/guest.js';
import type { ArchAuxInfo } from '../loader/stack.js';
import type { GenericAbi } from './generic/abi.js';
import { ENV } from '../tcg/env.js';

export interface LinuxTarget {
  readonly arch: GuestArch;
  /** The syscall ABI: uname machine, open flags, struct layouts that differ. */
  readonly abi: GenericAbi;
  /** What the auxv says about the machine: AT_HWCAP, AT_PLATFORM, ... */
  readonly aux: ArchAuxInfo;
  /** Sets the registers of a new process: entry pc, stack pointer; everything else zero. */
  initCpu(dv: DataView, env: number, entry: number, sp: number): void;
  /** Where a system call's number, arguments and result live, and how long its instruction is. */
  readonly syscall: SyscallRegs;
}

/**
 * A guest's system call convention, as env offsets: the number register, the first of six
 * consecutive argument registers (the first also takes the result, on every Linux guest
 * we run), and the length of the syscall instruction the pc moves past.
 */
export interface SyscallRegs {
  readonly number: number;
  readonly args: number;
  readonly insnLength: number;
}

// --- the syscall registers (a syscall is one of the hottest paths) -----------------------

/** The syscall number: the register's low word when the high word is zero, else the full value. */
export function syscallNumber(dv: DataView, env: number, regs: SyscallRegs): number {
  const at = env + regs.number;
  return dv.getInt32(at + 4, true) === 0 ? dv.getUint32(at, true) : Number(dv.getBigInt64(at, true));
}

/**
 * The six argument registers where they lie in env, as SyscallArgs reads them: twelve
 * 32-bit words, made once per CPU (the first register also takes the result).
 */
export function syscallArgWords(mem: { memory: WebAssembly.Memory }, env: number, regs: SyscallRegs): Int32Array {
  return new Int32Array(mem.memory.buffer, env + regs.args, 12);
}

/** Moves env.PC past the syscall instruction (the result is in the first argument register already). */
export function syscallReturn(dv: DataView, env: number, regs: SyscallRegs): void {
  const pc = env + ENV.PC;
  const lo = dv.getUint32(pc, true) + regs.insnLength;
  dv.setUint32(pc, lo >>> 0, true);
  if (lo > 0xffff_ffff) dv.setUint32(pc + 4, dv.getUint32(pc + 4, true) + 1, true);
}
