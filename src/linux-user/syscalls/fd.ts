// Descriptor control: dup/dup3, fcntl (fd flags, status flags, dups; record locks in
// locks.ts), terminal ioctls, and the fds that are not files opened by path — pipe2,
// memfd_create, eventfd2: the calls that work on the fd table and an open file's flags
// rather than on file contents or paths (fs.ts).

import { closeSync } from 'node:fs';
import { E, fail } from '../errno.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { OpenFile, type FdEntry } from '../fd-table.js';
import { FCNTL, FD_CLOEXEC, IOCTL, SETFL_NAMES } from '../generic/constants.js';
import { TERMIOS_SIZE, WINSIZE_SIZE, encodeTermios, encodeWinsize } from '../generic/structs.js';
import { hostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { hostPipe, hostTermios } from '../vfs/host.js';
import { hostFileSystem } from '../vfs/host-fs.js';
import { fdEntry, guestString, readGuest, u32s, writeGuest, type SyscallArgs } from './args.js';
import { dropPosixLocksOnClose, fcntlLock, isLockCmd } from './locks.js';

type A = SyscallArgs;

// --- dup / fcntl --------------------------------------------------------------------------

export function sysDup(p: LinuxProcess, a: A): number {
  const e = fdEntry(p, a.int(0));
  const fd = p.fds.install(e.file, false, p.fdLimit);
  return fd < 0 ? -E.EMFILE : fd;
}

export function sysDup3(p: LinuxProcess, a: A): number {
  const oldfd = a.int(0);
  const newfd = a.int(1);
  const flags = a.int(2);
  const o = p.abi.openFlags;
  if (flags & ~o.O_CLOEXEC) return -E.EINVAL;
  if (oldfd === newfd) return -E.EINVAL;
  const e = fdEntry(p, oldfd);
  if (newfd < 0 || newfd >= p.fdLimit) return -E.EBADF;
  const old = p.fds.get(newfd)?.file;
  p.fds.installAt(newfd, e.file, (flags & o.O_CLOEXEC) !== 0);
  if (old !== undefined) dropPosixLocksOnClose(old);
  return newfd;
}

function setflMask(p: LinuxProcess): number {
  return SETFL_NAMES.reduce((m, n) => m | p.abi.openFlags[n], 0);
}

export function sysFcntl(p: LinuxProcess, a: A): number {
  const e: FdEntry = fdEntry(p, a.int(0));
  const cmd = a.int(1);
  const arg = a.int(2);
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
      if (isLockCmd(cmd)) return fcntlLock(p, e, cmd, a.ptr(2));
      p.logUnimp?.(`Unsupported fcntl cmd: ${cmd}`);
      return -E.EINVAL;
  }
}

// --- ioctl ----------------------------------------------------------------------------------

/** The terminal requests the host's ioctl serves, with the size of what their argument points at. */
const TTY_IOCTL_SIZES: ReadonlyMap<number, { size: number; write: boolean }> = new Map([
  [IOCTL.TCGETS, { size: TERMIOS_SIZE, write: false }],
  [IOCTL.TCSETS, { size: TERMIOS_SIZE, write: true }],
  [IOCTL.TCSETSW, { size: TERMIOS_SIZE, write: true }],
  [IOCTL.TCSETSF, { size: TERMIOS_SIZE, write: true }],
  [IOCTL.TIOCGWINSZ, { size: WINSIZE_SIZE, write: false }],
  [IOCTL.TIOCSWINSZ, { size: WINSIZE_SIZE, write: true }],
  [IOCTL.TIOCGPGRP, { size: 4, write: false }],
  [IOCTL.TIOCSPGRP, { size: 4, write: true }],
]);

/**
 * ioctl: the terminal requests on a tty go to the host's ioctl through host/libc.ts (the
 * numbers and structs are the same there; a guest pid is the host's), FIONREAD and FIONBIO on any fd;
 * without the libc binding, TCGETS asks stty and TIOCGWINSZ Node's own terminal size.
 */
export function sysIoctl(p: LinuxProcess, a: A): number {
  const f = fdEntry(p, a.int(0)).file;
  const req = a.uint(1);
  const lc = hostLibc();
  const tty = TTY_IOCTL_SIZES.get(req);
  if (tty) {
    if (f.kind !== 'tty') return -E.ENOTTY;
    if (lc?.ioctl) {
      const arg = tty.write ? readGuest(p, a.big(2), tty.size).slice() : new Uint8Array(tty.size);
      if (!tty.write && !p.mem.canAccess(a.big(2), tty.size, 'write')) return -E.EFAULT;
      lc.ioctl(f.hostFd, req, arg);
      if (!tty.write) writeGuest(p, a.big(2), arg);
      return 0;
    }
    if (req === IOCTL.TCGETS) {
      writeGuest(p, a.big(2), encodeTermios(hostTermios(f.hostFd)));
      return 0;
    }
    if (req === IOCTL.TIOCGWINSZ) {
      const out = [process.stdout, process.stderr].find((s) => s.isTTY);
      writeGuest(p, a.big(2), encodeWinsize(out?.rows ?? 24, out?.columns ?? 80));
      return 0;
    }
    return -E.ENOSYS;
  }
  if (req === IOCTL.FIONREAD) return fionread(p, f, a.big(2));
  if (req === IOCTL.FIONBIO) {
    // any fd, as Linux's do_vfs_ioctl: O_NONBLOCK, as F_SETFL records it
    const on = new DataView(readGuest(p, a.big(2), 4).buffer).getInt32(0, true) !== 0;
    const nb = p.abi.openFlags.O_NONBLOCK;
    f.flags = on ? f.flags | nb : f.flags & ~nb;
    return 0;
  }
  p.logUnimp?.(`Unsupported ioctl: fd ${a.int(0)} cmd 0x${req.toString(16)}`);
  return -E.ENOTTY;
}

