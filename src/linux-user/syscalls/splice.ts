// splice, tee and vmsplice. splice and tee are the host's own calls on the guest fds' host
// fds, through host/libc.ts (-ENOSYS without it), with two things the host cannot know:
// our file offsets — a regular file's offset is ours (OpenFile.pos: we do positional I/O
// and leave the host fd's at 0), so a file side given no offset pointer is passed &pos
// and pos advanced by what moved — and blocking: our host pipes are all non-blocking (see
// hostPipe), so a guest's blocking call retries the host's EAGAIN after short sleeps unless
// SPLICE_F_NONBLOCK or the pipe's O_NONBLOCK (Linux's rules for which side counts) says not
// to wait. vmsplice is done by copying (its guest iovecs point into the shared guest
// memory; the host's vmsplice would hand the pipe references to those pages): to a pipe it
// is a gather-write, from one a scatter-read, which is what vmsplice without
// SPLICE_F_GIFT amounts to, GIFT being only a hint. As Linux's, it waits only when
// SPLICE_F_NONBLOCK is clear (the fd's O_NONBLOCK is ignored), once, for the first bytes.
// A write into a pipe without readers comes with the SIGPIPE Linux's splice and vmsplice send.

import { fstatSync } from 'node:fs';
import { E, fail } from '../errno.js';
import type { OpenFile } from '../fd-table.js';
import { MAX_RW_COUNT, SPLICE_F } from '../generic/constants.js';
import { hostLibc, type HostLibc } from '../host/libc.js';
import { GuestKilled } from '../guest-exit.js';
import type { LinuxProcess } from '../process.js';
import { hostRead, hostWrite, sleepMs } from '../vfs/host.js';
import { fdEntry, guestRange, long, readU64, u64s, writeGuest, type SyscallArgs } from './args.js';
import { accMode, iovecs, readFile } from './rw.js';
import { brokenPipe } from '../signal-delivery.js';

type A = SyscallArgs;

const SPLICE_F_ALL = Object.values(SPLICE_F).reduce((m, b) => m | b, 0);

const libc = (): HostLibc => hostLibc() ?? fail(E.ENOSYS);

/** A kernel pipe or FIFO: what splice needs on one side (eventfd and inotify fds are kind 'pipe' here too, but no pipes). */
const isPipe = (f: OpenFile): boolean => f.kind === 'pipe' && fstatSync(f.hostFd).isFIFO();

const code = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

/**
 * Runs host call `op`; while it answers EAGAIN and the guest may wait, sleeps (1 ms,
 * doubling to 20) and asks again. EPIPE comes with the SIGPIPE Linux sends (brokenPipe).
 */
function untilReady<T>(p: LinuxProcess, nonblock: boolean, op: () => T): T {
  for (let delay = 1; ; delay = Math.min(delay * 2, 20)) {
    try {
      return op();
    } catch (e) {
      if (code(e) === 'EPIPE') brokenPipe(p);
      if (nonblock || code(e) !== 'EAGAIN') throw e;
    }
    sleepMs(delay);
  }
}

/** The loff_t at guest `addr` (EFAULT). */
const readOffset = (p: LinuxProcess, addr: bigint): bigint => long(readU64(p, addr));
const writeOffset = (p: LinuxProcess, addr: bigint, v: bigint): void => writeGuest(p, addr, u64s([v]));

