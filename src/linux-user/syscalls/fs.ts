// File, directory and path syscalls, through the VFS seam (vfs/filesystem.ts): a path
// is resolved (vfs/path.ts) and handed to the process's file system, an open file's
// handle to the file system it was opened in. open/close, stat family, getdents64 from
// a directory snapshot, *at path operations, mknodat, ownership and times, statfs,
// truncate, fallocate and sync. Moving data (read/write and their forms, lseek,
// sendfile) is in rw.ts; descriptor control (dup, fcntl, ioctl, pipe2) in fd.ts.

import { E, fail } from '../errno.js';
import { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import {
  ACCESS, AT, CLOCK, MAX_RW_COUNT, RENAME, STATX, UTIME,
} from '../generic/constants.js';
import {
  TIMESPEC_SIZE, decodeTimespecPair, encodeDirent64, encodeStat, encodeStatfs, encodeStatx, type Statfs,
} from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import type { FileStat } from '../vfs/filesystem.js';
import { isSeekable, translateOpenFlags } from '../vfs/host.js';
import { hostFileSystem } from '../vfs/host-fs.js';
import { isProcSelfExe, resolveAt } from '../vfs/path.js';
import { peerExe } from '../vfs/proc-peers.js';
import { guestFdListing, isGuestProcFile, openGuestProcFile } from '../vfs/proc.js';
import { fdEntry, guestOut, guestString, long, readGuest, uint, writeGuest, type SyscallArgs } from './args.js';
import { dropPosixLocksOnClose } from './locks.js';
import { accMode } from './rw.js';
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
  return openResolved(p, isProcSelfExe(p, path) && p.exePath ? p.exePath : resolveAt(p, dirfd, path), flags, mode);
}

