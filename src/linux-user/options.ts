// Everything the CLI hands to linux-user to run one guest program, after reading the
// QEMU_* environment variables and the command line.

import type { ForkImage } from './fork.js';
import type { HandedProcess } from './handover.js';
import type { SpareAhead } from './spare.js';

/** The `-d` log items, as QEMU names them. */
export const LOG_ITEMS = ['in_asm', 'op', 'op_opt', 'out_asm', 'exec', 'unimp', 'strace', 'stats'] as const;
export type LogItem = (typeof LOG_ITEMS)[number];

export interface RunOptions {
  /** Host path of the guest program. */
  program: string;
  /** Guest argv, argv[0] included (already replaced by -0 when given). */
  argv: string[];
  /** Guest environment as "NAME=value" strings, in order (after -E / -U). */
  envp: string[];
  /** -L: prefix for the ELF interpreter and absolute paths the guest opens, when set. */
  ldPrefix?: string;
  /** -prefix-only: absolute guest paths are looked up under ldPrefix only (not /proc, /dev, /sys). */
  prefixOnly?: boolean;
  /** -s: guest stack size in bytes. */
  stackSize: number;
  /** -strace: log syscalls to stderr. */
  strace: boolean;
  /** -d items. */
  log: ReadonlySet<LogItem>;
  /** -D: where -d output goes (stderr when unset). */
  logFile?: string;
  /** -one-insn-per-tb */
  oneInsnPerTb: boolean;
  /** -accel tcg,backend=... */
  backend: 'wasm' | 'interp';
  /** -accel tcg,tier0=on|off: interpret cold code before compiling it (wasm backend). */
  tier0: boolean;
  /** -accel tcg,compile-thread=on|off: with tier 0, compile hot code on a worker thread (when the build has its bundle). */
  compileThread: boolean;
  /** Directory of the persistent translation cache (tcg/persist.ts); unset: no cache. */
  translationCacheDir?: string;
  /** -unique-pids: a child whose exit was reported ends with it, never serving a later child (exit-report.ts). */
  uniquePids?: boolean;
  /** -cpu, when given (checked against the ELF's architecture). */
  cpu?: string;
  /** -r / QEMU_UNAME: the release uname() reports. */
  unameRelease?: string;
  /**
   * The signals the parent left ignored (bit sig-1), which the guest starts with ignored, as
   * execve keeps SIG_IGN: bin/qemu-user-ts reads them before Node resets them.
   */
  ignoredSignals?: bigint;
  /** AT_EXECFN as the guest named the program, when not `program` (after a guest's execve). */
  execfn?: string;
  /** What the guest process that execve'd into this program kept (handover.ts): its fds, cwd, limits, mask. */
  handover?: HandedProcess;
  /**
   * How to start this emulator again (node, its flags and the launcher): a guest's execve of
   * a guest program runs it. Unset (running from the sources): execve answers ENOSYS.
   */
  selfCommand?: readonly string[];
  /** This process is a guest's fork child (fork.ts): it goes on from the parent's image instead of loading `program`. */
  forked?: { image: ForkImage; fd: number; bytesAt: number };
  /** A spare's (spare.ts): the guest memory and host-signal follower it made before its job came. */
  ahead?: SpareAhead;
}
