// The process's timers: the three interval timers of setitimer (ITIMER_REAL → SIGALRM,
// ITIMER_VIRTUAL → SIGVTALRM, ITIMER_PROF → SIGPROF) and the POSIX timers of timer_create
// (SIGEV_SIGNAL, SIGEV_THREAD_ID, SIGEV_NONE). Deadlines are kept on the monotonic clock.
// The first thread's Node thread is busy running guest code, so a tiny clock worker
// sleeps until the earliest deadline and then rings the first thread's doorbell (its exit
// request and WAKE word, and the eventfd of a host poll it waits in: thread-control.ts):
// its CPU loop or its wait comes back, and poll() sends the signals of the timers that
// expired, counting the expirations a late poll missed as overruns (timer_getoverrun).
// ITIMER_VIRTUAL and ITIMER_PROF count wall time here, not the process's CPU time.

import type { Worker } from 'node:worker_threads';
import { ENV } from '../tcg/env.js';
import { ENV_AREA, THREAD_CONTROL } from '../memory/layout.js';
import { startWorker } from '../worker-start.js';
import { CLOCK, SIG } from './generic/constants.js';
import { SI, SIGINFO_SIZE, type SigInfo } from './generic/structs.js';
import type { LinuxProcess } from './process.js';
import type { LinuxThread } from './thread.js';
import { sendSignal, signalSelf } from './signal-delivery.js';
import { HOST_BELL } from './thread-control.js';


/** SIGEV_* of struct sigevent. */
export const SIGEV = { SIGNAL: 0, NONE: 1, THREAD: 2, THREAD_ID: 4 } as const;

export interface GuestTimer {
  /** The signal it sends (SIGEV_NONE: 0). */
  signal: number;
  /** SIGEV_THREAD_ID: the thread that gets it; null: the process. */
  thread: LinuxThread | null;
  /** sigev_value, handed to the handler in si_value. */
  value: bigint;
  /** The next expiry (monotonic ns), or null when disarmed. */
  deadline: bigint | null;
  /** The period (ns), 0 for a one-shot. */
  interval: bigint;
  /** The overruns of its last signal taken (timer_getoverrun). */
  overrun: number;
  /** A POSIX timer's id (its si_timerid), or -1 for an interval timer. */
  id: number;
  /** The clock its absolute times are on (TIMER_ABSTIME); deadlines themselves are monotonic. */
  clock: number;
  /** A POSIX timer's signal instance last queued: while it waits, expirations add to its si_overrun. */
  queued?: SigInfo;
}

/** How long the clock worker waits for its ring to be taken before ringing again. */
const RING_AGAIN_MS = 5;
/**
 * The clock worker: waits on word 0 (bumped when the deadline changes) until the deadline
 * (ms, as Float64 at byte 8), then rings, and rings again every RING_AGAIN_MS until the CPU
 * thread has taken it (its poll reschedules, which bumps word 0). It never clears the
 * deadline itself: a reschedule made between its reading the deadline and clearing it was
 * lost that way, and with it every later expiration (a 1 ms interval timer stopped after a
 * few signals, about once in a few hundred runs).
 */
const CLOCK_WORKER = `
const { workerData: d } = require('node:worker_threads');
const ctl = new Int32Array(d.control, 0, 2);
const when = new Float64Array(d.control, 8, 1);
const exitRequest = new Int32Array(d.memory, d.exitRequest, 1);
const doorbell = new Int32Array(d.memory, d.doorbell, 1);
const hostWait = new Int32Array(d.memory, d.hostWait, 1);
const bellFd = new Int32Array(d.memory, d.bellFd, 1);
const one = new Uint8Array(new BigUint64Array([1n]).buffer);
for (;;) {
  const gen = Atomics.load(ctl, 0);
  const at = when[0];
  const now = Number(process.hrtime.bigint()) / 1e6;
  if (at > 0 && now >= at) {
    Atomics.store(exitRequest, 0, 1);
    Atomics.add(doorbell, 0, 1);
    Atomics.notify(doorbell, 0);
    // the first thread waits in the host's poll: its eventfd ends that (thread-control.ts)
    if (Atomics.load(hostWait, 0) && Atomics.load(bellFd, 0) > 0) {
      try { require('node:fs').writeSync(Atomics.load(bellFd, 0) - 1, one); } catch {}
    }
    Atomics.wait(ctl, 0, gen, ${RING_AGAIN_MS});
    continue;
  }
  Atomics.wait(ctl, 0, gen, at > 0 ? at - now : Infinity);
}`;

const now = (): bigint => process.hrtime.bigint();

