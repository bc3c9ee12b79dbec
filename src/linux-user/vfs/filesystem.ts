// The VFS seam: the one interface through which the file syscalls reach a file system.
// The syscall handlers resolve a guest path (vfs/path.ts) to a path in the process's file
// system and call it here; an open file (fd-table.ts OpenFile) remembers which file system
// its handle belongs to and does its I/O there. vfs/host-fs.ts serves the host's file
// system (node:fs, and host/libc.ts for what Node lacks); a second backend (an in-memory
// tree) implements the same interface without the handlers changing.
//
// Conventions: paths are absolute or relative to the emulator's own cwd, exactly as the
// handlers resolved them, never normalised here; failures are thrown as node:fs throws
// them (an Error whose `code` is the errno name), so errno.ts stays the one place that
// turns them into guest errnos; a call a backend cannot serve throws ENOSYS or answers
// null where noted. Open flags and modes are the host's (asm-generic) encoding.

import type { BigIntStats } from 'node:fs';
import type { Statfs } from '../generic/structs.js';
import type { HostXattr } from '../host/libc.js';

/** What an open file is, decided once at open (from fstat, for the host's). */
export type FileKind = 'file' | 'dir' | 'tty' | 'chr' | 'pipe' | 'socket' | 'path';

export interface DirEntry {
  name: Buffer;
  ino: bigint;
  /** linux_dirent64 d_type. */
  type: number;
}

/** What stat returns: the fields of node:fs's BigIntStats (times in ns) and its type tests. */
export type FileStat = BigIntStats;

/** A time for utimes: nanoseconds since the epoch. */
export type TimeNs = bigint;

export interface FileSystem {
  /** Whether handles of this file system are host fds (so poll, ioctl, locks and sockets can use them). */
  readonly hostFds: boolean;

  // --- the name space ------------------------------------------------------------------------
  /** open(2) with host flags; returns a handle for the methods below. */
  open(path: string, flags: number, mode: number): number;
  /** stat(2), or lstat(2) when `follow` is false. */
  stat(path: string, follow: boolean): FileStat;
  /** access(2) with R_OK / W_OK / X_OK (F_OK: 0). */
  access(path: string, mode: number): void;
  /** The canonical absolute path of an existing directory or file (symlinks resolved). */
  realpath(path: string): string;
  /** A snapshot of a directory for getdents64: ".", "..", then the entries in the file system's order. */
  readdir(path: string): DirEntry[];
  readlink(path: string): Buffer;
  mkdir(path: string, mode: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  /** renameat2(2) with its RENAME_* flags (EINVAL for flags the backend cannot do atomically). */
  rename(from: string, to: string, flags: number): void;
  /** symlink(2): `target` is stored as written. */
  symlink(target: string, path: string): void;
  /** link(2); `followSource`: AT_SYMLINK_FOLLOW. */
  link(from: string, to: string, followSource: boolean): void;
  /** linkat(2) with AT_EMPTY_PATH: a new name for the file open as `handle` (O_TMPFILE files too). */
  linkHandle(handle: number, to: string): void;
  /** mknod(2) of a regular file, FIFO, device or socket node; `mode` holds the type bits; `dev` as glibc's makedev encodes it. */
  mknod(path: string, mode: number, dev: bigint): void;
  chmod(path: string, mode: number): void;
  /** chown(2), or lchown(2) when `follow` is false; -1 leaves an id unchanged. */
  chown(path: string, uid: number, gid: number, follow: boolean): void;
  /** utimes to the nanosecond where the backend keeps them (the host's node:fs: to the microsecond). */
  utimes(path: string, atime: TimeNs, mtime: TimeNs, follow: boolean): void;
  truncate(path: string, len: number): void;
  /** statfs(2) of the file system holding `path`, or null when the backend cannot tell. */
  statfs(path: string): Statfs | null;
  /** sync(2). */
  sync(): void;
  /**
   * The extended-attribute calls on paths of this file system and on its handles (an
   * `fd` target is a handle), or null where it keeps none (the calls answer EOPNOTSUPP).
   */
  xattrs(): HostXattr | null;

  // --- open files, by handle -------------------------------------------------------------------
  close(handle: number): void;
  fstat(handle: number): FileStat;
  /** What kind of object the handle is, decided once at open. */
  kindOf(handle: number): FileKind;
  /**
   * read(2) into dst[off, off+len) at `position` (null: the handle's own offset); a
   * blocking one waits for data unless `nonblock`.
   */
  read(handle: number, dst: Uint8Array, off: number, len: number, position: number | null, nonblock: boolean): number;
  /** write(2) of src[off, off+len), as read reads. */
  write(handle: number, src: Uint8Array, off: number, len: number, position: number | null, nonblock: boolean): number;
  fchmod(handle: number, mode: number): void;
  fchown(handle: number, uid: number, gid: number): void;
  futimes(handle: number, atime: TimeNs, mtime: TimeNs): void;
  ftruncate(handle: number, len: number): void;
  /** fsync(2), or fdatasync(2) when `dataOnly`. */
  fsync(handle: number, dataOnly: boolean): void;
  /** fallocate(2) with Linux's mode flags. */
  fallocate(handle: number, mode: number, offset: bigint, len: bigint): void;
  /** fstatfs(2), or null when the backend cannot tell. */
  fstatfs(handle: number): Statfs | null;
  /** syncfs(2) of the file system holding the handle's file. */
  syncfs(handle: number): void;
}
