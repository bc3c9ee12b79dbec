// File locks: fcntl's record locks (F_GETLK/F_SETLK/F_SETLKW, owned by the process, and the
// open-file-description forms F_OFD_*, owned by the open file) and flock(2). Node has no
// binding for either, so they are the host's own locks taken through host/libc.ts (koffi):
// a guest's lock then holds against every other process on the host, emulated or native
// (a guest process is a host process, and its pid is the host's, so F_GETLK's l_pid is right
// as it comes). The guest's struct flock is decoded by field (generic/structs.ts) and the
// host module encodes its own. Where the host module is missing (no koffi, another OS),
// or the file is not a host file, a single-process emulation stands in; see `fallbackLock` and `fallbackFlock`.

import { E, fail } from '../errno.js';
import type { FdEntry, OpenFile } from '../fd-table.js';
import { FCNTL, FLOCK_OP, LOCK_TYPE, SEEK } from '../generic/constants.js';
import { FLOCK, decodeFlock, storeFlock, type GuestFlock } from '../generic/structs.js';
import { hostLibc, type FileLock, type FlockOp, type LockCmd, type LockType, type Whence } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { fdEntry, guestIn, guestOut, type SyscallArgs } from './args.js';

/** The fcntl commands this file handles, by guest number. */
const LOCK_CMDS: ReadonlyMap<number, LockCmd> = new Map([
  [FCNTL.F_GETLK, 'GETLK'], [FCNTL.F_SETLK, 'SETLK'], [FCNTL.F_SETLKW, 'SETLKW'],
  [FCNTL.F_OFD_GETLK, 'OFD_GETLK'], [FCNTL.F_OFD_SETLK, 'OFD_SETLK'], [FCNTL.F_OFD_SETLKW, 'OFD_SETLKW'],
]);
const TYPES: ReadonlyMap<number, LockType> = new Map([
  [LOCK_TYPE.F_RDLCK, 'RDLCK'], [LOCK_TYPE.F_WRLCK, 'WRLCK'], [LOCK_TYPE.F_UNLCK, 'UNLCK'],
]);
const GUEST_TYPE: Readonly<Record<LockType, number>> = { RDLCK: LOCK_TYPE.F_RDLCK, WRLCK: LOCK_TYPE.F_WRLCK, UNLCK: LOCK_TYPE.F_UNLCK };
const WHENCES: ReadonlyMap<number, Whence> = new Map([[SEEK.SET, 'SET'], [SEEK.CUR, 'CUR'], [SEEK.END, 'END']]);
const GUEST_WHENCE: Readonly<Record<Whence, number>> = { SET: SEEK.SET, CUR: SEEK.CUR, END: SEEK.END };
const FLOCK_OPS: ReadonlyMap<number, FlockOp> = new Map([[FLOCK_OP.LOCK_SH, 'SH'], [FLOCK_OP.LOCK_EX, 'EX'], [FLOCK_OP.LOCK_UN, 'UN']]);

/** Linux's OFFSET_MAX (off_t's largest value). */
const OFFSET_MAX = 2n ** 63n - 1n;

/** Whether fcntl command `cmd` is a record-lock command (and so for fcntlLock). */
export const isLockCmd = (cmd: number): boolean => LOCK_CMDS.has(cmd);

/**
 * fcntl(fd, cmd, struct flock *addr) for the six lock commands. Errors as Linux gives them:
 * EBADF for an O_PATH fd or a lock the fd's access mode does not allow, EFAULT for a bad
 * pointer, EINVAL for a bad l_type or l_whence (or F_UNLCK asked of F_GETLK), EAGAIN/EACCES
 * for a conflict on F_SETLK, EDEADLK where F_SETLKW would wait forever.
 */
export function fcntlLock(p: LinuxProcess, e: FdEntry, cmd: number, addr: number): number {
  const name = LOCK_CMDS.get(cmd);
  if (name === undefined) throw new Error(`fcntl ${cmd} is not a lock command`);
  const f = e.file;
  if (f.kind === 'path') return -E.EBADF; // check_fcntl_cmd: no locks through O_PATH fds
  const g = decodeFlock(guestIn(p, addr, FLOCK.SIZE));
  const type = TYPES.get(g.type);
  const whence = WHENCES.get(g.whence);
  if (type === undefined || whence === undefined) return -E.EINVAL;
  const getlk = name === 'GETLK' || name === 'OFD_GETLK';
  let lock: FileLock = { type, whence, start: g.start, len: g.len, pid: g.pid };
  // Our own file offset is the guest's (the host fd's stays where it was): SEEK_CUR is made
  // SEEK_SET here, checked as flock_to_posix_lock checks it.
  if (whence === 'CUR' && f.pos !== null) {
    if (g.start > OFFSET_MAX - BigInt(f.pos)) return -E.EOVERFLOW;
    lock = { ...lock, whence: 'SET', start: BigInt(f.pos) + g.start };
  }
  const out = getlk ? guestOut(p, addr, FLOCK.SIZE) : null; // only F_GETLK writes back
  const host = f.hostFd >= 0 ? hostLibc()?.lock : undefined;
  const got = host ? host(f.hostFd, name, lock) : fallbackLock(p, f, name, lock);
  if (host && (name === 'SETLK' || name === 'SETLKW') && type !== 'UNLCK') posixLocksTaken = true;
  if (out === null) return 0;
  // No conflict: only l_type changes (to F_UNLCK), the rest stays as the guest gave it.
  const result: GuestFlock = got.type === 'UNLCK'
    ? { ...g, type: GUEST_TYPE.UNLCK }
    : { type: GUEST_TYPE[got.type], whence: GUEST_WHENCE[got.whence], start: got.start, len: got.len, pid: got.pid };
  storeFlock(out, result);
  return 0;
}

