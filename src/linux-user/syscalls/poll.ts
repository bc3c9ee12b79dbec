// ppoll and pselect6. Readiness is worked out per descriptor: regular files, directories
// and non-terminal character devices are always ready, as Linux reports them
// (DEFAULT_POLLMASK); closed and O_PATH fds are POLLNVAL; pipes, terminals and sockets
// ask the host's poll(2) through host/libc.ts, not waiting. Without it (Node has no
// poll), a pipe's read end or a terminal is probed by a non-blocking read (through the
// host fd when it is non-blocking, as pipe2's are, else through a second, non-blocking
// open of it) into the open file's look-ahead, which reads return first: data is POLLIN;
// end of file is POLLHUP on a pipe and POLLIN on a terminal (the next read returns 0); a
// socket or a write end cannot be asked, so a set holding one answers -ENOSYS (shown
// under -d unimp). Waiting blocks in the host's poll when every fd of the set is one it
// can watch, else re-probes with short sleeps until something is ready or the timeout
// passes. The first thread's wait in the host's poll serves the other threads meanwhile
// (host-wait.ts); another thread's wait for one fd is made on its own worker (WouldBlock),
// but its wait for several host fds still holds the first thread's Node thread (in slices
// of MAX_HOST_WAIT_MS, until one is ready or the timeout).

import { closeSync, constants, openSync, readSync } from 'node:fs';
import { E } from '../errno.js';
import type { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { CLOCK, POLL } from '../generic/constants.js';
import { TIMESPEC_SIZE, decodeTimespec } from '../generic/structs.js';
import { SyscallInterrupted, WouldBlock } from '../guest-exit.js';
import { pollServing } from '../host-wait.js';
import type { LinuxProcess } from '../process.js';
import { nowMs } from '../../host-lazy.js';
import { hostLibc } from '../host/libc.js';
import { hostFdInfo, sleepMs } from '../vfs/host.js';
import { guestOut, readGuest, type SyscallArgs } from './args.js';
import { clockNow } from './time.js';

type A = SyscallArgs;

/** struct pollfd: int fd; short events; short revents. */
const POLLFD_SIZE = 8;
/** The kernel's sigset_t size for asm-generic 64-bit guests. */
const SIGSET_SIZE = 8;
const NS = 1_000_000_000n;
/** What Linux reports for a file without a poll method: readable and writable. */
const DEFAULT_POLLMASK = POLL.IN | POLL.OUT | POLL.RDNORM | POLL.WRNORM;
/** How much one probe reads ahead from a pipe (its default capacity). */
const LOOKAHEAD = 1 << 16;

const errCode = (e: unknown): unknown => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);

/**
 * A non-blocking read of up to LOOKAHEAD bytes: the data, or null when a read would
 * block. A blocking host fd (an inherited pipe or terminal) is read through a second
 * open of it with O_NONBLOCK, which shares its pipe buffer or terminal input.
 */
function readAhead(f: OpenFile): Uint8Array | null {
  const info = hostFdInfo(f.hostFd);
  const own = info !== null && (info.flags & HOST_OPEN_FLAGS.O_NONBLOCK) !== 0;
  const fd = own ? f.hostFd : openSync(`/proc/self/fd/${f.hostFd}`, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const buf = new Uint8Array(LOOKAHEAD);
    return buf.slice(0, readSync(fd, buf, 0, buf.length, null));
  } catch (e) {
    if (errCode(e) === 'EAGAIN') return null;
    throw e;
  } finally {
    if (!own) closeSync(fd);
  }
}

/** The revents of one open file for `events`, or null when we cannot tell. */
function probe(p: LinuxProcess, f: OpenFile, events: number): number | null {
  const always = POLL.ERR | POLL.HUP;
  const readable = (POLL.IN | POLL.RDNORM) & events;
  switch (f.kind) {
    case 'file': case 'dir': case 'chr':
      return DEFAULT_POLLMASK & (events | always);
    case 'path':
      return POLL.NVAL;
    case 'pipe': case 'tty': case 'socket': {
      const lc = hostLibc();
      if (lc) {
        // The host's poll knows everything but what a probe read ahead: that is readable
        // (empty: the end of file it saw, a hang-up on a pipe).
        const host = lc.pollOne(f.hostFd, events);
        if (f.lookahead === null) return host;
        return host | (f.lookahead.length === 0 && f.kind === 'pipe' ? POLL.HUP : readable);
      }
      if (f.kind === 'socket') return null;
      if ((f.flags & p.abi.openFlags.O_ACCMODE) === p.abi.openFlags.O_WRONLY) return null; // a write end
      if (events & ~(POLL.IN | POLL.RDNORM | POLL.PRI | POLL.RDHUP)) return null; // writability: unknown
      if (f.lookahead) return f.lookahead.length === 0 && f.kind === 'pipe' ? POLL.HUP : readable;
      const got = readAhead(f);
      if (got === null) return 0;
      f.lookahead = got; // empty: end of file, which the next read returns
      if (got.length === 0 && f.kind === 'pipe') return POLL.HUP; // no writer left, nothing buffered
      return readable;
    }
    default:
      return null;
  }
}

