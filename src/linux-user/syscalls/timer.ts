// Timers: setitimer/getitimer and the POSIX timers (timer_create, timer_settime,
// timer_gettime, timer_getoverrun, timer_delete) over the process's timers (timers.ts),
// and timerfd_create/settime/gettime, which are the host's own timerfds (through libc):
// pollable host fds, non-blocking on the host like eventfds so that a blocking read waits
// in vfs/host.ts's retry (which serves other threads and ends for a signal).

import { E, fail } from '../errno.js';
import { CLOCK, SIG, TIMER_ABSTIME } from '../generic/constants.js';
import { HOST_OPEN_FLAGS } from '../generic/abi.js';
import { hostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { ProcessTimers, SIGEV, type GuestTimer } from '../timers.js';
import { readGuest, writeGuest, u64s, type SyscallArgs } from './args.js';
import { installMade } from './fd.js';
import { clockNow } from './time.js';

type A = SyscallArgs;

const NS = 1_000_000_000n;
const US = 1000n;
/** struct itimerval / itimerspec: interval then value, two 16-byte time structs. */
const TIMER_PAIR = 32;
/** The clocks a POSIX timer or a timerfd may use (CPU-time clocks are timed on the wall clock here). */
const TIMER_CLOCKS: ReadonlySet<number> = new Set([
  CLOCK.REALTIME, CLOCK.MONOTONIC, CLOCK.BOOTTIME, CLOCK.TAI, CLOCK.REALTIME_ALARM, CLOCK.BOOTTIME_ALARM,
  CLOCK.PROCESS_CPUTIME_ID, CLOCK.THREAD_CPUTIME_ID,
]);
const MAX_SIGNAL = 64;

function timersOf(p: LinuxProcess): ProcessTimers {
  return (p.timers ??= new ProcessTimers(p.mem.memory));
}

/** Reads an (interval, value) pair in ns; `unit` is 1000 for timevals; null when a field is out of range (EINVAL). */
function readPair(p: LinuxProcess, addr: bigint, unit: bigint): [bigint, bigint] | null {
  const dv = new DataView(readGuest(p, addr, TIMER_PAIR).slice().buffer);
  const out: bigint[] = [];
  for (const off of [0, 16]) {
    const sec = dv.getBigInt64(off, true);
    const sub = dv.getBigInt64(off + 8, true);
    if (sec < 0n || sub < 0n || sub * unit >= NS) return null;
    out.push(sec * NS + sub * unit);
  }
  return [out[0], out[1]];
}

/** Writes an (interval, value) pair in ns as timevals (unit 1000) or timespecs; a value that rounds to 0 while armed shows as one unit. */
function writePair(p: LinuxProcess, addr: bigint, interval: bigint, value: bigint, unit: bigint): void {
  const split = (ns: bigint, roundUp: boolean): bigint[] => {
    let units = ns / unit;
    if (roundUp && ns > 0n && units === 0n) units = 1n;
    const perSec = NS / unit;
    return [units / perSec, units % perSec];
  };
  writeGuest(p, addr, u64s([...split(interval, false), ...split(value, true)]));
}

// --- setitimer / getitimer ---------------------------------------------------------------

export function sysGetitimer(p: LinuxProcess, a: A): number {
  const which = a.int(0);
  if (which < 0 || which > 2) return -E.EINVAL;
  const timers = timersOf(p);
  const t = timers.itimers[which];
  writePair(p, a.big(1), t.interval, timers.remaining(t), US);
  return 0;
}

export function sysSetitimer(p: LinuxProcess, a: A): number {
  const which = a.int(0);
  if (which < 0 || which > 2) return -E.EINVAL;
  // a NULL new value disarms (Linux 6 accepts it, with a warning)
  const pair = a.big(1) ? readPair(p, a.big(1), US) : [0n, 0n];
  if (!pair) return -E.EINVAL;
  const timers = timersOf(p);
  const t = timers.itimers[which];
  if (a.big(2)) writePair(p, a.big(2), t.interval, timers.remaining(t), US);
  const [interval, value] = pair;
  timers.arm(t, value ? process.hrtime.bigint() + value : null, interval);
  return 0;
}

// --- POSIX timers --------------------------------------------------------------------------

/** timer_create(clock, sigevent, *id). */
export function sysTimerCreate(p: LinuxProcess, a: A): number {
  const clk = a.int(0);
  if (!TIMER_CLOCKS.has(clk)) return -E.EINVAL;
  const timers = timersOf(p);
  const id = timers.nextId();
  const t: GuestTimer = { signal: SIG.SIGALRM, thread: null, value: BigInt(id), deadline: null, interval: 0n, overrun: 0, id, clock: clk };
  if (a.big(1)) {
    const ev = new DataView(readGuest(p, a.big(1), 20).slice().buffer);
    const notify = ev.getInt32(12, true);
    const kind = notify & ~SIGEV.THREAD_ID;
    if (kind !== SIGEV.SIGNAL && kind !== SIGEV.NONE) return -E.EINVAL;
    t.value = ev.getBigUint64(0, true);
    t.signal = kind === SIGEV.NONE ? 0 : ev.getInt32(8, true);
    if (kind !== SIGEV.NONE && (t.signal < 1 || t.signal > MAX_SIGNAL)) return -E.EINVAL;
    if (notify & SIGEV.THREAD_ID) {
      const tid = ev.getInt32(16, true);
      const thread = tid === p.thread.tid ? p.thread : p.threads?.byTid(tid);
      if (!thread) return -E.EINVAL;
      t.thread = thread;
    }
  }
  writeGuest(p, a.big(2), new Uint8Array(new Int32Array([id]).buffer));
  timers.posix.set(id, t);
  return 0;
}

function posixTimer(p: LinuxProcess, id: number): GuestTimer {
  return p.timers?.posix.get(id) ?? fail(E.EINVAL);
}

/** timer_settime(id, flags, new, old): TIMER_ABSTIME's time is on the timer's clock, converted to the monotonic one now. */
export function sysTimerSettime(p: LinuxProcess, a: A): number {
  const t = posixTimer(p, a.int(0));
  const pair = readPair(p, a.big(2), 1n);
  if (!pair) return -E.EINVAL;
  const timers = timersOf(p);
  if (a.big(3)) writePair(p, a.big(3), t.interval, timers.remaining(t), 1n);
  const [interval, value] = pair;
  const mono = process.hrtime.bigint();
  let deadline: bigint | null = null;
  if (value) deadline = a.int(1) & TIMER_ABSTIME ? mono + (value - (clockNow(t.clock) ?? mono)) : mono + value;
  timers.arm(t, deadline, interval);
  return 0;
}

export function sysTimerGettime(p: LinuxProcess, a: A): number {
  const t = posixTimer(p, a.int(0));
  writePair(p, a.big(1), t.interval, timersOf(p).remaining(t), 1n);
  return 0;
}

export function sysTimerGetoverrun(p: LinuxProcess, a: A): number {
  return posixTimer(p, a.int(0)).overrun;
}

export function sysTimerDelete(p: LinuxProcess, a: A): number {
  const t = posixTimer(p, a.int(0));
  const timers = timersOf(p);
  timers.arm(t, null, 0n);
  timers.posix.delete(a.int(0));
  return 0;
}

// --- timerfd ---------------------------------------------------------------------------------

const TFD = { TIMER_ABSTIME: 1, TIMER_CANCEL_ON_SET: 2 } as const;

export function sysTimerfdCreate(p: LinuxProcess, a: A): number {
  const o = p.abi.openFlags;
  const clk = a.int(0);
  const flags = a.int(1);
  if (flags & ~(o.O_CLOEXEC | o.O_NONBLOCK)) return -E.EINVAL;
  const lc = hostLibc() ?? fail(E.ENOSYS);
  const hostFd = lc.timerfdCreate(clk, HOST_OPEN_FLAGS.O_NONBLOCK | HOST_OPEN_FLAGS.O_CLOEXEC);
  return installMade(p, hostFd, 'anon_inode:[timerfd]', o.O_RDWR | (flags & o.O_NONBLOCK), 'pipe', (flags & o.O_CLOEXEC) !== 0);
}

/** The host fd of a guest timerfd (EBADF / EINVAL otherwise). */
function timerfdOf(p: LinuxProcess, fd: number): number {
  const f = p.fds.get(fd)?.file ?? fail(E.EBADF);
  if (f.path !== 'anon_inode:[timerfd]') fail(E.EINVAL);
  return f.hostFd;
}

export function sysTimerfdSettime(p: LinuxProcess, a: A): number {
  const hostFd = timerfdOf(p, a.int(0));
  if (a.int(1) & ~(TFD.TIMER_ABSTIME | TFD.TIMER_CANCEL_ON_SET)) return -E.EINVAL;
  const value = readGuest(p, a.big(2), TIMER_PAIR).slice();
  const old = new Uint8Array(TIMER_PAIR);
  hostLibc()!.timerfdSettime(hostFd, a.int(1), value, old);
  if (a.big(3)) writeGuest(p, a.big(3), old);
  return 0;
}

export function sysTimerfdGettime(p: LinuxProcess, a: A): number {
  const hostFd = timerfdOf(p, a.int(0));
  const out = new Uint8Array(TIMER_PAIR);
  hostLibc()!.timerfdGettime(hostFd, out);
  writeGuest(p, a.big(1), out);
  return 0;
}
