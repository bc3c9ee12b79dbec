// Exit reports: a guest child tells its parent how its guest exited (the wait status and its
// rusage) the moment it does, over the socket its spare was handed its job on (spare.ts),
// so that the parent's wait4 or waitid returns then, not when the host has taken the child's
// Node process down (its threads, its heap and the 4 GiB guest memory: 3-8 ms here, most of
// the time between a command's exit and its shell going on). The child first closes its
// guest fds (so pipes reach EOF and its record locks go, as Linux does before the parent can
// see the exit) and writes back its MAP_SHARED mappings; the host process then ends as
// before. The parent shows the guest the report, sending it the child's SIGCHLD then (as
// Linux has sent it before a wait can return the child; the host's, coming later, is an
// echo to drop: ChildExitReports counts them, for children reaped the host's way too), and
// the host zombie, which wait4 no longer concerns, is reaped unseen by a later wait (or
// before an execve in place): until then a system call naming that pid answers ESRCH, as
// it would once the child was reaped. Only an exit is
// reported: a death by a signal (whose core-dump bit the host decides) and the exit of a
// process that started threads take the host's way, as does a child started cold (no spare)
// or one that executed a host program (its socket closes unsent). The rusage is the child's
// own (process.resourceUsage, since its job) and that of the children it waited for, as Linux sums them.
//
// A reported child whose host process is as a fresh spare would be (hostProcessReusable)
// says so in its report (REPORT_RECYCLED) and, instead of ending, waits on the same channel
// for another job: once the parent's guest has reaped it, the parent keeps it as a spare
// (spare.ts keepRecycled), so a loop of fork, exec and wait starts no Node at all. The
// pid then serves the parent's next child: Linux allocates pids in turn and reuses one only
// after wrapping around, but any pid may come back once its process is reaped.

import { closeSync } from 'node:fs';
import type { HostLibc } from './host/libc.js';
import { encodeRusage, RUSAGE_SIZE, sumRusage, type Rusage } from './generic/structs.js';
import { POLL } from './generic/constants.js';

/** MSG_DONTWAIT: the reads here never block; MSG_NOSIGNAL: a parent gone is EPIPE, not SIGPIPE. */
const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;
/** A report: the wait status (int32), the flags (int32: REPORT_RECYCLED), then struct rusage. */
const REPORT_SIZE = 8 + RUSAGE_SIZE;
/** The child's host process waits on the channel for another job (a spare again once the guest reaped it). */
const REPORT_RECYCLED = 1;

/** A child's exit as reported: the wait status and rusage wait4 gives. */
export interface ExitReport {
  pid: number;
  status: number;
  rusage: Uint8Array;
}

// --- the child's side: the socket to its parent, kept by this host process across execves in place

let toParent = -1;
/** The process's resource usage when its job came: a recycled process reports each job's own. */
let usageAtJob: NodeJS.ResourceUsage | undefined;
/** What made this host process unfit for another job, if anything did (noteHostChanged). */
let unfit: string | undefined;
/** After a report saying REPORT_RECYCLED: the channel the next job comes on, and the status to end with if none does. */
let recycled: { sock: number; status: number } | undefined;

/** A spare's socket to its parent, kept for the report (close-on-exec: a host program it executes never sees it). */
export function keepParentChannel(lc: HostLibc, sock: number): void {
  lc.processes.setCloexec(sock, true);
  toParent = sock;
  usageAtJob = process.resourceUsage();
  recycled = undefined;
}

/**
 * The guest process's resource usage (getrusage RUSAGE_SELF, times, the exit report): the
 * host process's since its job came, for a recycled one; its maximum RSS is the host's.
 */
export function guestUsage(): Rusage {
  const r = process.resourceUsage();
  const at = usageAtJob;
  const since = (k: Exclude<keyof NodeJS.ResourceUsage, 'maxRSS'>): number => r[k] - (at?.[k] ?? 0);
  return {
    utimeUs: since('userCPUTime'), stimeUs: since('systemCPUTime'), maxrssKb: r.maxRSS, minflt: since('minorPageFault'),
    majflt: since('majorPageFault'), inblock: since('fsRead'), oublock: since('fsWrite'),
    nvcsw: since('voluntaryContextSwitches'), nivcsw: since('involuntaryContextSwitches'),
  };
}

/** The process's CPU time (user and system, µs) since its job came (CLOCK_PROCESS_CPUTIME_ID). */
export function guestCpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system - (usageAtJob ? usageAtJob.userCPUTime + usageAtJob.systemCPUTime : 0);
}

/**
 * The guest changed this host process in a way the next job could not undo, or left it
 * something a spare must not have (`why`: its credentials, session, limits, a child, a
 * thread, a timer, a signal action on the host): it ends with its guest, not recycled.
 */
export function noteHostChanged(why: string): void {
  unfit ??= why;
}

/** Whether this host process could serve another job: nothing noteHostChanged names happened to it. */
export const hostProcessReusable = (): boolean => unfit === undefined;

