// openat2(2): struct open_how {u64 flags, u64 mode, u64 resolve} read by the kernel's
// extensible-struct rules (copy_struct_from_user), its fields checked in the order of
// fs/open.c's build_open_flags, and the RESOLVE_* flags done here: the host's open cannot
// take them (Node has no openat2, and the guest's paths are not all the host's: the -L
// prefix, guest fd numbers under /proc/self/fd, our own /proc files). So the path is walked
// one component at a time in the process's file system (vfs/filesystem.ts), as fs/namei.c
// walks it — lstat each component, follow symlinks here, count them (40 at most), handle
// "." and ".." — and the flags apply
// where namei applies them: NO_SYMLINKS at every symlink followed (a trailing one opened
// O_NOFOLLOW is not), NO_MAGICLINKS at /proc's magic links (fd/N, exe, cwd, root, ns/*,
// map_files/*), BENEATH and IN_ROOT scoping the walk to the dirfd (absolute paths and
// symlinks, ".." above the root and magic links: EXDEV for BENEATH; for IN_ROOT the root
// is the dirfd's), NO_XDEV at every change of mount (a directory's st_dev changing on the
// way down or up, an absolute symlink or a magic link to another mount). RESOLVE_CACHED
// may fail with EAGAIN on Linux; here it succeeds but where Linux always refuses it
// (O_CREAT, O_TRUNC, O_TMPFILE, a magic link). The resolved path is opened by fs.ts's
// openResolved, as openat opens; with no resolve flags openat2 is openat itself (fs.ts
// openAt), so both resolve a path alike. Races with renames by other processes are not closed
// as the kernel's seqlock retries close them.

import { PAGE_SIZE } from '../../memory/layout.js';
import { E, fail } from '../errno.js';
import { OPEN_FLAG_NAMES, RESOLVE } from '../generic/constants.js';
import type { LinuxProcess } from '../process.js';
import { dirBase, joinPath, prefixed, procFdPath } from '../vfs/path.js';
import { isOwnProcDir } from '../vfs/proc.js';
import { guestString, readGuest, type SyscallArgs } from './args.js';
import { openAt, openResolved } from './fs.js';

/** sizeof(struct open_how) as first published (OPEN_HOW_SIZE_VER0), and all we know of. */
export const OPEN_HOW_SIZE = 24;
/** The kernel's MAXSYMLINKS: symlinks one lookup may follow. */
const MAXSYMLINKS = 40;
const RESOLVE_ALL = Object.values(RESOLVE).reduce((m, b) => m | b, 0);
/** S_IALLUGO: the mode bits open(2) takes. */
const S_IALLUGO = 0o7777n;

export interface OpenHow { flags: bigint; mode: bigint; resolve: bigint }

/** struct open_how at `addr` as copy_struct_from_user reads `size` bytes of it (size ≥ 24 checked by the caller). */
function readOpenHow(p: LinuxProcess, addr: bigint, size: number): OpenHow {
  if (size > OPEN_HOW_SIZE) {
    // a newer caller's struct: what we do not know must be zero
    const tail = readGuest(p, addr + BigInt(OPEN_HOW_SIZE), size - OPEN_HOW_SIZE);
    if (tail.some((b) => b !== 0)) fail(E.E2BIG);
  }
  const dv = new DataView(readGuest(p, addr, OPEN_HOW_SIZE).slice().buffer);
  return { flags: dv.getBigUint64(0, true), mode: dv.getBigUint64(8, true), resolve: dv.getBigUint64(16, true) };
}

/** build_open_flags' checks of open_how, in its order; the flags as an int for the open. */
function checkHow(p: LinuxProcess, how: OpenHow): number {
  const o = p.abi.openFlags;
  const valid = OPEN_FLAG_NAMES.reduce((m, n) => m | o[n], o.O_ACCMODE);
  // openat2 forces O_LARGEFILE on 64-bit kernels, except for O_PATH; O_CLOEXEC is not checked
  const path = (how.flags & BigInt(o.O_PATH)) !== 0n;
  const all = (how.flags | (path ? 0n : BigInt(o.O_LARGEFILE))) & ~BigInt(o.O_CLOEXEC);
  if (all & ~BigInt(valid)) fail(E.EINVAL);
  if (how.resolve & ~BigInt(RESOLVE_ALL)) fail(E.EINVAL);
  const resolve = Number(how.resolve);
  if (resolve & RESOLVE.BENEATH && resolve & RESOLVE.IN_ROOT) fail(E.EINVAL);
  const flags = Number(all);
  const creates = (flags & (o.O_CREAT | o.__O_TMPFILE)) !== 0;
  if (creates ? how.mode & ~S_IALLUGO : how.mode !== 0n) fail(E.EINVAL);
  if ((flags & (o.O_DIRECTORY | o.O_CREAT)) === (o.O_DIRECTORY | o.O_CREAT)) fail(E.EINVAL);
  if (flags & o.__O_TMPFILE && (!(flags & o.O_DIRECTORY) || (flags & o.O_ACCMODE) === o.O_RDONLY)) fail(E.EINVAL);
  if (path && flags & ~(o.O_DIRECTORY | o.O_NOFOLLOW | o.O_PATH)) fail(E.EINVAL);
  if (resolve & RESOLVE.CACHED && flags & (o.O_TRUNC | o.O_CREAT | o.__O_TMPFILE)) fail(E.EAGAIN);
  return Number(how.flags & 0xffff_ffffn) | 0;
}

