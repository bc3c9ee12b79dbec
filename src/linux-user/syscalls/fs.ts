// File, directory and fd syscalls over node:fs synchronous calls: open/close/read/write
// and their vector and positional forms, lseek (our own offsets: Node has no lseek),
// stat family, getdents64 from a directory snapshot, *at path operations, ownership
// and times, statfs, sync, sendfile. Descriptor control (dup, fcntl, ioctl, pipe2) is in fd.ts.

import * as fs from 'node:fs';
import { E, fail } from '../errno.js';
import { OpenFile } from '../fd-table.js';
import { GuestKilled } from '../guest-exit.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import {
  ACCESS, AT, CLOCK, MAX_RW_COUNT, RENAME, SEEK, SIG, STATX, UIO_MAXIOV, UTIME,
} from '../generic/constants.js';
import {
  IOVEC_SIZE, TIMESPEC_SIZE, decodeIovecs, decodeTimespecPair, encodeDirent64, encodeStat, encodeStatfs, encodeStatx,
} from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import {
  hostFdInfo, hostFdPath, hostRead, hostStatfs, hostSync, hostWrite, isSeekable, kindOf,
  listDirectory, nodeTime, translateOpenFlags,
} from '../vfs/host.js';
import { isProcSelfExe, resolveAt } from '../vfs/path.js';
import { isGuestProcFile, openGuestProcFile } from '../vfs/proc.js';
import { fdEntry, guestIn, guestOut, guestRange, guestString, long, readGuest, uint, writeGuest, type SyscallArgs } from './args.js';
import { dropPosixLocksOnClose } from './locks.js';
import { signalSelf } from './signal.js';
import { clockNow } from './time.js';

type A = SyscallArgs;

/**
 * The largest file offset we handle: Node's positional I/O takes a JS number. Linux's own
 * limit (s_maxbytes: 16 TiB on ext4) is lower, and it answers EINVAL / EFBIG beyond it too.
 */
const MAX_OFFSET = BigInt(Number.MAX_SAFE_INTEGER);

// --- open / close ---------------------------------------------------------------------

/** Opens (dirfd, path) for the guest and returns the new guest fd. */
export function openAt(p: LinuxProcess, dirfd: number, path: string, flags: number, mode: number): number {
  const o = p.abi.openFlags;
  const host = isProcSelfExe(p, path) && p.exePath ? p.exePath : resolveAt(p, dirfd, path);
  const hostFlags = translateOpenFlags(flags & ~o.O_CLOEXEC, o, HOST_OPEN_FLAGS);
  // The guest's own /proc files (vfs/proc.ts) are read-only files made now.
  const own = !(flags & o.O_PATH) && isGuestProcFile(p, host);
  if (own && (flags & o.O_ACCMODE) !== o.O_RDONLY) fail(E.EACCES);
  const hfd = own ? openGuestProcFile(p, host)! : fs.openSync(host, hostFlags, mode & 0o7777 & ~p.umask);
  let file: OpenFile;
  try {
    const kind = flags & o.O_PATH ? 'path' : kindOf(fs.fstatSync(hfd), hfd);
    // 64-bit kernels force O_LARGEFILE into every open file's flags.
    file = new OpenFile(hfd, host, (flags & ~o.O_CLOEXEC) | o.O_LARGEFILE, kind, isSeekable(kind) ? 0 : null, true);
  } catch (e) {
    fs.closeSync(hfd);
    throw e;
  }
  const fd = p.fds.install(file, (flags & o.O_CLOEXEC) !== 0, p.fdLimit);
  if (fd < 0) {
    fs.closeSync(hfd);
    fail(E.EMFILE);
  }
  return fd;
}

export function sysOpenat(p: LinuxProcess, a: A): number {
  return openAt(p, a.int(0), guestString(p, a.big(1)), a.int(2), a.uint(3));
}

