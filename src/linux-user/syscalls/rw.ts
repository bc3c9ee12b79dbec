// Moving data through fds: read/write and their vector (readv/writev) and positional
// (pread64/pwrite64, preadv/pwritev, preadv2/pwritev2) forms, lseek over our own file
// offsets (Node has no lseek: regular files use positional I/O at f.pos), each open file
// through its own file system (vfs/filesystem.ts), and the
// in-kernel copies, sendfile and copy_file_range, done through a buffer of ours.

import { E, fail } from '../errno.js';
import type { OpenFile } from '../fd-table.js';
import { GuestKilled, SyscallInterrupted, WouldBlock } from '../guest-exit.js';
import { MAX_RW_COUNT, POLL, SEEK, UIO_MAXIOV } from '../generic/constants.js';
import { IOVEC_SIZE, decodeIovecs } from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import { hostFdInfo } from '../vfs/host.js';
import { pollServing } from '../host-wait.js';
import { hostLibc } from '../host/libc.js';
import { fdEntry, guestIn, guestOut, guestRange, long, readGuest, readU64, u64s, writeGuest, type SyscallArgs } from './args.js';
import { brokenPipe } from '../signal-delivery.js';
import { isSignalfd, readSignalfd } from './signalfd.js';

type A = SyscallArgs;

/**
 * The largest file offset we handle: Node's positional I/O takes a JS number. Linux's own
 * limit (s_maxbytes: 16 TiB on ext4) is lower, and it answers EINVAL / EFBIG beyond it too.
 */
const MAX_OFFSET = BigInt(Number.MAX_SAFE_INTEGER);

// --- read / write -----------------------------------------------------------------------

export function accMode(p: LinuxProcess, f: OpenFile): number {
  return f.flags & p.abi.openFlags.O_ACCMODE;
}

function readable(p: LinuxProcess, fd: number): OpenFile {
  const f = fdEntry(p, fd).file;
  if (f.kind === 'path' || accMode(p, f) === p.abi.openFlags.O_WRONLY) fail(E.EBADF);
  if (f.kind === 'dir') fail(E.EISDIR);
  return f;
}

function writable(p: LinuxProcess, fd: number): OpenFile {
  const f = fdEntry(p, fd).file;
  if (f.kind === 'path' || accMode(p, f) === p.abi.openFlags.O_RDONLY) fail(E.EBADF);
  return f;
}

/**
 * Reads into dst[off, off+len) at the file's own offset (or the host's), advancing it;
 * bytes ppoll read ahead come first.
 */
export function readFile(p: LinuxProcess, f: OpenFile, dst: Uint8Array, off = 0, len = dst.length): number {
  if (f.kind === 'pipe' && isSignalfd(f)) return readSignalfd(p, f, dst, off, len);
  if (f.lookahead && len > 0) {
    // A pipe read returns what is there without waiting for more; an empty look-ahead is
    // an end of file the probe saw (a terminal's ^D), returned once.
    const n = Math.min(len, f.lookahead.length);
    dst.set(f.lookahead.subarray(0, n), off);
    f.lookahead = n < f.lookahead.length ? f.lookahead.subarray(n) : null;
    return n;
  }
  if (len > 0 && !p.nonblocking(f)) awaitReadable(p, f);
  const n = f.fs.read(f.handle, dst, off, len, f.pos, p.nonblocking(f));
  if (f.pos !== null) f.pos += n;
  return n;
}

/** How long one host poll of a blocked read lasts before the first thread looks for signals again. */
const READ_WAIT_SLICE_MS = 10;

/**
 * Before a blocking read of a pipe, terminal or socket, while other threads or timers may
 * need this Node thread (or send a signal that must end the read): waits for it to be
 * readable in slices of the host's poll, with a checkpoint before each, which a ring of
 * the doorbell ends early (host-wait.ts).
 * Otherwise the read blocks in the host, as it always did.
 */
function awaitReadable(p: LinuxProcess, f: OpenFile): void {
  if (!p.threads && !p.timers) return;
  if (f.kind !== 'pipe' && f.kind !== 'tty' && f.kind !== 'socket') return;
  const lc = f.hostFd >= 0 ? hostLibc() : null;
  if (!lc) return;
  // served for a thread on a worker: it waits for the fd itself (until a signal comes for
  // it too), then reads again; with a signal waiting, the read ends (EINTR, or a restart)
  if (p.thread.cpu !== 0) {
    if (lc.pollMany([{ fd: f.hostFd, events: POLL.IN }], 0)[0] !== 0) return;
    if (p.waits.interrupted()) throw new SyscallInterrupted();
    throw new WouldBlock(f.hostFd, POLL.IN, null);
  }
  for (;;) if (pollServing(p, lc, [{ fd: f.hostFd, events: POLL.IN }], READ_WAIT_SLICE_MS)[0] !== 0) return;
}