export function sysOpenat2(p: LinuxProcess, a: SyscallArgs): number {
  const size = a.size(3);
  if (size < OPEN_HOW_SIZE) return -E.EINVAL;
  if (size > PAGE_SIZE) return -E.E2BIG;
  const how = readOpenHow(p, a.big(2), size);
  const flags = checkHow(p, how);
  const path = guestString(p, a.big(1));
  const mode = Number(how.mode);
  if (how.resolve === 0n) return openAt(p, a.int(0), path, flags, mode);
  return openResolved(p, resolveScoped(p, a.int(0), path, flags, Number(how.resolve)), flags, mode);
}

// --- the walk ---------------------------------------------------------------------------

/** /proc's magic links: their target is an object the kernel jumps to, not a path it reads. */
const MAGIC_LINK = /^\/proc\/(self|thread-self|\d+)\/(?:task\/\d+\/)?(fd\/\d+|exe|cwd|root|map_files\/[^/]+|ns\/[^/]+)$/;

interface Walk {
  p: LinuxProcess;
  resolve: number;
  /** Where "/" and ".." stop: the dirfd under BENEATH and IN_ROOT, else the host's root. */
  root: string;
  rootDev: bigint;
  /** The directory reached so far: a host path free of symlinks, and its st_dev. */
  cur: string;
  curDev: bigint;
  /** Components still to walk, the next first. */
  todo: string[];
  /** The last component must be a directory (the path, or the symlink that ended it, had a trailing slash). */
  mustBeDir: boolean;
  links: number;
}

const has = (w: Walk, flag: number): boolean => (w.resolve & flag) !== 0;
const devOf = (w: Walk, path: string): bigint => w.p.vfs.stat(path, true).dev;
const components = (path: string): string[] => path.split('/').filter((c) => c !== '' && c !== '.');
/** A path ending in "/" or "/." names a directory: its last component is followed and must be one. */
const namesDir = (path: string): boolean => /(^|\/)\.?$/.test(path);

/**
 * The host path openat2 opens for (dirfd, path) under `resolve` (not 0): every component
 * but the last resolved here; the last too, unless it is a symlink the open does not follow
 * (O_NOFOLLOW, O_CREAT|O_EXCL), or does not exist yet (O_CREAT makes it).
 */
