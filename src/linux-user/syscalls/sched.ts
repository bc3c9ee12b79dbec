// Scheduler calls beyond affinity reading and yield (process.ts): sched_setaffinity, the
// scheduling policy and priority calls, sched_rr_get_interval and getcpu are the host's
// (through host/libc.ts: a guest pid is the host's, and pid 0 is the calling thread, the
// one that runs the guest), with the guest-memory checks made here in the kernel's order;
// -ENOSYS without the libc binding. membarrier is ours: the registrations are the process's,
// and with one thread every barrier it asks for has already happened.

import { E } from '../errno.js';
import { hostLibc, type HostSched } from '../host/libc.js';
import { encodeTimespec } from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import { readGuest, u32s, writeGuest, type SyscallArgs } from './args.js';

type A = SyscallArgs;

function sched(p: LinuxProcess, call: string): HostSched | null {
  const lc = hostLibc();
  if (!lc) p.logUnimp?.(`${call} needs the host libc`);
  return lc?.sched ?? null;
}

/** struct sched_param's one int, from the guest. */
const paramIn = (p: LinuxProcess, addr: bigint): number => new DataView(readGuest(p, addr, 4).buffer).getInt32(0, true);

export function sysSchedSetaffinity(p: LinuxProcess, a: A): number {
  const s = sched(p, 'sched_setaffinity');
  if (!s) return -E.ENOSYS;
  // get_user_cpu_mask: a shorter mask is zero-filled; the host takes what it knows of a longer one
  const mask = readGuest(p, a.big(2), Math.min(a.size(1), 1 << 16));
  s.setaffinity(a.int(0), mask);
  return 0;
}

export function sysSchedSetscheduler(p: LinuxProcess, a: A): number {
  if (a.int(0) < 0 || a.big(2) === 0n) return -E.EINVAL;
  const s = sched(p, 'sched_setscheduler');
  if (!s) return -E.ENOSYS;
  s.setscheduler(a.int(0), a.int(1), paramIn(p, a.big(2)));
  return 0;
}

export function sysSchedSetparam(p: LinuxProcess, a: A): number {
  if (a.int(0) < 0 || a.big(1) === 0n) return -E.EINVAL;
  const s = sched(p, 'sched_setparam');
  if (!s) return -E.ENOSYS;
  s.setparam(a.int(0), paramIn(p, a.big(1)));
  return 0;
}

export function sysSchedGetscheduler(p: LinuxProcess, a: A): number {
  if (a.int(0) < 0) return -E.EINVAL;
  return sched(p, 'sched_getscheduler')?.getscheduler(a.int(0)) ?? -E.ENOSYS;
}

export function sysSchedGetparam(p: LinuxProcess, a: A): number {
  if (a.int(0) < 0 || a.big(1) === 0n) return -E.EINVAL;
  const s = sched(p, 'sched_getparam');
  if (!s) return -E.ENOSYS;
  writeGuest(p, a.big(1), u32s([s.getparam(a.int(0))]));
  return 0;
}

export function sysSchedGetPriorityMax(p: LinuxProcess, a: A): number {
  return sched(p, 'sched_get_priority_max')?.priorityMax(a.int(0)) ?? -E.ENOSYS;
}

export function sysSchedGetPriorityMin(p: LinuxProcess, a: A): number {
  return sched(p, 'sched_get_priority_min')?.priorityMin(a.int(0)) ?? -E.ENOSYS;
}

export function sysSchedRrGetInterval(p: LinuxProcess, a: A): number {
  if (a.int(0) < 0) return -E.EINVAL;
  const s = sched(p, 'sched_rr_get_interval');
  if (!s) return -E.ENOSYS;
  writeGuest(p, a.big(1), encodeTimespec(s.rrInterval(a.int(0))));
  return 0;
}

