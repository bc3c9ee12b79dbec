// Spare emulator processes, started ahead, that the next forks hand their children to: a
// fork then costs no Node start-up (node, the bundle and koffi are loaded while the parent
// runs on). The spare is a child of ours (posix_spawn of this emulator with
// QEMU_USER_TS_HANDOVER=spare:N), so the fork child it becomes is our child, as Linux's is;
// it waits on a unix socket (SOCK_SEQPACKET) for its job, a fork image (fork.ts) or what a
// vfork child ended with (vfork.ts: a program to run, an exit, a signal), and the host fds
// of the guest's fd table, passed with SCM_RIGHTS, since it was started before they were
// opened. It ends when the socket does (our exit, or an execve: dropSpare first kills and
// reaps it, so that the next program never sees a child it did not make). The guest never
// sees it either: wait4 and waitid pass over it (syscalls/wait.ts), kill of a process
// group skips it. A spare whose process group or session is no longer ours (the guest
// called setpgid or setsid since) is dropped rather than used. A process starts its spare
// at its first fork, to serve the next (one that forks once pays for it unused), and keeps
// one; from its third fork on (a shell's loop, make) it keeps two. A spare's start-up, ~30
// ms of CPU, runs beside the child of the fork before: with one, a loop of fork, exec and
// wait often waited for its spare (on this 2-core machine 62-67 ms a round); with two,
// each has two rounds to start in (48-64 ms). A spare whose fork child will follow host
// signals from its start (its parent forks, and has handlers other than SIGCHLD's: an
// interactive shell) starts the host-signal worker ahead too, which doubles its start-up
// CPU (~55 → ~130 ms here); a vfork child's spare never needs it. A child whose exit
// report said it was recycled (exit-report.ts) is a spare again once the guest has reaped
// it (keepRecycled): three spares at most, counting those.

import { closeSync } from 'node:fs';
import { type HostLibc } from './host/libc.js';
import { emulatorEnvironment } from './host/koffi.js';
import { HANDOVER_VAR } from './handover.js';
import type { LinuxProcess } from './process.js';
import { GuestMemory } from '../memory/guest-memory.js';
import { SIG } from './generic/constants.js';
import { compiledHub } from '../hostbackend/wasm/hub.js';
import { followedHandler, hostSignals, type HostSignals } from './host/host-signals.js';

/** Linux's values (every architecture): AF_UNIX, SOCK_SEQPACKET, SOCK_CLOEXEC, SOL_SOCKET, SCM_RIGHTS, MSG_CMSG_CLOEXEC. */
const AF_UNIX = 1;
const SOCK_SEQPACKET = 5;
const SOCK_CLOEXEC = 0o2000000;
const SOL_SOCKET = 1;
const SCM_RIGHTS = 1;
const MSG_CMSG_CLOEXEC = 0x4000_0000;
/** Spares a process keeps ready after its `forks` forks: one, and two from its third on. */
const sparesWanted = (forks: number): number => (forks >= 3 ? 2 : 1);
/** The most spares kept, counting recycled children (exit-report.ts): one more than sparesWanted. */
const MAX_SPARES = 3;
/** wait4's WNOHANG. */
const WNOHANG = 1;
/** The suffix of a spare's HANDOVER_VAR value asking it to start its host-signal worker ahead (its parent has handlers). */
export const SIGNALS_AHEAD = ':signals';
/** Fds per message (the kernel's SCM_MAX_FD is 253). */
const FDS_PER_MESSAGE = 250;
/** struct cmsghdr on a 64-bit host: cmsg_len (8 bytes), cmsg_level, cmsg_type, then the data. */
const CMSG_HEADER = 16;

/** A spare: its pid, and our end of its socket. */
export interface Spare {
  pid: number;
  sock: number;
}

/** Whether host process `pid` is one of p's spares (never the guest's to see). */
export const isSpare = (p: LinuxProcess, pid: number): boolean => p.spares.some((s) => s.pid === pid);

