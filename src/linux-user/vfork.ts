// vfork, and posix_spawn's clone(CLONE_VM|CLONE_VFORK): nothing is copied. The child runs
// in its parent's host process, on the parent's CPU and guest memory (what it writes
// there, the parent sees, as on Linux), as a LinuxProcess of its own: its own fd table
// (over the same open files), signal actions, mask, cwd, umask and limits, and the pid of
// a spare emulator (spare.ts), the host process it becomes. The parent's call returns
// when the child is done with the memory: at the child's execve, the spare is sent the
// program to run with the child's fds (a guest program: as an execve'd emulator would
// run it, from its translation cache; a host program: executed natively); at the child's
// exit, or death by a signal, the spare is told to end the same way. The spare is the
// parent's host child either way, so wait4, SIGCHLD and kill meet it as they would the
// child. What the child would do to the host process it runs in is kept from the parent:
// setsid and setpgid are made by the spare (first thing, in the child's order), and so is
// PR_SET_PDEATHSIG; the child's signal actions are not followed on the host, its umask
// is applied by the handlers, and it cannot change its credentials (EPERM, but for the
// no-op changes posix_spawn's POSIX_SPAWN_RESETIDS makes), fork again or start a thread
// (EAGAIN). In a multithreaded process (Go's os/exec) the child runs on the first thread's
// Node thread, which serves the calls of the others, from the calling thread's registers:
// the other threads run on, but their calls to the process wait until the child is done.

import { closeSync } from 'node:fs';
import { E } from './errno.js';
import { CLONE } from './generic/constants.js';
import type { ExecInPlace } from './guest-exit.js';
import { forkProcess, toHostOffset, writeSpareJob } from './fork.js';
import type { Handover } from './handover.js';
import type { HostLibc } from './host/libc.js';
import { LinuxProcess } from './process.js';
import { handToSpare, replenishSpares, startSpare, takeSpare, type Spare } from './spare.js';
import { noteHostChanged } from './exit-report.js';
import type { CloneRequest } from './threads.js';

/** A session or group change the child made: its spare makes it before anything else. */
export type SessionOp = { op: 'setsid' } | { op: 'setpgid'; pgid: number };

/** What a vfork child keeps while it runs in its parent's host process. */
export interface VforkChild {
  spare: Spare;
  sessionOps: SessionOp[];
  /** Its process group and session as its session ops made them. */
  pgid: number;
  sid: number;
}

/** How the child's run ended: its execve, its exit, or a signal's default action. */
export type VforkEnd = { exec: ExecInPlace } | { exit: number } | { signal: number };

/** What the spare is sent (as JSON, in the job's memfd), then the fds of `exec.process.fds`. */
export interface VforkJob {
  vfork: {
    sessionOps: SessionOp[];
    /** PR_SET_PDEATHSIG the child asked for (0: none). */
    deathSignal: number;
    end: { exec: Handover; native: boolean; nonblock: number } | { exit: number } | { signal: number };
  };
}

/**
 * The vfork of `req` (fork's checks are the caller's): runs the child (p.runVforkChild)
 * until it execs or ends, hands that to its spare, and returns the spare's pid. Without a
 * spare to be had, it copies as fork does.
 */
export function vforkProcess(p: LinuxProcess, lc: HostLibc, req: CloneRequest): number {
  noteHostChanged('a child'); // this host process has children now: it is no spare for another job
  const spare = takeSpare(p, lc) ?? startSpare(p, lc);
  if (!spare) return forkProcess(p, lc, req);
  const child = childOf(p, lc, spare);
  const tid = new Uint8Array(4);
  if (req.flags & CLONE.CHILD_SETTID) {
    new DataView(tid.buffer).setInt32(0, spare.pid, true);
    p.mem.writeBytes(req.childTid, tid);
  }
  try {
    const end = p.runVforkChild!(child, req);
    // an exec or exit releases the memory: the clear_child_tid word goes to 0 (no one waits on it here)
    if (req.flags & CLONE.CHILD_CLEARTID) p.mem.writeBytes(req.childTid, new Uint8Array(4));
    sendJob(p, lc, child, spare, end);
  } finally {
    for (const fd of child.fds.numbers()) child.fds.close(fd); // the files only the child opened close here
  }
  replenishSpares(p, lc, ++p.forks);
  return spare.pid;
}

/** The child's process: the parent's state, copied; its memory, address space and MAP_SHARED mappings, shared. */
function childOf(p: LinuxProcess, lc: HostLibc, spare: Spare): LinuxProcess {
  const child = new LinuxProcess(p.mem, p.as, {
    abi: p.abi,
    stackSize: 0, // the limits are the parent's (below)
    ldPrefix: p.ldPrefix,
    prefixOnly: p.prefixOnly,
    unameRelease: p.unameRelease,
    strace: p.strace,
    logUnimp: p.logUnimp,
    exePath: p.exePath,
    execfn: p.execfn,
    cwd: p.cwd,
    inheritStdio: false,
    cpuinfo: p.cpuinfo,
    vfs: p.vfs,
    signals: p.signals,
    runOptions: p.runOptions,
    vforkOf: { pid: spare.pid, ppid: p.pid, sharedMaps: p.sharedMaps, syscalls: p.syscalls },
  });
  for (const fd of p.fds.numbers()) {
    const e = p.fds.get(fd)!;
    child.fds.installAt(fd, e.file, e.cloexec);
  }
  child.umask = p.umask;
  for (const [r, l] of p.rlimits) child.rlimits.set(r, { ...l });
  for (const [sig, a] of p.sigactions) child.sigactions.set(sig, { ...a });
  child.thread.sigmask = p.thread.sigmask;
  child.thread.altstack = { ...p.thread.altstack };
  child.uid = p.uid;
  child.gid = p.gid;
  child.euid = p.euid;
  child.egid = p.egid;
  child.sigtramp = p.sigtramp;
  child.layout = { ...p.layout };
  child.auxv = p.auxv;
  child.comm = Buffer.from(p.comm);
  child.machine = p.machine;
  child.vfork = { spare, sessionOps: [], pgid: lc.getpgid(0), sid: lc.getsid(0) };
  return child;
}