/** splice(fd_in, *off_in, fd_out, *off_out, len, flags), checked in __do_splice's order. */
export function sysSplice(p: LinuxProcess, a: A): number {
  const len = Math.min(a.size(4), MAX_RW_COUNT);
  const flags = a.uint(5);
  if (len === 0) return 0;
  if (flags & ~SPLICE_F_ALL) return -E.EINVAL;
  const inp = fdEntry(p, a.int(0)).file;
  const out = fdEntry(p, a.int(2)).file;
  const lc = libc();
  const inPipe = isPipe(inp);
  const outPipe = isPipe(out);
  const offInAt = a.big(1);
  const offOutAt = a.big(3);
  if ((inPipe && offInAt) || (outPipe && offOutAt)) return -E.ESPIPE;
  // a side without a pointer: our own offset for a file, the host's (NULL) for the rest
  const offOut = offOutAt ? readOffset(p, offOutAt) : out.pos === null || outPipe ? null : BigInt(out.pos);
  const offIn = offInAt ? readOffset(p, offInAt) : inp.pos === null || inPipe ? null : BigInt(inp.pos);
  const o = p.abi.openFlags;
  // O_APPEND as the guest set it (F_SETFL changes only our flags, not the host fd's)
  if (inPipe && !outPipe && out.flags & o.O_APPEND && accMode(p, out) !== o.O_RDONLY) return -E.EINVAL;
  // whose O_NONBLOCK counts: either pipe's between pipes, else the pipe side's
  const nonblock = (flags & SPLICE_F.NONBLOCK) !== 0 || (inPipe && p.nonblocking(inp)) || (outPipe && p.nonblocking(out));
  const r = untilReady(p, nonblock, () => lc.splice(inp.hostFd, offIn, out.hostFd, offOut, len, flags));
  if (r.offIn !== null) {
    if (offInAt) writeOffset(p, offInAt, r.offIn);
    else inp.pos = Number(r.offIn);
  }
  if (r.offOut !== null) {
    if (offOutAt) writeOffset(p, offOutAt, r.offOut);
    else out.pos = Number(r.offOut);
  }
  return r.moved;
}

/** tee(fd_in, fd_out, len, flags): between two pipes (the host says EINVAL otherwise). */
export function sysTee(p: LinuxProcess, a: A): number {
  const flags = a.uint(3);
  if (flags & ~SPLICE_F_ALL) return -E.EINVAL;
  const len = Math.min(a.size(2), MAX_RW_COUNT);
  if (len === 0) return 0;
  const inp = fdEntry(p, a.int(0)).file;
  const out = fdEntry(p, a.int(1)).file;
  const lc = libc();
  const nonblock = (flags & SPLICE_F.NONBLOCK) !== 0 || p.nonblocking(inp) || p.nonblocking(out);
  return untilReady(p, nonblock, () => lc.tee(inp.hostFd, out.hostFd, len, flags));
}

/**
 * vmsplice(fd, iov, nr_segs, flags): an fd open for writing takes the guest's bytes into
 * its pipe, one open only for reading gives its pipe's bytes to the guest. Segment by
 * segment, straight between guest memory and the host pipe: only the first may wait, and
 * a short one ends the call (the pipe is full, or drained).
 */
export function sysVmsplice(p: LinuxProcess, a: A): number {
  const flags = a.uint(3);
  if (flags & ~SPLICE_F_ALL) return -E.EINVAL;
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  const o = p.abi.openFlags;
  const toPipe = accMode(p, f) !== o.O_RDONLY;
  const segs = iovecs(p, a.big(1), a.big(2)).filter((v) => v.len > 0);
  if (segs.length === 0) return 0;
  if (!isPipe(f)) return -E.EBADF;
  const nonblock = (flags & SPLICE_F.NONBLOCK) !== 0;
  let done = 0;
  try {
    for (const v of segs) {
      const at = guestRange(p, Number(v.base), v.len, toPipe ? 'read' : 'write');
      const n = untilReady(p, nonblock || done > 0, () => {
        if (toPipe) return hostWrite(f.hostFd, p.mem.u8, at, v.len, null, true);
        if (f.lookahead) return readFile(p, f, p.mem.u8, at, v.len); // bytes ppoll read ahead come first
        return hostRead(f.hostFd, p.mem.u8, at, v.len, null, true);
      });
      done += n;
      if (n < v.len) break;
    }
  } catch (e) {
    // what moved before a fault, a full pipe or an empty one is the answer
    if (done === 0 || e instanceof GuestKilled) throw e;
  }
  return done;
}
