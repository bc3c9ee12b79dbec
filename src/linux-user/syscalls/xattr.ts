// Extended attributes: the getxattr(2) family (get, list, set, remove, each on a path, on a
// path without following a final symlink, or on an fd), passed to the file system's own
// (the host's: its calls through host/libc.ts); EOPNOTSUPP where it keeps none (no libc
// binding, as on a host file system without xattrs). Sizes follow Linux: a zero size
// asks for the size needed; a value over XATTR_SIZE_MAX is E2BIG; a name is
// 1..XATTR_NAME_MAX bytes (ERANGE otherwise).

import { E, fail } from '../errno.js';
import { AT } from '../generic/constants.js';
import type { HostXattr, XattrTarget } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { resolveAt } from '../vfs/path.js';
import { fdEntry, guestOut, guestIn, guestString, type SyscallArgs } from './args.js';

type A = SyscallArgs;

/** Linux's limits (include/uapi/linux/limits.h). */
const XATTR_NAME_MAX = 255;
const XATTR_SIZE_MAX = 65536;
const XATTR_LIST_MAX = 65536;
const XATTR_FLAGS = 0x1 | 0x2; // XATTR_CREATE | XATTR_REPLACE

type Via = 'path' | 'link' | 'fd';

/** The target of a call, argument 0: a path (followed or not) or a guest fd; and who keeps its attributes. */
function target(p: LinuxProcess, a: A, via: Via): { t: XattrTarget; xattrs: HostXattr } {
  if (via === 'fd') {
    const file = fdEntry(p, a.int(0)).file;
    if (file.handle < 0) fail(E.EBADF);
    return { t: { fd: file.handle }, xattrs: file.fs.xattrs() ?? fail(E.EOPNOTSUPP) };
  }
  const t = { path: resolveAt(p, AT.FDCWD, guestString(p, a.big(0))), follow: via === 'path' };
  return { t, xattrs: p.vfs.xattrs() ?? fail(E.EOPNOTSUPP) };
}

function attrName(p: LinuxProcess, addr: bigint): string {
  const name = guestString(p, addr, XATTR_NAME_MAX + 2);
  if (name.length === 0 || Buffer.byteLength(name) > XATTR_NAME_MAX) fail(E.ERANGE);
  return name;
}

const getxattr = (via: Via) => (p: LinuxProcess, a: A): number => {
  const { t, xattrs } = target(p, a, via);
  const name = attrName(p, a.big(1));
  const size = Math.min(a.size(3), XATTR_SIZE_MAX);
  if (size === 0) return xattrs.get(t, name, null);
  const buf = new Uint8Array(size);
  const n = xattrs.get(t, name, buf);
  guestOut(p, a.big(2), n).set(buf.subarray(0, n));
  return n;
};

const listxattr = (via: Via) => (p: LinuxProcess, a: A): number => {
  const { t, xattrs } = target(p, a, via);
  const size = Math.min(a.size(2), XATTR_LIST_MAX);
  if (size === 0) return xattrs.list(t, null);
  const buf = new Uint8Array(size);
  const n = xattrs.list(t, buf);
  guestOut(p, a.big(1), n).set(buf.subarray(0, n));
  return n;
};

const setxattr = (via: Via) => (p: LinuxProcess, a: A): number => {
  const { t, xattrs } = target(p, a, via);
  const name = attrName(p, a.big(1));
  const size = a.size(3);
  const flags = a.int(4);
  if (flags & ~XATTR_FLAGS) return -E.EINVAL;
  if (size > XATTR_SIZE_MAX) return -E.E2BIG;
  const value = size === 0 ? new Uint8Array(0) : guestIn(p, a.big(2), size).slice();
  xattrs.set(t, name, value, flags);
  return 0;
};

const removexattr = (via: Via) => (p: LinuxProcess, a: A): number => {
  const { t, xattrs } = target(p, a, via);
  xattrs.remove(t, attrName(p, a.big(1)));
  return 0;
};

export const sysGetxattr = getxattr('path');
export const sysLgetxattr = getxattr('link');
export const sysFgetxattr = getxattr('fd');
export const sysListxattr = listxattr('path');
export const sysLlistxattr = listxattr('link');
export const sysFlistxattr = listxattr('fd');
export const sysSetxattr = setxattr('path');
export const sysLsetxattr = setxattr('link');
export const sysFsetxattr = setxattr('fd');
export const sysRemovexattr = removexattr('path');
export const sysLremovexattr = removexattr('link');
export const sysFremovexattr = removexattr('fd');
