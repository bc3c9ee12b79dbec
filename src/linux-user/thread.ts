// LinuxThread: what belongs to one guest thread rather than to its process (QEMU's
// TaskState beside the CPU state): its tid, blocked signals and the signals sent to it,
// its alternate signal stack, its last fault (arm64's fault_address and syndrome, which its
// signal frames carry), and the two words the kernel keeps for thread exit
// (set_tid_address's clear_child_tid, set_robust_list's head). Its registers live in its
// CPU's env block, its mailbox in its control block (thread-control.ts). The process
// (process.ts) holds what its threads share: memory, fds, cwd, signal actions, ids and
// limits; the first thread's Node thread keeps every LinuxThread (threads.ts).

import { SS } from './generic/constants.js';
import type { StackT } from './generic/structs.js';
import { PendingSignals } from './pending-signals.js';
import type { ThreadControl } from './thread-control.js';
import type { ThreadFault } from './target.js';

/** A thread that has had no fault (or whose last one was an undefined instruction). */
export const NO_FAULT: ThreadFault = { address: 0n, code: 0n };

export class LinuxThread {
  /** Blocked signals: bit (sig-1). */
  sigmask = 0n;
  /** Signals sent to this thread (tgkill, tkill) that wait, blocked. */
  readonly pending = new PendingSignals();
  /** sigaltstack. */
  altstack: StackT = { sp: 0n, flags: SS.DISABLE, size: 0n };
  /** set_tid_address: cleared (and futex-woken) at thread exit. */
  clearChildTid = 0n;
  /** set_robust_list: the list's head and the size of its entries' header. */
  robustList = { head: 0n, len: 0n };
  /** Its last fault as arm64 Linux keeps it for signal frames (thread.fault_address, fault_code); a new thread starts with its creator's. */
  fault: ThreadFault = NO_FAULT;
  /** Where its CPU's env block is (its registers). */
  env = 0;
  /** prctl PR_SET_KEEPCAPS: whether the thread keeps its capabilities across a uid change (0 or 1). */
  keepCaps = 0;
  /** The call being served was made again after its wait on a worker reached its deadline (WouldBlock): do not wait again. */
  waitExpired = false;
  /** A signal with a handler may be deliverable: the CPU loop enters handlers before running on. */
  deliveryDue = false;
  /**
   * The mask to put back once a handler has been entered (rt_sigsuspend's caller's: the
   * frame saves it, and the handler runs with the temporary mask), or null.
   */
  savedMask: bigint | null = null;

  constructor(
    readonly tid: number,
    /** Its CPU index (0 for the first thread): its env block, control block and jump cache. */
    readonly cpu = 0,
    /** Its control block, where one exists (not in unit tests of a bare process). */
    readonly control?: ThreadControl,
  ) {}
}
