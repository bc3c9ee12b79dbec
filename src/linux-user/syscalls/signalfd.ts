// signalfd4: a file whose reads take the caller's pending signals of its mask, as struct
// signalfd_siginfo records. Its readiness is a host eventfd's (so that poll, ppoll and epoll
// see it like any host fd): kept readable exactly while a signal of the mask is pending for
// the process or the calling thread (syncSignalfds, called where signals are queued and taken).

import { readSync, writeSync } from 'node:fs';
import { E, fail } from '../errno.js';
import type { OpenFile } from '../fd-table.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { hostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { UNBLOCKABLE, dequeue } from '../signal-delivery.js';
import { encodeSiginfo } from '../generic/structs.js';
import { sleepMs } from '../vfs/host.js';
import { fdEntry, readU64, type SyscallArgs } from './args.js';
import { installMade } from './fd.js';

type A = SyscallArgs;

const SIGNALFD_PATH = 'anon_inode:[signalfd]';
/** struct signalfd_siginfo. */
const SSI_SIZE = 128;
const SIGSET_SIZE = 8;
/** The signals whose kernel siginfo carries a fault address (ssi_addr): SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV. */
const FAULT_SIGNALS: ReadonlySet<number> = new Set([4, 5, 7, 8, 11]);

/** A signalfd's mask, and whether its eventfd is readable now. */
export interface SignalFd {
  mask: bigint;
  armed: boolean;
}

/** Whether an open file is a signalfd (reads go to readSignalfd). */
export const isSignalfd = (f: OpenFile): boolean => f.path === SIGNALFD_PATH;

/** Makes every signalfd readable while one of its signals is pending for the process or the calling thread. */
export function syncSignalfds(p: LinuxProcess): void {
  const fds = p.signalfds;
  if (!fds?.size) return;
  const pending = p.thread.pending.mask | p.sharedPending.mask;
  for (const [f, s] of fds) {
    if (f.refs === 0) {
      fds.delete(f);
      continue;
    }
    const want = (pending & s.mask) !== 0n;
    if (want === s.armed) continue;
    const word = new Uint8Array(8);
    if (want) {
      word[0] = 1;
      writeSync(f.hostFd, word);
    } else {
      try {
        readSync(f.hostFd, word);
      } catch {
        // already drained
      }
    }
    s.armed = want;
  }
}

export function sysSignalfd4(p: LinuxProcess, a: A): number {
  if (a.size(2) !== SIGSET_SIZE) return -E.EINVAL;
  const o = p.abi.openFlags;
  const flags = a.int(3);
  if (flags & ~(o.O_CLOEXEC | o.O_NONBLOCK)) return -E.EINVAL;
  const mask = readU64(p, a.big(1)) & ~UNBLOCKABLE;
  const fds = (p.signalfds ??= new Map());
  if (a.int(0) !== -1) {
    const f = fdEntry(p, a.int(0)).file;
    const s = fds.get(f);
    if (!s) return -E.EINVAL;
    s.mask = mask;
    syncSignalfds(p);
    return a.int(0);
  }
  const lc = hostLibc() ?? fail(E.ENOSYS);
  const hostFd = lc.eventfd(0, HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC);
  const fd = installMade(p, hostFd, SIGNALFD_PATH, o.O_RDWR | (flags & o.O_NONBLOCK), 'pipe', (flags & o.O_CLOEXEC) !== 0);
  if (fd >= 0) fds.set(fdEntry(p, fd).file, { mask, armed: false });
  syncSignalfds(p);
  return fd;
}

/** read(2) of a signalfd: as many pending signals of its mask as fit, waiting for one unless O_NONBLOCK. */
export function readSignalfd(p: LinuxProcess, f: OpenFile, dst: Uint8Array, off: number, len: number): number {
  const s = p.signalfds?.get(f);
  if (!s) fail(E.EBADF);
  if (len < SSI_SIZE) return -E.EINVAL;
  let n = 0;
  for (;;) {
    while (n + SSI_SIZE <= len) {
      const info = dequeue(p, s.mask);
      if (!info) break;
      dst.set(toSignalfdSiginfo(encodeSiginfo(info)), off + n);
      n += SSI_SIZE;
    }
    syncSignalfds(p);
    if (n > 0) return n;
    if (p.nonblocking(f)) return -E.EAGAIN;
    sleepMs(10); // a signal for us arrives through the sleep (and a handled one ends it: EINTR)
  }
}

/** struct signalfd_siginfo from a siginfo_t (the fields both carry, at signalfd's offsets). */
function toSignalfdSiginfo(si: Uint8Array): Uint8Array {
  const from = new DataView(si.buffer, si.byteOffset, si.byteLength);
  const out = new Uint8Array(SSI_SIZE);
  const to = new DataView(out.buffer);
  const code = from.getInt32(8, true);
  to.setUint32(0, from.getInt32(0, true), true); // ssi_signo
  to.setInt32(4, from.getInt32(4, true), true); // ssi_errno
  to.setInt32(8, code, true); // ssi_code
  if (code === -2) {
    // SI_TIMER: ssi_tid, ssi_overrun, ssi_int / ssi_ptr
    to.setUint32(24, from.getInt32(16, true), true);
    to.setUint32(32, from.getInt32(20, true), true);
    to.setInt32(44, from.getInt32(24, true), true);
    to.setBigUint64(48, from.getBigUint64(24, true), true);
  } else {
    to.setUint32(12, from.getUint32(16, true), true); // ssi_pid
    to.setUint32(16, from.getUint32(20, true), true); // ssi_uid
    to.setInt32(44, from.getInt32(24, true), true); // ssi_int (sigqueue's value)
    to.setBigUint64(48, from.getBigUint64(24, true), true); // ssi_ptr
    if (code > 0 && FAULT_SIGNALS.has(from.getInt32(0, true))) to.setBigUint64(72, from.getBigUint64(16, true), true); // ssi_addr
  }
  return out;
}
