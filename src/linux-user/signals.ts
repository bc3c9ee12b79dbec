// What the emulator says and does when a target signal kills the guest: the signal
// names as QEMU prints them in "uncaught target signal N (Name)", which signals QEMU
// prints that line for, and the host's names of the signals (to die of the same one; and
// Node listeners, host/host-signals.ts).

import { SIG } from './generic/constants.js';

/** strsignal() texts, as glibc (and so QEMU's messages) spell them. */
export const SIGNAL_DESCRIPTIONS: Record<number, string> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap',
  6: 'Aborted', 7: 'Bus error', 8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1',
  11: 'Segmentation fault', 12: 'User defined signal 2', 13: 'Broken pipe', 14: 'Alarm clock',
  15: 'Terminated', 16: 'Stack fault', 17: 'Child exited', 18: 'Continued', 19: 'Stopped (signal)',
  20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded', 25: 'File size limit exceeded', 26: 'Virtual timer expired',
  27: 'Profiling timer expired', 28: 'Window changed', 29: 'I/O possible', 30: 'Power failure',
  31: 'Bad system call',
};

/**
 * The signals QEMU writes a guest core for (linux-user/signal.c core_dump_signal), and so
 * the only ones it prints "uncaught target signal N (Name) - core dumped" for. A guest
 * killed by any other signal (SIGPIPE, SIGTERM, and also SIGXCPU, SIGXFSZ, SIGSYS, whose
 * Linux default is "core" too) dies silently, with just the same signal.
 */
export const CORE_SIGNALS: ReadonlySet<number> = new Set([
  SIG.SIGQUIT, SIG.SIGILL, SIG.SIGTRAP, SIG.SIGABRT, SIG.SIGBUS, SIG.SIGFPE, SIG.SIGSEGV,
]);

/** What the emulator prints when signal `sig` kills the guest: QEMU's line, or nothing. */
export function uncaughtSignalMessage(program: string, sig: number): string {
  if (!CORE_SIGNALS.has(sig)) return '';
  return `${program}: uncaught target signal ${sig} (${SIGNAL_DESCRIPTIONS[sig] ?? 'Unknown signal'}) - core dumped\n`;
}

/**
 * Host signal names by target number (the numbers are the same), for killing ourselves with
 * the same signal and for Node listeners (host/host-signals.ts). Node names no real-time signal.
 */
export const HOST_SIGNAL_NAMES: Record<number, NodeJS.Signals | undefined> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS',
  8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM',
  15: 'SIGTERM', 16: 'SIGSTKFLT', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP',
  21: 'SIGTTIN', 22: 'SIGTTOU', 23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ', 26: 'SIGVTALRM',
  27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGIO', 30: 'SIGPWR', 31: 'SIGSYS',
};
