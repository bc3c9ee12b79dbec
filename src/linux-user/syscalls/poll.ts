// ppoll. Node has no poll(2), so readiness is worked out per descriptor: regular files,
// directories and non-terminal character devices are always ready, as Linux reports
// them (DEFAULT_POLLMASK); closed and O_PATH fds are POLLNVAL; a pipe's read end or a
// terminal is probed by a non-blocking read (through the host fd when it is
// non-blocking, as pipe2's are, else through a second, non-blocking open of it) into
// the open file's look-ahead, which reads return first: data is POLLIN; end of file is
// POLLHUP on a pipe and POLLIN on a terminal (the next read returns 0). A socket or a
// write end cannot be asked without a host poll, so a set holding one answers -ENOSYS
// (shown under -d unimp). Waiting re-probes with short sleeps until something is ready
// or the timeout passes.

import { closeSync, constants, openSync, readSync } from 'node:fs';
import { E } from '../errno.js';
import type { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { CLOCK, POLL } from '../generic/constants.js';
import { TIMESPEC_SIZE, decodeTimespec } from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
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
    case 'pipe': case 'tty': {
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

export function sysPpoll(p: LinuxProcess, a: A): number {
  const nfds = a.size(1);
  if (nfds > p.fdLimit) return -E.EINVAL;
  let deadline: bigint | null = null; // monotonic ns; null waits for ever
  if (a.big(2)) {
    const { sec, nsec } = decodeTimespec(readGuest(p, a.big(2), TIMESPEC_SIZE));
    if (sec < 0n || nsec < 0n || nsec >= NS) return -E.EINVAL;
    deadline = (clockNow(CLOCK.MONOTONIC) ?? 0n) + sec * NS + nsec;
  }
  // The temporary signal mask is checked but changes nothing: signals are not
  // delivered while a call runs yet.
  if (a.big(3) && a.size(4) !== SIGSET_SIZE) return -E.EINVAL;
  const fds = guestOut(p, a.ptr(0), nfds * POLLFD_SIZE);
  const dv = new DataView(fds.buffer, fds.byteOffset, fds.byteLength);
  let waitable = false;
  for (let delay = 1; ; delay = Math.min(delay * 2, 20)) {
    const revents: number[] = [];
    for (let i = 0; i < nfds; i++) {
      const fd = dv.getInt32(i * POLLFD_SIZE, true);
      const events = dv.getUint16(i * POLLFD_SIZE + 4, true);
      const f = fd < 0 ? undefined : p.fds.get(fd)?.file;
      const r = fd < 0 ? 0 : f ? probe(p, f, events) : POLL.NVAL;
      if (r === null) {
        p.logUnimp?.(`ppoll on fd ${fd} (${f?.kind}): its readiness is unknown without a host poll`);
        return -E.ENOSYS;
      }
      if (f?.kind === 'pipe' || f?.kind === 'tty') waitable = true;
      revents.push(r);
    }
    const ready = revents.filter((r) => r !== 0).length;
    const now = clockNow(CLOCK.MONOTONIC) ?? 0n;
    if (ready > 0 || (deadline !== null && now >= deadline)) {
      revents.forEach((r, i) => dv.setUint16(i * POLLFD_SIZE + 6, r, true));
      return ready;
    }
    if (!waitable && deadline === null) {
      // Nothing here can become ready and no signal can interrupt: Linux would block for ever.
      p.logUnimp?.('ppoll with nothing that can become ready and no timeout would block for ever');
      return -E.ENOSYS;
    }
    sleepMs(deadline === null ? delay : Math.min(delay, Number(deadline - now) / 1e6));
  }
}
