// What linux-user needs to know about one guest ABI beyond its CPU front end: how a
// system call passes its number, arguments and result, how the CPU starts, and what
// the kernel tells the program about the machine (auxv facts, the syscall ABI).
// One implementation per guest, in src/linux-user/<arch>/.

import type { SyscallRow } from './syscalls/table.js';
import type { GuestArch } from '../cpu/guest.js';
import type { ArchAuxInfo } from '../loader/stack.js';
import type { GenericAbi } from './generic/abi.js';
import { ENV } from '../tcg/env.js';
import { SyscallArgs } from './syscalls/args.js';
import type { GuestMemory } from '../memory/guest-memory.js';

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
  /** System calls only this architecture has (riscv_hwprobe), added to the generic table. */
  readonly archSyscalls?: readonly SyscallRow[];
  /** Data addresses carry an ignored tag in bits 63:56 (AArch64's TBI, on for Linux user code). */
  readonly topByteIgnore?: boolean;
  /** /proc/cpuinfo for `cpus` guest CPUs, describing what AT_HWCAP says we implement. */
  cpuinfo(cpus: number): string;
  /** The rt_sigframe of this architecture's Linux ABI. */
  readonly signalFrames: SignalFrames;
  /** What clone sets in a new thread's registers, as env offsets (i64 each): its stack pointer and thread pointer (CLONE_SETTLS). */
  readonly threadRegs: { readonly sp: number; readonly tls: number };
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

/**
 * One CPU's system call registers, as views of its env block made once: the number, the
 * six arguments (SyscallArgs; the first takes the result) and the pc to move past the
 * syscall instruction. Small views of their own: env lies above 2^31, and offsets from it
 * would be heap numbers in unoptimized code.
 */
export class SyscallSite {
  readonly args: SyscallArgs;
  private readonly nr: Int32Array;
  private readonly pc: Int32Array;
  private readonly insnLength: number;

  constructor(buffer: ArrayBufferLike, env: number, regs: SyscallRegs) {
    this.args = new SyscallArgs(new Int32Array(buffer, env + regs.args, 12));
    this.nr = new Int32Array(buffer, env + regs.number, 2);
    this.pc = new Int32Array(buffer, env + ENV.PC, 2);
    this.insnLength = regs.insnLength;
  }

  /** The syscall number: the register's low word when the high word is zero, else the full (signed) value. */
  number(): number {
    const hi = this.nr[1];
    return hi === 0 ? this.nr[0] >>> 0 : Number((BigInt(hi) << 32n) | BigInt(this.nr[0] >>> 0));
  }

  /** Moves env.PC past the syscall instruction (the result is in the first argument register already). */
  advancePc(): void {
    const lo = (this.pc[0] >>> 0) + this.insnLength;
    this.pc[0] = lo | 0;
    if (lo > 0xffff_ffff) this.pc[1] = (this.pc[1] + 1) | 0;
  }
}

// --- signal frames ------------------------------------------------------------------------

/** What a signal frame is built from (signal-delivery.ts decides it; the arch lays it out). */
export interface SignalFrameRequest {
  /** The stack pointer to build below (the alternate stack's top where it applies). */
  sp: bigint;
  sig: number;
  /** siginfo_t, 128 bytes. */
  info: Uint8Array;
  /** The signal mask to restore (uc_sigmask). */
  mask: bigint;
  /** uc_stack: the alternate stack as it was. */
  stack: { sp: bigint; flags: number; size: bigint };
  handler: bigint;
  /** SA_SIGINFO: the handler's second and third arguments point at the siginfo and the ucontext. */
  siginfo: boolean;
  /** Where the handler returns: sa_restorer where the ABI has one and it was given, else the trampoline. */
  returnTo: bigint;
  /** The thread's last fault as the kernel keeps it (arm64 writes it into every frame). */
  fault: ThreadFault;
}

/**
 * What a thread's last fault left for its signal frames: arm64's thread.fault_address and
 * fault_code (the syndrome, ESR_EL1), which the kernel sets when it raises a fault signal and
 * never clears after delivery. Zero until a fault sets them.
 */
export interface ThreadFault {
  readonly address: bigint;
  readonly code: bigint;
}

/** An architecture's rt_sigframe: its layout on the guest stack, and rt_sigreturn's reading of it. */
export interface SignalFrames {
  /** The trampoline's code: rt_sigreturn, as the vDSO's sigreturn stub does it. */
  readonly trampoline: Uint8Array;
  /** The stack pointer register. */
  stackPointer(regs: DataView, env: number): bigint;
  /**
   * Writes the frame below req.sp and points the CPU at the handler (pc, sp, argument
   * registers, return address). Throws GuestFault where the stack cannot take the frame.
   */
  setup(mem: GuestMemory, env: number, req: SignalFrameRequest): void;
  /**
   * The thread's fault record after the exception its CPU stopped with (env.EXCEPTION and
   * the fields beside it), or null where that exception leaves it as it was. Absent where
   * the frame carries no fault record (riscv64).
   */
  faultRecord?(regs: DataView, env: number): ThreadFault | null;
  /**
   * rt_sigreturn: the registers back from the frame at the stack pointer; the saved mask and
   * uc_stack. Throws GuestFault for a frame that cannot be read.
   */
  restore(mem: GuestMemory, env: number): { mask: bigint; stack: { sp: bigint; flags: number; size: bigint } };
}
