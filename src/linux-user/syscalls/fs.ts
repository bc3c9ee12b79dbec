// File, directory and fd syscalls over node:fs synchronous calls: open/close/read/write
// and their vector and positional forms, lseek (our own offsets: Node has no lseek),
// stat family, getdents64 from a directory snapshot, *at path operations, dup/fcntl,
// terminal ioctls and pipes.

import * as fs from 'node:fs';
import { E, fail } from '../errno.js';
import { OpenFile, type FdEntry } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import {
  ACCESS, AT, FCNTL, FD_CLOEXEC, IOCTL, MAX_RW_COUNT, RENAME, SEEK, SETFL_NAMES, SIG, STATX, UIO_MAXIOV,
} from '../generic/constants.js';
import {
  IOVEC_SIZE, decodeIovecs, encodeDirent64, encodeStat, encodeStatx, encodeTermios, encodeWinsize,
} from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import { hostPipe, hostRead, hostFdInfo, hostTermios, hostWrite, isSeekable, kindOf, listDirectory, translateOpenFlags } from '../vfs/host.js';
import { isProcSelfExe, resolveAt } from '../vfs/path.js';
import { fdEntry, guestIn, guestOut, guestString, int, long, readGuest, size, uint, u32s, writeGuest } from './args.js';
import { signalSelf } from './signal.js';

type A = bigint[];

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
  const hfd = fs.openSync(host, hostFlags, mode & 0o7777 & ~p.umask);
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
  return openAt(p, int(a[0]), guestString(p, a[1]), int(a[2]), uint(a[3]));
}

export function sysClose(p: LinuxProcess, a: A): number {
  return p.fds.close(int(a[0])) ? 0 : -E.EBADF;
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

/** Reads at the file's own offset (or the host's), advancing it. */
function readFile(p: LinuxProcess, f: OpenFile, dst: Uint8Array): number {
  const n = hostRead(f.hostFd, dst, f.pos, p.nonblocking(f));
  if (f.pos !== null) f.pos += n;
  return n;
}

/**
 * Writes at the file's offset (the end with O_APPEND), advancing it, or at `at` for
 * pwrite (offset untouched). EPIPE raises SIGPIPE first, as Linux does.
 */
function writeFile(p: LinuxProcess, f: OpenFile, src: Uint8Array, at?: number): number {
  let pos = at ?? f.pos;
  if (at === undefined && pos !== null && f.flags & p.abi.openFlags.O_APPEND) pos = Number(fs.fstatSync(f.hostFd).size);
  try {
    const n = hostWrite(f.hostFd, src, pos, p.nonblocking(f));
    if (at === undefined && pos !== null) f.pos = pos + n;
    return n;
  } catch (e) {
    if ((e as { code?: string }).code === 'EPIPE') signalSelf(p, SIG.SIGPIPE);
    throw e;
  }
}

export function sysRead(p: LinuxProcess, a: A): number {
  const f = readable(p, int(a[0]));
  return readFile(p, f, guestOut(p, a[1], Math.min(size(a[2]), MAX_RW_COUNT)));
}

export function sysWrite(p: LinuxProcess, a: A): number {
  const f = writable(p, int(a[0]));
  return writeFile(p, f, guestIn(p, a[1], Math.min(size(a[2]), MAX_RW_COUNT)));
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
  const views = iovecs(p, a[1], a[2]).map((v) => guestOut(p, v.base, v.len));
  const tmp = new Uint8Array(views.reduce((s, v) => s + v.length, 0));
  let n: number;
  if (at === undefined) n = readFile(p, f, tmp);
  else n = hostRead(f.hostFd, tmp, at, p.nonblocking(f));
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
  const views = iovecs(p, a[1], a[2]).map((v) => guestIn(p, v.base, v.len));
  return views.length === 1 ? views[0] : Buffer.concat(views);
}

export function sysReadv(p: LinuxProcess, a: A): number {
  return readVec(p, readable(p, int(a[0])), a, undefined);
}

export function sysWritev(p: LinuxProcess, a: A): number {
  const f = writable(p, int(a[0]));
  return writeFile(p, f, gather(p, a));
}

/** A file that supports positional I/O at `offset`, or ESPIPE / EINVAL. */
function positional(f: OpenFile, offset: bigint): number {
  if (f.kind === 'pipe' || f.kind === 'tty' || f.kind === 'socket') fail(E.ESPIPE);
  if (offset < 0n || offset > MAX_OFFSET) fail(E.EINVAL);
  return Number(offset);
}

export function sysPread64(p: LinuxProcess, a: A): number {
  const f = readable(p, int(a[0]));
  const at = positional(f, long(a[3]));
  return hostRead(f.hostFd, guestOut(p, a[1], Math.min(size(a[2]), MAX_RW_COUNT)), at, p.nonblocking(f));
}

export function sysPwrite64(p: LinuxProcess, a: A): number {
  const f = writable(p, int(a[0]));
  const at = positional(f, long(a[3]));
  return writeFile(p, f, guestIn(p, a[1], Math.min(size(a[2]), MAX_RW_COUNT)), at);
}

// --- lseek --------------------------------------------------------------------------------

export function sysLseek(p: LinuxProcess, a: A): bigint | number {
  const f = fdEntry(p, int(a[0])).file;
  const off = long(a[1]);
  const whence = int(a[2]);
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
  const f = fdEntry(p, int(a[0])).file;
  writeGuest(p, a[1], encodeStat(fs.fstatSync(f.hostFd, { bigint: true })));
  return 0;
}

export function sysNewfstatat(p: LinuxProcess, a: A): number {
  const flags = int(a[3]);
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH | AT.NO_AUTOMOUNT)) return -E.EINVAL;
  writeGuest(p, a[2], encodeStat(statAt(p, int(a[0]), a[1], flags)));
  return 0;
}

