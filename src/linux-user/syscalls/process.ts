// Process-wide syscalls: exit, ids and supplementary groups, set_tid_address / robust
// lists, rlimits, uname, sysinfo, umask, getrusage, getrandom, CPU affinity, yield,
// scheduling priority, and the prctl options we implement (the task name).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { hostRandomBytes, lazyBuiltin } from '../../host-lazy.js';
import { E, fail } from '../errno.js';
import { GRND, NSIG, PR, PRIO, RLIMIT, RLIM_INFINITY, RLIM_NLIMITS, RUSAGE, TASK_COMM_LEN } from '../generic/constants.js';
import { hostLibc } from '../host/libc.js';
import {
  RLIMIT_SIZE, decodeRlimit, encodeRlimit, encodeRusage, encodeSysinfo, encodeUtsname, type Rusage,
} from '../generic/structs.js';
import { GuestExit, ThreadExit } from '../guest-exit.js';
import type { LinuxProcess } from '../process.js';
import { guestOut, readGuest, u32s, u64s, writeGuest, type SyscallArgs } from './args.js';
import { publishView } from '../vfs/proc-peers.js';
import { guestUsage, noteHostChanged } from '../exit-report.js';

type A = SyscallArgs;

/** The wait status byte of exit(status). */
const EXIT_STATUS_MASK = 0xff;
/** struct robust_list_head: three pointers. */
const ROBUST_LIST_HEAD_SIZE = 24n;
/** /proc/sys/fs/nr_open: the ceiling for RLIMIT_NOFILE. */
const NR_OPEN = 1_048_576n;
/** Most bytes one getrandom call returns (INT_MAX >> 6, as Linux). */
const GETRANDOM_MAX = 33_554_431;

/** exit: the calling thread ends; the last one to end ends the process. */
export function sysExit(p: LinuxProcess, a: A): never {
  const status = a.int(0) & EXIT_STATUS_MASK;
  if (p.threads && p.threads.count > 1) throw new ThreadExit(status);
  throw new GuestExit(status);
}

export function sysExitGroup(_p: LinuxProcess, a: A): never {
  throw new GuestExit(a.int(0) & EXIT_STATUS_MASK);
}

export function sysSetTidAddress(p: LinuxProcess, a: A): number {
  p.thread.clearChildTid = a.big(0);
  return p.thread.tid;
}

export function sysSetRobustList(p: LinuxProcess, a: A): number {
  if (a.big(1) !== ROBUST_LIST_HEAD_SIZE) return -E.EINVAL;
  p.thread.robustList = { head: a.big(0), len: a.big(1) };
  return 0;
}

/**
 * get_robust_list(pid, head_ptr, len_ptr): the calling thread's (pid 0 or its tid). Another
 * process's list is in its own memory, out of our reach: EPERM, as without ptrace access.
 */
export function sysGetRobustList(p: LinuxProcess, a: A): number {
  const pid = a.int(0);
  if (pid !== 0 && pid !== p.thread.tid) {
    if (pid < 0 || !existsSync(`/proc/${pid}`)) return -E.ESRCH;
    p.logUnimp?.(`get_robust_list of another process (${pid})`);
    return -E.EPERM;
  }
  writeGuest(p, a.big(1), u64s([p.thread.robustList.head]));
  writeGuest(p, a.big(2), u64s([p.thread.robustList.len]));
  return 0;
}

export const sysRseq = (): number => -E.ENOSYS;

export const sysGetpid = (p: LinuxProcess): number => p.pid;
export const sysGetppid = (p: LinuxProcess): number => p.ppid;
export const sysGettid = (p: LinuxProcess): number => p.thread.tid;
export const sysGetuid = (p: LinuxProcess): number => p.uid;
export const sysGeteuid = (p: LinuxProcess): number => p.euid;
export const sysGetgid = (p: LinuxProcess): number => p.gid;
export const sysGetegid = (p: LinuxProcess): number => p.egid;

