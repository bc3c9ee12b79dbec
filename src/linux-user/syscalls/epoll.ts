// epoll through the host's own epoll (libc): an epoll fd is a host epoll fd, epoll_ctl
// registers the host fd behind a guest fd with the guest's 64-bit data as is (the host
// hands it back untouched), and epoll_pwait/epoll_pwait2 wait in the host's poll of the
// epoll fd in slices, with a checkpoint before each (host-wait.ts), so that the first
// thread's Node thread keeps serving the other threads (a ring ends the slice) and a signal
// ends the wait with EINTR; a wait served for a
// thread on a worker is made by the worker itself (WouldBlock on the epoll fd). struct epoll_event is
// 16 bytes on riscv64 and arm64 (events, padding, data); the host's may be packed, which
// libc.ts deals with. Files of another file system (no host fd) cannot be watched: EPERM,
// as Linux answers for a file without poll support.

import { E, fail } from '../errno.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { hostLibc, type HostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { pollServing } from '../host-wait.js';
import { nowMs } from '../../host-lazy.js';
import { SyscallInterrupted, WouldBlock } from '../guest-exit.js';
import { POLL } from '../generic/constants.js';
import { fdEntry, readGuest, writeGuest, type SyscallArgs } from './args.js';
import { installMade } from './fd.js';
import { TIMESPEC_SIZE, decodeTimespec } from '../generic/structs.js';

type A = SyscallArgs;

const EPOLL_EVENT_SIZE = 16;
const EPOLL_CTL = { ADD: 1, DEL: 2, MOD: 3 } as const;
/** EP_MAX_EVENTS: INT_MAX / sizeof(struct epoll_event). */
const MAX_EVENTS = Math.floor(0x7fff_ffff / EPOLL_EVENT_SIZE);
/** How long one host epoll_wait lasts before a checkpoint. */
const WAIT_SLICE_MS = 10;
const EPOLL_PATH = 'anon_inode:[eventpoll]';
const SIGSET_SIZE = 8;

function libc(): HostLibc {
  return hostLibc() ?? fail(E.ENOSYS);
}

/** The host epoll fd behind guest fd `fd` (EBADF; EINVAL when it is not an epoll fd). */
function epollFd(p: LinuxProcess, fd: number): number {
  const f = fdEntry(p, fd).file;
  if (f.path !== EPOLL_PATH) fail(E.EINVAL);
  return f.hostFd;
}

export function sysEpollCreate1(p: LinuxProcess, a: A): number {
  const o = p.abi.openFlags;
  const flags = a.int(0);
  if (flags & ~o.O_CLOEXEC) return -E.EINVAL;
  const hostFd = libc().epollCreate(HOST_OPEN_FLAGS.O_CLOEXEC);
  return installMade(p, hostFd, EPOLL_PATH, o.O_RDWR, 'pipe', (flags & o.O_CLOEXEC) !== 0);
}

export function sysEpollCtl(p: LinuxProcess, a: A): number {
  const epfd = epollFd(p, a.int(0));
  const op = a.int(1);
  const target = fdEntry(p, a.int(2)).file;
  if (a.int(2) === a.int(0)) return -E.EINVAL;
  if (op !== EPOLL_CTL.ADD && op !== EPOLL_CTL.DEL && op !== EPOLL_CTL.MOD) return -E.EINVAL;
  if (target.hostFd < 0 || target.kind === 'file' || target.kind === 'dir') return -E.EPERM;
  let events = 0;
  let data = 0n;
  if (op !== EPOLL_CTL.DEL) {
    const ev = new DataView(readGuest(p, a.big(3), EPOLL_EVENT_SIZE).slice().buffer);
    events = ev.getUint32(0, true);
    data = ev.getBigUint64(8, true);
  }
  libc().epollCtl(epfd, op, target.hostFd, events, data);
  return 0;
}

/**
 * Waits on the host epoll fd until events come, the deadline (monotonic ms, nowMs; null:
 * none; 0: do not wait) passes, or a signal.
 */
function waitEvents(p: LinuxProcess, a: A, deadline: number | null): number {
  const epfd = epollFd(p, a.int(0));
  const max = a.int(2);
  if (max <= 0 || max > MAX_EVENTS) return -E.EINVAL;
  if (!p.mem.canAccess(a.big(1), max * EPOLL_EVENT_SIZE, 'write')) return -E.EFAULT;
  if (a.big(4) && a.size(5) !== SIGSET_SIZE) return -E.EINVAL;
  const lc = libc();
  let ready = lc.epollWait(epfd, max, 0);
  if (ready.length === 0 && p.thread.cpu !== 0 && !p.thread.waitExpired && deadline !== 0) {
    // served for a thread on a worker: a signal for it ends the wait (EINTR), else it waits
    // for the epoll fd itself (until a signal comes too), then calls again
    if (p.waits.interrupted()) throw new SyscallInterrupted();
    throw new WouldBlock(epfd, POLL.IN, deadline);
  }
  while (ready.length === 0 && p.thread.cpu === 0) {
    const left = deadline === null ? WAIT_SLICE_MS : deadline - nowMs();
    if (left <= 0) break;
    // serves the other threads first (and at once when they ring); a signal ends the wait (EINTR)
    const slice = Math.ceil(Math.min(left, WAIT_SLICE_MS));
    if (pollServing(p, lc, [{ fd: epfd, events: POLL.IN }], slice)[0] !== 0) ready = lc.epollWait(epfd, max, 0);
  }
  const out = new Uint8Array(ready.length * EPOLL_EVENT_SIZE);
  const dv = new DataView(out.buffer);
  ready.forEach((e, i) => {
    dv.setUint32(i * EPOLL_EVENT_SIZE, e.events, true);
    dv.setBigUint64(i * EPOLL_EVENT_SIZE + 8, e.data, true);
  });
  if (out.length) writeGuest(p, a.big(1), out);
  return ready.length;
}

/** epoll_pwait(epfd, events, maxevents, timeout ms, sigmask, sigsetsize). */
export function sysEpollPwait(p: LinuxProcess, a: A): number {
  const timeout = a.int(3);
  return waitEvents(p, a, timeout < 0 ? null : timeout === 0 ? 0 : nowMs() + timeout);
}

/** epoll_pwait2: the timeout is a struct timespec (NULL: none). */
export function sysEpollPwait2(p: LinuxProcess, a: A): number {
  if (!a.big(3)) return waitEvents(p, a, null);
  const { sec, nsec } = decodeTimespec(readGuest(p, a.big(3), TIMESPEC_SIZE));
  if (sec < 0n || nsec < 0n || nsec >= 1_000_000_000n) return -E.EINVAL;
  return waitEvents(p, a, nowMs() + Number(sec) * 1000 + Number(nsec) / 1e6);
}
