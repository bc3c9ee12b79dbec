// Host signals for the guest: SIGINT from a terminal, SIGTERM from a supervisor, SIGWINCH
// from a resized window, and the rest that qemu-user forwards, reach the guest's handlers.
// The first guest thread runs on Node's main thread without returning to its event loop,
// so Node's process.on('SIGINT') would never run. Instead a small worker runs an event
// loop of its own: libuv's (exported by the node binary for addons, called through koffi),
// with one uv_signal handle per signal followed. libuv's process-wide handler writes to
// that loop's pipe, the loop calls back on the worker, and the worker marks the signal in
// shared memory and rings the first thread's doorbell (its exit request and WAKE word, as
// the clock worker of timers.ts does); LinuxProcess.serveOthers() then sends it to the
// guest with si_code SI_USER (libuv passes the number only: the sender's pid reads 0).
//
// A signal is followed from the first time the guest gives it an action other than the
// default, or blocks it: until then the host's default action is the guest's (terminate,
// ignore, stop). The first follow starts the worker and waits for it (~30 ms of start-up,
// which a run that never handles these signals does not pay), so that a signal sent right
// after the guest set its handler finds it in place. Not followed: the
// signals of faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS), which are the
// emulator's own; SIGABRT, so that an abort() in Node itself still ends it; SIGPROF, V8's
// profiler's; SIGCHLD, which Node uses for its children; SIGPIPE, which Node ignores so that a
// write to a closed pipe answers EPIPE and the emulator sends the guest its own, thread-
// directed SIGPIPE; SIGKILL and SIGSTOP. Host and guest (asm-generic) numbers are equal.
//
// The worker sits in uv_run, inside a native call, where Node's exit cannot stop it: a
// worker thread must be ended before the process can exit, so stop() (on 'exit', and
// before a signal's default action kills us) tells it through a pipe to stop its handles
// (restoring the host's default actions) and return. With host/libc.ts and host/sockets.ts
// this is the only code that calls into the host through koffi.

import type { Worker } from 'node:worker_threads';
import { writeSync } from 'node:fs';
import { ENV } from '../../tcg/env.js';
import { ENV_AREA, THREAD_CONTROL } from '../../memory/layout.js';
import { lazyBuiltin } from '../../host-lazy.js';
import { SIG } from '../generic/constants.js';

const workerThreads = lazyBuiltin<typeof import('node:worker_threads')>('node:worker_threads');

/** The signals that never come from the host through here (see above). */
const NOT_FOLLOWED = new Set<number>([
  SIG.SIGKILL, SIG.SIGSTOP, SIG.SIGSEGV, SIG.SIGBUS, SIG.SIGILL, SIG.SIGFPE, SIG.SIGTRAP, SIG.SIGCHLD, SIG.SIGPIPE, SIG.SIGSYS,
  SIG.SIGABRT, SIG.SIGPROF,
]);
/** glibc's own real-time signals (SIGCANCEL, SIGSETXID): Node's threads are glibc threads too. */
const FIRST_FREE_RT = 34;
const LAST_SIGNAL = 64;

/** Words of the control block shared with the worker. */
const CTL = {
  STATE: 0,
  /** Commands the worker has carried out. */
  COMMANDS_DONE: 1,
  /** Two words each (signals 1..32, 33..64): signals arrived, not yet taken; signals to follow. */
  ARRIVED: 2,
  WANTED: 4,
  /** The write end of the worker's command pipe. */
  PIPE: 6,
  /** Set by stop(): a worker not yet in its loop does not enter it. */
  STOP: 7,
} as const;
const CTL_WORDS = 8;
const STATE = { STARTING: 0, READY: 1, STOPPED: 2, FAILED: 3 } as const;
/** How long start-up may take before the guest goes on without it, and stop() waits. */
const START_MS = 5000;
const STOP_MS = 1000;

/** Whether host signal `sig` can be followed for the guest. */
export const followable = (sig: number): boolean => sig >= 1 && sig <= LAST_SIGNAL && !NOT_FOLLOWED.has(sig) && (sig < 32 || sig >= FIRST_FREE_RT);
/** The same as a signal set (bit sig-1). */
const FOLLOWABLE = Array.from({ length: LAST_SIGNAL }, (_, i) => i + 1).reduce((set, sig) => (followable(sig) ? set | (1n << BigInt(sig - 1)) : set), 0n);

/**
 * The worker: libuv loop, a pipe for commands (a byte 1: follow the WANTED signals; 0: stop
 * all and return), and per followed signal a uv_signal handle whose callback marks it and rings.
 */