/** Whether the guest has taken a POSIX lock on the host (then closes must drop them, below). */
let posixLocksTaken = false;

/**
 * After close(fd) (or dup3 over it) left its open file `f` open, because another fd still
 * refers to it: Linux drops every POSIX lock the process holds on the file at any close of
 * any fd of it, where the host does so only when the host fd itself closes. So drop them
 * here, by unlocking the whole file through the host fd. (OFD and flock locks stay: they
 * belong to the open file, which is still open.)
 */
export function dropPosixLocksOnClose(f: OpenFile): void {
  if (!posixLocksTaken || f.refs === 0 || f.kind === 'path') return;
  try {
    if (f.hostFd >= 0) hostLibc()?.lock?.(f.hostFd, 'SETLK', { type: 'UNLCK', whence: 'SET', start: 0n, len: 0n, pid: 0 });
  } catch {
    // not a file locks apply to (a socket): it holds none
  }
}

/**
 * Without the host's locks, one process alone: POSIX locks of one process never conflict
 * with each other, so F_SETLK and F_SETLKW succeed (after Linux's checks) and F_GETLK
 * reports F_UNLCK — exact for a guest that shares its files with no other process. OFD
 * locks of two open files do conflict within a process; rather than keep a lock table for
 * them, they answer EINVAL as kernels before 3.15 (which lack them) do, and callers such as
 * QEMU's own image locking then use POSIX locks.
 */
function fallbackLock(p: LinuxProcess, f: OpenFile, cmd: LockCmd, lock: FileLock): FileLock {
  if (cmd.startsWith('OFD_')) fail(E.EINVAL);
  const getlk = cmd === 'GETLK';
  if (getlk && lock.type === 'UNLCK') fail(E.EINVAL);
  // flock_to_posix_lock's range checks (the host makes them on the other path).
  let start = lock.start;
  if (lock.whence === 'END') {
    const size = f.fs.fstat(f.handle).size;
    if (start > OFFSET_MAX - size) fail(E.EOVERFLOW);
    start += size;
  }
  // SEEK_CUR on a file without our own offset (a pipe, a tty): the offset does not matter there.
  if (start < 0n || (lock.len < 0n && start + lock.len < 0n)) fail(E.EINVAL);
  if (lock.len > 0n && lock.len - 1n > OFFSET_MAX - start) fail(E.EOVERFLOW);
  // check_fmode_for_setlk: a read lock needs a readable fd, a write lock a writable one.
  const acc = f.flags & p.abi.openFlags.O_ACCMODE;
  if (!getlk && lock.type === 'RDLCK' && acc === p.abi.openFlags.O_WRONLY) fail(E.EBADF);
  if (!getlk && lock.type === 'WRLCK' && acc === p.abi.openFlags.O_RDONLY) fail(E.EBADF);
  return getlk ? { ...lock, type: 'UNLCK' } : lock;
}

// --- flock(2) --------------------------------------------------------------------------------

export function sysFlock(p: LinuxProcess, a: SyscallArgs): number {
  const op = a.int(1);
  const kind = FLOCK_OPS.get(op & ~FLOCK_OP.LOCK_NB);
  if (kind === undefined) return -E.EINVAL; // before the fd, as Linux checks
  const f = fdEntry(p, a.int(0)).file;
  if (f.kind === 'path') return -E.EBADF;
  const wait = (op & FLOCK_OP.LOCK_NB) === 0;
  const host = f.hostFd >= 0 ? hostLibc()?.flock : undefined;
  if (host) host(f.hostFd, kind, wait);
  else fallbackFlock(f, kind, wait);
  return 0;
}

/** The fallback's flock locks: per file (dev:ino), what each open file holds. Closed files drop out as met. */
const flocks = new Map<string, Map<OpenFile, 'SH' | 'EX'>>();

/**
 * flock(2) for one process: unlike POSIX locks, flock locks of two open files conflict even
 * within a process, so they are kept per file and checked against each other. A conflict is
 * EWOULDBLOCK with LOCK_NB; without it Linux would wait for ever (this process is the only
 * one that could let go, and it has one thread), so the answer is EDEADLK instead of a hang.
 */
function fallbackFlock(f: OpenFile, op: FlockOp, wait: boolean): void {
  const st = f.fs.fstat(f.handle);
  const key = `${st.dev}:${st.ino}`;
  const held = flocks.get(key) ?? new Map<OpenFile, 'SH' | 'EX'>();
  for (const other of held.keys()) if (other.refs === 0) held.delete(other);
  if (op === 'UN') {
    held.delete(f);
  } else {
    for (const [other, mode] of held) {
      if (other !== f && (op === 'EX' || mode === 'EX')) {
        fail(wait ? E.EDEADLK : E.EAGAIN);
      }
    }
    held.set(f, op);
  }
  if (held.size) flocks.set(key, held);
  else flocks.delete(key);
}