export function sysClose(p: LinuxProcess, a: A): number {
  const f = p.fds.get(a.int(0))?.file;
  if (f === undefined || !p.fds.close(a.int(0))) return -E.EBADF;
  dropPosixLocksOnClose(f);
  return 0;
}

// --- read / write -----------------------------------------------------------------------

function accMode(p: LinuxProcess, f: OpenFile): number {
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
  if (f.lookahead && len > 0) {
    // A pipe read returns what is there without waiting for more; an empty look-ahead is
    // an end of file the probe saw (a terminal's ^D), returned once.
    const n = Math.min(len, f.lookahead.length);
    dst.set(f.lookahead.subarray(0, n), off);
    f.lookahead = n < f.lookahead.length ? f.lookahead.subarray(n) : null;
    return n;
  }
  const n = hostRead(f.hostFd, dst, off, len, f.pos, p.nonblocking(f));
  if (f.pos !== null) f.pos += n;
  return n;
}

/**
 * Writes src[off, off+len) at the file's offset (the end with O_APPEND), advancing it, or
 * at `at` for pwrite (offset untouched). EPIPE raises SIGPIPE first, as Linux does.
 */
function writeFile(p: LinuxProcess, f: OpenFile, src: Uint8Array, off: number, len: number, at?: number): number {
  let pos = at ?? f.pos;
  if (at === undefined && pos !== null && f.flags & p.abi.openFlags.O_APPEND) pos = Number(fs.fstatSync(f.hostFd).size);
  try {
    const n = hostWrite(f.hostFd, src, off, len, pos, p.nonblocking(f));
    if (at === undefined && pos !== null) f.pos = pos + n;
    return n;
  } catch (e) {
    if ((e as { code?: string }).code === 'EPIPE') signalSelf(p, SIG.SIGPIPE);
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

function iovecs(p: LinuxProcess, addr: bigint, count: bigint): { base: bigint; len: number }[] {
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
  else n = hostRead(f.hostFd, tmp, 0, tmp.length, at, p.nonblocking(f));
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
  return hostRead(f.hostFd, p.mem.u8, guestRange(p, a.ptr(1), len, 'write'), len, at, p.nonblocking(f));
}

export function sysPwrite64(p: LinuxProcess, a: A): number {
  const f = writable(p, a.int(0));
  const at = positional(f, long(a.big(3)));
  const len = Math.min(a.size(2), MAX_RW_COUNT);
  return writeFile(p, f, p.mem.u8, guestRange(p, a.ptr(1), len, 'read'), len, at);
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
      const cur = f.pos ?? hostFdInfo(f.hostFd)?.pos ?? 0;
      let base: bigint;
      if (whence === SEEK.SET) base = 0n;
      else if (whence === SEEK.CUR) base = BigInt(cur);
      else if (whence === SEEK.END) base = fs.fstatSync(f.hostFd, { bigint: true }).size;
      else return -E.EINVAL; // SEEK_DATA / SEEK_HOLE: not supported
      const to = base + off;
      if (to < 0n || to > MAX_OFFSET) return -E.EINVAL;
      if (f.pos !== null || to !== BigInt(cur)) f.pos = Number(to);
      return to;
    }
  }
}

// --- stat family --------------------------------------------------------------------------

function statOfFd(p: LinuxProcess, fd: number): fs.BigIntStats {
  if (fd === AT.FDCWD) return fs.statSync(p.cwd, { bigint: true });
  return fs.fstatSync(fdEntry(p, fd).file.hostFd, { bigint: true });
}

/** stat for (dirfd, path, AT_* flags), following the rules of fstatat. */
function statAt(p: LinuxProcess, dirfd: number, pathAddr: bigint, flags: number): fs.BigIntStats {
  const path = guestString(p, pathAddr);
  if (path === '' && flags & AT.EMPTY_PATH) return statOfFd(p, dirfd);
  if (isProcSelfExe(p, path) && p.exePath) {
    return flags & AT.SYMLINK_NOFOLLOW ? fs.lstatSync(`/proc/self/exe`, { bigint: true }) : fs.statSync(p.exePath, { bigint: true });
  }
  const host = resolveAt(p, dirfd, path);
  return flags & AT.SYMLINK_NOFOLLOW ? fs.lstatSync(host, { bigint: true }) : fs.statSync(host, { bigint: true });
}