/**
 * Writes src[off, off+len) at the file's offset (the end with O_APPEND), advancing it, or
 * at `at` for pwrite (offset untouched). EPIPE comes with the SIGPIPE Linux sends (brokenPipe).
 */
function writeFile(p: LinuxProcess, f: OpenFile, src: Uint8Array, off: number, len: number, at?: number): number {
  let pos = at ?? f.pos;
  if (at === undefined && pos !== null && f.flags & p.abi.openFlags.O_APPEND) pos = Number(f.fs.fstat(f.handle).size);
  try {
    const n = f.fs.write(f.handle, src, off, len, pos, p.nonblocking(f));
    if (at === undefined && pos !== null) f.pos = pos + n;
    return n;
  } catch (e) {
    if ((e as { code?: string }).code === 'EPIPE') brokenPipe(p);
    throw e;
  }
}

// read, write, pread64 and pwrite64 move bytes straight between the host and guest memory
// (no view is made): they are among the hottest system calls.

export function sysRead(p: LinuxProcess, a: A): number {
  const f = readable(p, a.int(0));
  const len = Math.min(a.size(2), MAX_RW_COUNT);
  return readFile(p, f, p.mem.u8, guestRange(p, a.ptr(1), len, 'write'), len);
}

export function sysWrite(p: LinuxProcess, a: A): number {
  const f = writable(p, a.int(0));
  const len = Math.min(a.size(2), MAX_RW_COUNT);
  return writeFile(p, f, p.mem.u8, guestRange(p, a.ptr(1), len, 'read'), len);
}

/**
 * A guest iovec array (EINVAL beyond UIO_MAXIOV or for a negative length), the lengths cut
 * so that the whole moves at most MAX_RW_COUNT bytes.
 */
export function iovecs(p: LinuxProcess, addr: bigint, count: bigint): { base: bigint; len: number }[] {
  if (count > BigInt(UIO_MAXIOV)) fail(E.EINVAL);
  const n = Number(count);
  let total = 0;
  return decodeIovecs(readGuest(p, addr, n * IOVEC_SIZE), n).map((v) => {
    if (v.len > BigInt(Number.MAX_SAFE_INTEGER) || BigInt.asIntN(64, v.len) < 0n) fail(E.EINVAL);
    const len = Math.min(Number(v.len), MAX_RW_COUNT - total);
    total += len;
    return { base: v.base, len };
  });
}

/** One host read for the whole vector (so a tty or pipe read stays one read), then scatter. */
function readVec(p: LinuxProcess, f: OpenFile, a: A, at: number | null | undefined): number {
  const views = iovecs(p, a.big(1), a.big(2)).map((v) => guestOut(p, v.base, v.len));
  const tmp = new Uint8Array(views.reduce((s, v) => s + v.length, 0));
  let n: number;
  if (at === undefined) n = readFile(p, f, tmp);
  else n = f.fs.read(f.handle, tmp, 0, tmp.length, at, p.nonblocking(f));
  let off = 0;
  for (const v of views) {
    if (off >= n) break;
    const k = Math.min(v.length, n - off);
    v.set(tmp.subarray(off, off + k));
    off += k;
  }
  return n;
}

/** Gathers the vector into one buffer: one host write, as atomic as the host makes it. */
function gather(p: LinuxProcess, a: A): Uint8Array {
  const views = iovecs(p, a.big(1), a.big(2)).map((v) => guestIn(p, v.base, v.len));
  return views.length === 1 ? views[0] : Buffer.concat(views);
}

export function sysReadv(p: LinuxProcess, a: A): number {
  return readVec(p, readable(p, a.int(0)), a, undefined);
}

export function sysWritev(p: LinuxProcess, a: A): number {
  const f = writable(p, a.int(0));
  const src = gather(p, a);
  return writeFile(p, f, src, 0, src.length);
}

/** A file that supports positional I/O at `offset`, or ESPIPE / EINVAL. */
function positional(f: OpenFile, offset: bigint): number {
  if (f.kind === 'pipe' || f.kind === 'tty' || f.kind === 'socket') fail(E.ESPIPE);
  if (offset < 0n || offset > MAX_OFFSET) fail(E.EINVAL);
  return Number(offset);
}

export function sysPread64(p: LinuxProcess, a: A): number {
  const f = readable(p, a.int(0));
  const at = positional(f, long(a.big(3)));
  const len = Math.min(a.size(2), MAX_RW_COUNT);
  return f.fs.read(f.handle, p.mem.u8, guestRange(p, a.ptr(1), len, 'write'), len, at, p.nonblocking(f));
}

