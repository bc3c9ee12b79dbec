// futex(2) for a process with one thread, which is all we run until threads exist.
// No other thread can be waiting on a futex, so FUTEX_WAKE wakes nobody and returns 0;
// FUTEX_WAIT returns EAGAIN when the word no longer holds the expected value, and
// otherwise sleeps out its timeout (ETIMEDOUT), since nothing could wake it. A wait
// without a timeout would block forever (signal delivery does not exist yet), so it is
// reported under -d unimp and answers -ENOSYS instead of hanging; requeue, wake-op and
// the PI operations are -ENOSYS too. Threads will replace this with real wait queues.

import { E } from '../errno.js';
import { CLOCK, FUTEX, FUTEX_CLOCK_REALTIME, FUTEX_NAMES, FUTEX_PRIVATE_FLAG } from '../generic/constants.js';
import { TIMESPEC_SIZE, decodeTimespec } from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import { readGuest, type SyscallArgs } from './args.js';
import { clockNow, sleepUntil } from './time.js';

type A = SyscallArgs;

const NS = 1_000_000_000n;
/** Operations that may carry FUTEX_CLOCK_REALTIME; with any other Linux says ENOSYS. */
const REALTIME_OK: ReadonlySet<number> = new Set([FUTEX.WAIT, FUTEX.WAIT_BITSET, FUTEX.WAIT_REQUEUE_PI, FUTEX.LOCK_PI2]);

/** The futex word's address: 4-byte aligned, and mapped for a shared futex (its key needs the page). */
function checkWord(p: LinuxProcess, uaddr: bigint, shared: boolean): number {
  if (uaddr & 3n) return -E.EINVAL;
  if (shared && !p.mem.canAccess(uaddr, 4, 'read')) return -E.EFAULT;
  return 0;
}

export function sysFutex(p: LinuxProcess, a: A): number {
  const op = a.int(1);
  const cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
  const realtime = (op & FUTEX_CLOCK_REALTIME) !== 0;
  const shared = (op & FUTEX_PRIVATE_FLAG) === 0;
  if (realtime && !REALTIME_OK.has(cmd)) return -E.ENOSYS;
  switch (cmd) {
    case FUTEX.WAIT:
    case FUTEX.WAIT_BITSET: {
      if (cmd === FUTEX.WAIT_BITSET && a.uint(5) === 0) return -E.EINVAL;
      // The timeout is read and checked first; FUTEX_WAIT's is relative (on the monotonic
      // clock), FUTEX_WAIT_BITSET's an absolute time on the clock the op names.
      let deadline: { clk: number; at: bigint } | null = null;
      if (a.big(3)) {
        const { sec, nsec } = decodeTimespec(readGuest(p, a.big(3), TIMESPEC_SIZE));
        if (sec < 0n || nsec < 0n || nsec >= NS) return -E.EINVAL;
        const ns = sec * NS + nsec;
        deadline = cmd === FUTEX.WAIT
          ? { clk: CLOCK.MONOTONIC, at: (clockNow(CLOCK.MONOTONIC) ?? 0n) + ns }
          : { clk: realtime ? CLOCK.REALTIME : CLOCK.MONOTONIC, at: ns };
      }
      const bad = checkWord(p, a.big(0), shared);
      if (bad) return bad;
      const word = new DataView(readGuest(p, a.big(0), 4).buffer).getUint32(0, true);
      if (word !== a.uint(2)) return -E.EAGAIN;
      if (!deadline) {
        p.logUnimp?.('futex wait with no timeout in a single-threaded process: nothing could wake it');
        return -E.ENOSYS;
      }
      sleepUntil(deadline.clk, deadline.at);
      return -E.ETIMEDOUT;
    }
    case FUTEX.WAKE:
    case FUTEX.WAKE_BITSET: {
      if (cmd === FUTEX.WAKE_BITSET && a.uint(5) === 0) return -E.EINVAL;
      const bad = checkWord(p, a.big(0), shared);
      return bad || 0; // nobody else exists to be woken
    }
    default:
      p.logUnimp?.(`Unsupported futex operation: ${FUTEX_NAMES.get(cmd) ?? cmd}`);
      return -E.ENOSYS;
  }
}