export function resolveScoped(p: LinuxProcess, dirfd: number, path: string, flags: number, resolve: number): string {
  if (path === '') fail(E.ENOENT);
  const o = p.abi.openFlags;
  const scoped = (resolve & (RESOLVE.BENEATH | RESOLVE.IN_ROOT)) !== 0;
  const absolute = path.startsWith('/') && !(resolve & RESOLVE.IN_ROOT);
  if (absolute && resolve & RESOLVE.BENEATH) fail(E.EXDEV);
  // An absolute path starts at the host's root through the -L prefix, as openat's does.
  const start = absolute ? '/' : p.vfs.realpath(dirBase(p, dirfd));
  const startSt = p.vfs.stat(start, true);
  if (!startSt.isDirectory()) fail(E.ENOTDIR); // an O_PATH fd of a file
  const startDev = startSt.dev;
  const w: Walk = {
    p, resolve,
    root: scoped ? start : '/',
    rootDev: scoped ? startDev : p.vfs.stat('/', true).dev,
    cur: start,
    curDev: startDev,
    todo: components(absolute ? prefixed(p, path) : path),
    mustBeDir: namesDir(path),
    links: 0,
  };
  const noFollowLast = (flags & o.O_NOFOLLOW) !== 0 || (flags & (o.O_CREAT | o.O_EXCL)) === (o.O_CREAT | o.O_EXCL);
  for (;;) {
    const name = w.todo.shift();
    if (name === undefined) return w.cur;
    const last = w.todo.length === 0;
    if (name === '..') {
      dotdot(w);
      continue;
    }
    const next = joinPath(w.cur, name);
    // guest fd N under our own /proc/<pid>/fd and fdinfo is host fd N' (ENOENT if not open)
    const entry = procFdPath(p, next) ?? next;
    let st;
    try {
      st = p.vfs.stat(entry, false);
    } catch (e) {
      if (last && (e as { code?: string }).code === 'ENOENT') return w.mustBeDir ? `${entry}/` : entry; // O_CREAT's to make
      throw e;
    }
    if (st.isSymbolicLink() && !(last && noFollowLast && !w.mustBeDir)) {
      const done = follow(w, entry, last);
      if (done !== null) return done;
      continue;
    }
    if (st.isDirectory()) {
      if (has(w, RESOLVE.NO_XDEV) && st.dev !== w.curDev) fail(E.EXDEV); // a mount point
      w.cur = entry;
      w.curDev = st.dev;
      if (last) return w.mustBeDir ? `${entry}/` : entry;
      continue;
    }
    if (!last) fail(E.ENOTDIR);
    return w.mustBeDir ? `${entry}/` : entry;
  }
}

/** ".." (follow_dotdot): at the root it stays there (BENEATH: EXDEV); leaving a mount is NO_XDEV's EXDEV. */
function dotdot(w: Walk): void {
  if (w.cur === w.root) {
    if (has(w, RESOLVE.BENEATH)) fail(E.EXDEV);
    return;
  }
  const up = w.cur.slice(0, w.cur.lastIndexOf('/')) || '/';
  const dev = devOf(w, up);
  if (has(w, RESOLVE.NO_XDEV) && dev !== w.curDev) fail(E.EXDEV);
  w.cur = up;
  w.curDev = dev;
}

/**
 * Follows symlink `entry` (pick_link): its body's components go first in the walk, from
 * the root if it is absolute. A magic link is jumped through instead; when it is the last
 * component its host path is returned, for the host's open to follow.
 */
function follow(w: Walk, entry: string, last: boolean): string | null {
  if (has(w, RESOLVE.NO_SYMLINKS)) fail(E.ELOOP);
  if (++w.links > MAXSYMLINKS) fail(E.ELOOP);
  const magic = MAGIC_LINK.exec(entry);
  if (magic) return jumpMagic(w, entry, magic[1], magic[2], last);
  const body = w.p.vfs.readlink(entry).toString();
  if (body.startsWith('/')) {
    // nd_jump_root
    if (has(w, RESOLVE.BENEATH)) fail(E.EXDEV);
    if (has(w, RESOLVE.NO_XDEV) && w.curDev !== w.rootDev) fail(E.EXDEV);
    w.cur = w.root;
    w.curDev = w.rootDev;
  }
  if (last && namesDir(body)) w.mustBeDir = true;
  w.todo.unshift(...components(body));
  return null;
}

/**
 * nd_jump_link through a magic link: refused by NO_MAGICLINKS (ELOOP), BENEATH and IN_ROOT
 * (EXDEV), and first by RESOLVE_CACHED (EAGAIN: /proc cannot give the link in an RCU walk).
 */
function jumpMagic(w: Walk, entry: string, pid: string, what: string, last: boolean): string | null {
  if (has(w, RESOLVE.CACHED)) fail(E.EAGAIN);
  if (has(w, RESOLVE.NO_MAGICLINKS)) fail(E.ELOOP);
  if (has(w, RESOLVE.BENEATH | RESOLVE.IN_ROOT)) fail(E.EXDEV);
  const { p } = w;
  // Our own exe and cwd are the guest's, not Node's; other links are the host's own.
  let target = entry;
  if (isOwnProcDir(p, pid) && what === 'exe' && p.exePath) target = p.exePath;
  else if (isOwnProcDir(p, pid) && what === 'cwd') target = p.cwd;
  const st = p.vfs.stat(target, true);
  if (has(w, RESOLVE.NO_XDEV) && st.dev !== w.curDev) fail(E.EXDEV);
  if (last) return w.mustBeDir ? `${target}/` : target;
  if (!st.isDirectory()) fail(E.ENOTDIR);
  w.cur = p.vfs.realpath(target);
  w.curDev = st.dev;
  return null;
}
