// The control block of one guest thread, in the reserved area of the shared guest memory
// (layout.ts THREAD_CONTROL, by CPU index), through which the threads of a process meet:
//  - WAKE is the word the thread sleeps on (Atomics.wait) whenever it waits — for a futex,
//    for the answer to a request, for a signal; whoever wants it to look again adds one
//    and notifies. The first thread's WAKE is also the server's doorbell: the first
//    thread's Node thread owns the process (process.ts) and serves the others' requests.
//  - A thread running on a worker (thread-worker.ts) that needs the process — a system call
//    that is not its own business alone, a fault, a signal to take — posts a request
//    (KIND, STATE = POSTED), rings the doorbell and sleeps until STATE = ANSWERED. Its
//    registers are in its env block, so the request carries nothing else: the server runs
//    the system call on them, moves the pc on and enters signal handlers there.
//  - SIGNAL is set while the thread has a signal to take: its own blocking waits end early
//    (EINTR) and it asks the server to deliver.
//  - Atomics.notify cannot end a wait in the host's poll (an epoll_pwait, a blocking read):
//    while the first thread waits there (host-wait.ts) it sets HOST_WAIT, and whoever rings
//    its doorbell also writes to the host eventfd in BELL_FD, which that poll watches.

import { writeSync } from 'node:fs';
import { ENV } from '../tcg/env.js';
import { ENV_AREA, THREAD_CONTROL, THREAD_CONTROL_SIZE } from '../memory/layout.js';

/** Word indexes in a control block. */
const W = { WAKE: 0, STATE: 1, KIND: 2, SIGNAL: 3, ANSWER: 4, VALUE: 5, WAIT_FD: 6, WAIT_EVENTS: 7, EXPIRED: 8, SIGNALS_SENT: 9, WAIT_SEEN: 10, HOST_WAIT: 11, BELL_FD: 12 } as const;
/** Byte offset of the f64 deadline of Answer.WAIT_FD (NaN: none): the first 8-byte slot past the words of W. */
const WAIT_DEADLINE = 8 * Math.ceil((Math.max(...Object.values(W)) + 1) / 2);

/**
 * Where the server's HOST_WAIT and BELL_FD words are (byte addresses in guest memory), for
 * the clock worker (timers.ts), which rings the doorbell without a ThreadControl.
 */
export const HOST_BELL = { waiting: THREAD_CONTROL + 4 * W.HOST_WAIT, fd: THREAD_CONTROL + 4 * W.BELL_FD } as const;

/** The 8 bytes of an eventfd write that adds one. */
const BELL_ONE = new Uint8Array(new BigUint64Array([1n]).buffer);

/** Ends the server's host poll: adds one to the doorbell's eventfd (BELL_FD holds the fd + 1; 0: none). */
function ringHostBell(bellFdPlusOne: number): void {
  if (bellFdPlusOne <= 0) return;
  try {
    writeSync(bellFdPlusOne - 1, BELL_ONE);
  } catch {
    // EAGAIN: the counter is full, so the poll sees the fd readable anyway
  }
}

/**
 * STATE: where the thread's request is (TAKEN: being served, perhaps waiting, while the
 * server serves others). PARKED: the thread has read that it has ended; its worker waits,
 * its translations kept, for the next thread to run on this CPU — START, with the new
 * thread's tid in VALUE (thread creation then costs no new worker).
 */
/**
 * The name (for Symbol.for) of the global where a thread worker's loader leaves the function
 * that writes the thread bundle's V8 code cache, when it is to be written (threads.ts
 * THREAD_WORKER_LOADER; thread-worker.ts calls it).
 */
export const SAVE_CODE_CACHE = 'qemu-user-ts.saveCodeCache';

export const MailState = { IDLE: 0, POSTED: 1, ANSWERED: 2, TAKEN: 3, PARKED: 4, START: 5 } as const;