/** FIONREAD: bytes a read would return now (a regular file: from our offset to its end). */
function fionread(p: LinuxProcess, f: OpenFile, out: bigint): number {
  let n: number;
  if (f.kind === 'file') {
    n = Math.max(0, Number(f.fs.fstat(f.handle).size) - (f.pos ?? 0));
  } else if (f.kind === 'pipe' || f.kind === 'tty' || f.kind === 'socket') {
    const lc = hostLibc();
    if (!lc?.ioctl) return -E.ENOSYS;
    const arg = new Uint8Array(4);
    lc.ioctl(f.hostFd, IOCTL.FIONREAD, arg);
    n = new DataView(arg.buffer).getInt32(0, true) + (f.lookahead?.length ?? 0);
  } else {
    return -E.ENOTTY;
  }
  writeGuest(p, out, u32s([Math.min(n, 0x7fff_ffff)]));
  return 0;
}

// --- pipes ------------------------------------------------------------------------------------

export function sysPipe2(p: LinuxProcess, a: A): number {
  const o = p.abi.openFlags;
  const flags = a.int(1);
  if (flags & ~(o.O_CLOEXEC | o.O_NONBLOCK | o.O_DIRECT)) return -E.EINVAL;
  if (!p.mem.canAccess(a.big(0), 8, 'write')) return -E.EFAULT;
  const [r, w] = hostPipe();
  const status = flags & (o.O_NONBLOCK | o.O_DIRECT);
  const cloexec = (flags & o.O_CLOEXEC) !== 0;
  const rf = new OpenFile(hostFileSystem, r, '', o.O_RDONLY | status, 'pipe', null, true);
  const wf = new OpenFile(hostFileSystem, w, '', o.O_WRONLY | status, 'pipe', null, true);
  const rfd = p.fds.install(rf, cloexec, p.fdLimit);
  const wfd = rfd < 0 ? -1 : p.fds.install(wf, cloexec, p.fdLimit);
  if (wfd < 0) {
    if (rfd >= 0) p.fds.close(rfd);
    else closeSync(r);
    closeSync(w);
    return -E.EMFILE;
  }
  writeGuest(p, a.big(0), u32s([rfd, wfd]));
  return 0;
}

// --- memfd_create / eventfd2 ---------------------------------------------------------------------

/** memfd_create flags: MFD_CLOEXEC, MFD_ALLOW_SEALING, MFD_HUGETLB, MFD_NOEXEC_SEAL, MFD_EXEC. */
const MFD = { CLOEXEC: 0x1, KNOWN: 0x1 | 0x2 | 0x4 | 0x8 | 0x10 } as const;
/** The longest memfd name (NAME_MAX less the "memfd:" prefix). */
const MFD_NAME_MAX = 249;
const EFD_SEMAPHORE = 1;

/** Installs a host fd made for the guest as a new guest fd (closing it when the table is full). */
export function installMade(p: LinuxProcess, hostFd: number, path: string, flags: number, kind: 'file' | 'pipe' | 'socket', cloexec: boolean): number {
  const fd = p.fds.install(new OpenFile(hostFileSystem, hostFd, path, flags, kind, kind === 'file' ? 0 : null, true), cloexec, p.fdLimit);
  if (fd < 0) {
    closeSync(hostFd);
    return -E.EMFILE;
  }
  return fd;
}

/** memfd_create: the host's anonymous file (through libc), read-write, offset 0. */
export function sysMemfdCreate(p: LinuxProcess, a: A): number {
  const flags = a.uint(1);
  if (flags & ~MFD.KNOWN) return -E.EINVAL;
  const name = guestString(p, a.big(0), MFD_NAME_MAX + 2);
  if (Buffer.byteLength(name) > MFD_NAME_MAX) return -E.EINVAL;
  const lc = hostLibc() ?? fail(E.ENOSYS);
  const hostFd = lc.memfd(name, flags | MFD.CLOEXEC); // host fds are never inherited by Node's children
  const o = p.abi.openFlags;
  return installMade(p, hostFd, `/memfd:${name} (deleted)`, o.O_RDWR | o.O_LARGEFILE, 'file', (flags & MFD.CLOEXEC) !== 0);
}

/**
 * eventfd2: the host's eventfd (through libc), non-blocking on the host like a pipe, so
 * that a guest's blocking read waits in vfs/host.ts's EAGAIN retry; reads and writes are
 * the host's (8 bytes, EINVAL otherwise).
 */
export function sysEventfd2(p: LinuxProcess, a: A): number {
  const o = p.abi.openFlags;
  const flags = a.int(1);
  if (flags & ~(EFD_SEMAPHORE | o.O_CLOEXEC | o.O_NONBLOCK)) return -E.EINVAL;
  const lc = hostLibc() ?? fail(E.ENOSYS);
  const hostFd = lc.eventfd(a.uint(0), (flags & EFD_SEMAPHORE) | HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC);
  return installMade(p, hostFd, 'anon_inode:[eventfd]', o.O_RDWR | (flags & o.O_NONBLOCK), 'pipe', (flags & o.O_CLOEXEC) !== 0);
}