/**
 * Reports the guest's exit with `code` to the parent (if it was handed a channel), after
 * `closeGuestFds` has closed what the guest kept open. Sent once per job. `recycle`: this
 * host process will wait on the channel for another job when the run is over (taken by
 * recycledChannel), if it is still reusable; returns whether the report said so.
 */
export function reportExit(lc: HostLibc | null, code: number, closeGuestFds: () => void, recycle = false, children?: Rusage): boolean {
  if (toParent < 0 || !lc?.socket) return false;
  const sock = toParent;
  toParent = -1;
  closeGuestFds();
  const reuse = recycle && hostProcessReusable();
  const report = new Uint8Array(new SharedArrayBuffer(REPORT_SIZE));
  new DataView(report.buffer).setInt32(0, (code & 0xff) << 8, true);
  new DataView(report.buffer).setInt32(4, reuse ? REPORT_RECYCLED : 0, true);
  // what wait4 shows the parent: the child's own usage and its children's that it waited for
  report.set(encodeRusage(children ? sumRusage(guestUsage(), children) : guestUsage()), 8);
  try {
    lc.socket.sendmsg(sock, [{ buf: report, off: 0, len: REPORT_SIZE }], null, null, MSG_DONTWAIT | MSG_NOSIGNAL);
  } catch {
    // the parent went away: nobody waits
    return false;
  }
  if (reuse) {
    recycled = { sock, status: code & 0xff };
    // this host process goes on, so the host sends its parent no SIGCHLD: it does, as the host would at its end
    try {
      process.kill(process.ppid, 'SIGCHLD');
    } catch {
      // the parent is gone
    }
  }
  return reuse;
}

/**
 * The channel this process's last job was reported on with REPORT_RECYCLED, once its run is
 * over (taken: asked once): the process then waits there for its next job (cli/main.ts).
 */
export function recycledChannel(): { sock: number; status: number } | undefined {
  const r = recycled;
  recycled = undefined;
  return r !== undefined && hostProcessReusable() ? r : undefined;
}

// --- the parent's side

/** A guest process's channels from its children, and the exits they reported. */
export class ChildExitReports {
  /** Our end of each child's channel, by pid, until its report came or it ended without one. */
  private readonly channels = new Map<number, number>();
  /** Reports received and not yet shown to the guest, by pid. */
  private readonly received = new Map<number, ExitReport>();
  /** Children whose exit the guest was shown: their host zombies, reaped unseen (reapShown). */
  private readonly shown = new Set<number>();
  /** Children whose SIGCHLD the guest was sent: at their report or reaping, or at the host's SIGCHLD, whichever came first. */
  private readonly signalled = new Set<number>();
  /** Host SIGCHLDs still to come for children whose SIGCHLD the guest had from us: dropped when they come. */
  private echoes = 0;
  /**
   * Children whose report said REPORT_RECYCLED, until the guest takes it: their channel (the
   * host process waits there for another job) and whether a host SIGCHLD would be ours to
   * drop if it ended instead (SIGCHLD followed when the report came).
   */
  private readonly recycling = new Map<number, { sock: number; followed: boolean }>();
  private readonly buf = new Uint8Array(new SharedArrayBuffer(REPORT_SIZE));

  /**
   * `keepSpare`: offered each recycled child once the guest has taken its report (spare.ts
   * keepRecycled); false: not wanted (the channel is closed, and the process ends with the
   * status it reported).
   */
  constructor(private readonly keepSpare: (pid: number, sock: number) => boolean = () => false) {}

  /** Watches child `pid`'s channel (ours now: closed when it is done). */
  watch(pid: number, sock: number): void {
    this.channels.set(pid, sock);
  }

  /** Whether the guest was shown the exit of a child whose host zombie is not reaped yet. */
  anyShown(): boolean {
    return this.shown.size > 0;
  }

  /** Whether the guest was shown `pid`'s exit: its host process is not the guest's any more. */
  wasShown(pid: number): boolean {
    return this.shown.has(pid);
  }

  /** The channels of `pids` (null: every child) still open, to poll with the children's pidfds. */
  pollFds(pids: readonly number[] | null): { fd: number; events: number }[] {
    const out: { fd: number; events: number }[] = [];
    for (const [pid, fd] of this.channels) if (pids === null || pids.includes(pid)) out.push({ fd, events: POLL.IN });
    return out;
  }

