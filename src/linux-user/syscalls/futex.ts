// futex(2) over the process's shared waiter table (futex-table.ts): WAIT and WAIT_BITSET
// (relative timeouts on the monotonic clock, absolute ones on the clock the op names),
// WAKE and WAKE_BITSET, REQUEUE and CMP_REQUEUE, WAKE_OP. A waiting thread sleeps on its
// control block's WAKE word; a wake, a timeout or a signal for it (EINTR) ends the wait.
// Every futex is treated as private to the process: there is one process per emulator,
// and a shared futex's other waiters would be other emulators. The priority-inheritance
// operations LOCK_PI, TRYLOCK_PI and UNLOCK_PI (glibc's PTHREAD_PRIO_INHERIT mutexes) keep the lock
// word's protocol — owner tid, FUTEX_WAITERS — without priorities to inherit; the
// requeue-to-PI operations answer ENOSYS.

import { E } from '../errno.js';
import { SyscallInterrupted } from '../guest-exit.js';
import { CLOCK, FUTEX, FUTEX_CLOCK_REALTIME, FUTEX_NAMES, FUTEX_PRIVATE_FLAG } from '../generic/constants.js';
import { TIMESPEC_SIZE, decodeTimespec } from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import type { ThreadWaits } from '../thread-control.js';
import { readGuest, type SyscallArgs } from './args.js';
import { clockNow } from './time.js';

type A = SyscallArgs;

const NS = 1_000_000_000n;
/** Operations that may carry FUTEX_CLOCK_REALTIME; with any other Linux says ENOSYS. */
const REALTIME_OK: ReadonlySet<number> = new Set([FUTEX.WAIT, FUTEX.WAIT_BITSET, FUTEX.WAIT_REQUEUE_PI, FUTEX.LOCK_PI2]);
/** FUTEX_WAKE_OP's valid operations (0..4) and comparisons (0..5). */
const WAKE_OP_MAX = 4;
const WAKE_CMP_MAX = 5;

/**
 * The futex word's address: 4-byte aligned, and mapped where it is read or where a shared
 * futex's key needs the page (else EINVAL / EFAULT); a private wake never looks at it.
 */
function checkWord(p: LinuxProcess, uaddr: bigint, needPage = true): number {
  if (uaddr & 3n) return -E.EINVAL;
  if (needPage && !p.mem.canAccess(uaddr, 4, 'read')) return -E.EFAULT;
  return 0;
}

/** A wait's end: the timeout's clock and time in ns, or null for none. */
type Deadline = { clk: number; at: bigint } | null;

/** Reads and checks the timeout of FUTEX_WAIT (relative, monotonic) or FUTEX_WAIT_BITSET (absolute). */
function deadlineOf(p: LinuxProcess, a: A, cmd: number, realtime: boolean): Deadline | number {
  if (!a.big(3)) return null;
  const { sec, nsec } = decodeTimespec(readGuest(p, a.big(3), TIMESPEC_SIZE));
  if (sec < 0n || nsec < 0n || nsec >= NS) return -E.EINVAL;
  const ns = sec * NS + nsec;
  return cmd === FUTEX.WAIT
    ? { clk: CLOCK.MONOTONIC, at: (clockNow(CLOCK.MONOTONIC) ?? 0n) + ns }
    : { clk: realtime ? CLOCK.REALTIME : CLOCK.MONOTONIC, at: ns };
}

/**
 * Sleeps, queued on a futex already, until a wake takes the thread off the queue, the
 * deadline passes, or (`interruptible`) a signal comes for it; a wake that races with the
 * timeout or the signal wins.
 */
function sleepQueued(w: ThreadWaits, deadline: Deadline, interruptible: boolean): 'woken' | 'timeout' | 'signal' {
  for (;;) {
    const seen = w.control.wakeSeen();
    if (w.futexes.woken(w.cpu)) return 'woken';
    let ms = Infinity;
    if (deadline) {
      const now = clockNow(deadline.clk) ?? deadline.at;
      if (now >= deadline.at) return w.futexes.dequeue(w.cpu) ? 'woken' : 'timeout';
      ms = Number(deadline.at - now) / 1e6;
    }
    if (interruptible && w.interrupted()) return w.futexes.dequeue(w.cpu) ? 'woken' : 'signal';
    w.sleep(seen, ms);
  }
}

/** Waits on the futex at uaddr while it holds `expected`: 0 when woken, else -errno. */
function wait(p: LinuxProcess, uaddr: number, expected: number, bitset: number, deadline: Deadline): number {
  const w = p.waits;
  if (!w.futexes.enqueue(w.cpu, uaddr, expected, bitset)) return -E.EAGAIN;
  switch (sleepQueued(w, deadline, true)) {
    case 'woken': return 0;
    case 'timeout': return -E.ETIMEDOUT;
    default:
      // without a timeout Linux restarts the wait under SA_RESTART (ERESTARTSYS); with one, EINTR
      if (deadline) return -E.EINTR;
      throw new SyscallInterrupted();
  }
}