/** getcpu(cpu, node, unused): the host CPU and NUMA node the guest's thread runs on now. */
export function sysGetcpu(p: LinuxProcess, a: A): number {
  const s = sched(p, 'getcpu');
  if (!s) return -E.ENOSYS;
  const [cpu, node] = s.getcpu();
  if (a.big(0)) writeGuest(p, a.big(0), u32s([cpu]));
  if (a.big(1)) writeGuest(p, a.big(1), u32s([node]));
  return 0;
}

// --- membarrier -----------------------------------------------------------------------------

/** include/uapi/linux/membarrier.h. */
const MEMBARRIER = {
  QUERY: 0,
  GLOBAL: 1 << 0,
  GLOBAL_EXPEDITED: 1 << 1,
  REGISTER_GLOBAL_EXPEDITED: 1 << 2,
  PRIVATE_EXPEDITED: 1 << 3,
  REGISTER_PRIVATE_EXPEDITED: 1 << 4,
  PRIVATE_EXPEDITED_SYNC_CORE: 1 << 5,
  REGISTER_PRIVATE_EXPEDITED_SYNC_CORE: 1 << 6,
  GET_REGISTRATIONS: 1 << 9,
} as const;

/**
 * What QUERY answers: every command but the rseq pair (there is no rseq here: rseq(2) is
 * ENOSYS, and a kernel without CONFIG_RSEQ leaves them out the same way).
 */
const MEMBARRIER_SUPPORTED = MEMBARRIER.GLOBAL | MEMBARRIER.GLOBAL_EXPEDITED | MEMBARRIER.REGISTER_GLOBAL_EXPEDITED
  | MEMBARRIER.PRIVATE_EXPEDITED | MEMBARRIER.REGISTER_PRIVATE_EXPEDITED | MEMBARRIER.PRIVATE_EXPEDITED_SYNC_CORE
  | MEMBARRIER.REGISTER_PRIVATE_EXPEDITED_SYNC_CORE | MEMBARRIER.GET_REGISTRATIONS;

/** Each expedited command and the registration it needs (EPERM without). */
const NEEDS_REGISTRATION: ReadonlyMap<number, number> = new Map([
  [MEMBARRIER.PRIVATE_EXPEDITED, MEMBARRIER.REGISTER_PRIVATE_EXPEDITED],
  [MEMBARRIER.PRIVATE_EXPEDITED_SYNC_CORE, MEMBARRIER.REGISTER_PRIVATE_EXPEDITED_SYNC_CORE],
]);

/**
 * membarrier(cmd, flags, cpu_id) as kernel/sched/membarrier.c answers it. The barriers
 * themselves: the only thread of the process is the caller, and translated code that
 * changed is dropped before it runs again (SYNC_CORE's promise), so nothing is left to do.
 */
export function sysMembarrier(p: LinuxProcess, a: A): number {
  const cmd = a.int(0);
  if (a.uint(1) !== 0) return -E.EINVAL; // MEMBARRIER_CMD_FLAG_CPU is for the rseq command only
  switch (cmd) {
    case MEMBARRIER.QUERY:
      return MEMBARRIER_SUPPORTED;
    case MEMBARRIER.GLOBAL:
    case MEMBARRIER.GLOBAL_EXPEDITED:
      return 0;
    case MEMBARRIER.REGISTER_GLOBAL_EXPEDITED:
    case MEMBARRIER.REGISTER_PRIVATE_EXPEDITED:
    case MEMBARRIER.REGISTER_PRIVATE_EXPEDITED_SYNC_CORE:
      p.membarrierRegistrations |= cmd;
      return 0;
    case MEMBARRIER.PRIVATE_EXPEDITED:
    case MEMBARRIER.PRIVATE_EXPEDITED_SYNC_CORE:
      return p.membarrierRegistrations & NEEDS_REGISTRATION.get(cmd)! ? 0 : -E.EPERM;
    case MEMBARRIER.GET_REGISTRATIONS:
      return p.membarrierRegistrations;
    default:
      return -E.EINVAL;
  }
}
