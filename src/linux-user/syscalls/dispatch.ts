// doSyscall: the one entry from the CPU loop into the syscall layer. It looks the number
// up in the process's table, runs the handler, translates every error to a guest errno
// here and nowhere else, and writes the -strace line. Unknown numbers are -ENOSYS and
// show up under -strace and -d unimp.

import { GuestFault } from '../../memory/guest-memory.js';
import { E, SyscallError, errnoFromError } from '../errno.js';
import { GuestExit, GuestKilled } from '../guest-exit.js';
import type { LinuxProcess } from '../process.js';
import { formatCall, formatResult } from './strace.js';

/** A raw result (signed) as the 64-bit register value the guest sees. */
const toReg = (v: bigint): bigint => BigInt.asUintN(64, v);

/**
 * Runs syscall `nr` with argument registers `a` (six unsigned 64-bit values) and returns
 * the value for the guest's return register: the result, or -errno in two's complement.
 * GuestExit / GuestKilled propagate to the CPU loop.
 */
export function doSyscall(p: LinuxProcess, nr: number, a: bigint[]): bigint {
  const row = p.syscalls.get(nr);
  if (!row) {
    p.logUnimp?.(`Unsupported syscall: ${nr}`);
    p.strace?.(`${p.pid} Unknown syscall ${nr}`);
    return toReg(BigInt(-E.ENOSYS));
  }
  // Arguments are formatted before the call: it may change what they point at.
  const call = p.strace ? formatCall(p, row.name, row.strace, a) : '';
  let ret: bigint;
  try {
    ret = BigInt(row.handler(p, a));
  } catch (e) {
    if (e instanceof GuestExit || e instanceof GuestKilled) {
      p.strace?.(`${p.pid} ${call}`);
      throw e;
    }
    const errno = e instanceof SyscallError ? e.errno : e instanceof GuestFault ? E.EFAULT : errnoFromError(e);
    if (errno === undefined) throw e; // not a guest-visible error: a bug, keep the stack
    ret = BigInt(-errno);
  }
  p.strace?.(`${p.pid} ${call} = ${formatResult(p, row.strace, row.ret ?? 'int', a, ret)}`);
  return toReg(ret);
}

/** The register value read back as a signed result (for tests and callers that check errors). */
export const syscallResult = (reg: bigint): bigint => BigInt.asIntN(64, reg);
