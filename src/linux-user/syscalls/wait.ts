// wait4 and waitid: a guest process's children are host processes (each runs its own
// emulator, or a native program), so these are the host's calls: the status word, struct
// rusage and siginfo_t are laid out alike on the host and on the 64-bit asm-generic guests.
// A blocking wait is made of non-blocking ones: between them the first thread polls pidfds
// of the children (readable once one ends) in slices, serving the other threads and the
// timers, so that a signal for the guest ends it (EINTR, or a restart under SA_RESTART).
// A pidfd says nothing of a stop or a continue: a wait for those (WUNTRACED, WCONTINUED)
// looks again at every slice. The spare emulator (spare.ts), a host child, is never the
// guest's: it is passed over, and a wait with no other child is ECHILD. While SIGCHLD is
// ignored (or has SA_NOCLDWAIT) a child that ended is reaped unseen, as Linux reaps it, so
// a wait blocks until the last one ends and answers ECHILD.

import { closeSync, readFileSync } from 'node:fs';
import { E } from '../errno.js';
import { POLL, SIG } from '../generic/constants.js';
import { pollServing } from '../host-wait.js';
import { hostLibc, type HostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { SyscallInterrupted, WouldBlock } from '../guest-exit.js';
import { nowMs } from '../../host-lazy.js';
import { childrenReapedBySystem, sendSignal } from '../signal-delivery.js';
import { isSpare, spareDied } from '../spare.js';
import type { ExitReport } from '../exit-report.js';
import { decodeRusage, SIGINFO_SIZE, sumRusage } from '../generic/structs.js';
import { u32s, writeGuest, type SyscallArgs } from './args.js';

type A = SyscallArgs;

/** The wait options (include/uapi/linux/wait.h; the host's are the same). */
export const W = {
  NOHANG: 1, UNTRACED: 2, STOPPED: 2, EXITED: 4, CONTINUED: 8, NOWAIT: 0x0100_0000,
  NOTHREAD: 0x2000_0000, ALL: 0x4000_0000, CLONE: 0x8000_0000,
} as const;
const WAIT4_OPTIONS = W.NOHANG | W.UNTRACED | W.CONTINUED | W.NOTHREAD | W.ALL | W.CLONE;
const WAITID_OPTIONS = W.NOHANG | W.STOPPED | W.EXITED | W.CONTINUED | W.NOWAIT | W.NOTHREAD | W.ALL | W.CLONE;
/** waitid's idtype. */
export const P = { ALL: 0, PID: 1, PGID: 2, PIDFD: 3 } as const;
/** How long one poll of the children's pidfds lasts before looking again (a stop, a signal from the host). */
const WAIT_SLICE_MS = 50;

export function sysWait4(p: LinuxProcess, a: A): number {
  const pid = a.int(0);
  const statusAddr = a.big(1);
  const options = a.int(2) >>> 0;
  const rusageAddr = a.big(3);
  if (options & ~WAIT4_OPTIONS || pid === -0x8000_0000) return -E.EINVAL;
  if (p.vfork) return -E.ECHILD; // a vfork child has none yet (it cannot fork before its execve)
  const lc = hostLibc();
  if (!lc) return -E.ECHILD; // no child can have been started
  for (;;) {
    const reported = reportedExit(p, lc, pid, false);
    if (reported) {
      countChild(p, reported.rusage);
      if (statusAddr !== 0n) writeGuest(p, statusAddr, u32s([reported.status >>> 0]));
      if (rusageAddr !== 0n) writeGuest(p, rusageAddr, reported.rusage);
      return reported.pid;
    }
    if (onlySpareLeft(p, pid)) return -E.ECHILD;
    const r = lc.processes.wait4(pid, options | W.NOHANG);
    if (r.pid > 0 && isSpare(p, r.pid)) {
      spareDied(p, r.pid); // a signal to our process group: never the guest's to see
      continue;
    }
    if (r.pid > 0 && p.childExits.wasShown(r.pid)) {
      p.childExits.forget(r.pid); // the guest saw its exit already (exit-report.ts)
      continue;
    }
    if (r.pid > 0 && ended(r.status) && childrenReapedBySystem(p)) {
      forgetChild(p, r.pid);
      continue; // Linux reaped it: a wait ends in ECHILD
    }
    if (r.pid > 0) {
      if (statusAddr !== 0n) writeGuest(p, statusAddr, u32s([r.status >>> 0]));
      if (rusageAddr !== 0n) writeGuest(p, rusageAddr, r.rusage);
      if (ended(r.status)) {
        reaped(p, r.pid, endedInfo(r.pid, r.status));
        countChild(p, r.rusage);
      }
      forgetChild(p, r.pid);
      return r.pid;
    }
    if (options & W.NOHANG) return 0;
    awaitChildren(p, lc, pid > 0 ? [pid] : null, (options & (W.UNTRACED | W.CONTINUED)) !== 0);
  }
}

export function sysWaitid(p: LinuxProcess, a: A): number {
  const idtype = a.int(0);
  let id = a.int(1);
  const infoAddr = a.big(2);
  const options = a.int(3) >>> 0;
  const rusageAddr = a.big(4);
  if (options & ~WAITID_OPTIONS || !(options & (W.EXITED | W.STOPPED | W.CONTINUED))) return -E.EINVAL;
  if (idtype === P.PIDFD) {
    const file = p.fds.get(id)?.file;
    if (!file || file.hostFd < 0) return -E.EBADF;
    id = file.hostFd;
  } else if (idtype !== P.ALL && idtype !== P.PID && idtype !== P.PGID) return -E.EINVAL;
  const lc = hostLibc();
  if (!lc || p.vfork) return -E.ECHILD;
  for (;;) {
    const selector = idtype === P.PID ? id : idtype === P.PGID ? -id : -1;
    const reported = idtype !== P.PIDFD && options & W.EXITED ? reportedExit(p, lc, selector, (options & W.NOWAIT) !== 0) : undefined;
    if (reported) {
      if (!(options & W.NOWAIT)) countChild(p, reported.rusage);
      if (infoAddr !== 0n) writeGuest(p, infoAddr, endedInfo(reported.pid, reported.status));
      if (rusageAddr !== 0n) writeGuest(p, rusageAddr, reported.rusage);
      return 0;
    }
    if (idtype !== P.PIDFD && onlySpareLeft(p, selector)) return -E.ECHILD;
    const r = lc.processes.waitid(idtype, id, options | W.NOHANG);
    const dv = new DataView(r.info.buffer);
    const childPid = dv.getInt32(16, true); // si_pid, 0 when no child changed state
    if (childPid !== 0 && notTheGuests(p, childPid)) {
      if (options & W.NOWAIT) lc.processes.wait4(childPid, W.NOHANG); // reaped here, never shown
      if (isSpare(p, childPid)) spareDied(p, childPid);
      else p.childExits.forget(childPid);
      continue;
    }
    const code = dv.getInt32(8, true); // CLD_EXITED, CLD_KILLED, CLD_DUMPED: it ended
    if (childPid !== 0 && code >= 1 && code <= 3 && !(options & W.NOWAIT) && childrenReapedBySystem(p)) continue; // reaped, as Linux would have
    if (childPid !== 0 || options & W.NOHANG) {
      if (infoAddr !== 0n) writeGuest(p, infoAddr, r.info);
      if (rusageAddr !== 0n) writeGuest(p, rusageAddr, r.rusage);
      if (childPid !== 0 && !(options & W.NOWAIT) && code >= 1 && code <= 3) {
        reaped(p, childPid, r.info);
        countChild(p, r.rusage);
      }
      if (childPid !== 0 && !(options & W.NOWAIT) && options & W.EXITED) forgetChild(p, childPid);
      return 0;
    }
    awaitChildren(p, lc, idtype === P.PID ? [id] : null, (options & (W.STOPPED | W.CONTINUED)) !== 0);
  }
}

/** Whether host child `c` is none of the guest's: a spare, or a child whose exit the guest was shown (its zombie). */
export const notTheGuests = (p: LinuxProcess, c: number): boolean => isSpare(p, c) || p.childExits.wasShown(c);

/**
 * Whether the children a wait for `pid` (wait4's encoding) could report are none but
 * spares (spare.ts): the guest has no such child (ECHILD), though the host sees some.
 */
function onlySpareLeft(p: LinuxProcess, pid: number): boolean {
  if (pid > 0) return notTheGuests(p, pid);
  if (p.spares.length === 0 && !p.childExits.anyShown()) return false;
  return childPids(p).every((c) => notTheGuests(p, c));
}

/**
 * The exit report (exit-report.ts) of a child a wait for `pid` (wait4's encoding) accepts,
 * if one came: shown to the guest (the host zombie reaped unseen later) unless `keep`
 * (WNOWAIT). Zombies of children shown before are reaped first.
 */
function reportedExit(p: LinuxProcess, lc: HostLibc, pid: number, keep: boolean): ExitReport | undefined {
  const reports = p.childExits;
  reports.reapShown(lc, false);
  collectExitReports(p, lc);
  if (childrenReapedBySystem(p)) {
    // Linux reaps them unseen: a wait goes on until the last has ended (then ECHILD)
    while (reports.take(() => true, false));
    return undefined;
  }
  const report = reports.take((child) => {
    if (pid > 0) return child === pid;
    if (pid === -1) return true;
    try {
      return lc.getpgid(child) === (pid === 0 ? lc.getpgid(0) : -pid);
    } catch {
      return false;
    }
  }, keep, (child) => pid > 0 || onlyChild(p, child));
  if (report && !keep) forgetChild(p, report.pid);
  return report;
}

/** A child the guest waited for: its usage (its own children's included) counts in RUSAGE_CHILDREN. */
function countChild(p: LinuxProcess, rusage: Uint8Array): void {
  p.childrenUsage = sumRusage(p.childrenUsage, decodeRusage(rusage));
}

/** Reads the exit reports that came, sending the guest each child's SIGCHLD (exit-report.ts ChildExitReports.collect). */
export function collectExitReports(p: LinuxProcess, lc: HostLibc): void {
  p.childExits.collect(lc, (r) => childSignal(p, r.pid, CLD_EXITED, endedInfo(r.pid, r.status)));
}

/**
 * Whether `child` is the only child the guest has (not a spare, its exit not shown): a
 * recycled child reaped by a wait for any child while others ran keeps its pid for good (a
 * shell reaping a background job this way keeps the job, by pid, until `wait` or `jobs`
 * asks for it); one waited for by its pid, or as the only child, may serve a later child.
 */
function onlyChild(p: LinuxProcess, child: number): boolean {
  return childPids(p).every((c) => c === child || notTheGuests(p, c));
}

/** si_code of a child's end: exited, killed, killed with a core dump. */
const CLD_EXITED = 1;
const CLD_KILLED = 2;
const CLD_DUMPED = 3;

/**
 * Sends the guest child `pid`'s SIGCHLD (`info`: its siginfo_t) and says whether the host's
 * SIGCHLD for it will come to us too (followed), to be dropped then.
 */
function childSignal(p: LinuxProcess, pid: number, code: number, info: Uint8Array): boolean {
  sendSignal(p, { signo: SIG.SIGCHLD, code, pid, uid: 0, raw: info }, null);
  return p.hostSignals?.follows(SIG.SIGCHLD) ?? false;
}

/** A wait reaped child `pid` (`info`: its siginfo_t): the guest has its SIGCHLD before the wait returns, as on Linux. */
function reaped(p: LinuxProcess, pid: number, info: Uint8Array): void {
  const code = new DataView(info.buffer, info.byteOffset).getInt32(8, true);
  p.childExits.reapedByHost(pid, () => childSignal(p, pid, code, info));
}

/** The siginfo_t of a child's end from its wait status. */
function endedInfo(pid: number, status: number): Uint8Array {
  const info = new Uint8Array(SIGINFO_SIZE);
  const dv = new DataView(info.buffer);
  const exited = (status & 0x7f) === 0;
  dv.setInt32(0, SIG.SIGCHLD, true);
  dv.setInt32(8, exited ? CLD_EXITED : status & 0x80 ? CLD_DUMPED : CLD_KILLED, true);
  dv.setInt32(16, pid, true);
  dv.setInt32(20, process.getuid?.() ?? 0, true);
  dv.setInt32(24, exited ? (status >> 8) & 0xff : status & 0x7f, true);
  return info;
}


/** A wait status of a child that ended (exited, or killed by a signal), not one that stopped or went on. */
const ended = (status: number): boolean => (status & 0x7f) !== 0x7f && (status & 0xffff) !== 0xffff;

/** This process's children, as the host lists them (the first thread's: it is the one that starts them). */
function childPids(p: LinuxProcess): number[] {
  try {
    return readFileSync(`/proc/self/task/${process.pid}/children`, 'latin1').split(' ').filter((s) => s !== '').map(Number);
  } catch {
    return [];
  }
}

/** Closes the pidfd (and exit-report channel) kept for a child once it is reaped, or shown its exit. */
function forgetChild(p: LinuxProcess, pid: number): void {
  if (!p.childExits.wasShown(pid)) p.childExits.forget(pid);
  const fd = p.childPidfds.get(pid);
  if (fd === undefined) return;
  p.childPidfds.delete(pid);
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/**
 * Waits one slice for one of `pids` (null: any child) to end. A thread on a worker waits
 * there (WouldBlock on the pidfd) and calls again; the first thread polls here, serving.
 */
function awaitChildren(p: LinuxProcess, lc: HostLibc, pids: number[] | null, stopsToo: boolean): void {
  const wanted = (pids ?? childPids(p)).filter((c) => !notTheGuests(p, c));
  const fds: { fd: number; events: number }[] = [];
  for (const pid of wanted) {
    let fd = p.childPidfds.get(pid);
    if (fd === undefined) {
      try {
        fd = lc.processes.pidfdOpen(pid);
      } catch {
        continue; // gone, or not ours: the next wait4 says so
      }
      p.childPidfds.set(pid, fd);
    }
    fds.push({ fd, events: POLL.IN });
  }
  if (p.thread.cpu !== 0) {
    // a worker's wait blocks on the child's exit-report channel (its report, or its end
    // without one, wakes it: a recycled child's host process does not end), in slices (the
    // first thread may take the report meanwhile, at a SIGCHLD), else on its pidfd
    if (p.waits.interrupted()) throw new SyscallInterrupted();
    const channel = wanted.length === 1 ? p.childExits.pollFds(wanted)[0] : undefined;
    if (channel && !stopsToo) throw new WouldBlock(channel.fd, POLL.IN, nowMs() + WAIT_SLICE_MS);
    if (fds.length === 1 && !stopsToo) throw new WouldBlock(fds[0].fd, POLL.IN, null);
    p.sleepServing(stopsToo ? WAIT_SLICE_MS / 5 : WAIT_SLICE_MS);
    return;
  }
  // a child's exit report wakes the first thread's wait as its end would (exit-report.ts)
  fds.push(...p.childExits.pollFds(wanted));
  if (fds.length === 0) {
    p.sleepServing(WAIT_SLICE_MS / 5);
    return;
  }
  pollServing(p, lc, fds, stopsToo ? WAIT_SLICE_MS / 5 : WAIT_SLICE_MS);
}
