// How the guest's end travels from a syscall handler or fault up to the CPU loop:
// thrown, never returned, so no layer in between has to pass it along.

import type { Handover } from './handover.js';

/** The guest called exit / exit_group. */
export class GuestExit {
  constructor(readonly status: number) {}
}

/**
 * A blocking system call ends because its thread has a signal to take (ERESTARTSYS): the
 * dispatcher answers EINTR, or restarts the call after the handler under SA_RESTART.
 */
export class SyscallInterrupted {}

/**
 * A system call served for a thread on a worker would block until a host fd is ready: the
 * worker waits for it itself (so that the first thread's Node thread goes on serving and
 * running its own guest code) and makes the call again; by then the deadline (monotonic
 * ms, performance.now() on any thread; null: none) may have passed (LinuxThread.waitExpired).
 */
export class WouldBlock {
  constructor(
    /** The host fd to wait for, or -1: a signal for the thread (one sent after `signalsSeen`). */
    readonly hostFd: number,
    readonly events: number,
    readonly deadlineMs: number | null,
    /** With no fd: the thread's count of signals sent (ThreadControl.signalsSent) when the call last looked. */
    readonly signalsSeen = 0,
  ) {}
}

/** The calling thread called exit while the process has other threads: it alone ends. */
export class ThreadExit {
  constructor(readonly status: number) {}
}

/** The guest is to die of a signal whose action is the default (core or terminate). */
export class GuestKilled {
  constructor(readonly signal: number) {}
}

/**
 * The guest's execve of a guest program, run in this same host process (syscalls/exec.ts):
 * the CPU loop ends this program's run, and runGuest starts the next with `next`. A vfork
 * child's execve ends its run the same way, also for a program of the host (`native`): its
 * spare then runs it (vfork.ts).
 */
export class ExecInPlace {
  constructor(
    readonly next: Handover,
    readonly native = false,
  ) {}
}