export class ProcessTimers {
  /** ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF. */
  readonly itimers: GuestTimer[] = [SIG.SIGALRM, SIG.SIGVTALRM, SIG.SIGPROF].map((signal) => ({
    signal, thread: null, value: 0n, deadline: null, interval: 0n, overrun: 0, id: -1, clock: CLOCK.MONOTONIC,
  }));
  readonly posix = new Map<number, GuestTimer>();
  private readonly control = new SharedArrayBuffer(16);
  private worker: Worker | undefined;

  constructor(private readonly memory: WebAssembly.Memory) {}

  /** A free POSIX timer id. */
  nextId(): number {
    let id = 0;
    while (this.posix.has(id)) id++;
    return id;
  }

  /** Arms (deadline in monotonic ns, or null to disarm) and tells the clock worker. */
  arm(t: GuestTimer, deadline: bigint | null, interval: bigint): void {
    t.deadline = deadline;
    t.interval = deadline === null ? 0n : interval;
    this.reschedule();
  }

  /** Time left before t expires (ns), 0 when disarmed. */
  remaining(t: GuestTimer): bigint {
    if (t.deadline === null) return 0n;
    const left = t.deadline - now();
    return left > 0n ? left : 1n;
  }

  /** Sends the signals of the timers that have expired; true if any did. */
  poll(p: LinuxProcess): boolean {
    const t0 = now();
    let fired = false;
    for (const t of [...this.itimers, ...this.posix.values()]) {
      if (t.deadline === null || t.deadline > t0) continue;
      fired = true;
      let expirations = 1n;
      if (t.interval > 0n) {
        expirations += (t0 - t.deadline) / t.interval;
        t.deadline += expirations * t.interval;
      } else {
        t.deadline = null;
      }
      this.send(p, t, Number(expirations));
    }
    if (fired) this.reschedule();
    return fired;
  }

  /**
   * A timer's signal for `expirations` expirations: a POSIX timer whose last signal still
   * waits adds them to its si_overrun instead (posix_timer_event / the kernel's overrun
   * accounting), so that one signal and timer_getoverrun account for every expiration.
   */
  private send(p: LinuxProcess, t: GuestTimer, expirations: number): void {
    if (t.id < 0) {
      if (t.signal) signalSelf(p, t.signal, SI.KERNEL, null);
      return;
    }
    const q = t.queued;
    if (q?.raw && (t.thread ? t.thread.pending.holds(q) : p.sharedPending.holds(q))) {
      const dv = new DataView(q.raw.buffer);
      dv.setInt32(20, dv.getInt32(20, true) + expirations, true);
      return;
    }
    if (t.signal === 0) {
      t.overrun = expirations - 1;
      return;
    }
    const raw = new Uint8Array(SIGINFO_SIZE);
    const dv = new DataView(raw.buffer);
    dv.setInt32(0, t.signal, true);
    dv.setInt32(8, SI.TIMER, true);
    dv.setInt32(16, t.id, true); // si_tid
    dv.setInt32(20, expirations - 1, true); // si_overrun, counted on while it waits
    dv.setBigUint64(24, t.value, true); // si_value
    t.queued = { signo: t.signal, code: SI.TIMER, pid: 0, uid: 0, raw };
    sendSignal(p, t.queued, t.thread);
  }

  /** A timer's signal has been taken (dequeued): timer_getoverrun now answers its si_overrun. */
  taken(info: SigInfo): void {
    if (!info.raw) return;
    const dv = new DataView(info.raw.buffer);
    const t = this.posix.get(dv.getInt32(16, true));
    if (!t) return;
    t.overrun = dv.getInt32(20, true);
    if (t.queued === info) t.queued = undefined;
  }

  /** Tells the clock worker the earliest deadline (starting it the first time). */
  private reschedule(): void {
    let earliest: bigint | null = null;
    for (const t of [...this.itimers, ...this.posix.values()]) {
      if (t.deadline !== null && (earliest === null || t.deadline < earliest)) earliest = t.deadline;
    }
    const ctl = new Int32Array(this.control, 0, 2);
    new Float64Array(this.control, 8, 1)[0] = earliest === null ? 0 : Number(earliest) / 1e6;
    Atomics.add(ctl, 0, 1);
    Atomics.notify(ctl, 0);
    if (earliest !== null && !this.worker) {
      this.worker = startWorker(CLOCK_WORKER, {
        workerData: {
          control: this.control, memory: this.memory.buffer, exitRequest: ENV_AREA + ENV.EXIT_REQUEST, doorbell: THREAD_CONTROL,
          hostWait: HOST_BELL.waiting, bellFd: HOST_BELL.fd,
        },
      });
    }
  }
}
