// The host's file system behind the VFS seam (vfs/filesystem.ts): node:fs synchronous
// calls, and host/libc.ts for what Node has no binding for (renameat2's flags, linkat of
// an fd, mknod of FIFOs and devices, fallocate, statfs, sync, xattrs). Handles are host
// fds. Without libc: renames with NOREPLACE are checked then done (not atomic), EXCHANGE
// is EINVAL; statfs comes from stat -f, sync from sync(1).

import * as fs from 'node:fs';
import { lazyBuiltin } from '../../host-lazy.js';
import { hostLibc } from '../host/libc.js';
import { AT, DT, RENAME } from '../generic/constants.js';
import type { Statfs } from '../generic/structs.js';
import type { DirEntry } from '../fd-table.js';
import type { FileSystem } from './filesystem.js';
import { hostRead, hostWrite, kindOf } from './host.js';

const childProcess = lazyBuiltin<typeof import('node:child_process')>('node:child_process');

function direntType(d: fs.Dirent<Buffer>): number {
  if (d.isFile()) return DT.REG;
  if (d.isDirectory()) return DT.DIR;
  if (d.isSymbolicLink()) return DT.LNK;
  if (d.isFIFO()) return DT.FIFO;
  if (d.isCharacterDevice()) return DT.CHR;
  if (d.isBlockDevice()) return DT.BLK;
  if (d.isSocket()) return DT.SOCK;
  return DT.UNKNOWN;
}

/** A snapshot of a directory for getdents64: ".", "..", then the entries in host order. */
function listDirectory(path: string): DirEntry[] {
  const ino = (p: string | Buffer): bigint | null => {
    try {
      return fs.lstatSync(p, { bigint: true }).ino;
    } catch {
      return null;
    }
  };
  const out: DirEntry[] = [];
  out.push({ name: Buffer.from('.'), ino: ino(path) ?? 0n, type: DT.DIR });
  out.push({ name: Buffer.from('..'), ino: ino(`${path}/..`) ?? 0n, type: DT.DIR });
  const prefix = Buffer.from(path.endsWith('/') ? path : `${path}/`);
  for (const d of fs.readdirSync(path, { withFileTypes: true, encoding: 'buffer' })) {
    const i = ino(Buffer.concat([prefix, d.name]));
    if (i !== null) out.push({ name: d.name, ino: i, type: direntType(d) });
  }
  return out;
}

/** The host path through which a child process reaches one of our host fds. */
const hostFdPath = (hostFd: number): string => `/proc/${process.pid}/fd/${hostFd}`;

/**
 * statfs(2) of a host path, or fstatfs(2) of a host fd: the host's own call through host/libc.ts (struct statfs of a
 * 64-bit asm-generic host). Without it: Node's statfsSync raises the right error for a bad
 * path but lacks f_fsid, f_namelen and f_frsize, so the record comes from `stat -f` (GNU
 * coreutils prints f_fsid as val[0] << 32 | val[1]), f_flags 0: without ST_VALID, as from
 * kernels before 2.6.36, glibc's statvfs reads the mount flags from /proc/mounts itself.
 * Returns null when stat(1) cannot tell us.
 */
function hostStatfs(target: string | number): Statfs | null {
  const lc = hostLibc();
  if (lc?.statfs) {
    const dv = new DataView(lc.statfs(target).buffer);
    const u64 = (at: number): bigint => dv.getBigUint64(at, true);
    return {
      type: u64(0), bsize: u64(8), blocks: u64(16), bfree: u64(24), bavail: u64(32), files: u64(40), ffree: u64(48),
      fsid: [dv.getUint32(56, true), dv.getUint32(60, true)], namelen: u64(64), frsize: u64(72), flags: u64(80),
    };
  }
  const path = typeof target === 'number' ? hostFdPath(target) : target;
  fs.statfsSync(path);
  const r = childProcess().spawnSync('stat', ['-f', '-c', '%t %s %S %b %f %a %c %d %i %l', '--', path], { encoding: 'utf8', timeout: 5000 });
  const f = r.status === 0 ? r.stdout.trim().split(' ') : [];
  if (f.length !== 10 || !f.every((x) => /^[0-9a-f]+$/.test(x))) return null;
  const dec = (i: number): bigint => BigInt(f[i]);
  const fsid = BigInt(`0x${f[8]}`);
  return {
    type: BigInt(`0x${f[0]}`), bsize: dec(1), frsize: dec(2), blocks: dec(3), bfree: dec(4), bavail: dec(5),
    files: dec(6), ffree: dec(7), fsid: [Number(fsid >> 32n), Number(fsid & 0xffff_ffffn)], namelen: dec(9), flags: 0n,
  };
}

/** sync(1), for sync(2) or (with -f) syncfs(2) of `path`, where the host libc is missing (no write-back errors reported). */
function runSync(path?: string): void {
  childProcess().spawnSync('sync', path === undefined ? [] : ['-f', '--', path], { stdio: 'ignore', timeout: 600_000 });
}