/** Forgets a spare that died (a signal to our process group), once its end was reaped. */
export function spareDied(p: LinuxProcess, pid: number): void {
  const i = p.spares.findIndex((s) => s.pid === pid);
  if (i < 0) return;
  try {
    closeSync(p.spares[i].sock);
  } catch {
    // closed
  }
  p.spares.splice(i, 1);
}

/** Starts spares until p has sparesWanted of them for its `forks` so far (where they can be had). */
export function replenishSpares(p: LinuxProcess, lc: HostLibc, forks: number): void {
  while (p.spares.length < sparesWanted(forks)) {
    const spare = startSpare(p, lc);
    if (!spare) return;
    p.spares.push(spare);
  }
}

/**
 * Whether p's fork child will need the host-signal worker from its start: p made plain forks
 * (a vfork child ends in its spare with an exec, an exit or a death, none of which follows
 * a handler), and has a handler the worker would follow. SIGCHLD's does not count: the child
 * has no children of its own until it makes one, and follows SIGCHLD only then
 * (HostSignals.expectChildren), which a forked child that execs at once never does.
 */
function childFollowsSignals(p: LinuxProcess): boolean {
  if (!p.madeFork) return false;
  // with tier 0, the child catches them first and starts the worker only if it comes to need it (main.ts)
  if (p.runOptions?.backend !== 'interp' && p.runOptions?.tier0) return false;
  for (const [sig, action] of p.sigactions) if (sig !== SIG.SIGCHLD && followedHandler(sig, action.handler)) return true;
  return false;
}

/** Starts a spare (also for a vfork child, which needs a pid at once: its job waits in the socket until the spare is up); null where one cannot be had. */
export function startSpare(p: LinuxProcess, lc: HostLibc): Spare | null {
  const self = p.runOptions?.selfCommand;
  if (!self || !lc.socket) return null;
  const [ours, theirs] = lc.socket.socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  try {
    // a parent with handlers (an interactive shell's) hands over a child that follows them on the host
    const ahead = p.hostSignals && childFollowsSignals(p) ? SIGNALS_AHEAD : '';
    p.hostSignals?.expectChildren();
    const pid = lc.processes.spawn({ path: self[0], argv: self, envp: [`${HANDOVER_VAR}=spare:${theirs}${ahead}`, ...emulatorEnvironment()], keepFds: [0, 1, 2, theirs], mask: 0n });
    return { pid, sock: ours };
  } catch {
    closeSync(ours);
    return null;
  } finally {
    closeSync(theirs);
  }
}

/** The oldest spare that can serve a fork now (alive, in our process group and session); stale ones are dropped. */
export function takeSpare(p: LinuxProcess, lc: HostLibc): Spare | null {
  for (let spare; (spare = p.spares.shift()); ) {
    try {
      // one that ended (a recycled child that found itself unfit after all) is reaped here
      if (lc.processes.wait4(spare.pid, WNOHANG).pid === 0 && lc.getpgid(spare.pid) === lc.getpgid(0) && lc.getsid(spare.pid) === lc.getsid(0)) return spare;
    } catch {
      // gone
    }
    endSpare(lc, spare);
  }
  return null;
}

/**
 * A child that reported its exit as recycled (exit-report.ts), reaped by the guest now,
 * waiting on channel `sock` for another job: kept as a spare if p has fewer than MAX_SPARES
 * (and runs without -unique-pids).
 */
export function keepRecycled(p: LinuxProcess, pid: number, sock: number): boolean {
  if (p.spares.length >= MAX_SPARES || p.runOptions?.uniquePids) return false;
  p.spares.push({ pid, sock });
  return true;
}

