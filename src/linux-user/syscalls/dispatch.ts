// runSyscall: the one entry from the CPU loop into the syscall layer. It looks the number
// up in the process's table, runs the handler on the argument registers in place, translates
// every error to a guest errno here and nowhere else, stores the result in the return
// register and writes the -strace line. Unknown numbers are -ENOSYS and show up under
// -strace and -d unimp. doSyscall is the same for arguments given as values (tests).

import { GuestFault } from '../../memory/guest-memory.js';
import { E, SyscallError, errnoFromError } from '../errno.js';
import { ExecInPlace, GuestExit, GuestKilled, SyscallInterrupted, ThreadExit, WouldBlock } from '../guest-exit.js';
import type { LinuxProcess } from '../process.js';
import { SyscallArgs } from './args.js';
import { formatCall, formatResult, type RetKind } from './strace.js';
import type { SyscallRow } from './table.js';
import { notTheGuests } from './wait.js';

/**
 * Runs syscall `nr` on the argument registers `a` and stores the value for the guest's
 * return register in the first of them: the result, or -errno in two's complement.
 * GuestExit / GuestKilled / ThreadExit propagate to the CPU loop. Returns true when the
 * call is to be made again (a signal interrupted it under SA_RESTART): the registers are
 * as they were, and the pc is to stay on the system call instruction.
 */
export function runSyscall(p: LinuxProcess, nr: number, a: SyscallArgs): boolean {
  const row = p.syscalls.get(nr);
  if (!row) {
    p.logUnimp?.(`Unsupported syscall: ${nr}`);
    p.strace?.(`${p.pid} Unknown syscall ${nr}`);
    a.setResult(-E.ENOSYS);
    return false;
  }
  if (p.strace) return runTraced(p, row, a);
  let ret: bigint | number;
  try {
    ret = row.pidArg !== undefined && reaped(p, a, row.pidArg) ? -E.ESRCH : row.handler(p, a);
  } catch (e) {
    if (e instanceof SyscallInterrupted && restarts(p, row)) return true;
    ret = -errnoOf(e);
  }
  a.setResult(ret);
  return false;
}

/** runSyscall under -strace: arguments are formatted before the call (it may change what they point at). */
function runTraced(p: LinuxProcess, row: SyscallRow, a: SyscallArgs): boolean {
  const raw = a.all();
  const call = formatCall(p, row.name, row.strace, raw);
  // an execve that succeeds never returns: its line is written at the point of no return (syscalls/exec.ts)
  if (row.name === 'execve' || row.name === 'execveat') p.execTraceLine = `${p.pid} ${call}`;
  let ret: bigint | number;
  try {
    ret = row.pidArg !== undefined && reaped(p, a, row.pidArg) ? -E.ESRCH : row.handler(p, a);
  } catch (e) {
    if (e instanceof GuestExit || e instanceof GuestKilled || e instanceof ThreadExit || e instanceof ExecInPlace) p.strace?.(`${p.pid} ${call}`);
    if (e instanceof SyscallInterrupted && restarts(p, row)) {
      p.strace?.(`${p.pid} ${call} = ? ERESTARTSYS (To be restarted)`);
      return true;
    }
    ret = -errnoOf(e);
  }
  p.strace?.(`${p.pid} ${call} = ${formatResult(p, row.strace, row.ret ?? 'int', raw, BigInt(ret))}`);
  a.setResult(ret);
  return false;
}

/**
 * Whether argument `i` names a child whose exit the guest was shown before its host process
 * was gone (exit-report.ts), or a spare (spare.ts: a recycled child's pid, once reaped, is
 * one): no process of the guest's.
 */
const reaped = (p: LinuxProcess, a: SyscallArgs, i: number): boolean => notTheGuests(p, a.int(i));

/**
 * Whether an interrupted call starts again after the handler (ERESTARTSYS under
 * SA_RESTART): only the calls Linux restarts, and only when the signal taken asks for it.
 */
function restarts(p: LinuxProcess, row: SyscallRow): boolean {
  return row.restartable === true && p.restartsAfterSignal();
}

/** THE translation of what a handler threw into a guest errno; anything else (an exit, a bug) is rethrown. */
function errnoOf(e: unknown): number {
  if (e instanceof GuestExit || e instanceof GuestKilled || e instanceof ThreadExit || e instanceof WouldBlock || e instanceof ExecInPlace) throw e;
  if (e instanceof SyscallInterrupted) return E.EINTR;
  const errno = e instanceof SyscallError ? e.errno : e instanceof GuestFault ? E.EFAULT : errnoFromError(e);
  if (errno === undefined) throw e; // not a guest-visible error: a bug, keep the stack
  return errno;
}

/**
 * runSyscall with the six argument registers given as unsigned 64-bit values: returns the
 * return register's value (unsigned).
 */
export function doSyscall(p: LinuxProcess, nr: number, values: readonly bigint[]): bigint {
  const a = SyscallArgs.of(values);
  runSyscall(p, nr, a);
  return a.big(0);
}

/** The register value read back as a signed result (for tests and callers that check errors). */
export const syscallResult = (reg: bigint): bigint => BigInt.asIntN(64, reg);
