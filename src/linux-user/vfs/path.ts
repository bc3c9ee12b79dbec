// Guest path → a path in the process's file system (vfs/filesystem.ts): relative paths resolve against the process cwd or a directory
// fd; with -L, an absolute path is first looked up under the prefix (QEMU's path());
// /proc/self/fd/N names guest fd N (our fd numbers are not the host's).
// Paths are joined as strings, never normalised, so "a/../b" goes to the host kernel as
// written and symlinks resolve the way Linux resolves them.

import { E, fail } from '../errno.js';
import { AT } from '../generic/constants.js';
import type { LinuxProcess } from '../process.js';
import { isOwnProcDir } from './proc.js';

export function joinPath(base: string, rel: string): string {
  return base.endsWith('/') ? base + rel : `${base}/${rel}`;
}

/** The kernel's own trees, which -prefix-only still takes from the host. */
const KERNEL_TREES = /^\/(proc|dev|sys)(\/|$)/;

/**
 * The -L prefixed path when it exists there, else the path itself; with -prefix-only, the
 * prefixed path always (but /proc, /dev and /sys, which are the kernel's). Not a sandbox:
 * "..", and symlinks in the prefix to absolute paths, still reach the host's files.
 */
export function prefixed(p: LinuxProcess, path: string): string {
  if (!p.ldPrefix || !path.startsWith('/')) return path;
  if (p.prefixOnly) return KERNEL_TREES.test(path) ? path : p.ldPrefix + path;
  if (path === '/') return path;
  const under = p.ldPrefix + path;
  try {
    p.vfs.stat(under, false);
    return under;
  } catch {
    return path;
  }
}

/** The directory a *at syscall's relative path starts from. */
export function dirBase(p: LinuxProcess, dirfd: number): string {
  if (dirfd === AT.FDCWD) return p.cwd;
  const e = p.fds.get(dirfd) ?? fail(E.EBADF);
  if (e.file.kind !== 'dir' && !(e.file.kind === 'path' && e.file.path)) fail(E.ENOTDIR);
  return e.file.path;
}

/**
 * /proc/self/fd/N and /proc/self/fdinfo/N (and /proc/<our pid>/..., /proc/thread-self/...)
 * name guest fd N: the host's entries for its host fd. ENOENT for a guest fd not open.
 */
export function procFdPath(p: LinuxProcess, path: string): string | null {
  const m = /^\/proc\/(self|thread-self|\d+)\/(fd|fdinfo)\/(\d+)$/.exec(path);
  if (!m || !isOwnProcDir(p, m[1])) return null;
  const file = p.fds.get(Number(m[3]))?.file;
  if (!file || file.hostFd < 0) fail(E.ENOENT);
  return `/proc/self/${m[2]}/${file.hostFd}`;
}

/** The file system's path for (dirfd, path). Empty paths are ENOENT (AT_EMPTY_PATH is the caller's business). */
export function resolveAt(p: LinuxProcess, dirfd: number, path: string): string {
  if (path === '') fail(E.ENOENT);
  if (path.startsWith('/proc/')) {
    const fdPath = procFdPath(p, path);
    if (fdPath !== null) return fdPath;
  }
  if (path.startsWith('/')) return prefixed(p, path);
  return joinPath(dirBase(p, dirfd), path);
}

/** Whether a guest path names our own executable through /proc (QEMU answers these itself). */
export function isProcSelfExe(p: LinuxProcess, path: string): boolean {
  return path === '/proc/self/exe' || path === `/proc/${p.pid}/exe` || path === '/proc/thread-self/exe';
}