/** KIND: what the thread asks of the server. */
export const RequestKind = {
  /** Run the system call in its registers (and move its pc past it). */
  SYSCALL: 1,
  /** Its CPU raised an exception (in its env): deliver the signal or end the process. */
  EXCEPTION: 2,
  /** It has a signal to take (SIGNAL was set): enter the handlers that are due. */
  SIGNALS: 3,
  /** Its worker failed (VALUE: nothing more); the emulator ends with an error. */
  FAILED: 4,
  /**
   * A system call it makes itself (a futex wait) was interrupted by a signal for it: whether
   * the call restarts (Answer.RESTART: the signal's action has SA_RESTART) or ends with EINTR.
   */
  RESTARTS: 5,
} as const;

/** ANSWER: what the thread does next. */
export const Answer = {
  CONTINUE: 0,
  END_THREAD: 1,
  /** Wait for the host fd (waitFor()) and make the system call again. */
  WAIT_FD: 2,
  /** RESTARTS: the interrupted call starts again after the handler. */
  RESTART: 3,
} as const;

export class ThreadControl {
  private readonly words: Int32Array;

  constructor(buffer: ArrayBufferLike, readonly cpu: number) {
    this.words = new Int32Array(buffer, THREAD_CONTROL + cpu * THREAD_CONTROL_SIZE, THREAD_CONTROL_SIZE >> 2);
  }

  /** Clears the block for a new thread. */
  reset(): void {
    this.words.fill(0);
  }

  /** The WAKE word's value, read before checking what a wait is for (no wake-up can then be missed). */
  wakeSeen(): number {
    return Atomics.load(this.words, W.WAKE);
  }

  /** Sleeps until WAKE differs from `seen` or `ms` pass (Infinity: no limit). */
  sleep(seen: number, ms: number): void {
    Atomics.wait(this.words, W.WAKE, seen, ms);
  }

  /** Makes the thread look again at whatever it waits for. */
  wake(): void {
    Atomics.add(this.words, W.WAKE, 1);
    Atomics.notify(this.words, W.WAKE);
  }

  // --- the thread's side ---

  /** Posts a request to the server (the first thread's control block `server`) and waits for the answer. */
  request(kind: number, server: ThreadControl, value = 0): number {
    const w = this.words;
    w[W.KIND] = kind;
    w[W.VALUE] = value;
    Atomics.store(w, W.STATE, MailState.POSTED);
    server.ring();
    for (;;) {
      const seen = this.wakeSeen();
      if (Atomics.load(w, W.STATE) === MailState.ANSWERED) break;
      this.sleep(seen, Infinity);
    }
    const answer = w[W.ANSWER];
    Atomics.store(w, W.STATE, answer === Answer.END_THREAD ? MailState.PARKED : MailState.IDLE);
    return answer;
  }

  /** The ended thread's worker waits for the next thread on its CPU: returns its tid. */
  awaitStart(): number {
    for (;;) {
      const seen = this.wakeSeen();
      if (Atomics.load(this.words, W.STATE) === MailState.START) break;
      this.sleep(seen, Infinity);
    }
    Atomics.store(this.words, W.STATE, MailState.IDLE);
    return this.words[W.VALUE];
  }

  /** Whether this CPU's worker is parked, waiting for a thread (start() it). */
  parked(): boolean {
    return Atomics.load(this.words, W.STATE) === MailState.PARKED;
  }

  /** Hands a parked worker its next thread (its env block is ready). */
  start(tid: number): void {
    this.words[W.VALUE] = tid;
    Atomics.store(this.words, W.SIGNAL, 0);
    Atomics.store(this.words, W.STATE, MailState.START);
    this.wake();
  }

  /** Rings the server's doorbell (this is the server's block): its guest code returns to the loop at the next block. */
  private ring(): void {
    const env = new Int32Array(this.words.buffer, ENV_AREA + ENV.EXIT_REQUEST, 1);
    Atomics.store(env, 0, 1);
    this.wake();
    if (Atomics.load(this.words, W.HOST_WAIT)) ringHostBell(Atomics.load(this.words, W.BELL_FD));
  }

  // --- the server's side ---