export function sysPwrite64(p: LinuxProcess, a: A): number {
  const f = writable(p, a.int(0));
  const at = positional(f, long(a.big(3)));
  const len = Math.min(a.size(2), MAX_RW_COUNT);
  return writeFile(p, f, p.mem.u8, guestRange(p, a.ptr(1), len, 'read'), len, at);
}

/** preadv2/pwritev2 flags (include/uapi/linux/fs.h RWF_*). */
const RWF = { HIPRI: 0x1, DSYNC: 0x2, SYNC: 0x4, NOWAIT: 0x8, APPEND: 0x10 } as const;
const RWF_KNOWN = RWF.HIPRI | RWF.DSYNC | RWF.SYNC | RWF.NOWAIT | RWF.APPEND;

/** The offset argument of preadv/pwritev: on a 64-bit ABI pos_l holds all of it (pos_h is not used). */
const vecOffset = (a: A): bigint => long(a.big(3));

export function sysPreadv(p: LinuxProcess, a: A): number {
  const f = readable(p, a.int(0));
  return readVec(p, f, a, positional(f, vecOffset(a)));
}

export function sysPwritev(p: LinuxProcess, a: A): number {
  const f = writable(p, a.int(0));
  const at = positional(f, vecOffset(a));
  const src = gather(p, a);
  return writeFile(p, f, src, 0, src.length, at);
}

/**
 * The flags of preadv2/pwritev2: RWF_HIPRI is a hint; RWF_NOWAIT asks for no blocking,
 * which a regular file never does here and a pipe or terminal cannot promise (EOPNOTSUPP).
 */
function rwFlags(f: OpenFile, flags: number): number {
  if (flags & ~RWF_KNOWN) fail(E.EOPNOTSUPP);
  if (flags & RWF.NOWAIT && f.kind !== 'file') fail(E.EOPNOTSUPP);
  return flags;
}

/** preadv2: an offset of -1 reads at (and advances) the file offset, as readv. */
export function sysPreadv2(p: LinuxProcess, a: A): number {
  const f = readable(p, a.int(0));
  rwFlags(f, a.int(5));
  const off = vecOffset(a);
  return readVec(p, f, a, off === -1n ? undefined : positional(f, off));
}

/** pwritev2: RWF_APPEND writes at the end; RWF_DSYNC / RWF_SYNC sync what was written. */
export function sysPwritev2(p: LinuxProcess, a: A): number {
  const f = writable(p, a.int(0));
  const flags = rwFlags(f, a.int(5));
  const off = vecOffset(a);
  const src = gather(p, a);
  let at = off === -1n ? undefined : positional(f, off);
  if (flags & RWF.APPEND && f.kind === 'file') at = Number(f.fs.fstat(f.handle).size);
  const n = writeFile(p, f, src, 0, src.length, at);
  if (flags & (RWF.DSYNC | RWF.SYNC) && f.kind === 'file') f.fs.fsync(f.handle, true);
  return n;
}

// --- lseek --------------------------------------------------------------------------------

export function sysLseek(p: LinuxProcess, a: A): bigint | number {
  const f = fdEntry(p, a.int(0)).file;
  const off = long(a.big(1));
  const whence = a.int(2);
  switch (f.kind) {
    case 'pipe': case 'tty': case 'socket': return -E.ESPIPE;
    case 'path': return -E.EBADF;
    case 'chr': return whence <= SEEK.END ? 0 : -E.EINVAL; // /dev/null and friends stay at 0
    case 'dir': {
      const base = whence === SEEK.SET ? 0n : whence === SEEK.CUR ? BigInt(f.pos ?? 0) : null;
      if (base === null) return -E.EINVAL;
      const to = base + off;
      if (to < 0n || to > MAX_OFFSET) return -E.EINVAL;
      f.pos = Number(to);
      if (to === 0n) f.dirEntries = null; // rewinddir sees a fresh listing
      return to;
    }
    case 'file': {
      // Inherited stdio streams through the host offset until the guest moves it.
      const cur = f.pos ?? (f.hostFd >= 0 ? hostFdInfo(f.hostFd)?.pos : undefined) ?? 0;
      let base: bigint;
      if (whence === SEEK.SET) base = 0n;
      else if (whence === SEEK.CUR) base = BigInt(cur);
      else if (whence === SEEK.END) base = f.fs.fstat(f.handle).size;
      else return -E.EINVAL; // SEEK_DATA / SEEK_HOLE: not supported
      const to = base + off;
      if (to < 0n || to > MAX_OFFSET) return -E.EINVAL;
      // An offset shared with other processes (inherited stdio, a file open across a fork)
      // moves on the host, for all of them; without the libc binding it becomes our own.
      const lc = f.pos === null && f.hostFd >= 0 ? hostLibc() : null;
      if (lc) lc.seek(f.hostFd, Number(to));
      else if (f.pos !== null || to !== BigInt(cur)) f.pos = Number(to);
      return to;
    }
  }
}