/** getresuid / getresgid: three u32 ids, each pointer checked (saved id = effective id). */
function putIds(p: LinuxProcess, a: A, ids: [number, number, number]): number {
  ids.forEach((id, i) => writeGuest(p, a.big(i), u32s([id])));
  return 0;
}
export const sysGetresuid = (p: LinuxProcess, a: A): number => putIds(p, a, [p.uid, p.euid, p.euid]);
export const sysGetresgid = (p: LinuxProcess, a: A): number => putIds(p, a, [p.gid, p.egid, p.egid]);

/**
 * The host process's supplementary groups, from /proc/self/status: Node's getgroups()
 * adds the effective gid when it is missing, which getgroups(2) does not.
 */
function hostGroups(): number[] {
  const line = /^Groups:(.*)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return line ? line[1].trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

export function sysGetgroups(p: LinuxProcess, a: A): number {
  const n = a.int(0);
  if (n < 0) return -E.EINVAL;
  const groups = hostGroups();
  if (n === 0) return groups.length;
  if (n < groups.length) return -E.EINVAL;
  writeGuest(p, a.big(1), u32s(groups));
  return groups.length;
}

// --- rlimits ------------------------------------------------------------------------------

/** The limits not passed on to another process's host limits: they bound its emulator, not its guest (QEMU leaves them too). */
const EMULATOR_LIMITS: ReadonlySet<number> = new Set([RLIMIT.AS, RLIMIT.DATA, RLIMIT.STACK]);

function prlimit(p: LinuxProcess, pid: number, resource: number, newAddr: bigint, oldAddr: bigint): number {
  if (resource < 0 || resource >= RLIM_NLIMITS) return -E.EINVAL;
  if (pid !== 0 && pid !== p.pid) return otherPrlimit(p, pid, resource, newAddr, oldAddr);
  const next = newAddr ? decodeRlimit(readGuest(p, newAddr, RLIMIT_SIZE)) : undefined;
  const cur = p.rlimits.get(resource) ?? { cur: RLIM_INFINITY, max: RLIM_INFINITY };
  if (next) {
    if (next.cur > next.max) return -E.EINVAL;
    if (next.max > cur.max && p.euid !== 0) return -E.EPERM;
    if (resource === RLIMIT.NOFILE && next.max > NR_OPEN) return -E.EPERM;
  }
  if (oldAddr) writeGuest(p, oldAddr, encodeRlimit(cur.cur, cur.max));
  // Recorded only: the host process keeps its own limits (as QEMU does for STACK/AS/DATA).
  if (next) p.rlimits.set(resource, next);
  return 0;
}

/**
 * prlimit64 of another process, as qemu-user makes it: the host's call on that pid (ESRCH,
 * EPERM as the host answers; struct rlimit is the same on the host). A guest child keeps
 * its own record of its limits (what its getrlimit reads, set at its start from ours), so
 * it does not see a change made here; the host enforces it on that process.
 */
function otherPrlimit(p: LinuxProcess, pid: number, resource: number, newAddr: bigint, oldAddr: bigint): number {
  const lc = hostLibc();
  if (!lc) return -E.ESRCH; // no process of ours was started: none can be asked
  const next = newAddr && !EMULATOR_LIMITS.has(resource) ? readGuest(p, newAddr, RLIMIT_SIZE) : null;
  const old = lc.processes.prlimit(pid, resource, next && Buffer.from(next));
  if (oldAddr) writeGuest(p, oldAddr, old);
  return 0;
}

export const sysPrlimit64 = (p: LinuxProcess, a: A): number => prlimit(p, a.int(0), a.uint(1), a.big(2), a.big(3));
export const sysGetrlimit = (p: LinuxProcess, a: A): number => prlimit(p, 0, a.uint(0), 0n, a.big(1));
export const sysSetrlimit = (p: LinuxProcess, a: A): number => prlimit(p, 0, a.uint(0), a.big(1), 0n);

// --- system information -----------------------------------------------------------------

/** node:os, loaded by the first call that needs it (not at every start). */
const os = lazyBuiltin<typeof import('node:os')>('node:os');

export function sysUname(p: LinuxProcess, a: A): number {
  writeGuest(p, a.big(0), encodeUtsname({
    sysname: 'Linux',
    nodename: os().hostname(),
    release: p.unameRelease ?? os().release(),
    version: os().version(),
    machine: p.abi.machine,
    domainname: '(none)',
  }));
  return 0;
}

function hostProcessCount(): number {
  try {
    return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;
  } catch {
    return 1;
  }
}

export function sysSysinfo(p: LinuxProcess, a: A): number {
  const l = os().loadavg();
  writeGuest(p, a.big(0), encodeSysinfo({
    uptime: os().uptime(),
    loads: [l[0], l[1], l[2]],
    totalram: os().totalmem(),
    freeram: os().freemem(),
    sharedram: 0,
    bufferram: 0,
    totalswap: 0,
    freeswap: 0,
    procs: hostProcessCount(),
  }));
  return 0;
}

export function sysUmask(p: LinuxProcess, a: A): number {
  const old = p.umask;
  p.umask = a.uint(0) & 0o777;
  if (p.vfork) return old; // the parent's host process: the handlers apply p.umask
  try {
    process.umask(p.umask); // files the host creates for us get it too
  } catch {
    // worker threads cannot set it: handlers also apply p.umask themselves
  }
  return old;
}

export function sysGetrusage(p: LinuxProcess, a: A): number {
  const who = a.int(0);
  let u: Rusage;
  if (who === RUSAGE.SELF || who === RUSAGE.THREAD) {
    u = guestUsage();
  } else if (who === RUSAGE.CHILDREN) {
    u = p.childrenUsage;
  } else {
    return -E.EINVAL;
  }
  writeGuest(p, a.big(1), encodeRusage(u));
  return 0;
}

export function sysGetrandom(p: LinuxProcess, a: A): number {
  const flags = a.uint(2);
  if (flags & ~(GRND.NONBLOCK | GRND.RANDOM | GRND.INSECURE)) return -E.EINVAL;
  if (flags & GRND.RANDOM && flags & GRND.INSECURE) return -E.EINVAL;
  const n = Math.min(a.size(1), GETRANDOM_MAX);
  const out = guestOut(p, a.ptr(0), n);
  out.set(hostRandomBytes(n));
  return n;
}

/** nr_cpu_ids: one more than the highest possible CPU (/sys/devices/system/cpu/possible, "0-63"). */
function possibleCpus(): number {
  try {
    const text = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim();
    return Math.max(...text.split(',').map((r) => Number(r.split('-').at(-1)))) + 1;
  } catch {
    return os().availableParallelism();
  }
}

/**
 * A task's CPU affinity as the bytes of its cpumask (little endian, CPU 0 in bit 0 of
 * byte 0), from Cpus_allowed in /proc/<pid>/status (32-bit hex groups, most significant
 * first), or null when there is no such process. The guest's own is the host process's.
 */
function affinityOf(p: LinuxProcess, pid: number, bytes: number): Uint8Array | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid === 0 || pid === p.thread.tid ? 'self' : pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const m = /^Cpus_allowed:\s*([0-9a-f,]+)$/m.exec(status);
  const bits = m ? BigInt(`0x${m[1].replace(/,/g, '')}`) : (1n << BigInt(os().availableParallelism())) - 1n;
  const mask = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) mask[i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return mask;
}