export function sysFstat(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  writeGuest(p, a.big(1), encodeStat(fs.fstatSync(f.hostFd, { bigint: true })));
  return 0;
}

export function sysNewfstatat(p: LinuxProcess, a: A): number {
  const flags = a.int(3);
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH | AT.NO_AUTOMOUNT)) return -E.EINVAL;
  writeGuest(p, a.big(2), encodeStat(statAt(p, a.int(0), a.big(1), flags)));
  return 0;
}

const STATX_RESERVED = 0x8000_0000;

export function sysStatx(p: LinuxProcess, a: A): number {
  const flags = a.int(2);
  const mask = a.uint(3);
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH | AT.NO_AUTOMOUNT | AT.STATX_SYNC_TYPE)) return -E.EINVAL;
  if ((flags & AT.STATX_SYNC_TYPE) === AT.STATX_SYNC_TYPE || mask & STATX_RESERVED) return -E.EINVAL;
  const st = statAt(p, a.int(0), a.big(1), flags);
  const got = STATX.BASIC_STATS | (st.birthtimeNs > 0n ? STATX.BTIME : 0);
  writeGuest(p, a.big(4), encodeStatx(st, got));
  return 0;
}

// --- directories --------------------------------------------------------------------------

export function sysGetdents64(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind !== 'dir') return f.kind === 'path' ? -E.EBADF : -E.ENOTDIR;
  const count = Math.min(a.size(2), MAX_RW_COUNT);
  const out = guestOut(p, a.ptr(1), count);
  f.dirEntries ??= listDirectory(f.path);
  let pos = f.pos ?? 0;
  let used = 0;
  while (pos < f.dirEntries.length) {
    const d = f.dirEntries[pos];
    // d_off is the cookie of the next entry: lseek(fd, d_off, SEEK_SET) resumes after this one.
    const rec = encodeDirent64(d.ino, BigInt(pos + 1), d.type, d.name);
    if (used + rec.length > count) {
      if (used === 0) return -E.EINVAL;
      break;
    }
    out.set(rec, used);
    used += rec.length;
    pos++;
  }
  f.pos = pos;
  return used;
}

export function sysGetcwd(p: LinuxProcess, a: A): number {
  const s = Buffer.from(`${p.cwd}\0`);
  if (a.size(1) < s.length) return -E.ERANGE;
  writeGuest(p, a.big(0), s);
  return s.length;
}

function enterDir(p: LinuxProcess, host: string): number {
  if (!fs.statSync(host).isDirectory()) return -E.ENOTDIR;
  fs.accessSync(host, fs.constants.X_OK);
  p.cwd = fs.realpathSync.native(host);
  return 0;
}

export function sysChdir(p: LinuxProcess, a: A): number {
  return enterDir(p, resolveAt(p, AT.FDCWD, guestString(p, a.big(0))));
}

export function sysFchdir(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind !== 'dir' && f.kind !== 'path') return -E.ENOTDIR;
  return enterDir(p, f.path);
}

export function sysMkdirat(p: LinuxProcess, a: A): number {
  fs.mkdirSync(resolveAt(p, a.int(0), guestString(p, a.big(1))), { mode: a.uint(2) & 0o7777 & ~p.umask });
  return 0;
}

export function sysUnlinkat(p: LinuxProcess, a: A): number {
  const flags = a.int(2);
  if (flags & ~AT.REMOVEDIR) return -E.EINVAL;
  const host = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  if (flags & AT.REMOVEDIR) fs.rmdirSync(host);
  else fs.unlinkSync(host);
  return 0;
}

