// How the guest's end travels from a syscall handler or fault up to the CPU loop:
// thrown, never returned, so no layer in between has to pass it along.

/** The guest called exit / exit_group. */
export class GuestExit {
  constructor(readonly status: number) {}
}

/**
 * A blocking system call ends because its thread has a signal to take (ERESTARTSYS): the
 * dispatcher answers EINTR, or restarts the call after the handler under SA_RESTART.
 */
export class SyscallInterrupted {}

/** The calling thread called exit while the process has other threads: it alone ends. */
export class ThreadExit {
  constructor(readonly status: number) {}
}

/** The guest is to die of a signal whose action is the default (core or terminate). */
export class GuestKilled {
  constructor(readonly signal: number) {}
}