  /**
   * Reads every report that came (a channel that ended without one is closed); `onExit`
   * sends the guest the SIGCHLD of each whose host SIGCHLD did not come first, as Linux
   * sends it before a wait can return the child, and says whether the host's will come
   * to us too (SIGCHLD followed).
   */
  collect(lc: HostLibc, onExit: (report: ExitReport) => boolean): void {
    if (this.channels.size === 0 || !lc.socket) return;
    const entries = [...this.channels];
    const revents = lc.pollMany(entries.map(([, fd]) => ({ fd, events: POLL.IN })), 0);
    entries.forEach(([pid, fd], i) => {
      if (revents[i] === 0) return;
      let n = 0;
      try {
        n = lc.socket!.recvmsg(fd, [{ buf: this.buf, off: 0, len: REPORT_SIZE }], 0, MSG_DONTWAIT).n;
      } catch {
        n = 0;
      }
      if (n === REPORT_SIZE) {
        const dv = new DataView(this.buf.buffer);
        const report = { pid, status: dv.getInt32(0, true), rusage: this.buf.slice(8) };
        this.received.set(pid, report);
        const recycled = (dv.getInt32(4, true) & REPORT_RECYCLED) !== 0;
        // a recycled child sends the host SIGCHLD itself (its host process goes on); one not
        // kept sends a second at its end (reuse)
        let followed = false;
        if (!this.signalled.has(pid)) {
          this.signalled.add(pid);
          followed = onExit(report);
          if (followed) this.echoes++;
        }
        if (recycled) this.recycling.set(pid, { sock: fd, followed });
        if (recycled) {
          this.channels.delete(pid); // the channel is the spare's from now on
          return;
        }
      }
      this.close(pid);
    });
  }

  /**
   * A received report of a child `matches` accepts, if one came; taken (the guest is shown
   * it) unless `keep` (WNOWAIT). `reusable`: whether a recycled child's host process, and so
   * its pid, may serve a later child (see reuse).
   */
  take(matches: (pid: number) => boolean, keep: boolean, reusable: (pid: number) => boolean = () => true): ExitReport | undefined {
    for (const [pid, report] of this.received) {
      if (!matches(pid)) continue;
      if (!keep) {
        this.received.delete(pid);
        if (!this.reuse(pid, reusable(pid))) this.shown.add(pid);
      }
      return report;
    }
    return undefined;
  }

  /**
   * A recycled child the guest has just reaped becomes a spare (keepSpare), if `reusable`:
   * its pid is forgotten here, to serve a later child. True when kept; one not kept is sent
   * away (its channel closed: it ends with the status it reported, its zombie reaped unseen
   * as any other shown child's, its host SIGCHLD dropped as an echo).
   */
  private reuse(pid: number, reusable: boolean): boolean {
    const r = this.recycling.get(pid);
    if (r === undefined) return false;
    this.recycling.delete(pid);
    if (reusable && this.keepSpare(pid, r.sock)) {
      this.signalled.delete(pid);
      return true;
    }
    closeQuietly(r.sock);
    if (r.followed) this.echoes++;
    return false;
  }

  /**
   * Whether the host's SIGCHLD for child `pid` (seen through waitid WNOWAIT) is one the guest
   * had already (sent with its report): then it is dropped. Otherwise it is the guest's, and
   * a report coming later sends none.
   */
  signalledBefore(pid: number): boolean {
    if (this.signalled.has(pid)) {
      if (this.echoes > 0) this.echoes--;
      return true;
    }
    this.signalled.add(pid);
    return false;
  }

  /** A host SIGCHLD that showed no child: whether it is the echo of one the guest had from us (then it is dropped). */
  echoOfReaped(): boolean {
    if (this.echoes === 0) return false;
    this.echoes--;
    return true;
  }

  /**
   * A wait reaped child `pid` the host's way (it ended): unless the guest had its SIGCHLD
   * already, `signal` sends it now (before the wait returns, as on Linux) and says whether
   * the host's will come to us too. Then `pid` is forgotten.
   */
  reapedByHost(pid: number, signal: () => boolean): void {
    if (!this.signalled.has(pid) && signal()) this.echoes++;
    this.forget(pid);
  }

  /** Reaps the host zombies of children the guest was shown (blocking: before an execve in place, whose program must not see them). */
  reapShown(lc: HostLibc, block: boolean): void {
    for (const pid of this.shown) {
      try {
        if (lc.processes.wait4(pid, block ? 0 : WNOHANG).pid === 0) continue;
      } catch {
        // reaped already (by a wait for any child, which passed over it)
      }
      this.shown.delete(pid);
      this.signalled.delete(pid);
    }
  }

  /** Forgets `pid`: reaped (shown or not), its channel closed. */
  forget(pid: number): void {
    this.close(pid);
    const r = this.recycling.get(pid);
    if (r !== undefined) closeQuietly(r.sock);
    this.recycling.delete(pid);
    this.received.delete(pid);
    this.shown.delete(pid);
    this.signalled.delete(pid);
  }

  /** Closes every channel (an execve in place: the next program waits for these children the host's way). */
  closeAll(): void {
    for (const pid of [...this.channels.keys()]) this.close(pid);
    // a recycled child not reaped yet ends with its status: the next program's child, as on Linux
    for (const r of this.recycling.values()) closeQuietly(r.sock);
    this.recycling.clear();
    this.received.clear();
    this.signalled.clear();
  }

  private close(pid: number): void {
    const fd = this.channels.get(pid);
    if (fd === undefined) return;
    this.channels.delete(pid);
    closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // closed
  }
}

/** wait4's WNOHANG. */
const WNOHANG = 1;