export function sysSchedGetaffinity(p: LinuxProcess, a: A): number {
  const pid = a.int(0);
  const ncpu = possibleCpus();
  const bytes = Math.ceil(ncpu / 64) * 8; // cpumask_size(): whole longs
  const len = a.size(1);
  if (len * 8 < ncpu || len & 7) return -E.EINVAL;
  if (pid < 0) return -E.ESRCH;
  const mask = affinityOf(p, pid, bytes);
  if (!mask) return -E.ESRCH;
  writeGuest(p, a.big(2), mask);
  return bytes;
}

// --- scheduling priority ----------------------------------------------------------------------

/**
 * getpriority / setpriority for PRIO_PROCESS through Node's os.getPriority/setPriority
 * (who 0 is ourselves). The raw syscall returns 20 - nice, so it is never negative;
 * glibc turns it back. Process groups and users are not reachable from Node.
 */
function prioTarget(p: LinuxProcess, which: number, who: number): number | null {
  if (which === PRIO.PROCESS) return who === 0 ? 0 : who;
  if (which === PRIO.PGRP || which === PRIO.USER) p.logUnimp?.(`${which === PRIO.PGRP ? 'PRIO_PGRP' : 'PRIO_USER'} priorities`);
  return null;
}

export function sysGetpriority(p: LinuxProcess, a: A): number {
  const which = a.int(0);
  const pid = prioTarget(p, which, a.int(1));
  if (pid === null) return which === PRIO.PGRP || which === PRIO.USER ? -E.ENOSYS : -E.EINVAL;
  return 20 - os().getPriority(pid);
}