/** Sends the spare what the child of `parent` became: the job, then (for an exec) the host fds the program keeps. */
function sendJob(parent: LinuxProcess, lc: HostLibc, child: LinuxProcess, spare: Spare, end: VforkEnd): void {
  const v = child.vfork!;
  let job: VforkJob['vfork']['end'];
  let fds: number[] = [];
  if ('exec' in end) {
    const h = end.exec.next;
    // the offsets we kept ourselves go to the host's open files, which the spare then shares
    for (const f of h.process.fds) {
      const file = child.fds.get(f.fd)!.file; // the handover was made from the child's table
      toHostOffset(lc, file);
      f.pos = file.pos;
    }
    job = { exec: h, native: end.exec.native, nonblock: child.abi.openFlags.O_NONBLOCK };
    fds = handedHostFds(h);
  } else {
    job = end;
  }
  const memfd = writeSpareJob(lc, { vfork: { sessionOps: v.sessionOps, deathSignal: child.parentDeathSignal, end: job } });
  try {
    handToSpare(parent, lc, spare, [memfd, ...fds]);
  } catch {
    // the spare died meanwhile (a signal to its pid): wait4 tells the parent so
  } finally {
    closeSync(memfd);
  }
}

/** The host fds an exec's handover names, each once, in order: how they are sent to the spare. */
function handedHostFds(h: Handover): number[] {
  return [...new Set(h.process.fds.map((f) => f.host))];
}

/** The spare's side: its job, with the handover's fds renumbered as the spare received them (after the memfd). */
export function vforkJobOf(job: VforkJob, received: readonly number[]): VforkJob['vfork'] {
  const v = job.vfork;
  if ('exec' in v.end) {
    const renumber = new Map(handedHostFds(v.end.exec).map((host, i) => [host, received[i + 1]]));
    const fds = v.end.exec.process.fds;
    for (const f of fds) f.host = renumber.get(f.host) ?? -1;
    v.end.exec.process.fds = fds.filter((f) => f.host >= 0);
  }
  return v;
}

/** The spare's side: the session ops and parent-death signal of its child, on itself. */
export function takeSessionOps(lc: HostLibc, v: VforkJob['vfork']): void {
  if (v.sessionOps.length > 0 || v.deathSignal) noteHostChanged('its session or parent-death signal');
  for (const op of v.sessionOps) {
    try {
      if (op.op === 'setsid') lc.setsid();
      else lc.setpgid(0, op.pgid);
    } catch {
      // the group went away since the child checked: it stays where it is
    }
  }
  if (v.deathSignal) lc.processes.setParentDeathSignal(v.deathSignal);
}

/** Whether a spare's job (fork.ts readJobFile) is a vfork child's (else a fork image). */
export function isVforkJob(job: object): job is VforkJob {
  return 'vfork' in job;
}

// --- the child's calls that would act on the host process it runs in -------------------

/** setsid in a vfork child: EPERM for a group leader, else the spare's to make. */
export function childSetsid(p: LinuxProcess): number {
  const v = p.vfork!;
  if (v.pgid === p.pid) return -E.EPERM;
  v.sessionOps.push({ op: 'setsid' });
  v.pgid = v.sid = p.pid;
  return p.pid;
}

/**
 * setpgid of a vfork child on itself (pid 0 or its own; null: another process's, the
 * host's to answer): Linux's checks, then the spare's to make.
 */
export function childSetpgid(p: LinuxProcess, lc: HostLibc, pid: number, pgid: number): number | null {
  if (pid !== 0 && pid !== p.pid) return null;
  const v = p.vfork!;
  const group = pgid === 0 ? p.pid : pgid;
  if (v.sid === p.pid) return -E.EPERM; // a session leader stays in its group
  if (group !== p.pid) {
    // the group must exist in the child's session: its leader, seen from the host
    let ok = false;
    try {
      ok = lc.getpgid(group) === group && lc.getsid(group) === v.sid;
    } catch {
      ok = false;
    }
    if (!ok) return -E.EPERM;
  }
  v.sessionOps.push({ op: 'setpgid', pgid: group });
  v.pgid = group;
  return 0;
}

/**
 * A credential change in a vfork child: the host's ids are its parent's, so only a change
 * that leaves them as they are (POSIX_SPAWN_RESETIDS's, where real and effective agree)
 * can be made; `ids`: the ids asked for (-1: unchanged).
 */
export function childSetsIds(p: LinuxProcess, ids: readonly number[], group: boolean): number {
  const [real, effective] = group ? [p.gid, p.egid] : [p.uid, p.euid];
  if (ids.every((id) => id === -1 || (id === real && id === effective))) return 0;
  p.logUnimp?.('vfork child: changing credentials before execve is not supported (the parent shares the host process)');
  return -E.EPERM;
}
