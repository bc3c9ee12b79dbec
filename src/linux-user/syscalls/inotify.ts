// inotify_init1, inotify_add_watch and inotify_rm_watch: the host's inotify, through
// host/libc.ts (-ENOSYS without it). The instance is a host fd installed as a guest fd of
// kind 'pipe', non-blocking on the host like our pipes, so that a guest's blocking read
// waits in vfs/host.ts's EAGAIN retry and ppoll/FIONREAD ask the host as for a pipe.
// struct inotify_event is the same on every Linux ABI (fixed-width fields, then the name),
// so reads pass through untouched; the names in events are the host's last path
// components, which are the guest's too. IN_NONBLOCK and IN_CLOEXEC are O_NONBLOCK and
// O_CLOEXEC, of the guest's ABI here and of the host's there.

import { E, fail } from '../errno.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { AT } from '../generic/constants.js';
import { hostLibc, type HostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { isProcSelfExe, resolveAt } from '../vfs/path.js';
import { guestString, type SyscallArgs } from './args.js';
import { installMade } from './fd.js';

const libc = (): HostLibc => hostLibc() ?? fail(E.ENOSYS);

/**
 * The host fd of guest fd `fd` for the host's inotify calls, or -1 when it is not open: the
 * host then answers as Linux does for a bad fd, after its own checks of the other arguments
 * (a mask of no known event is EINVAL before the fd is EBADF).
 */
const hostFdOf = (p: LinuxProcess, fd: number): number => p.fds.get(fd)?.file.hostFd ?? -1;

export function sysInotifyInit1(p: LinuxProcess, a: SyscallArgs): number {
  const o = p.abi.openFlags;
  const flags = a.int(0);
  if (flags & ~(o.O_NONBLOCK | o.O_CLOEXEC)) return -E.EINVAL;
  const hostFd = libc().inotifyInit(HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC);
  return installMade(p, hostFd, 'anon_inode:inotify', o.O_RDONLY | (flags & o.O_NONBLOCK), 'pipe', (flags & o.O_CLOEXEC) !== 0);
}

export function sysInotifyAddWatch(p: LinuxProcess, a: SyscallArgs): number {
  const lc = libc();
  const hostFd = hostFdOf(p, a.int(0));
  const mask = a.uint(2);
  // the fd and mask first (Linux reads the path last); "/" stands in for a path not read yet
  if (hostFd < 0) return lc.inotifyAddWatch(hostFd, '/', mask);
  // The host watches host paths: a process whose files are not the host's has none to watch.
  if (!p.vfs.hostFds) return -E.ENOSYS;
  const path = guestString(p, a.big(1));
  return lc.inotifyAddWatch(hostFd, isProcSelfExe(p, path) && p.exePath ? p.exePath : resolveAt(p, AT.FDCWD, path), mask);
}

export function sysInotifyRmWatch(p: LinuxProcess, a: SyscallArgs): number {
  libc().inotifyRmWatch(hostFdOf(p, a.int(0)), a.int(1));
  return 0;
}
