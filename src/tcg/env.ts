// The guest-independent header at the start of every CPU's env block in guest memory,
// and the reasons translated code returns to the CPU loop. A guest's own registers
// follow the header (see src/cpu/<arch>/state.ts).

/** Byte offsets of the env header fields, shared by every guest and backend. */
export const ENV = {
  /** i64: guest pc. Valid whenever translated code returns to the CPU loop. */
  PC: 0,
  /** i32: non-zero asks translated code to return to the CPU loop at the next block entry. */
  EXIT_REQUEST: 8,
  /** i32: exception number when a block exits with ExitReason.EXCEPTION (see Excp). */
  EXCEPTION: 12,
  /** i64: the faulting address for memory exceptions. */
  EXCEPTION_ADDR: 16,
  /**
   * i32: access kind of a memory fault (ExcpAccess): set by the CPU loop for SEGV_*, and for
   * BUS_ADRALN by the AArch64 translator (its ESR reports a write); stale otherwise.
   */
  EXCEPTION_ACCESS: 24,
  /** i32: set by a backend's memory slow path when an access faulted (backend-internal). */
  FAULT: 28,
  /** i64: guest instructions run by compiled code; counted only when the backend was asked to (-d stats). */
  INSN_COUNT: 32,
  /** i64: jumps between compiled regions through the wasm backend's hub; counted with INSN_COUNT. */
  HUB_HOPS: 40,
  /** i32: with ExitReason.HOP_SAMPLE, the slot of the first block of the region the sampled jump left. */
  HOP_FROM: 48,
  /**
   * i32: where this CPU's jump cache is, as an offset from JUMP_CACHE (layout.ts: each thread
   * has its own, its slots being its own backend's); 0, the first thread's, in a zeroed env.
   */
  JUMP_CACHE: 52,
  /** Size of the header; guest registers start here. */
  SIZE: 64,
} as const;

/** Why translated code returned to the CPU loop (the i32 a compiled block returns). */
export const ExitReason = {
  /** Look up the block at env.pc and continue (an unchained jump). */
  LOOKUP: 0,
  /** The guest made a system call; env.pc is the pc of the syscall instruction. */
  SYSCALL: 1,
  /** The guest raised an exception; env.EXCEPTION says which, env.pc where. */
  EXCEPTION: 2,
  /** Translated code changed (fence.i, a store into a translated page): flush and continue at env.pc. */
  INVALIDATE: 3,
  /** env.EXIT_REQUEST was set; env.pc is where to resume. */
  INTERRUPT: 4,
  /**
   * A jump from one compiled region to another that stayed in translated code, one in
   * HOP_SAMPLE_RATE, handed to the CPU loop so that it sees which regions keep jumping to
   * each other (env.HOP_FROM: where from); env.pc is the target, to continue at.
   */
  HOP_SAMPLE: 5,
} as const;
export type ExitReason = (typeof ExitReason)[keyof typeof ExitReason];

/** One in this many jumps between compiled regions returns to the CPU loop as ExitReason.HOP_SAMPLE. */
export const HOP_SAMPLE_RATE = 128;

/** Guest-independent exception numbers stored at env.EXCEPTION. */
export const Excp = {
  ILLEGAL_INSN: 1,
  BREAKPOINT: 2,
  /** Memory fault: env.EXCEPTION_ADDR and EXCEPTION_ACCESS say where and how; perm says why. */
  SEGV_MAPERR: 3,
  SEGV_ACCERR: 4,
  /** Misaligned access the guest does not allow. */
  BUS_ADRALN: 5,
} as const;
export type Excp = (typeof Excp)[keyof typeof Excp];

/** The values of env.EXCEPTION_ACCESS, by the access that faulted. */
export const ExcpAccess = { read: 0, write: 1, exec: 2 } as const;
