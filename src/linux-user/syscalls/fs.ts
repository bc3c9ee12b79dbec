// File, directory and path syscalls over node:fs synchronous calls: open/close, stat
// family, getdents64 from a directory snapshot, *at path operations, mknodat, ownership
// and times, statfs, truncate, fallocate and sync. Moving data (read/write and their
// forms, lseek, sendfile) is in rw.ts; descriptor control (dup, fcntl, ioctl, pipe2) in fd.ts.

import * as fs from 'node:fs';
import { E, fail } from '../errno.js';
import { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import {
  ACCESS, AT, CLOCK, MAX_RW_COUNT, RENAME, STATX, UTIME,
} from '../generic/constants.js';
import {
  TIMESPEC_SIZE, decodeTimespecPair, encodeDirent64, encodeStat, encodeStatfs, encodeStatx,
} from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import {
  hostFdPath, hostStatfs, hostSync, isSeekable, kindOf,
  listDirectory, nodeTime, translateOpenFlags,
} from '../vfs/host.js';
import { isProcSelfExe, resolveAt } from '../vfs/path.js';
import { guestFdListing, isGuestProcFile, openGuestProcFile } from '../vfs/proc.js';
import { hostLibc } from '../host/libc.js';
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
  return openHostPath(p, isProcSelfExe(p, path) && p.exePath ? p.exePath : resolveAt(p, dirfd, path), flags, mode);
}

/** Opens host path `host` (a guest path resolved already: openat2) for the guest; the new guest fd. */
export function openHostPath(p: LinuxProcess, host: string, flags: number, mode: number): number {
  const o = p.abi.openFlags;
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
  f.dirEntries ??= guestFdListing(p, f.path) ?? listDirectory(f.path);
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
  const lc = hostLibc();
  if (lc) {
    lc.rename(from, to, flags); // the host's renameat2: its flags atomic
    return 0;
  }
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

/** AT_FDCWD for the host's *at calls, which get absolute paths here. */
const AT_FDCWD_HOST = -100;

export function sysLinkat(p: LinuxProcess, a: A): number {
  const flags = a.int(4);
  if (flags & ~(AT.SYMLINK_FOLLOW | AT.EMPTY_PATH)) return -E.EINVAL;
  const fromPath = guestString(p, a.big(1));
  const to = resolveAt(p, a.int(2), guestString(p, a.big(3)));
  const lc = hostLibc();
  if (flags & AT.EMPTY_PATH && fromPath === '') {
    // The file the fd refers to (an O_TMPFILE one too); its host fd does the same.
    const file = fdEntry(p, a.int(0)).file;
    if (!lc || file.hostFd < 0) {
      p.logUnimp?.('linkat AT_EMPTY_PATH without the host libc');
      return -E.ENOENT;
    }
    lc.link(file.hostFd, '', to, AT.EMPTY_PATH);
    return 0;
  }
  let from = resolveAt(p, a.int(0), fromPath);
  if (lc) {
    // The host's linkat: AT_SYMLINK_FOLLOW also follows /proc/self/fd's magic links.
    lc.link(AT_FDCWD_HOST, from, to, flags & AT.SYMLINK_FOLLOW);
    return 0;
  }
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

// --- mknodat ------------------------------------------------------------------------------

const S_IFMT = 0o170000;
const S_IF = { REG: 0o100000, FIFO: 0o010000, CHR: 0o020000, BLK: 0o060000, SOCK: 0o140000 } as const;

/** The kernel's dev_t (new_decode_dev) as glibc's makedev encodes it for the host's mknodat. */
function glibcDev(dev: number): bigint {
  const major = BigInt((dev & 0xfff00) >>> 8);
  const minor = BigInt((dev & 0xff) | ((dev >>> 12) & 0xfff00));
  return ((major & 0xfffff000n) << 32n) | ((major & 0xfffn) << 8n) | ((minor & 0xffffff00n) << 12n) | (minor & 0xffn);
}

/** mknodat: a regular file here; FIFOs, devices and sockets by the host's mknodat (libc). */
export function sysMknodat(p: LinuxProcess, a: A): number {
  const mode = a.uint(2);
  const type = mode & S_IFMT;
  const host = resolveAt(p, a.int(0), guestString(p, a.big(1)));
  const perm = mode & 0o7777 & ~p.umask;
  if (type === 0 || type === S_IF.REG) {
    fs.closeSync(fs.openSync(host, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, perm));
    return 0;
  }
  if (type !== S_IF.FIFO && type !== S_IF.CHR && type !== S_IF.BLK && type !== S_IF.SOCK) return -E.EINVAL;
  (hostLibc() ?? fail(E.ENOSYS)).mknod(host, type | perm, glibcDev(a.uint(3)));
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

/** fallocate: the host's (through libc); its mode flags (KEEP_SIZE, PUNCH_HOLE, ...) are Linux's on both sides. */
export function sysFallocate(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  const offset = long(a.big(2));
  const len = long(a.big(3));
  if (offset < 0n || len <= 0n) return -E.EINVAL;
  if (offset + len > MAX_OFFSET) return -E.EFBIG;
  if (f.kind === 'path' || accMode(p, f) === p.abi.openFlags.O_RDONLY) return -E.EBADF;
  if (f.kind === 'pipe') return -E.ESPIPE;
  if (f.kind !== 'file') return -E.ENODEV;
  (hostLibc() ?? fail(E.EOPNOTSUPP)).fallocate(f.hostFd, a.int(1), offset, len);
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
