// The first thread's waits in the host's poll(2) — an epoll_pwait, a blocking read of a
// pipe, terminal or socket — while other guest threads or the clock worker may need its
// Node thread. Atomics.notify, which rings the doorbell of its other waits, cannot end a
// host poll, so the poll also watches a host eventfd (the doorbell's, made at the first
// such wait) that whoever rings writes to while the first thread waits here
// (thread-control.ts): a request from another thread or an expired timer is served at
// once, not when the poll's slice ends. Before polling, and after the eventfd woke it, the
// wait passes a checkpoint: it serves the others, and a signal for the thread ends it.

import { readSync } from 'node:fs';
import { HOST_OPEN_FLAGS } from './generic/abi.js';
import { POLL } from './generic/constants.js';
import type { HostLibc } from './host/libc.js';
import type { LinuxProcess } from './process.js';
import { waitCheckpoint } from './vfs/host.js';

/** One poll(2) entry: a host fd and the events asked for. */
export type HostPollFd = { fd: number; events: number };

/** The doorbell's eventfd, made now if it has not been (the server's control block keeps it); -1 when it cannot be. */
function bellFd(p: LinuxProcess, lc: HostLibc): number {
  const server = p.waits.control;
  let fd = server.bellFd();
  if (fd < 0) {
    try {
      fd = lc.eventfd(0, HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC);
    } catch {
      return -1;
    }
    server.setBellFd(fd);
  }
  return fd;
}

const drained = new Uint8Array(8);

/**
 * poll(2) of `fds` for up to `timeoutMs` (-1: no limit) on the calling thread, after a
 * checkpoint (waitCheckpoint: the first thread serves the others; a signal for the thread
 * throws SyscallInterrupted). For the first thread, while others may ring, the doorbell's
 * eventfd is watched too and a ring ends the poll early, all revents 0: callers look again,
 * as after a slice that timed out. Returns the revents of `fds`, in order.
 */
export function pollServing(p: LinuxProcess, lc: HostLibc, fds: readonly HostPollFd[], timeoutMs: number): number[] {
  const bell = p.thread.cpu === 0 && (p.threads || p.timers) ? bellFd(p, lc) : -1;
  if (bell < 0) {
    waitCheckpoint();
    return lc.pollMany(fds, timeoutMs);
  }
  const server = p.waits.control;
  // set before the checkpoint looks for requests: a ring after that look writes the eventfd
  server.setHostWaiting(true);
  try {
    waitCheckpoint();
    const revents = lc.pollMany([...fds, { fd: bell, events: POLL.IN }], timeoutMs);
    if (revents[fds.length] !== 0) {
      try {
        readSync(bell, drained, 0, 8, null);
      } catch {
        // EAGAIN: read by an earlier wake-up
      }
    }
    return revents.slice(0, fds.length);
  } finally {
    server.setHostWaiting(false);
  }
}