  /** The host eventfd that ends the server's host polls (host-wait.ts), or -1 before it is made. */
  bellFd(): number {
    return Atomics.load(this.words, W.BELL_FD) - 1;
  }

  setBellFd(fd: number): void {
    Atomics.store(this.words, W.BELL_FD, fd + 1);
  }

  /** The server enters (true) or leaves a host poll that watches bellFd(): ringing writes to it meanwhile. */
  setHostWaiting(on: boolean): void {
    Atomics.store(this.words, W.HOST_WAIT, on ? 1 : 0);
  }

  /** Takes the posted request: its kind, or 0 when there is none. */
  take(): number {
    if (Atomics.load(this.words, W.STATE) !== MailState.POSTED) return 0;
    Atomics.store(this.words, W.STATE, MailState.TAKEN);
    return this.words[W.KIND];
  }

  value(): number {
    return this.words[W.VALUE];
  }

  answer(answer: number): void {
    this.words[W.ANSWER] = answer;
    Atomics.store(this.words, W.STATE, MailState.ANSWERED);
    this.wake();
  }

  // --- waits a worker makes itself (WouldBlock) ---

  /**
   * The server: answers that the thread is to wait for `fd` to be ready for `events` until
   * `deadlineMs`, then call again; with no fd (-1), until a signal is sent to it after the
   * count `signalsSeen` the call saw (signalsSent()).
   */
  answerWait(fd: number, events: number, deadlineMs: number | null, signalsSeen: number): void {
    this.words[W.WAIT_FD] = fd;
    this.words[W.WAIT_EVENTS] = events;
    this.words[W.WAIT_SEEN] = signalsSeen;
    new Float64Array(this.words.buffer, this.words.byteOffset + WAIT_DEADLINE, 1)[0] = deadlineMs ?? NaN;
    this.answer(Answer.WAIT_FD);
  }

  /** The thread: what to wait for. */
  waitFor(): { fd: number; events: number; deadlineMs: number | null; signalsSeen: number } {
    const d = new Float64Array(this.words.buffer, this.words.byteOffset + WAIT_DEADLINE, 1)[0];
    return { fd: this.words[W.WAIT_FD], events: this.words[W.WAIT_EVENTS], deadlineMs: Number.isNaN(d) ? null : d, signalsSeen: this.words[W.WAIT_SEEN] };
  }

  /** How many signals have been sent to the thread (counted, so that a wait cannot miss one sent while it is being set up). */
  signalsSent(): number {
    return Atomics.load(this.words, W.SIGNALS_SENT);
  }

  /** A signal has been queued for the thread, blocked or not: a wait for one looks again. */
  signalSent(): void {
    Atomics.add(this.words, W.SIGNALS_SENT, 1);
    this.wake();
  }

  /** The thread's wait reached its deadline (set by the thread before calling again; read and cleared by the server). */
  setExpired(on: boolean): void {
    this.words[W.EXPIRED] = on ? 1 : 0;
  }

  takeExpired(): boolean {
    const on = this.words[W.EXPIRED] !== 0;
    this.words[W.EXPIRED] = 0;
    return on;
  }

  // --- signals ---

  /** Whether a signal waits for the thread to take it. */
  signalWaiting(): boolean {
    return Atomics.load(this.words, W.SIGNAL) !== 0;
  }

  setSignalWaiting(on: boolean): void {
    Atomics.store(this.words, W.SIGNAL, on ? 1 : 0);
    if (on) this.signalSent();
  }
}

/** How the calling thread waits (futex, sleeps): its CPU index, its control block, and how it sleeps. */
export interface ThreadWaits {
  readonly cpu: number;
  readonly control: ThreadControl;
  readonly futexes: import('./futex-table.js').FutexTable;
  /** Sleeps until the control block's WAKE word moves from `seen` or `ms` pass (the first thread serves the others meanwhile). */
  sleep(seen: number, ms: number): void;
  /** A signal waits for the thread: its blocking wait ends with EINTR. */
  interrupted(): boolean;
}