const STATX_RESERVED = 0x8000_0000;

export function sysStatx(p: LinuxProcess, a: A): number {
  const flags = int(a[2]);
  const mask = uint(a[3]);
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH | AT.NO_AUTOMOUNT | AT.STATX_SYNC_TYPE)) return -E.EINVAL;
  if ((flags & AT.STATX_SYNC_TYPE) === AT.STATX_SYNC_TYPE || mask & STATX_RESERVED) return -E.EINVAL;
  const st = statAt(p, int(a[0]), a[1], flags);
  const got = STATX.BASIC_STATS | (st.birthtimeNs > 0n ? STATX.BTIME : 0);
  writeGuest(p, a[4], encodeStatx(st, got));
  return 0;
}

// --- directories --------------------------------------------------------------------------

export function sysGetdents64(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  if (f.kind !== 'dir') return f.kind === 'path' ? -E.EBADF : -E.ENOTDIR;
  const count = Math.min(size(a[2]), MAX_RW_COUNT);
  const out = guestOut(p, a[1], count);
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
  if (size(a[1]) < s.length) return -E.ERANGE;
  writeGuest(p, a[0], s);
  return s.length;
}

function enterDir(p: LinuxProcess, host: string): number {
  if (!fs.statSync(host).isDirectory()) return -E.ENOTDIR;
  fs.accessSync(host, fs.constants.X_OK);
  p.cwd = fs.realpathSync.native(host);
  return 0;
}

export function sysChdir(p: LinuxProcess, a: A): number {
  return enterDir(p, resolveAt(p, AT.FDCWD, guestString(p, a[0])));
}

export function sysFchdir(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  if (f.kind !== 'dir' && f.kind !== 'path') return -E.ENOTDIR;
  return enterDir(p, f.path);
}

export function sysMkdirat(p: LinuxProcess, a: A): number {
  fs.mkdirSync(resolveAt(p, int(a[0]), guestString(p, a[1])), { mode: uint(a[2]) & 0o7777 & ~p.umask });
  return 0;
}

export function sysUnlinkat(p: LinuxProcess, a: A): number {
  const flags = int(a[2]);
  if (flags & ~AT.REMOVEDIR) return -E.EINVAL;
  const host = resolveAt(p, int(a[0]), guestString(p, a[1]));
  if (flags & AT.REMOVEDIR) fs.rmdirSync(host);
  else fs.unlinkSync(host);
  return 0;
}