/** Kills and reaps a spare no one will use (then no wait of the guest's can meet it). */
function endSpare(lc: HostLibc, spare: Spare): void {
  try {
    process.kill(spare.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  try {
    lc.processes.wait4(spare.pid, 0);
  } catch {
    // reaped already
  }
  try {
    closeSync(spare.sock);
  } catch {
    // closed
  }
}

/** Drops p's spares (an execve: the next program must not find children it did not make). */
export function dropSpares(p: LinuxProcess, lc: HostLibc | null): void {
  if (!lc) return;
  for (const spare of p.spares.splice(0)) endSpare(lc, spare);
}

/** The cmsghdr of SCM_RIGHTS carrying `fds`. */
function rightsMessage(fds: readonly number[]): Uint8Array {
  const b = new Uint8Array(CMSG_HEADER + ((fds.length * 4 + 7) & ~7));
  const dv = new DataView(b.buffer);
  dv.setBigUint64(0, BigInt(CMSG_HEADER + fds.length * 4), true);
  dv.setInt32(8, SOL_SOCKET, true);
  dv.setInt32(12, SCM_RIGHTS, true);
  fds.forEach((fd, i) => dv.setInt32(CMSG_HEADER + i * 4, fd, true));
  return b;
}

/**
 * Sends `fds` (the image's memfd first) to the spare, in messages of at most
 * FDS_PER_MESSAGE. Our end then carries the child's exit report (exit-report.ts): `p`
 * watches it; it is closed if the spare cannot be sent its job.
 */
export function handToSpare(p: LinuxProcess, lc: HostLibc, spare: Spare, fds: readonly number[]): void {
  const head = new Uint8Array(new SharedArrayBuffer(4));
  new DataView(head.buffer).setUint32(0, fds.length, true);
  try {
    for (let i = 0; i < fds.length; i += FDS_PER_MESSAGE) {
      lc.socket!.sendmsg(spare.sock, [{ buf: head, off: 0, len: 4 }], null, rightsMessage(fds.slice(i, i + FDS_PER_MESSAGE)), 0);
    }
  } catch (e) {
    closeSync(spare.sock);
    throw e;
  }
  p.childExits.watch(spare.pid, spare.sock);
}

/**
 * What a spare makes before its fork comes: the child's guest memory, and its host-signal
 * follower (started if asked); the wasm backend's hub module is compiled too.
 */
export interface SpareAhead {
  mem: GuestMemory;
  hostSignals: HostSignals | null;
}

/** The spare's side, before it waits: `signals`, its parent follows host signals (SIGNALS_AHEAD). */
export function prepareAhead(signals: boolean): SpareAhead {
  const mem = new GuestMemory();
  compiledHub(false); // the wasm backend's, unless the child runs with -d stats
  const follower = hostSignals(mem.memory);
  if (signals) follower?.startAhead();
  return { mem, hostSignals: follower };
}

/**
 * The spare's side: waits for its parent's fork and returns the fds sent (the image's
 * memfd first), or null when the parent went away without one (the socket ended). The
 * socket stays open: the child's exit is reported on it (exit-report.ts).
 */
export function awaitFork(lc: HostLibc, sock: number): number[] | null {
  const head = new Uint8Array(new SharedArrayBuffer(4));
  const fds: number[] = [];
  for (let total = -1; total < 0 || fds.length < total; ) {
    const r = lc.socket!.recvmsg(sock, [{ buf: head, off: 0, len: 4 }], CMSG_HEADER + FDS_PER_MESSAGE * 4 + 8, MSG_CMSG_CLOEXEC);
    if (r.n === 0) return null;
    total = new DataView(head.buffer).getUint32(0, true);
    const dv = new DataView(r.control.buffer, r.control.byteOffset, r.control.byteLength);
    for (let at = 0; at + CMSG_HEADER <= r.control.length; ) {
      const len = Number(dv.getBigUint64(at, true));
      if (dv.getInt32(at + 8, true) === SOL_SOCKET && dv.getInt32(at + 12, true) === SCM_RIGHTS) {
        for (let o = at + CMSG_HEADER; o + 4 <= at + len; o += 4) fds.push(dv.getInt32(o, true));
      }
      at += (len + 7) & ~7;
      if (len === 0) break;
    }
  }
  return fds;
}