/** Opens `host`, a guest path resolved already (by resolveAt, or openat2's walk), for the guest; the new guest fd. */
export function openResolved(p: LinuxProcess, host: string, flags: number, mode: number): number {
  const o = p.abi.openFlags;
  const hostFlags = translateOpenFlags(flags & ~o.O_CLOEXEC, o, HOST_OPEN_FLAGS);
  // The guest's own /proc files (vfs/proc.ts) are read-only files made now.
  const own = !(flags & o.O_PATH) && isGuestProcFile(p, host);
  if (own && (flags & o.O_ACCMODE) !== o.O_RDONLY) fail(E.EACCES);
  // ... which live on the host whatever the process's file system.
  const vfs = own ? hostFileSystem : p.vfs;
  const handle = own ? openGuestProcFile(p, host)! : vfs.open(host, hostFlags, mode & 0o7777 & ~p.umask);
  let file: OpenFile;
  try {
    const kind = flags & o.O_PATH ? 'path' : vfs.kindOf(handle);
    // 64-bit kernels force O_LARGEFILE into every open file's flags, and keep none of the
    // flags that only act at open (do_dentry_open): F_GETFL never shows them.
    const kept = flags & ~(o.O_CLOEXEC | o.O_CREAT | o.O_EXCL | o.O_NOCTTY | o.O_TRUNC);
    file = new OpenFile(vfs, handle, host, kept | o.O_LARGEFILE, kind, isSeekable(kind) ? 0 : null, true);
  } catch (e) {
    vfs.close(handle);
    throw e;
  }
  const fd = p.fds.install(file, (flags & o.O_CLOEXEC) !== 0, p.fdLimit);
  if (fd < 0) {
    vfs.close(handle);
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

// --- stat family --------------------------------------------------------------------------

function statOfFd(p: LinuxProcess, fd: number): FileStat {
  if (fd === AT.FDCWD) return p.vfs.stat(p.cwd, true);
  const f = fdEntry(p, fd).file;
  return f.fs.fstat(f.handle);
}

/** stat for (dirfd, path, AT_* flags), following the rules of fstatat. */
function statAt(p: LinuxProcess, dirfd: number, pathAddr: bigint, flags: number): FileStat {
  const path = guestString(p, pathAddr);
  if (path === '' && flags & AT.EMPTY_PATH) return statOfFd(p, dirfd);
  const follow = !(flags & AT.SYMLINK_NOFOLLOW);
  // The link itself is the host kernel's /proc/self/exe; what it points at, the guest program.
  if (isProcSelfExe(p, path) && p.exePath) return follow ? p.vfs.stat(p.exePath, true) : hostFileSystem.stat('/proc/self/exe', false);
  return p.vfs.stat(resolveAt(p, dirfd, path), follow);
}

export function sysFstat(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  writeGuest(p, a.big(1), encodeStat(f.fs.fstat(f.handle)));
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
  f.dirEntries ??= guestFdListing(p, f.path) ?? f.fs.readdir(f.path);
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

function enterDir(p: LinuxProcess, path: string): number {
  if (!p.vfs.stat(path, true).isDirectory()) return -E.ENOTDIR;
  p.vfs.access(path, ACCESS.X_OK);
  p.cwd = p.vfs.realpath(path);
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
  p.vfs.mkdir(resolveAt(p, a.int(0), guestString(p, a.big(1))), a.uint(2) & 0o7777 & ~p.umask);
  return 0;
}

export function sysUnlinkat(p: LinuxProcess, a: A): number {
  const flags = a.int(2);
  if (flags & ~AT.REMOVEDIR) return -E.EINVAL;
  const path = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  if (flags & AT.REMOVEDIR) p.vfs.rmdir(path);
  else p.vfs.unlink(path);
  return 0;
}

function renameAt(p: LinuxProcess, a: A, flags: number): number {
  if (flags & ~(RENAME.NOREPLACE | RENAME.EXCHANGE | RENAME.WHITEOUT)) return -E.EINVAL;
  if (flags & RENAME.EXCHANGE && flags & (RENAME.NOREPLACE | RENAME.WHITEOUT)) return -E.EINVAL;
  const from = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  const to = resolveAt(p, a.int(2), guestString(p, a.big(3)));
  p.vfs.rename(from, to, flags);
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
  p.vfs.symlink(target, resolveAt(p, a.int(1), guestString(p, a.big(2))));
  return 0;
}

export function sysLinkat(p: LinuxProcess, a: A): number {
  const flags = a.int(4);
  if (flags & ~(AT.SYMLINK_FOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  const fromPath = guestString(p, a.big(1));
  const to = resolveAt(p, a.int(2), guestString(p, a.big(3)));
  if (flags & AT.EMPTY_PATH && fromPath === '') {
    // The file the fd refers to (an O_TMPFILE one too), in its own file system.
    const file = fdEntry(p, a.int(0)).file;
    if (file.fs !== p.vfs) return -E.EXDEV;
    file.fs.linkHandle(file.handle, to);
    return 0;
  }
  p.vfs.link(resolveAt(p, a.int(0), fromPath), to, (flags & AT.SYMLINK_FOLLOW) !== 0);
  return 0;
}

export function sysFchmod(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  f.fs.fchmod(f.handle, a.uint(1) & 0o7777);
  return 0;
}

export function sysFchmodat(p: LinuxProcess, a: A): number {
  p.vfs.chmod(resolveAt(p, a.int(0), guestString(p, a.big(1))), a.uint(2) & 0o7777);
  return 0;
}

export function sysReadlinkat(p: LinuxProcess, a: A): number {
  const bufsiz = a.int(3);
  if (bufsiz <= 0) return -E.EINVAL;
  const path = guestString(p, a.big(1));
  const peer = peerExe(p, path); // another guest process's program (vfs/proc-peers.ts)
  const target = isProcSelfExe(p, path) && p.exePath
    ? Buffer.from(p.exePath)
    : peer !== null ? Buffer.from(peer) : p.vfs.readlink(resolveAt(p, a.int(0), path));
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
  if (flags & AT.SYMLINK_NOFOLLOW && p.vfs.stat(host, false).isSymbolicLink()) return 0;
  // We are never setuid, so real and effective ids agree: AT_EACCESS changes nothing.
  p.vfs.access(host, mode);
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

function chownTarget(p: LinuxProcess, t: Target, uid: number, gid: number): number {
  if ('fd' in t) t.fd.fs.fchown(t.fd.handle, uid, gid);
  else p.vfs.chown(t.path, uid, gid, !t.nofollow);
  return 0;
}

export function sysFchownat(p: LinuxProcess, a: A): number {
  const flags = a.int(4);
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  return chownTarget(p, targetAt(p, a.int(0), a.big(1), flags), ownerId(a.big(2)), ownerId(a.big(3)));
}

export function sysFchown(p: LinuxProcess, a: A): number {
  return chownTarget(p, { fd: fdEntry(p, a.int(0)).file }, ownerId(a.big(1)), ownerId(a.big(2)));
}

const NS_PER_SEC = 1_000_000_000n;
const validNsec = (n: bigint): boolean => (n >= 0n && n < NS_PER_SEC) || n === BigInt(UTIME.NOW) || n === BigInt(UTIME.OMIT);

/**
 * utimensat(dirfd, path, times[2], flags); a NULL path is futimens on dirfd. The host's
 * file system sets times to the microsecond (vfs/host-fs.ts), so finer digits are dropped,
 * and it cannot leave one time alone: UTIME_OMIT rewrites the current value (to the
 * microsecond too).
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
  const st = 'fd' in t ? t.fd.fs.fstat(t.fd.handle) : p.vfs.stat(t.path, !t.nofollow);
  if (times && !(validNsec(times[0].nsec) && validNsec(times[1].nsec))) return -E.EINVAL;
  const now = clockNow(CLOCK.REALTIME) ?? 0n;
  const pick = (ts: { sec: bigint; nsec: bigint } | undefined, current: bigint): bigint => {
    if (!ts || ts.nsec === BigInt(UTIME.NOW)) return now;
    if (ts.nsec === omit) return current;
    return ts.sec * NS_PER_SEC + ts.nsec;
  };
  const atime = pick(times?.[0], st.atimeNs);
  const mtime = pick(times?.[1], st.mtimeNs);
  if ('fd' in t) t.fd.fs.futimes(t.fd.handle, atime, mtime);
  else p.vfs.utimes(t.path, atime, mtime, !t.nofollow);
  return 0;
}

// --- mknodat ------------------------------------------------------------------------------

const S_IFMT = 0o170000;
const S_IF = { REG: 0o100000, FIFO: 0o010000, CHR: 0o020000, BLK: 0o060000, SOCK: 0o140000 } as const;

/** The kernel's dev_t (new_decode_dev) as glibc's makedev encodes it for the host's mknodat. */
function glibcDev(dev: number): bigint {
  const major = BigInt((dev & 0xfff00) >>> 8);
  const minor = BigInt((dev & 0xff) | ((dev >>> 12) & 0xfff00));
  return ((major & 0xfffff000n) << 32n) | ((major & 0xfffn) << 8n) | ((minor & 0xffffff00n) << 12n) | (minor & 0xffn);
}

/** mknodat: regular files, FIFOs, devices and sockets (type 0 is a regular file). */
export function sysMknodat(p: LinuxProcess, a: A): number {
  const mode = a.uint(2);
  const type = mode & S_IFMT;
  const path = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  if (type !== 0 && type !== S_IF.REG && type !== S_IF.FIFO && type !== S_IF.CHR && type !== S_IF.BLK && type !== S_IF.SOCK) return -E.EINVAL;
  p.vfs.mknod(path, (type || S_IF.REG) | (mode & 0o7777 & ~p.umask), glibcDev(a.uint(3)));
  return 0;
}

// --- file-system statistics ---------------------------------------------------------------

function putStatfs(p: LinuxProcess, st: Statfs | null, what: string, out: bigint): number {
  if (!st) {
    p.logUnimp?.(`statfs: no answer for ${what}`);
    return -E.ENOSYS;
  }
  writeGuest(p, out, encodeStatfs(st));
  return 0;
}

export function sysStatfs(p: LinuxProcess, a: A): number {
  const path = resolveAt(p, AT.FDCWD, guestString(p, a.big(0)));
  return putStatfs(p, p.vfs.statfs(path), path, a.big(1));
}

export function sysFstatfs(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  return putStatfs(p, f.fs.fstatfs(f.handle), `fd ${a.int(0)}`, a.big(1));
}

// --- size and sync ------------------------------------------------------------------------

export function sysFtruncate(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  const len = long(a.big(1));
  if (len < 0n) return -E.EINVAL;
  if (len > MAX_OFFSET) return -E.EFBIG;
  if (f.kind === 'path') return -E.EBADF;
  if (accMode(p, f) === p.abi.openFlags.O_RDONLY) return -E.EINVAL;
  f.fs.ftruncate(f.handle, Number(len));
  return 0;
}

/** fallocate: the file system's (the host's through libc); its mode flags (KEEP_SIZE, PUNCH_HOLE, ...) are Linux's on both sides. */
export function sysFallocate(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  const offset = long(a.big(2));
  const len = long(a.big(3));
  if (offset < 0n || len <= 0n) return -E.EINVAL;
  if (offset + len > MAX_OFFSET) return -E.EFBIG;
  if (f.kind === 'path' || accMode(p, f) === p.abi.openFlags.O_RDONLY) return -E.EBADF;
  if (f.kind === 'pipe') return -E.ESPIPE;
  if (f.kind !== 'file') return -E.ENODEV;
  f.fs.fallocate(f.handle, a.int(1), offset, len);
  return 0;
}

export function sysTruncate(p: LinuxProcess, a: A): number {
  const len = long(a.big(1));
  if (len < 0n) return -E.EINVAL;
  if (len > MAX_OFFSET) return -E.EFBIG;
  p.vfs.truncate(resolveAt(p, AT.FDCWD, guestString(p, a.big(0))), Number(len));
  return 0;
}

export function sysFsync(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  f.fs.fsync(f.handle, false);
  return 0;
}

export function sysFdatasync(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  f.fs.fsync(f.handle, true);
  return 0;
}

export function sysSync(p: LinuxProcess): number {
  p.vfs.sync();
  return 0;
}

export function sysSyncfs(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  f.fs.syncfs(f.handle);
  return 0;
}