function renameAt(p: LinuxProcess, a: A, flags: number): number {
  if (flags & ~(RENAME.NOREPLACE | RENAME.EXCHANGE | RENAME.WHITEOUT)) return -E.EINVAL;
  if (flags & RENAME.EXCHANGE && flags & (RENAME.NOREPLACE | RENAME.WHITEOUT)) return -E.EINVAL;
  const from = resolveAt(p, int(a[0]), guestString(p, a[1]));
  const to = resolveAt(p, int(a[2]), guestString(p, a[3]));
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
  return renameAt(p, a, uint(a[4]));
}

export function sysSymlinkat(p: LinuxProcess, a: A): number {
  // The target is stored as written: it is resolved when the link is followed.
  const target = guestString(p, a[0]);
  fs.symlinkSync(target, resolveAt(p, int(a[1]), guestString(p, a[2])));
  return 0;
}

export function sysLinkat(p: LinuxProcess, a: A): number {
  const flags = int(a[4]);
  if (flags & ~(AT.SYMLINK_FOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  if (flags & AT.EMPTY_PATH) {
    p.logUnimp?.('linkat AT_EMPTY_PATH');
    return -E.ENOENT;
  }
  let from = resolveAt(p, int(a[0]), guestString(p, a[1]));
  const to = resolveAt(p, int(a[2]), guestString(p, a[3]));
  // link(2) on Linux does not follow a symlink source; AT_SYMLINK_FOLLOW asks for it.
  if (flags & AT.SYMLINK_FOLLOW) from = fs.realpathSync.native(from);
  fs.linkSync(from, to);
  return 0;
}

export function sysFchmod(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  if (f.kind === 'path') return -E.EBADF;
  fs.fchmodSync(f.hostFd, uint(a[1]) & 0o7777);
  return 0;
}

export function sysFchmodat(p: LinuxProcess, a: A): number {
  fs.chmodSync(resolveAt(p, int(a[0]), guestString(p, a[1])), uint(a[2]) & 0o7777);
  return 0;
}

export function sysReadlinkat(p: LinuxProcess, a: A): number {
  const bufsiz = int(a[3]);
  if (bufsiz <= 0) return -E.EINVAL;
  const path = guestString(p, a[1]);
  const target = isProcSelfExe(p, path) && p.exePath
    ? Buffer.from(p.exePath)
    : fs.readlinkSync(resolveAt(p, int(a[0]), path), { encoding: 'buffer' });
  const n = Math.min(target.length, bufsiz);
  writeGuest(p, a[2], target.subarray(0, n));
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
  return accessAt(p, int(a[0]), a[1], int(a[2]), 0);
}

export function sysFaccessat2(p: LinuxProcess, a: A): number {
  return accessAt(p, int(a[0]), a[1], int(a[2]), int(a[3]));
}

// --- size and sync ------------------------------------------------------------------------

export function sysFtruncate(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  const len = long(a[1]);
  if (len < 0n) return -E.EINVAL;
  if (len > MAX_OFFSET) return -E.EFBIG;
  if (f.kind === 'path') return -E.EBADF;
  if (accMode(p, f) === p.abi.openFlags.O_RDONLY) return -E.EINVAL;
  fs.ftruncateSync(f.hostFd, Number(len));
  return 0;
}

export function sysTruncate(p: LinuxProcess, a: A): number {
  const len = long(a[1]);
  if (len < 0n) return -E.EINVAL;
  if (len > MAX_OFFSET) return -E.EFBIG;
  fs.truncateSync(resolveAt(p, AT.FDCWD, guestString(p, a[0])), Number(len));
  return 0;
}

export function sysFsync(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  if (f.kind === 'path') return -E.EBADF;
  fs.fsyncSync(f.hostFd);
  return 0;
}

export function sysFdatasync(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  if (f.kind === 'path') return -E.EBADF;
  fs.fdatasyncSync(f.hostFd);
  return 0;
}

// --- dup / fcntl --------------------------------------------------------------------------

export function sysDup(p: LinuxProcess, a: A): number {
  const e = fdEntry(p, int(a[0]));
  const fd = p.fds.install(e.file, false, p.fdLimit);
  return fd < 0 ? -E.EMFILE : fd;
}

export function sysDup3(p: LinuxProcess, a: A): number {
  const oldfd = int(a[0]);
  const newfd = int(a[1]);
  const flags = int(a[2]);
  const o = p.abi.openFlags;
  if (flags & ~o.O_CLOEXEC) return -E.EINVAL;
  if (oldfd === newfd) return -E.EINVAL;
  const e = fdEntry(p, oldfd);
  if (newfd < 0 || newfd >= p.fdLimit) return -E.EBADF;
  p.fds.installAt(newfd, e.file, (flags & o.O_CLOEXEC) !== 0);
  return newfd;
}

function setflMask(p: LinuxProcess): number {
  return SETFL_NAMES.reduce((m, n) => m | p.abi.openFlags[n], 0);
}

export function sysFcntl(p: LinuxProcess, a: A): number {
  const e: FdEntry = fdEntry(p, int(a[0]));
  const cmd = int(a[1]);
  const arg = int(a[2]);
  switch (cmd) {
    case FCNTL.F_DUPFD:
    case FCNTL.F_DUPFD_CLOEXEC: {
      if (arg < 0 || arg >= p.fdLimit) return -E.EINVAL;
      const fd = p.fds.install(e.file, cmd === FCNTL.F_DUPFD_CLOEXEC, p.fdLimit, arg);
      return fd < 0 ? -E.EMFILE : fd;
    }
    case FCNTL.F_GETFD:
      return e.cloexec ? FD_CLOEXEC : 0;
    case FCNTL.F_SETFD:
      e.cloexec = (arg & FD_CLOEXEC) !== 0;
      return 0;
    case FCNTL.F_GETFL:
      return e.file.flags;
    case FCNTL.F_SETFL: {
      // Recorded: reads and writes honour O_APPEND and O_NONBLOCK themselves. A blocking
      // host fd (a tty) cannot be made non-blocking from Node, so such reads still wait.
      const m = setflMask(p);
      e.file.flags = (e.file.flags & ~m) | (arg & m);
      return 0;
    }
    default:
      p.logUnimp?.(`Unsupported fcntl cmd: ${cmd}`);
      return -E.EINVAL;
  }
}

// --- ioctl ----------------------------------------------------------------------------------

export function sysIoctl(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, int(a[0])).file;
  const req = uint(a[1]);
  switch (req) {
    case IOCTL.TCGETS:
      if (f.kind !== 'tty') return -E.ENOTTY;
      writeGuest(p, a[2], encodeTermios(hostTermios(f.hostFd)));
      return 0;
    case IOCTL.TIOCGWINSZ: {
      if (f.kind !== 'tty') return -E.ENOTTY;
      const tty = [process.stdout, process.stderr].find((s) => s.isTTY);
      writeGuest(p, a[2], encodeWinsize(tty?.rows ?? 24, tty?.columns ?? 80));
      return 0;
    }
    default:
      p.logUnimp?.(`Unsupported ioctl: fd ${int(a[0])} cmd 0x${req.toString(16)}`);
      return -E.ENOTTY;
  }
}

// --- pipes ------------------------------------------------------------------------------------

export function sysPipe2(p: LinuxProcess, a: A): number {
  const o = p.abi.openFlags;
  const flags = int(a[1]);
  if (flags & ~(o.O_CLOEXEC | o.O_NONBLOCK | o.O_DIRECT)) return -E.EINVAL;
  if (!p.mem.canAccess(a[0], 8, 'write')) return -E.EFAULT;
  const [r, w] = hostPipe();
  const status = flags & (o.O_NONBLOCK | o.O_DIRECT);
  const cloexec = (flags & o.O_CLOEXEC) !== 0;
  const rf = new OpenFile(r, '', o.O_RDONLY | status, 'pipe', null, true);
  const wf = new OpenFile(w, '', o.O_WRONLY | status, 'pipe', null, true);
  const rfd = p.fds.install(rf, cloexec, p.fdLimit);
  const wfd = rfd < 0 ? -1 : p.fds.install(wf, cloexec, p.fdLimit);
  if (wfd < 0) {
    if (rfd >= 0) p.fds.close(rfd);
    else fs.closeSync(r);
    fs.closeSync(w);
    return -E.EMFILE;
  }
  writeGuest(p, a[0], u32s([rfd, wfd]));
  return 0;
}
