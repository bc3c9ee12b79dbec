// Clock and sleep syscalls: clock_gettime/getres, gettimeofday, nanosleep,
// clock_nanosleep, times. Monotonic time is the host's CLOCK_MONOTONIC (libuv hrtime);
// real time is that plus an offset fixed at start-up. Sleeping blocks in Atomics.wait.

import { E } from '../errno.js';
import { SyscallInterrupted } from '../guest-exit.js';
import { CLOCK, TIMER_ABSTIME, USER_HZ } from '../generic/constants.js';
import { TIMESPEC_SIZE, decodeTimespec, encodeTimespec, encodeTimeval, encodeTms } from '../generic/structs.js';
import type { LinuxProcess } from '../process.js';
import { sleepMs } from '../vfs/host.js';
import { readGuest, writeGuest, type SyscallArgs } from './args.js';
import { guestCpuUs, guestUsage } from '../exit-report.js';

type A = SyscallArgs;

const NS = 1_000_000_000n;
const hrtime = (): bigint => process.hrtime.bigint();
/** Unix time in ns minus hrtime, worked out at first use (performance costs a ms to load). */
let realOffset: bigint | undefined;
const realtime = (): bigint =>
  (realOffset ??= BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6)) - hrtime()) + hrtime();
/** TAI runs ahead of UTC by the leap seconds so far. */
const TAI_OFFSET = 37n * NS;
/** Resolution of the *_COARSE clocks: one jiffy at HZ=250. */
const COARSE_RES = 4_000_000n;

/** The guest process's CPU time: its host process's, since its job came for a recycled one (exit-report.ts). */
const cpuNs = (): bigint => BigInt(guestCpuUs()) * 1000n;

/** Now on clock `clk` in nanoseconds, or null for a clock we do not have. */
export function clockNow(clk: number): bigint | null {
  switch (clk) {
    case CLOCK.REALTIME: case CLOCK.REALTIME_COARSE: case CLOCK.REALTIME_ALARM:
      return realtime();
    case CLOCK.TAI:
      return realtime() + TAI_OFFSET;
    case CLOCK.MONOTONIC: case CLOCK.MONOTONIC_RAW: case CLOCK.MONOTONIC_COARSE:
    case CLOCK.BOOTTIME: case CLOCK.BOOTTIME_ALARM:
      return hrtime();
    case CLOCK.PROCESS_CPUTIME_ID: case CLOCK.THREAD_CPUTIME_ID:
      return cpuNs();
    default:
      return null;
  }
}

export function sysClockGettime(p: LinuxProcess, a: A): number {
  const now = clockNow(a.int(0));
  if (now === null) return -E.EINVAL;
  writeGuest(p, a.big(1), encodeTimespec(now));
  return 0;
}

export function sysClockGetres(p: LinuxProcess, a: A): number {
  const clk = a.int(0);
  if (clockNow(clk) === null) return -E.EINVAL;
  const coarse = clk === CLOCK.REALTIME_COARSE || clk === CLOCK.MONOTONIC_COARSE;
  if (a.big(1)) writeGuest(p, a.big(1), encodeTimespec(coarse ? COARSE_RES : 1n));
  return 0;
}

export function sysGettimeofday(p: LinuxProcess, a: A): number {
  if (a.big(0)) writeGuest(p, a.big(0), encodeTimeval(realtime()));
  if (a.big(1)) writeGuest(p, a.big(1), new Uint8Array(8)); // struct timezone: UTC, no DST
  return 0;
}

/** A relative or absolute sleep request from the guest, validated; null → EINVAL. */
function requestNs(p: LinuxProcess, addr: bigint): bigint | null {
  const { sec, nsec } = decodeTimespec(readGuest(p, addr, TIMESPEC_SIZE));
  if (sec < 0n || nsec < 0n || nsec >= NS) return null;
  return sec * NS + nsec;
}

/** Sleeps until clock `clk` reaches `deadline` (ns); a signal for the thread ends it (SyscallInterrupted, from sleepMs). */
export function sleepUntil(clk: number, deadline: bigint): void {
  for (;;) {
    const now = clockNow(clk) ?? deadline;
    if (now >= deadline) return;
    sleepMs(Number(deadline - now) / 1e6);
  }
}

/**
 * A relative sleep until `deadline` on `clk`; when a signal interrupts it, the time left is
 * written to *rem (if given) before the EINTR, as nanosleep and clock_nanosleep do.
 */
function sleepRelative(p: LinuxProcess, clk: number, deadline: bigint, rem: bigint): void {
  try {
    sleepUntil(clk, deadline);
  } catch (e) {
    if (e instanceof SyscallInterrupted && rem) {
      const left = deadline - (clockNow(clk) ?? deadline);
      writeGuest(p, rem, encodeTimespec(left > 0n ? left : 0n));
    }
    throw e;
  }
}

export function sysNanosleep(p: LinuxProcess, a: A): number {
  const ns = requestNs(p, a.big(0));
  if (ns === null) return -E.EINVAL;
  sleepRelative(p, CLOCK.MONOTONIC, hrtime() + ns, a.big(1));
  return 0;
}

const SLEEP_CLOCKS: ReadonlySet<number> = new Set([
  CLOCK.REALTIME, CLOCK.MONOTONIC, CLOCK.BOOTTIME, CLOCK.TAI, CLOCK.REALTIME_ALARM, CLOCK.BOOTTIME_ALARM,
]);

export function sysClockNanosleep(p: LinuxProcess, a: A): number {
  const clk = a.int(0);
  const flags = a.int(1);
  if (!SLEEP_CLOCKS.has(clk)) {
    if (clk === CLOCK.PROCESS_CPUTIME_ID) p.logUnimp?.('clock_nanosleep on CLOCK_PROCESS_CPUTIME_ID');
    return -E.EINVAL;
  }
  if (flags & ~TIMER_ABSTIME) return -E.EINVAL;
  const ns = requestNs(p, a.big(2));
  if (ns === null) return -E.EINVAL;
  if (flags & TIMER_ABSTIME) sleepUntil(clk, ns);
  else sleepRelative(p, clk, (clockNow(clk) ?? 0n) + ns, a.big(3));
  return 0;
}

export function sysTimes(p: LinuxProcess, a: A): bigint {
  if (a.big(0)) {
    const u = guestUsage();
    const c = p.childrenUsage;
    const ticks = (us: number): bigint => BigInt(Math.floor((us * USER_HZ) / 1e6));
    writeGuest(p, a.big(0), encodeTms(ticks(u.utimeUs), ticks(u.stimeUs), ticks(c.utimeUs), ticks(c.stimeUs)));
  }
  return (hrtime() * BigInt(USER_HZ)) / NS;
}