export function sysSetpriority(p: LinuxProcess, a: A): number {
  const which = a.int(0);
  const pid = prioTarget(p, which, a.int(1));
  if (pid === null) return which === PRIO.PGRP || which === PRIO.USER ? -E.ENOSYS : -E.EINVAL;
  os().setPriority(pid, Math.min(Math.max(a.int(2), -20), 19)); // Linux clamps to the nice range
  return 0;
}

export const sysSchedYield = (): number => 0;

// --- prctl ----------------------------------------------------------------------------------

/**
 * prctl: the task name (PR_SET_NAME / PR_GET_NAME, 16 bytes with the NUL), the calling
 * thread's keep-capabilities flag (PR_SET_KEEPCAPS / PR_GET_KEEPCAPS: 0 or 1) and the
 * parent-death signal (PR_SET_PDEATHSIG / PR_GET_PDEATHSIG, the host's own). Other options
 * answer EINVAL, Linux's reply to an option it does not know, and show under -d unimp.
 */
export function sysPrctl(p: LinuxProcess, a: A): number {
  const option = a.int(0);
  switch (option) {
    case PR.SET_NAME: {
      // strncpy_from_user of at most 15 bytes: nothing after the NUL is read.
      const name: number[] = [];
      for (let i = 0; i < TASK_COMM_LEN - 1; i++) {
        const c = readGuest(p, a.big(1) + BigInt(i), 1)[0];
        if (c === 0) break;
        name.push(c);
      }
      p.comm = Buffer.from(name);
      if (!p.vfork) publishView(p); // other guest processes' /proc/<pid>/comm (a vfork child's is its parent's host process)
      return 0;
    }
    case PR.SET_KEEPCAPS:
      if (a.big(1) > 1n) return -E.EINVAL;
      p.thread.keepCaps = Number(a.big(1));
      return 0;
    case PR.GET_KEEPCAPS:
      return p.thread.keepCaps;
    case PR.GET_NAME: {
      const out = new Uint8Array(TASK_COMM_LEN);
      out.set(p.comm);
      writeGuest(p, a.big(1), out);
      return 0;
    }
    case PR.SET_PDEATHSIG: {
      // the host's: our parent's death sends it to this host process, which gives it to the guest as its action says
      const sig = a.big(1);
      if (sig > BigInt(NSIG)) return -E.EINVAL;
      // a vfork child's spare sets it on itself (vfork.ts)
      if (!p.vfork) {
        noteHostChanged('its parent-death signal');
        (hostLibc() ?? fail(E.ENOSYS)).processes.setParentDeathSignal(Number(sig));
      }
      p.parentDeathSignal = Number(sig);
      return 0;
    }
    case PR.GET_PDEATHSIG:
      writeGuest(p, a.big(1), u32s([p.parentDeathSignal]));
      return 0;
    default:
      p.logUnimp?.(`Unsupported prctl option: ${option}`);
      return -E.EINVAL;
  }
}