const SIGNAL_WORKER = `
const { workerData: d } = require('node:worker_threads');
const ctl = new Int32Array(d.control);
const exitRequest = new Int32Array(d.memory, d.exitRequest, 1);
const doorbell = new Int32Array(d.memory, d.doorbell, 1);
const done = (state) => { Atomics.store(ctl, ${CTL.STATE}, state); Atomics.notify(ctl, ${CTL.STATE}); };
try {
  const koffi = require(d.koffi);
  const uv = koffi.load(null);
  const libc = koffi.load('libc.so.6');
  const SignalCb = koffi.proto('void QemuUserTsSignalCb(void *handle, int signum)');
  const PollCb = koffi.proto('void QemuUserTsPollCb(void *handle, int status, int events)');
  const fn = (lib, signature) => lib.func(signature);
  const loopSize = fn(uv, 'size_t uv_loop_size()');
  const handleSize = fn(uv, 'size_t uv_handle_size(int type)');
  const loopInit = fn(uv, 'int uv_loop_init(void *loop)');
  const run = fn(uv, 'int uv_run(void *loop, int mode)');
  const stop = fn(uv, 'void uv_stop(void *loop)');
  const signalInit = fn(uv, 'int uv_signal_init(void *loop, void *handle)');
  const signalStart = fn(uv, 'int uv_signal_start(void *handle, QemuUserTsSignalCb *cb, int signum)');
  const signalStop = fn(uv, 'int uv_signal_stop(void *handle)');
  const pollInit = fn(uv, 'int uv_poll_init(void *loop, void *handle, int fd)');
  const pollStart = fn(uv, 'int uv_poll_start(void *handle, int events, QemuUserTsPollCb *cb)');
  const pollStop = fn(uv, 'int uv_poll_stop(void *handle)');
  const pipe2 = fn(libc, 'int pipe2(_Out_ int *fds, int flags)');
  const read = fn(libc, 'intptr_t read(int fd, _Out_ uint8_t *buf, size_t count)');
  const UV_POLL = 8, UV_SIGNAL = 16, UV_READABLE = 1, UV_RUN_DEFAULT = 0, O_CLOEXEC = 0o2000000;

  // libuv keeps pointers to the loop and handles: buffers that live as long as the worker
  const loop = Buffer.alloc(Number(loopSize()));
  if (loopInit(loop) !== 0) throw new Error('uv_loop_init');
  const fds = new Int32Array(2);
  if (pipe2(fds, O_CLOEXEC) !== 0) throw new Error('pipe2');
  const poll = Buffer.alloc(Number(handleSize(UV_POLL)));
  const handles = new Map();
  const arrived = koffi.register((handle, sig) => {
    const word = ${CTL.ARRIVED} + ((sig - 1) >> 5);
    Atomics.or(ctl, word, 1 << ((sig - 1) & 31));
    Atomics.notify(ctl, word);
    Atomics.store(exitRequest, 0, 1);
    Atomics.add(doorbell, 0, 1);
    Atomics.notify(doorbell, 0);
  }, koffi.pointer(SignalCb));
  const bytes = new Uint8Array(64);
  const command = koffi.register(() => {
    const n = Number(read(fds[0], bytes, bytes.length));
    for (let i = 0; i < n; i++) {
      if (bytes[i] === 0) {
        for (const h of handles.values()) signalStop(h);
        pollStop(poll);
        stop(loop);
      } else {
        for (let sig = 1; sig <= 64; sig++) {
          if (!(Atomics.load(ctl, ${CTL.WANTED} + ((sig - 1) >> 5)) & (1 << ((sig - 1) & 31))) || handles.has(sig)) continue;
          const h = Buffer.alloc(Number(handleSize(UV_SIGNAL)));
          if (signalInit(loop, h) === 0 && signalStart(h, arrived, sig) === 0) handles.set(sig, h);
        }
      }
      Atomics.add(ctl, ${CTL.COMMANDS_DONE}, 1);
      Atomics.notify(ctl, ${CTL.COMMANDS_DONE});
    }
  }, koffi.pointer(PollCb));
  if (pollInit(loop, poll, fds[0]) !== 0 || pollStart(poll, UV_READABLE, command) !== 0) throw new Error('uv_poll');
  Atomics.store(ctl, ${CTL.PIPE}, fds[1]);
  done(${STATE.READY});
  // stop() sets STOP, then looks at STATE: one of the two sees the other's store
  if (!Atomics.load(ctl, ${CTL.STOP})) run(loop, UV_RUN_DEFAULT);
  done(${STATE.STOPPED});
} catch {
  done(${STATE.FAILED});
}`;