/** FUTEX_LOCK_PI / TRYLOCK_PI: takes the PI lock word for the calling thread, waiting while another owns it. */
function lockPi(p: LinuxProcess, uaddr: number, tryOnly: boolean, deadline: Deadline): number {
  const w = p.waits;
  for (;;) {
    const step = w.futexes.lockPi(w.cpu, uaddr, p.thread.tid);
    if (step === 'acquired') return 0;
    if (step === 'deadlock') return -E.EDEADLK;
    if (tryOnly) {
      w.futexes.dequeue(w.cpu);
      return -E.EAGAIN;
    }
    // a signal does not end a PI lock wait: it is taken after the lock (the kernel restarts it);
    // woken, the thread tries the lock again
    if (sleepQueued(w, deadline, false) === 'timeout') return -E.ETIMEDOUT;
  }
}

export function sysFutex(p: LinuxProcess, a: A): number {
  const op = a.int(1);
  const cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const realtime = (op & FUTEX_CLOCK_REALTIME) !== 0;
  if (realtime && !REALTIME_OK.has(cmd)) return -E.ENOSYS;
  const uaddr = a.big(0);
  const shared = (op & FUTEX_PRIVATE_FLAG) === 0;
  const futexes = p.waits.futexes;
  switch (cmd) {
    case FUTEX.WAIT:
    case FUTEX.WAIT_BITSET: {
      const bitset = cmd === FUTEX.WAIT ? -1 : a.int(5);
      if (bitset === 0) return -E.EINVAL;
      const deadline = deadlineOf(p, a, cmd, realtime);
      if (typeof deadline === 'number') return deadline;
      const bad = checkWord(p, uaddr);
      if (bad) return bad;
      return wait(p, Number(uaddr), a.int(2), bitset, deadline);
    }
    case FUTEX.WAKE:
    case FUTEX.WAKE_BITSET: {
      const bitset = cmd === FUTEX.WAKE ? -1 : a.int(5);
      if (bitset === 0) return -E.EINVAL;
      const bad = checkWord(p, uaddr, shared);
      return bad || futexes.wake(Number(uaddr), a.int(2), bitset);
    }
    case FUTEX.REQUEUE:
    case FUTEX.CMP_REQUEUE: {
      // the fourth argument is a count here (val2), not a timeout
      const nWake = a.int(2);
      const nMove = Number(a.big(3) & 0x7fff_ffffn);
      if (nWake < 0 || a.int(3) < 0) return -E.EINVAL;
      const bad = checkWord(p, uaddr, shared || cmd === FUTEX.CMP_REQUEUE) || checkWord(p, a.big(4), shared);
      if (bad) return bad;
      const n = futexes.requeue(Number(uaddr), Number(a.big(4)), nWake, nMove, cmd === FUTEX.CMP_REQUEUE ? a.int(5) : null);
      return n === null ? -E.EAGAIN : n;
    }
    case FUTEX.WAKE_OP: {
      const encoded = a.int(5);
      if (((encoded >>> 28) & 7) > WAKE_OP_MAX || ((encoded >>> 24) & 15) > WAKE_CMP_MAX) return -E.ENOSYS;
      const uaddr2 = a.big(4);
      if (uaddr2 & 3n) return -E.EINVAL;
      if (!p.mem.canAccess(uaddr2, 4, 'write')) return -E.EFAULT;
      const bad = checkWord(p, uaddr, shared);
      return bad || futexes.wakeOp(Number(uaddr), Number(uaddr2), a.int(2), Number(a.big(3) & 0x7fff_ffffn), encoded);
    }
    case FUTEX.LOCK_PI:
    case FUTEX.LOCK_PI2:
    case FUTEX.TRYLOCK_PI: {
      const bad = checkWord(p, uaddr);
      if (bad) return bad;
      if (!p.mem.canAccess(uaddr, 4, 'write')) return -E.EFAULT;
      // LOCK_PI's timeout is absolute on CLOCK_REALTIME; LOCK_PI2's on the clock the op names
      let deadline: Deadline = null;
      if (cmd !== FUTEX.TRYLOCK_PI && a.big(3)) {
        const { sec, nsec } = decodeTimespec(readGuest(p, a.big(3), TIMESPEC_SIZE));
        if (sec < 0n || nsec < 0n || nsec >= NS) return -E.EINVAL;
        deadline = { clk: cmd === FUTEX.LOCK_PI || realtime ? CLOCK.REALTIME : CLOCK.MONOTONIC, at: sec * NS + nsec };
      }
      return lockPi(p, Number(uaddr), cmd === FUTEX.TRYLOCK_PI, deadline);
    }
    case FUTEX.UNLOCK_PI: {
      const bad = checkWord(p, uaddr);
      if (bad) return bad;
      return futexes.unlockPi(Number(uaddr), p.thread.tid) ? 0 : -E.EPERM;
    }
    default:
      p.logUnimp?.(`Unsupported futex operation: ${FUTEX_NAMES.get(cmd) ?? cmd}`);
      return -E.ENOSYS;
  }
}