function renameAt(p: LinuxProcess, a: A, flags: number): number {
  if (flags & ~(RENAME.NOREPLACE | RENAME.EXCHANGE | RENAME.WHITEOUT)) return -E.EINVAL;
  if (flags & RENAME.EXCHANGE && flags & (RENAME.NOREPLACE | RENAME.WHITEOUT)) return -E.EINVAL;
  const from = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  const to = resolveAt(p, a.int(2), guestString(p, a.big(3)));
  if (flags & (RENAME.EXCHANGE | RENAME.WHITEOUT)) {
    // Node cannot pass renameat2 flags; an emulated exchange would not be atomic.
    p.logUnimp?.(`Unsupported renameat2 flags: 0x${flags.toString(16)}`);
    return -E.EINVAL;
  }
  if (flags & RENAME.NOREPLACE) {
    // Checked, then renamed: not atomic against another process creating `to` in between.
    let exists = true;
    try {
      fs.lstatSync(to);
    } catch {
      exists = false;
    }
    if (exists) return -E.EEXIST;
  }
  fs.renameSync(from, to);
  return 0;
}

export function sysRenameat(p: LinuxProcess, a: A): number {
  return renameAt(p, a, 0);
}

export function sysRenameat2(p: LinuxProcess, a: A): number {
  return renameAt(p, a, a.uint(4));
}

export function sysSymlinkat(p: LinuxProcess, a: A): number {
  // The target is stored as written: it is resolved when the link is followed.
  const target = guestString(p, a.big(0));
  fs.symlinkSync(target, resolveAt(p, a.int(1), guestString(p, a.big(2))));
  return 0;
}