/** A deadline (monotonic ns) from a guest struct timespec, null for none; undefined when invalid. */
function deadlineOf(p: LinuxProcess, addr: bigint): bigint | null | undefined {
  if (!addr) return null;
  const { sec, nsec } = decodeTimespec(readGuest(p, addr, TIMESPEC_SIZE));
  if (sec < 0n || nsec < 0n || nsec >= NS) return undefined;
  return (clockNow(CLOCK.MONOTONIC) ?? 0n) + sec * NS + nsec;
}

/**
 * Probes every (fd, events) until one is ready or the deadline passes: the revents, in
 * order, or a negative errno (-ENOSYS when a readiness cannot be known, or nothing could
 * ever become ready and there is no timeout).
 */
function waitReady(p: LinuxProcess, entries: readonly { fd: number; events: number }[], deadline: bigint | null): number[] | number {
  let waitable = false;
  for (let delay = 1; ; delay = Math.min(delay * 2, 20)) {
    const revents: number[] = [];
    for (const { fd, events } of entries) {
      const f = fd < 0 ? undefined : p.fds.get(fd)?.file;
      const r = fd < 0 ? 0 : f ? probe(p, f, events) : POLL.NVAL;
      if (r === null) {
        p.logUnimp?.(`poll on fd ${fd} (${f?.kind}): its readiness is unknown without a host poll`);
        return -E.ENOSYS;
      }
      if (f?.kind === 'pipe' || f?.kind === 'tty' || f?.kind === 'socket') waitable = true;
      revents.push(r);
    }
    const now = clockNow(CLOCK.MONOTONIC) ?? 0n;
    if (revents.some((r) => r !== 0) || (deadline !== null && now >= deadline)) return revents;
    if (!waitable && deadline === null) {
      // Nothing here can become ready and no signal can interrupt: Linux would block for ever.
      p.logUnimp?.('poll with nothing that can become ready and no timeout would block for ever');
      return -E.ENOSYS;
    }
    // Nothing ready: wait in the host's poll when it can watch every fd of the set (pipes,
    // terminals and sockets with nothing read ahead), else re-probe after a short sleep.
    const lc = hostLibc();
    const hostFds = lc ? hostWatchable(p, entries) : null;
    if (lc && hostFds) {
      if (p.thread.cpu !== 0 && hostFds.length === 1) {
        // served for a thread on a worker: the worker waits for the fd itself (or a signal,
        // or the deadline, after which the call made again answers 0), and calls again
        if (p.thread.waitExpired) return revents;
        if (p.waits.interrupted()) throw new SyscallInterrupted();
        throw new WouldBlock(hostFds[0].fd, hostFds[0].events, deadline === null ? null : nowMs() + Number(deadline - now) / 1e6);
      }
      // the first thread's own wait serves the others meanwhile, and a signal ends it (EINTR)
      const left = deadline === null ? -1 : Math.max(0, Math.ceil(Number(deadline - now) / 1e6));
      pollServing(p, lc, hostFds, Math.min(left === -1 ? MAX_HOST_WAIT_MS : left, MAX_HOST_WAIT_MS));
      continue;
    }
    sleepMs(deadline === null ? delay : Math.min(delay, Number(deadline - now) / 1e6));
  }
}

/**
 * The longest one host poll waits before the set is probed again (a bound, so that a
 * wait that cannot end on the host, e.g. an fd the guest closes meanwhile, is seen).
 */
export const MAX_HOST_WAIT_MS = 1000;