// --- offsets passed by pointer (sendfile, copy_file_range) -----------------------------------

/** An loff_t the guest passes by pointer, as a position in `f` (EFAULT unless it can also be written back). */
function offsetIn(p: LinuxProcess, addr: bigint, f: OpenFile): number {
  const at = positional(f, long(readU64(p, addr)));
  if (!p.mem.canAccess(addr, 8, 'write')) fail(E.EFAULT);
  return at;
}

function offsetOut(p: LinuxProcess, addr: bigint, value: number): void {
  writeGuest(p, addr, u64s([BigInt(value)]));
}

// --- sendfile -------------------------------------------------------------------------------

/** How much sendfile moves per host read/write pair. */
const SENDFILE_CHUNK = 1 << 16;

/**
 * sendfile(out_fd, in_fd, *offset, count): copies through a buffer of ours. With an offset
 * pointer, in_fd is read there (its file offset untouched) and *offset advances; without,
 * in_fd's offset advances. Stops at EOF or a short write; an error after some bytes moved
 * reports the bytes, as Linux does.
 */
export function sysSendfile(p: LinuxProcess, a: A): number {
  const out = writable(p, a.int(0));
  const inp = readable(p, a.int(1));
  if (out.flags & p.abi.openFlags.O_APPEND) return -E.EINVAL;
  const at = a.big(2) ? offsetIn(p, a.big(2), inp) : null;
  const count = Math.min(a.size(3), MAX_RW_COUNT);
  const buf = new Uint8Array(Math.min(count, SENDFILE_CHUNK));
  let done = 0;
  try {
    while (done < count) {
      const chunk = buf.subarray(0, Math.min(buf.length, count - done));
      const n = at === null ? readFile(p, inp, chunk) : inp.fs.read(inp.handle, chunk, 0, chunk.length, at + done, p.nonblocking(inp));
      if (n === 0) break;
      let sent = 0;
      try {
        while (sent < n) sent += writeFile(p, out, chunk, sent, n - sent);
      } finally {
        done += sent;
        if (sent < n && at === null && inp.pos !== null) inp.pos -= n - sent; // unread what was not sent
      }
    }
  } catch (e) {
    if (done === 0 || e instanceof GuestKilled) throw e;
  }
  if (at !== null) offsetOut(p, a.big(2), at + done);
  return done;
}

// --- copy_file_range ------------------------------------------------------------------------

/**
 * copy_file_range(fd_in, *off_in, fd_out, *off_out, len, flags) between regular files,
 * through a buffer of ours: each side at its pointer's offset (file offset untouched, the
 * pointer advanced) or at and advancing its file offset. Stops at the input's end; an
 * error after some bytes moved reports the bytes. Overlapping ranges of one file: EINVAL.
 */
export function sysCopyFileRange(p: LinuxProcess, a: A): number {
  if (a.int(5) !== 0) return -E.EINVAL;
  const inp = readable(p, a.int(0));
  const out = writable(p, a.int(2));
  if (out.flags & p.abi.openFlags.O_APPEND) return -E.EBADF;
  if (inp.kind !== 'file' || out.kind !== 'file') return -E.EINVAL;
  const inAt = a.big(1) ? offsetIn(p, a.big(1), inp) : (inp.pos ?? 0);
  const outAt = a.big(3) ? offsetIn(p, a.big(3), out) : (out.pos ?? 0);
  const count = Math.min(a.size(4), MAX_RW_COUNT);
  if (count === 0) return 0;
  const same = inp.fs.fstat(inp.handle);
  const other = out.fs.fstat(out.handle);
  if (inp.fs === out.fs && same.dev === other.dev && same.ino === other.ino && inAt < outAt + count && outAt < inAt + count) return -E.EINVAL;
  const buf = new Uint8Array(Math.min(count, SENDFILE_CHUNK));
  let done = 0;
  try {
    while (done < count) {
      const n = inp.fs.read(inp.handle, buf, 0, Math.min(buf.length, count - done), inAt + done, false);
      if (n === 0) break;
      let sent = 0;
      try {
        while (sent < n) sent += out.fs.write(out.handle, buf, sent, n - sent, outAt + done + sent, false);
      } finally {
        done += sent;
      }
    }
  } catch (e) {
    if (done === 0) throw e;
  }
  if (a.big(1)) offsetOut(p, a.big(1), inAt + done);
  else inp.pos = inAt + done;
  if (a.big(3)) offsetOut(p, a.big(3), outAt + done);
  else out.pos = outAt + done;
  return done;
}