export function sysLinkat(p: LinuxProcess, a: A): number {
  const flags = a.int(4);
  if (flags & ~(AT.SYMLINK_FOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  if (flags & AT.EMPTY_PATH) {
    p.logUnimp?.('linkat AT_EMPTY_PATH');
    return -E.ENOENT;
  }
  let from = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  const to = resolveAt(p, a.int(2), guestString(p, a.big(3)));
  // link(2) on Linux does not follow a symlink source; AT_SYMLINK_FOLLOW asks for it.
  if (flags & AT.SYMLINK_FOLLOW) from = fs.realpathSync.native(from);
  fs.linkSync(from, to);
  return 0;
}

export function sysFchmod(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  fs.fchmodSync(f.hostFd, a.uint(1) & 0o7777);
  return 0;
}

export function sysFchmodat(p: LinuxProcess, a: A): number {
  fs.chmodSync(resolveAt(p, a.int(0), guestString(p, a.big(1))), a.uint(2) & 0o7777);
  return 0;
}

export function sysReadlinkat(p: LinuxProcess, a: A): number {
  const bufsiz = a.int(3);
  if (bufsiz <= 0) return -E.EINVAL;
  const path = guestString(p, a.big(1));
  const target = isProcSelfExe(p, path) && p.exePath
    ? Buffer.from(p.exePath)
    : fs.readlinkSync(resolveAt(p, a.int(0), path), { encoding: 'buffer' });
  const n = Math.min(target.length, bufsiz);
  writeGuest(p, a.big(2), target.subarray(0, n));
  return n;
}

function accessAt(p: LinuxProcess, dirfd: number, pathAddr: bigint, mode: number, flags: number): number {
  if (mode & ~(ACCESS.R_OK | ACCESS.W_OK | ACCESS.X_OK)) return -E.EINVAL;
  if (flags & ~(AT.EACCESS | AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  const path = guestString(p, pathAddr);
  let host: string;
  if (path === '' && flags & AT.EMPTY_PATH) host = dirfd === AT.FDCWD ? p.cwd : fdEntry(p, dirfd).file.path;
  else host = isProcSelfExe(p, path) && p.exePath ? p.exePath : resolveAt(p, dirfd, path);
  // A symlink's own permission bits are always rwx, so with NOFOLLOW existence is enough.
  if (flags & AT.SYMLINK_NOFOLLOW && fs.lstatSync(host).isSymbolicLink()) return 0;
  // We are never setuid, so real and effective ids agree: AT_EACCESS changes nothing.
  fs.accessSync(host, mode);
  return 0;
}

export function sysFaccessat(p: LinuxProcess, a: A): number {
  return accessAt(p, a.int(0), a.big(1), a.int(2), 0);
}

export function sysFaccessat2(p: LinuxProcess, a: A): number {
  return accessAt(p, a.int(0), a.big(1), a.int(2), a.int(3));
}

// --- ownership and times ------------------------------------------------------------------

/** What an *at call with AT_EMPTY_PATH and "" names: the dirfd's open file, or the cwd. */
type Target = { fd: OpenFile } | { path: string; nofollow: boolean };

/** The object (dirfd, path, flags) names for the ownership / times calls. */
function targetAt(p: LinuxProcess, dirfd: number, pathAddr: bigint, flags: number): Target {
  const path = guestString(p, pathAddr);
  if (path === '' && flags & AT.EMPTY_PATH) {
    if (dirfd === AT.FDCWD) return { path: p.cwd, nofollow: false };
    const f = fdEntry(p, dirfd).file;
    // An O_PATH fd cannot be used for I/O on the host: act on the path it was opened by.
    if (f.kind === 'path' && f.path) return { path: f.path, nofollow: (f.flags & p.abi.openFlags.O_NOFOLLOW) !== 0 };
    return { fd: f };
  }
  return { path: resolveAt(p, dirfd, path), nofollow: (flags & AT.SYMLINK_NOFOLLOW) !== 0 };
}

/** uid_t / gid_t arguments: (uid_t)-1 leaves the id unchanged, as Node's -1 does. */
const ownerId = (v: bigint): number => (uint(v) === 0xffff_ffff ? -1 : uint(v));

function chownTarget(t: Target, uid: number, gid: number): number {
  if ('fd' in t) fs.fchownSync(t.fd.hostFd, uid, gid);
  else if (t.nofollow) fs.lchownSync(t.path, uid, gid);
  else fs.chownSync(t.path, uid, gid);
  return 0;
}

export function sysFchownat(p: LinuxProcess, a: A): number {
  const flags = a.int(4);
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  return chownTarget(targetAt(p, a.int(0), a.big(1), flags), ownerId(a.big(2)), ownerId(a.big(3)));
}

export function sysFchown(p: LinuxProcess, a: A): number {
  return chownTarget({ fd: fdEntry(p, a.int(0)).file }, ownerId(a.big(1)), ownerId(a.big(2)));
}

const NS_PER_SEC = 1_000_000_000n;
const validNsec = (n: bigint): boolean => (n >= 0n && n < NS_PER_SEC) || n === BigInt(UTIME.NOW) || n === BigInt(UTIME.OMIT);

/**
 * utimensat(dirfd, path, times[2], flags); a NULL path is futimens on dirfd. Node sets
 * times to the microsecond (see nodeTime), so finer digits are dropped, and it cannot
 * leave one time alone: UTIME_OMIT rewrites the current value (to the microsecond too).
 * Both omitted is a no-op that does not even look at the path, as in Linux.
 */
export function sysUtimensat(p: LinuxProcess, a: A): number {
  const dirfd = a.int(0);
  const flags = a.int(3);
  const times = a.big(2) ? decodeTimespecPair(readGuest(p, a.big(2), 2 * TIMESPEC_SIZE)) : null;
  const omit = BigInt(UTIME.OMIT);
  if (times && times[0].nsec === omit && times[1].nsec === omit) return 0;
  let t: Target;
  if (a.big(1) === 0n) {
    if (dirfd === AT.FDCWD) return -E.EFAULT;
    if (flags) return -E.EINVAL;
    t = { fd: fdEntry(p, dirfd).file };
  } else {
    if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
    t = targetAt(p, dirfd, a.big(1), flags);
  }
  const st = 'fd' in t
    ? fs.fstatSync(t.fd.hostFd, { bigint: true })
    : t.nofollow ? fs.lstatSync(t.path, { bigint: true }) : fs.statSync(t.path, { bigint: true });
  if (times && !(validNsec(times[0].nsec) && validNsec(times[1].nsec))) return -E.EINVAL;
  const now = clockNow(CLOCK.REALTIME) ?? 0n;
  const pick = (ts: { sec: bigint; nsec: bigint } | undefined, current: bigint): number | string => {
    if (!ts || ts.nsec === BigInt(UTIME.NOW)) return nodeTime(now);
    if (ts.nsec === omit) return nodeTime(current);
    return nodeTime(ts.sec * NS_PER_SEC + ts.nsec);
  };
  const atime = pick(times?.[0], st.atimeNs);
  const mtime = pick(times?.[1], st.mtimeNs);
  if ('fd' in t) fs.futimesSync(t.fd.hostFd, atime, mtime);
  else if (t.nofollow) fs.lutimesSync(t.path, atime, mtime);
  else fs.utimesSync(t.path, atime, mtime);
  return 0;
}

// --- file-system statistics ---------------------------------------------------------------

function putStatfs(p: LinuxProcess, hostPath: string, out: bigint): number {
  const st = hostStatfs(hostPath);
  if (!st) {
    p.logUnimp?.(`statfs: the host's stat -f gave no answer for ${hostPath}`);
    return -E.ENOSYS;
  }
  writeGuest(p, out, encodeStatfs(st));
  return 0;
}

export function sysStatfs(p: LinuxProcess, a: A): number {
  return putStatfs(p, resolveAt(p, AT.FDCWD, guestString(p, a.big(0))), a.big(1));
}

export function sysFstatfs(p: LinuxProcess, a: A): number {
  return putStatfs(p, hostFdPath(fdEntry(p, a.int(0)).file.hostFd), a.big(1));
}

// --- size and sync ------------------------------------------------------------------------

export function sysFtruncate(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  const len = long(a.big(1));
  if (len < 0n) return -E.EINVAL;
  if (len > MAX_OFFSET) return -E.EFBIG;
  if (f.kind === 'path') return -E.EBADF;
  if (accMode(p, f) === p.abi.openFlags.O_RDONLY) return -E.EINVAL;
  fs.ftruncateSync(f.hostFd, Number(len));
  return 0;
}

export function sysTruncate(p: LinuxProcess, a: A): number {
  const len = long(a.big(1));
  if (len < 0n) return -E.EINVAL;
  if (len > MAX_OFFSET) return -E.EFBIG;
  fs.truncateSync(resolveAt(p, AT.FDCWD, guestString(p, a.big(0))), Number(len));
  return 0;
}

export function sysFsync(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  fs.fsyncSync(f.hostFd);
  return 0;
}

export function sysFdatasync(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  fs.fdatasyncSync(f.hostFd);
  return 0;
}

export function sysSync(): number {
  hostSync();
  return 0;
}

export function sysSyncfs(p: LinuxProcess, a: A): number {
  hostSync(hostFdPath(fdEntry(p, a.int(0)).file.hostFd));
  return 0;
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
  let at: number | null = null;
  if (a.big(2)) {
    at = positional(inp, new DataView(readGuest(p, a.big(2), 8).buffer).getBigInt64(0, true));
    if (!p.mem.canAccess(a.big(2), 8, 'write')) return -E.EFAULT;
  }
  const count = Math.min(a.size(3), MAX_RW_COUNT);
  const buf = new Uint8Array(Math.min(count, SENDFILE_CHUNK));
  let done = 0;
  try {
    while (done < count) {
      const chunk = buf.subarray(0, Math.min(buf.length, count - done));
      const n = at === null ? readFile(p, inp, chunk) : hostRead(inp.hostFd, chunk, 0, chunk.length, at + done, p.nonblocking(inp));
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
  if (at !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigInt64(0, BigInt(at + done), true);
    writeGuest(p, a.big(2), b);
  }
  return done;
}