/** The set as host fds the host's poll can wait on, or null when some entry is not one. */
function hostWatchable(p: LinuxProcess, entries: readonly { fd: number; events: number }[]): { fd: number; events: number }[] | null {
  const out: { fd: number; events: number }[] = [];
  for (const { fd, events } of entries) {
    if (fd < 0) continue;
    const f = p.fds.get(fd)?.file;
    if (!f || (f.kind !== 'pipe' && f.kind !== 'tty' && f.kind !== 'socket') || f.lookahead !== null || f.hostFd < 0) return null;
    out.push({ fd: f.hostFd, events });
  }
  return out.length ? out : null;
}

export function sysPpoll(p: LinuxProcess, a: A): number {
  const nfds = a.size(1);
  if (nfds > p.fdLimit) return -E.EINVAL;
  const deadline = deadlineOf(p, a.big(2));
  if (deadline === undefined) return -E.EINVAL;
  // The temporary signal mask is checked but changes nothing: signals are not
  // delivered while a call runs yet.
  if (a.big(3) && a.size(4) !== SIGSET_SIZE) return -E.EINVAL;
  const fds = guestOut(p, a.ptr(0), nfds * POLLFD_SIZE);
  const dv = new DataView(fds.buffer, fds.byteOffset, fds.byteLength);
  const entries = Array.from({ length: nfds }, (_, i) => ({ fd: dv.getInt32(i * POLLFD_SIZE, true), events: dv.getUint16(i * POLLFD_SIZE + 4, true) }));
  const revents = waitReady(p, entries, deadline);
  if (typeof revents === 'number') return revents;
  revents.forEach((r, i) => dv.setUint16(i * POLLFD_SIZE + 6, r, true));
  return revents.filter((r) => r !== 0).length;
}

/** What select counts as ready for reading, writing and exceptions (the kernel's POLLIN_SET, POLLOUT_SET, POLLEX_SET). */
const SELECT_IN = POLL.IN | POLL.RDNORM | POLL.RDBAND | POLL.HUP | POLL.ERR;
const SELECT_OUT = POLL.OUT | POLL.WRNORM | POLL.WRBAND | POLL.ERR;
const SELECT_EX = POLL.PRI;
/** FD_SETSIZE: the most fds an fd_set holds. */
const FD_SETSIZE = 1024;

/**
 * pselect6(nfds, readfds, writefds, exceptfds, timeout, {sigmask, size}): the sets turned
 * into poll requests over the same probes, then back into sets of what is ready. A set
 * naming a closed fd is EBADF. The remaining time is not written back.
 */
export function sysPselect6(p: LinuxProcess, a: A): number {
  const nfds = a.int(0);
  if (nfds < 0 || nfds > Math.max(FD_SETSIZE, p.fdLimit)) return -E.EINVAL;
  const deadline = deadlineOf(p, a.big(4));
  if (deadline === undefined) return -E.EINVAL;
  if (a.big(5)) {
    const pack = new DataView(readGuest(p, a.big(5), 16).buffer);
    if (pack.getBigUint64(0, true) !== 0n && pack.getBigUint64(8, true) !== BigInt(SIGSET_SIZE)) return -E.EINVAL;
  }
  const bytes = Math.ceil(nfds / 64) * 8;
  const sets = [1, 2, 3].map((i) => (a.big(i) ? guestOut(p, a.big(i), bytes) : null));
  const isSet = (set: Uint8Array | null, fd: number): boolean => set !== null && (set[fd >> 3] & (1 << (fd & 7))) !== 0;
  const entries: { fd: number; events: number }[] = [];
  for (let fd = 0; fd < nfds; fd++) {
    const events = (isSet(sets[0], fd) ? SELECT_IN : 0) | (isSet(sets[1], fd) ? SELECT_OUT : 0) | (isSet(sets[2], fd) ? SELECT_EX : 0);
    if (events === 0) continue;
    if (!p.fds.get(fd)) return -E.EBADF;
    entries.push({ fd, events });
  }
  const revents = waitReady(p, entries, deadline);
  if (typeof revents === 'number') return revents;
  for (const set of sets) set?.fill(0);
  let count = 0;
  entries.forEach(({ fd, events }, i) => {
    const r = revents[i];
    [SELECT_IN, SELECT_OUT, SELECT_EX].forEach((mask, k) => {
      const set = sets[k];
      if (set && events & mask && r & mask) {
        set[fd >> 3] |= 1 << (fd & 7);
        count++;
      }
    });
  });
  return count;
}
