// futex(2) over the process's shared waiter table (futex-table.ts): WAIT and WAIT_BITSET
// (relative timeouts on the monotonic clock, absolute ones on the clock the op names),
// WAKE and WAKE_BITSET, REQUEUE and CMP_REQUEUE, WAKE_OP. A waiting thread sleeps on its
// control block's WAKE word; a wake, a timeout or a signal for it (EINTR) ends the wait.
// A futex is the process's own (one process per emulator), unless it is shared (no
// FUTEX_PRIVATE_FLAG) and its word lies in a shared anonymous mapping, whose pages other
// processes map too (shared-memory.ts): their wakes cannot reach our table, so a wait on
// such a word also looks at the word every CROSS_PROCESS_POLL_MS and ends (as woken) when
// it changed, or after CROSS_PROCESS_WAIT_MS as a spurious wake-up, which futex(2) allows
// and every caller loops on. The priority-inheritance
// operations LOCK_PI, TRYLOCK_PI and UNLOCK_PI (glibc's PTHREAD_PRIO_INHERIT mutexes) keep the lock
// word's protocol — owner tid, FUTEX_WAITERS — without priorities to inherit; the
// requeue-to-PI operations answer ENOSYS. futex_waitv waits on up to 128 words at once,
// each queued as a futex of its own (futex-table.ts), until a wake of any.

import { GUEST_LIMIT, PAGE_SHIFT, PERM } from '../../memory/layout.js';
import { E } from '../errno.js';
import { SyscallInterrupted } from '../guest-exit.js';
import { CLOCK, FUTEX, FUTEX_32, FUTEX_CLOCK_REALTIME, FUTEX_NAMES, FUTEX_PRIVATE_FLAG, FUTEX_WAITV_MAX } from '../generic/constants.js';
import { FUTEX_WAITV, TIMESPEC_SIZE, decodeTimespec } from '../generic/structs.js';
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

/** The flags a futex_waitv entry may have (FUTEXV_WAITER_MASK); FUTEX_32 it must have. */
const WAITV_ENTRY_FLAGS = FUTEX_32 | FUTEX_PRIVATE_FLAG;
const GUEST_END = BigInt(GUEST_LIMIT);

/**
 * The futex word's address, as get_futex_key checks it: 4-byte aligned (else EINVAL), a user
 * address (access_ok: below the guest's limit), and mapped where it is read or where a shared
 * futex's key needs the page (else EFAULT); a private wake never looks at the page.
 */
function checkWord(p: LinuxProcess, uaddr: bigint, needPage = true): number {
  if (uaddr & 3n) return -E.EINVAL;
  if (uaddr + 4n > GUEST_END || (needPage && !p.mem.canAccess(uaddr, 4, 'read'))) return -E.EFAULT;
  return 0;
}

/** How often a wait on a word other processes share looks at it, and how long it lasts at most (see above). */
const CROSS_PROCESS_POLL_MS = 2;
const CROSS_PROCESS_WAIT_MS = 50;