export class HostSignals {
  private readonly control = new SharedArrayBuffer(4 * CTL_WORDS);
  private readonly ctl = new Int32Array(this.control);
  private worker: Worker | undefined;
  /** Signals followed (or asked for), as a bit set: bit sig-1. */
  private followed = 0n;
  private failed = false;

  /**
   * `koffiPath`: koffi's entry, resolved by the caller (the worker requires it by path);
   * `memory`: the guest memory, holding the first thread's exit request and doorbell.
   */
  constructor(
    private readonly koffiPath: string,
    private readonly memory: WebAssembly.Memory,
  ) {}

  /**
   * Follows the signals of `set` (bit sig-1) that can be followed and are not yet: returns
   * once the worker has its handles (a signal sent right after the guest set its handler
   * must not find the host's default action still in place).
   */
  follow(set: bigint): void {
    const more = set & FOLLOWABLE & ~this.followed;
    if (this.failed || !more) return;
    this.followed |= more;
    if (!this.ready()) return;
    Atomics.store(this.ctl, CTL.WANTED, Number(BigInt.asIntN(32, this.followed)));
    Atomics.store(this.ctl, CTL.WANTED + 1, Number(BigInt.asIntN(32, this.followed >> 32n)));
    const seen = Atomics.load(this.ctl, CTL.COMMANDS_DONE);
    writeSync(this.ctl[CTL.PIPE], Uint8Array.of(1));
    Atomics.wait(this.ctl, CTL.COMMANDS_DONE, seen, STOP_MS);
  }

  /** The signals that arrived since the last call, lowest first (and forgets them). */
  take(): number[] {
    const out: number[] = [];
    for (let w = 0; w < 2; w++) {
      let bits = Atomics.exchange(this.ctl, CTL.ARRIVED + w, 0);
      for (let i = 0; bits; i++, bits >>>= 1) if (bits & 1) out.push(w * 32 + i + 1);
    }
    return out;
  }

  /** Waits up to `ms` for host signal `sig` (followed) to arrive; it stays to be taken. */
  awaitArrival(sig: number, ms: number): void {
    if (!(this.followed & (1n << BigInt(sig - 1))) || this.failed) return;
    const word = CTL.ARRIVED + ((sig - 1) >> 5);
    const bit = 1 << ((sig - 1) & 31);
    const until = performance.now() + ms;
    for (let seen; !((seen = Atomics.load(this.ctl, word)) & bit); ) {
      const left = until - performance.now();
      if (left <= 0) return;
      Atomics.wait(this.ctl, word, seen, left);
    }
  }

  /** Ends the worker, giving the host's default actions back (the process is about to exit). */
  stop(): void {
    Atomics.store(this.ctl, CTL.STOP, 1);
    if (!this.worker || Atomics.load(this.ctl, CTL.STATE) !== STATE.READY) return;
    writeSync(this.ctl[CTL.PIPE], Uint8Array.of(0));
    Atomics.wait(this.ctl, CTL.STATE, STATE.READY, STOP_MS);
  }

  /** Starts the worker. */
  private start(): void {
    if (this.worker) return;
    this.worker = new (workerThreads().Worker)(SIGNAL_WORKER, {
      eval: true,
      workerData: { control: this.control, koffi: this.koffiPath, memory: this.memory.buffer, exitRequest: ENV_AREA + ENV.EXIT_REQUEST, doorbell: THREAD_CONTROL },
    });
    this.worker.unref();
    process.on('exit', () => this.stop());
  }

  /** Waits until the worker can follow signals; false if it cannot. */
  private ready(): boolean {
    this.start();
    Atomics.wait(this.ctl, CTL.STATE, STATE.STARTING, START_MS);
    this.failed = Atomics.load(this.ctl, CTL.STATE) !== STATE.READY;
    return !this.failed;
  }
}

declare const require: ((id: string) => unknown) | undefined;

/**
 * The host-signal follower for a run, or null where koffi cannot be had. `req` resolves
 * koffi's path (the bundle is given the launcher's require, as host/libc.ts says).
 */
export function hostSignals(memory: WebAssembly.Memory, req: unknown = typeof require === 'function' ? require : undefined): HostSignals | null {
  if (process.platform !== 'linux' || typeof req !== 'function') return null;
  try {
    return new HostSignals((req as NodeJS.Require).resolve('koffi'), memory);
  } catch {
    return null;
  }
}