const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/**
 * A time in nanoseconds as Node's utimes family takes it. libuv passes seconds as a double
 * and keeps whole microseconds (it truncates toward zero), so the time is rounded down to
 * its microsecond and half a microsecond of margin is added on the side libuv truncates
 * from: the double's rounding then never changes the microsecond (exact until 2242).
 * Node turns negative numbers into "now", but passes numeric strings through unchanged.
 */
function nodeTime(ns: bigint): number | string {
  const us = floorDiv(ns, 1000n);
  const sec = floorDiv(us, 1_000_000n);
  const frac = Number(us - sec * 1_000_000n);
  const t = Number(sec) + (frac + (ns >= 0n ? 0.5 : -0.5)) / 1e6;
  return t < 0 ? String(t) : t;
}

/** AT_FDCWD for the host's *at calls, which get absolute paths here. */
const AT_FDCWD_HOST = -100;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

const exists = (path: string): boolean => {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

const libcOr = (why: string) => hostLibc() ?? Object.assign(new Error(`${why} needs the host libc`), { code: 'ENOSYS' }) as never;

export const hostFileSystem: FileSystem = {
  hostFds: true,
  open: (path, flags, mode) => fs.openSync(path, flags, mode),
  stat: (path, follow) => (follow ? fs.statSync(path, { bigint: true }) : fs.lstatSync(path, { bigint: true })),
  access: (path, mode) => fs.accessSync(path, mode),
  realpath: (path) => fs.realpathSync.native(path),
  readdir: listDirectory,
  readlink: (path) => fs.readlinkSync(path, { encoding: 'buffer' }),
  mkdir: (path, mode) => fs.mkdirSync(path, { mode }),
  rmdir: (path) => fs.rmdirSync(path),
  unlink: (path) => fs.unlinkSync(path),
  rename(from, to, flags) {
    const lc = hostLibc();
    if (lc) return lc.rename(from, to, flags); // the host's renameat2: its flags atomic
    // Node cannot pass renameat2 flags; an emulated exchange would not be atomic.
    if (flags & (RENAME.EXCHANGE | RENAME.WHITEOUT)) throw Object.assign(new Error('renameat2 flags need the host libc'), { code: 'EINVAL' });
    // Checked, then renamed: not atomic against another process creating `to` in between.
    if (flags & RENAME.NOREPLACE && exists(to)) throw Object.assign(new Error(`EEXIST: ${to}`), { code: 'EEXIST' });
    fs.renameSync(from, to);
  },
  symlink: (target, path) => fs.symlinkSync(target, path),
  link(from, to, followSource) {
    const lc = hostLibc();
    // The host's linkat: AT_SYMLINK_FOLLOW also follows /proc/self/fd's magic links.
    if (lc) return lc.link(AT_FDCWD_HOST, from, to, followSource ? AT.SYMLINK_FOLLOW : 0);
    // link(2) on Linux does not follow a symlink source; AT_SYMLINK_FOLLOW asks for it.
    fs.linkSync(followSource ? fs.realpathSync.native(from) : from, to);
  },
  linkHandle: (handle, to) => libcOr('linkat AT_EMPTY_PATH').link(handle, '', to, AT.EMPTY_PATH),
  mknod(path, mode, dev) {
    const type = mode & S_IFMT;
    if (type === 0 || type === S_IFREG) {
      fs.closeSync(fs.openSync(path, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, mode & 0o7777));
      return;
    }
    libcOr('mknod of a special file').mknod(path, mode, dev);
  },
  chmod: (path, mode) => fs.chmodSync(path, mode),
  chown: (path, uid, gid, follow) => (follow ? fs.chownSync(path, uid, gid) : fs.lchownSync(path, uid, gid)),
  utimes: (path, atime, mtime, follow) => (follow ? fs.utimesSync : fs.lutimesSync)(path, nodeTime(atime), nodeTime(mtime)),
  truncate: (path, len) => fs.truncateSync(path, len),
  statfs: hostStatfs,
  sync() {
    const lc = hostLibc();
    if (lc) lc.sync();
    else runSync();
  },

  close: (handle) => fs.closeSync(handle),
  fstat: (handle) => fs.fstatSync(handle, { bigint: true }),
  kindOf: (handle) => kindOf(fs.fstatSync(handle), handle),
  read: hostRead,
  write: hostWrite,
  fchmod: (handle, mode) => fs.fchmodSync(handle, mode),
  fchown: (handle, uid, gid) => fs.fchownSync(handle, uid, gid),
  futimes: (handle, atime, mtime) => fs.futimesSync(handle, nodeTime(atime), nodeTime(mtime)),
  ftruncate: (handle, len) => fs.ftruncateSync(handle, len),
  fsync: (handle, dataOnly) => (dataOnly ? fs.fdatasyncSync(handle) : fs.fsyncSync(handle)),
  fallocate: (handle, mode, offset, len) => libcOr('fallocate').fallocate(handle, mode, offset, len),
  fstatfs: hostStatfs,
  syncfs(handle) {
    const lc = hostLibc();
    if (lc) lc.sync(handle);
    else runSync(hostFdPath(handle));
  },
  xattrs: () => hostLibc()?.xattr ?? null,
};