/** A futex word shared with other processes (see above): the wait watches it for a change from `expected`. */
interface Watched {
  /** The word alone. */
  word: Int32Array;
  expected: number;
  /** performance.now() at which the wait ends as a spurious wake-up. */
  until: number;
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
 * Sleeps, queued on its futexes already, until a wake takes the thread off a queue, the
 * deadline passes, or (`interruptible`) a signal comes for it; a wake that races with the
 * timeout or the signal wins. Woken, the index of the entry woken (dequeue: 0 for a single futex).
 */
function sleepQueued(w: ThreadWaits, deadline: Deadline, interruptible: boolean, watched?: Watched): number | 'timeout' | 'signal' {
  for (;;) {
    const seen = w.control.wakeSeen();
    if (w.futexes.woken(w.cpu)) return w.futexes.dequeue(w.cpu);
    let ms = Infinity;
    if (deadline) {
      const now = clockNow(deadline.clk) ?? deadline.at;
      if (now >= deadline.at) return takenOff(w, 'timeout');
      ms = Number(deadline.at - now) / 1e6;
    }
    if (interruptible && w.interrupted()) return takenOff(w, 'signal');
    if (watched) {
      const left = watched.until - performance.now();
      if (Atomics.load(watched.word, 0) !== watched.expected || left <= 0) {
        const woken = w.futexes.dequeue(w.cpu);
        return woken >= 0 ? woken : 0;
      }
      ms = Math.min(ms, CROSS_PROCESS_POLL_MS, left);
    }
    w.sleep(seen, ms);
  }
}

/** Takes the thread off its queues as its wait ends for `why`; the woken entry's index if a wake came first after all. */
function takenOff(w: ThreadWaits, why: 'timeout' | 'signal'): number | 'timeout' | 'signal' {
  const woken = w.futexes.dequeue(w.cpu);
  return woken >= 0 ? woken : why;
}

/** Waits on the futex at uaddr while it holds `expected`: 0 when woken, else -errno. `shared`: not FUTEX_PRIVATE. */
function wait(p: LinuxProcess, uaddr: number, expected: number, bitset: number, deadline: Deadline, shared: boolean): number {
  const w = p.waits;
  if (!w.futexes.enqueue(w.cpu, uaddr, expected, bitset)) return -E.EAGAIN;
  // the page table, not p.as: a thread's own futex calls run on its worker, which has no mappings of its own
  const crossProcess = shared && (p.mem.perms[uaddr >>> PAGE_SHIFT] & PERM.SHARED) !== 0;
  const watched = crossProcess
    ? { word: new Int32Array(p.mem.memory.buffer, uaddr, 1), expected, until: performance.now() + CROSS_PROCESS_WAIT_MS }
    : undefined;
  const end = sleepQueued(w, deadline, true, watched);
  if (typeof end === 'number') return 0;
  if (end === 'timeout') return -E.ETIMEDOUT;
  // without a timeout Linux restarts the wait under SA_RESTART (ERESTARTSYS); with one, EINTR
  // (its restart block is only for a signal without a handler)
  if (deadline) return -E.EINTR;
  throw new SyscallInterrupted();
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
      return wait(p, Number(uaddr), a.int(2), bitset, deadline, shared);
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

/** One futex_waitv entry as the checks leave it: the word, its expected value (the low 32 bits of val), private or not. */
interface WaitvEntry { uaddr: bigint; val: number; shared: boolean }

/** Reads and checks the entries one by one, as futex_parse_waitv does (EFAULT, EINVAL); an entry list or -errno. */
function parseWaitv(p: LinuxProcess, waiters: bigint, n: number): WaitvEntry[] | number {
  const entries: WaitvEntry[] = [];
  for (let i = 0; i < n; i++) {
    const at = waiters + BigInt(i * FUTEX_WAITV.SIZE);
    const bytes = p.mem.readBytes(at, FUTEX_WAITV.SIZE);
    if (!bytes) return -E.EFAULT;
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const flags = dv.getUint32(FUTEX_WAITV.flags, true);
    if (flags & ~WAITV_ENTRY_FLAGS || dv.getUint32(FUTEX_WAITV.reserved, true) !== 0 || !(flags & FUTEX_32)) return -E.EINVAL;
    entries.push({
      uaddr: dv.getBigUint64(FUTEX_WAITV.uaddr, true),
      val: dv.getInt32(FUTEX_WAITV.val, true),
      shared: (flags & FUTEX_PRIVATE_FLAG) === 0,
    });
  }
  return entries;
}

/**
 * futex_waitv(waiters, nr_futexes, flags, timeout, clockid), as Linux 6.1 has it: flags must
 * be 0 and nr_futexes 1..128 with waiters non-null (EINVAL); a timeout is absolute on
 * CLOCK_MONOTONIC or CLOCK_REALTIME (another clock EINVAL, looked at only with a timeout);
 * then each entry (parseWaitv), each word's key (checkWord: alignment first, for all of
 * them), and the words against their values in order (EFAULT or EAGAIN, whichever entry comes
 * first). Queued on all, the thread sleeps until a wake of any — the index of the last entry
 * a wake took off — the timeout (ETIMEDOUT) or a signal (ERESTARTSYS, with or without a
 * timeout: EINTR, or the call again under SA_RESTART).
 */
export function sysFutexWaitv(p: LinuxProcess, a: A): number {
  const waiters = a.big(0);
  const n = a.uint(1);
  if (a.uint(2) !== 0) return -E.EINVAL;
  if (n === 0 || n > FUTEX_WAITV_MAX || waiters === 0n) return -E.EINVAL;
  let deadline: Deadline = null;
  if (a.big(3)) {
    const clk = a.int(4);
    if (clk !== CLOCK.REALTIME && clk !== CLOCK.MONOTONIC) return -E.EINVAL;
    const { sec, nsec } = decodeTimespec(readGuest(p, a.big(3), TIMESPEC_SIZE));
    if (sec < 0n || nsec < 0n || nsec >= NS) return -E.EINVAL;
    deadline = { clk, at: sec * NS + nsec };
  }
  const entries = parseWaitv(p, waiters, n);
  if (typeof entries === 'number') return entries;
  for (const e of entries) {
    const bad = checkWord(p, e.uaddr, e.shared);
    if (bad) return bad;
  }
  const addrs = entries.map((e) => Number(e.uaddr));
  const vals = entries.map((e) => e.val);
  const w = p.waits;
  const unreadable = entries.findIndex((e) => !p.mem.canAccess(e.uaddr, 4, 'read'));
  if (unreadable >= 0) {
    // the words before it are compared first; nothing is queued either way
    for (let i = 0; i < unreadable; i++) if (w.futexes.word(addrs[i]) !== vals[i]) return -E.EAGAIN;
    return -E.EFAULT;
  }
  if (w.futexes.enqueueAll(w.cpu, addrs, vals) >= 0) return -E.EAGAIN;
  const end = sleepQueued(w, deadline, true);
  if (typeof end === 'number') return end;
  if (end === 'timeout') return -E.ETIMEDOUT;
  throw new SyscallInterrupted();
}
