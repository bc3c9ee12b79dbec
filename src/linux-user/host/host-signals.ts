// Host signals for the guest: SIGINT from a terminal, SIGTERM from a supervisor, SIGWINCH
// from a resized window, SIGPIPE from `kill -PIPE`, and the rest that qemu-user forwards,
// act on the emulator's host process as the guest's actions say. Host and guest
// (asm-generic) numbers are equal. For each signal the host's action is one of three:
//
// - the host's default, while the guest's action is the default too and the signal is not
//   blocked (so it terminates, or stops, or does nothing, as it would the guest). Node
//   ignores SIGPIPE; begin() gives it its default back (a Node listener added and removed
//   again leaves libuv's SIG_DFL behind: ~0.2 ms), so a `kill -PIPE` kills us, and so does a
//   write the guest makes to a pipe nobody reads, in the host's write(2), as Linux kills the
//   guest. SIGXFSZ stays as Node keeps it, ignored (a write beyond the file size limit
//   answers EFBIG, and the guest gets no SIGXFSZ).
// - caught and dropped, while the guest ignores it: a listener of Node's whose callback
//   never runs (the first thread runs guest code without returning to Node's event loop),
//   which costs a sigaction, not the worker. But SIGTTIN and SIGTTOU are ignored on the
//   host (libc's signal()): a terminal spares a background group that ignores them, and
//   sends them to one that catches them (tcsetpgrp then fails with EINTR). So are the
//   signals the parent ignored: SIG_IGN
//   survives execve, but Node resets them (1 to 31) to the default before any JavaScript
//   runs, so bin/qemu-user-ts reads them from /proc/self/status first (begin() is told
//   them). Node has no name for a real-time signal: the parent's stay ignored (Node leaves
//   them), and one the guest ignores, or sets back to its default after the parent
//   ignored it, is followed instead.
// - followed, from the first time the guest gives it a handler, or blocks it: the first
//   thread's Node event loop never turns while guest code runs, so Node's
//   process.on('SIGINT') would never run. Instead a small worker runs an event loop of its
//   own: libuv's (exported by the node binary for addons, called through koffi), with one
//   uv_signal handle per signal followed. libuv's process-wide handler writes to that
//   loop's pipe, the loop calls back on the worker, and the worker marks the signal in
//   shared memory and rings the first thread's doorbell (its exit request and WAKE word, as
//   the clock worker of timers.ts does); LinuxProcess.serveOthers() then sends it to the
//   guest with si_code SI_USER (libuv passes the number only: the sender's pid reads 0).
//   A followed signal stays followed. The first follow does not wait for the worker (40-130
//   ms of start-up, which was on the path of every program that sets a handler, and of
//   every pthread_create, which blocks all signals around its clone): the signals are
//   caught at once on the first thread by host/signal-catcher.ts, which keeps one that
//   comes until it is polled — before each system call (a signal that came is then
//   delivered with the call not yet made, as Linux delivers one that came just before it),
//   at each take(), and in the first thread's sleeps, cut to HANDOVER_SLICE_MS meanwhile —
//   while the worker starts beside (handOver); once ready, the worker rings the doorbell
//   and the first thread gives it the signals (finishHandOver), a signal sent right after
//   the guest set its handler having found a handler in place all along.
//   A forked child, whose handlers are its parent's from its first instruction, starts
//   with the catcher alone (catchFirst): the worker is started only when the child is
//   about to wait (a sleep, which only the worker's doorbell would end early), to start a
//   thread, or to promote hot code (tier 0 runs every block through the CPU loop, and the
//   child runs nothing else meanwhile, so a loop without system calls is seen long before
//   it could keep a signal waiting): a shell's child that execs at once, the common case,
//   never pays for it.
//
// SIGPIPE, followed, comes from two places: from outside, and from the host's write(2) (or
// send, splice) that fails with EPIPE for the guest, which must reach the guest once, as
// Linux's own, thread-directed SIGPIPE for that write. Those writes all run on the first
// thread's Node thread (a worker's thread asks it for every call but the few of
// thread-worker.ts's OWN_SYSCALLS), which therefore blocks SIGPIPE while it is followed: the
// write's SIGPIPE waits there, pending for that thread, and pipeSignalled() takes it
// (sigtimedwait) right after the EPIPE, which also says whether the host sent one (Linux
// sends none for a datagram socket, nor with MSG_NOSIGNAL). One from outside is sent to
// the process, and goes to a thread that does not block it: the worker's, or one of V8's.
// Nothing waits, and a write that succeeds costs nothing more, in any of the three states.
//
// SIGCHLD waits until the host process makes its first child (expectChildren: a fork's or a
// vfork's spare, or a child started cold): until then no child of ours can change state, so
// no SIGCHLD can come but one sent by hand, and a shell's forked child, which inherits the
// shell's SIGCHLD handler and then execs, never pays the worker's start-up for it (a spare
// whose parent's only handler is SIGCHLD's starts none ahead: spare.ts). A `kill -CHLD`
// from outside to a process that has made no child, while its guest has a handler, is
// therefore not seen; Linux would run the handler.
//
// Not followed: the signals of faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS),
// which are the emulator's own; SIGABRT, so that an abort() in Node itself still ends it;
// SIGPROF, V8's profiler's; SIGKILL and SIGSTOP; glibc's two internal real-time signals.
// Their host actions are left as Node has them. SIGCHLD is followed (a guest's children
// are host children: a shell's handler must hear of them; the emulator starts its own
// children with posix_spawn, never through Node, so Node's SIGCHLD use is not in the way).
//
// The worker sits in uv_run, inside a native call, where Node's exit cannot stop it: a
// worker thread must be ended before the process can exit, so stop() (on 'exit', and
// before a signal's default action kills us) tells it through a pipe to stop its handles
// (restoring the host's default actions) and return. With host/libc.ts and host/sockets.ts
// this is the only code that calls into the host through koffi.

import type { Worker } from 'node:worker_threads';
import { writeSync } from 'node:fs';
import { freeKoffiLock, knownKoffiNative, takeKoffiLock } from './koffi.js';
import { ENV } from '../../tcg/env.js';
import { ENV_AREA, KOFFI_LOCK, THREAD_CONTROL } from '../../memory/layout.js';
import { startWorker } from '../../worker-start.js';
import { SIG, SIG_DEFAULT_IGNORE, SIG_HANDLER } from '../generic/constants.js';
import { HOST_SIGNAL_NAMES } from '../signals.js';
import { hostLibc, type HostSignalCatcher, type HostSignalMask } from './libc.js';

/** The signals that never come from the host through here (see above). */
const NOT_FOLLOWED = new Set<number>([
  SIG.SIGKILL, SIG.SIGSTOP, SIG.SIGSEGV, SIG.SIGBUS, SIG.SIGILL, SIG.SIGFPE, SIG.SIGTRAP, SIG.SIGSYS,
  SIG.SIGABRT, SIG.SIGPROF,
]);
/** glibc's own real-time signals (SIGCANCEL, SIGSETXID): Node's threads are glibc threads too. */
const FIRST_FREE_RT = 34;
const LAST_SIGNAL = 64;

const bit = (sig: number): bigint => 1n << BigInt(sig - 1);
const PIPE = bit(SIG.SIGPIPE);
const CHLD = bit(SIG.SIGCHLD);
/**
 * Whether this host process has made a child (a spare, or a fork child started cold): kept
 * across the programs an execve runs in place, which keep their children.
 */
let childrenMade = false;
/** Whether Node's SIGUSR1 handler (its inspector's) was taken away in this host process (HostSignals.begin). */
let inspectorSignalTaken = false;
/** What Node ignores from its start-up (SIG_IGN): SIGPIPE and SIGXFSZ. */
const NODE_IGNORES = PIPE | bit(SIG.SIGXFSZ);
/** The signals Node sets at start-up (1 to 31): an ignored one of the parent's becomes the default. */
const NODE_RESETS = (1n << 31n) - 1n;

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
const NONE_ARRIVED: readonly number[] = Object.freeze([]);
/** How long start-up may take before the guest goes on without it, and stop() waits. */
const START_MS = 5000;
const STOP_MS = 1000;
/** How long a first thread's sleep lasts at most, while the worker starts to take over from the catcher, before it polls the catcher. */
const HANDOVER_SLICE_MS = 5;
/** The signals a terminal sends a background process group, which it spares one that ignores them (SIG_IGN on the host then). */
const TERMINAL_STOPS: ReadonlySet<number> = new Set([SIG.SIGTTIN, SIG.SIGTTOU]);

/** Whether host signal `sig` can be followed for the guest. */
export const followable = (sig: number): boolean => sig >= 1 && sig <= LAST_SIGNAL && !NOT_FOLLOWED.has(sig) && (sig < 32 || sig >= FIRST_FREE_RT);

/** Whether the guest action `handler` for `sig` is a handler the worker follows on the host (not SIG_DFL or SIG_IGN). */
export const followedHandler = (sig: number, handler: bigint): boolean =>
  handler !== SIG_HANDLER.DFL && handler !== SIG_HANDLER.IGN && followable(sig);
/** The same as a signal set (bit sig-1). */
const FOLLOWABLE = Array.from({ length: LAST_SIGNAL }, (_, i) => i + 1).reduce((set, sig) => (followable(sig) ? set | bit(sig) : set), 0n);

/**
 * Gives host signal `name` its default action: Node has no call for that, but a listener
 * added and removed again leaves libuv's SIG_DFL behind (where Node ignored it, or started
 * its inspector: SIGUSR1). Not for SIGKILL and SIGSTOP, whose action cannot change.
 */
export function defaultOnHost(name: NodeJS.Signals): void {
  const noop = (): void => {};
  process.on(name, noop);
  process.removeListener(name, noop);
}

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
// the first thread's exit request and doorbell: its CPU comes back, and a sleep ends
const ring = () => { Atomics.store(exitRequest, 0, 1); Atomics.add(doorbell, 0, 1); Atomics.notify(doorbell, 0); };
// koffi's loading and binding under the process's koffi lock (host/koffi.ts shareKoffiLock)
const koffiLock = new Int32Array(d.memory, ${KOFFI_LOCK}, 1);
const freeKoffiLock = ${freeKoffiLock.toString()};
let koffiHeld = false;
try {
  koffiHeld = (${takeKoffiLock.toString()})(koffiLock);
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
    ring();
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
  koffiHeld = freeKoffiLock(koffiLock, koffiHeld);
  if (pollInit(loop, poll, fds[0]) !== 0 || pollStart(poll, UV_READABLE, command) !== 0) throw new Error('uv_poll');
  Atomics.store(ctl, ${CTL.PIPE}, fds[1]);
  done(${STATE.READY});
  ring(); // the first thread may be catching meanwhile (HostSignals.handOver): it hands over at its next look
  // stop() sets STOP, then looks at STATE: one of the two sees the other's store
  if (!Atomics.load(ctl, ${CTL.STOP})) run(loop, UV_RUN_DEFAULT);
  done(${STATE.STOPPED});
} catch {
  freeKoffiLock(koffiLock, koffiHeld);
  done(${STATE.FAILED});
}`;

export class HostSignals {
  private readonly control = new SharedArrayBuffer(4 * CTL_WORDS);
  private readonly ctl = new Int32Array(this.control);
  private worker: Worker | undefined;
  /** Signals followed: the worker has a handle for each (bit sig-1). */
  private followed = 0n;
  /** SIGCHLD, when it was to be followed before the process made a child (expectChildren). */
  private deferred = 0n;
  /** catchFirst() was called and endCatching() not yet: what is followed is caught by `catcher`, not the worker. */
  private catchMode = false;
  /** The first thread's catcher (host/signal-catcher.ts), holding what is followed until the worker takes over. */
  private catcher: HostSignalCatcher | undefined;
  /** What catchFirst() was told to call when catching ends. */
  private onCatchEnd: (() => void) | undefined;
  /** The worker is starting to take over from the catcher, which catches until it is ready (handOver). */
  private handingOver = false;
  /** The worker cannot be had (no koffi, or it failed to start): nothing is followed. */
  private failed = false;
  /** Signals the host ignores (SIG_IGN): Node's two until given back, and the parent's real-time ones. */
  private hostIgnores = NODE_IGNORES;
  /** The signals kept caught and dropped on the host (drop()), each with what takes its listener away. */
  private readonly dropping = new Map<number, () => void>();
  /** A signal was made SIG_IGN on the host (a terminal stop the guest ignores): end() does not undo it. */
  private ignoredOnHost = false;
  /** This thread's mask, once it blocks SIGPIPE (SIGPIPE followed). */
  private pipeBlocked: HostSignalMask | undefined;

  /** koffi's entry, which the worker requires by path, once the first follow looked it up. */
  private koffiPath: string | undefined;

  /**
   * `findKoffi`: looks up koffi's entry (undefined: nothing can be followed), at the first
   * follow: resolving a package costs ~7 ms, which a run that never follows a signal
   * should not pay; `memory`: the guest memory, holding the first thread's exit request
   * and doorbell.
   */
  constructor(
    private readonly findKoffi: () => string | undefined,
    private readonly memory: WebAssembly.Memory,
  ) {
  }

  /**
   * At start, before the guest runs: the host's actions become its first ones. `ignored`:
   * the signals the parent ignored (SIG_IGN, which execve keeps: the guest starts with
   * them ignored), which stay ignored; SIGPIPE, unless among them, gets its default action.
   */
  begin(ignored: bigint): void {
    // Node's own SIGUSR1 handler starts its inspector (listening on a port): the guest's
    // default action is to die of it (once per host process: a listener's removal, here or
    // by end(), leaves libuv's SIG_DFL behind)
    if (!inspectorSignalTaken && !(ignored & bit(SIG.SIGUSR1))) defaultOnHost('SIGUSR1');
    inspectorSignalTaken = true;
    this.hostIgnores |= ignored & ~NODE_RESETS;
    for (let sig = 1; sig <= LAST_SIGNAL; sig++) if (ignored & bit(sig) && followable(sig)) this.ignore(sig);
    if (!(ignored & PIPE)) this.byDefault(SIG.SIGPIPE);
  }

  /**
   * The actions a forked child inherits, at once: the signals with handlers are followed
   * with one command to the worker, not one each.
   */
  guestActions(actions: Iterable<readonly [number, bigint]>): void {
    let handled = 0n;
    for (const [sig, handler] of actions) {
      if (followedHandler(sig, handler)) handled |= bit(sig);
      else this.guestAction(sig, handler);
    }
    if (handled) this.follow(handled);
  }

  /** The guest gave `sig` the action `handler` (SIG_DFL, SIG_IGN or a function's address). */
  guestAction(sig: number, handler: bigint): void {
    if (!followable(sig)) return;
    if (handler === SIG_HANDLER.DFL) this.byDefault(sig);
    else if (handler === SIG_HANDLER.IGN) this.ignore(sig);
    else this.follow(bit(sig));
  }

  /**
   * Starts the worker now, following nothing yet: a spare does this before its fork comes,
   * so that the child of a parent with signal handlers (a shell's: the child inherits them)
   * does not wait for a worker's start-up (30-150 ms) before it can run.
   */
  startAhead(): void {
    void this.ready();
  }

  /**
   * Follows the signals of `set` (bit sig-1) that can be followed and are not yet: returns
   * once the worker has its handles (a signal sent right after the guest set its handler
   * must not find the host's default action still in place). SIGPIPE is followed only
   * where this thread can block it (see pipeSignalled), and is otherwise caught and dropped
   * rather than left to kill us at a write.
   */
  follow(set: bigint): void {
    let more = set & FOLLOWABLE & ~this.followed;
    if (more & CHLD && !childrenMade) {
      this.deferred |= CHLD;
      more &= ~CHLD;
    }
    if (!more) return;
    // caught at once on this thread while the worker, if not running yet, starts meanwhile
    if ((this.catchMode || this.handingOver || !this.worker || this.catcher) && this.catchAll(more)) {
      this.followed |= more;
      this.nowCaught(more);
      if (!this.catchMode) this.handOver();
      return;
    }
    if (more & PIPE && (!hostLibc()?.signalMask || !this.ready())) {
      this.drop(SIG.SIGPIPE, 'SIGPIPE');
      more &= ~PIPE;
    }
    if (!more || !this.ready()) return;
    this.followed |= more;
    this.tellWorker();
    this.nowCaught(more);
  }

  /** Gives the worker the signals followed and waits until it has its handles. */
  private tellWorker(): void {
    Atomics.store(this.ctl, CTL.WANTED, Number(BigInt.asIntN(32, this.followed)));
    Atomics.store(this.ctl, CTL.WANTED + 1, Number(BigInt.asIntN(32, this.followed >> 32n)));
    const seen = Atomics.load(this.ctl, CTL.COMMANDS_DONE);
    writeSync(this.ctl[CTL.PIPE], Uint8Array.of(1));
    Atomics.wait(this.ctl, CTL.COMMANDS_DONE, seen, STOP_MS);
  }

  /** The signals of `more` are caught now (by the worker or the catcher): Node's listeners go, SIGPIPE is blocked here. */
  private nowCaught(more: bigint): void {
    for (const sig of this.dropping.keys()) if (more & bit(sig)) this.undrop(sig);
    if (more & PIPE) {
      this.pipeBlocked = hostLibc()!.signalMask;
      this.pipeBlocked.setBlocked(SIG.SIGPIPE, true);
    }
  }

  /**
   * A forked child's start: what is followed from now on is caught on this thread (the
   * catcher) and noticed at poll() and take(), until endCatching() starts the worker (and
   * hands over to it once it is ready), which the caller calls before anything that waits
   * for a signal to come (a sleep, another thread, hot code that could run long without a
   * system call). A child that execs first never starts the worker. `onEnd` is called when
   * catching ends.
   */
  catchFirst(onEnd: () => void): void {
    this.catchMode = true;
    this.onCatchEnd = onEnd;
  }

  /** Whether signals wait in the catcher, to be noticed at poll() (the CPU loop polls before each system call). */
  get catching(): boolean {
    return this.catcher !== undefined;
  }

  /**
   * The longest a sleep of the first thread may last before it polls the catcher: while
   * the worker starts to take over (only its doorbell, or a poll, ends a sleep for a
   * signal); Infinity otherwise.
   */
  get sleepSliceMs(): number {
    return this.handingOver ? HANDOVER_SLICE_MS : Infinity;
  }

  /** Catches `set` on this thread (the catcher made at the first); false if the catcher cannot be had. */
  private catchAll(set: bigint): boolean {
    try {
      this.catcher ??= hostLibc()?.signalCatcher();
    } catch {
      // libuv's symbols not exported by this node: the worker then
    }
    if (!this.catcher) return false;
    for (let sig = 1; sig <= LAST_SIGNAL; sig++) if (set & bit(sig) && !this.catcher.catch(sig)) return false;
    return true;
  }

  /**
   * The catcher's signals that came, noted as the worker notes them (take() then has them,
   * and the first thread's CPU is asked to come back for them); whether any came.
   */
  poll(): boolean {
    const came = this.catcher?.poll() ?? 0n;
    if (!came) return false;
    for (let w = 0; w < 2; w++) {
      const bits = Number(BigInt.asIntN(32, came >> BigInt(32 * w)));
      if (bits) Atomics.or(this.ctl, CTL.ARRIVED + w, bits);
    }
    // as the worker rings: the first thread's exit request, and its doorbell
    Atomics.store(new Int32Array(this.memory.buffer, ENV_AREA + ENV.EXIT_REQUEST, 1), 0, 1);
    const doorbell = new Int32Array(this.memory.buffer, THREAD_CONTROL, 1);
    Atomics.add(doorbell, 0, 1);
    Atomics.notify(doorbell, 0);
    return true;
  }

  /**
   * Ends catchFirst()'s catching: the worker is started (handOver) to follow what the
   * catcher caught, and takes over once ready; a call while it starts looks whether it is.
   * If the worker cannot be had, the catcher stays.
   */
  endCatching(): void {
    if (this.handingOver) {
      this.finishHandOver();
      return;
    }
    if (!this.catchMode) return;
    this.catchMode = false;
    const onEnd = this.onCatchEnd;
    this.onCatchEnd = undefined;
    if (this.catcher) this.handOver();
    onEnd?.();
  }

  /**
   * Starts the worker without waiting for it: the catcher goes on catching, polled at each
   * system call, at take() and in the first thread's sleeps (sleepSliceMs), until the worker,
   * ready, rings the first thread's doorbell and finishHandOver() gives it the signals.
   * If the worker cannot be had, the catcher stays.
   */
  private handOver(): void {
    if (this.handingOver || !this.launch()) return;
    this.handingOver = true;
    this.finishHandOver();
  }

  /** The worker is ready (or failed): it follows what the catcher caught, and what came meanwhile is noted for take(). */
  private finishHandOver(): void {
    const state = Atomics.load(this.ctl, CTL.STATE);
    if (state === STATE.STARTING) return;
    this.handingOver = false;
    if (state !== STATE.READY) {
      this.failed = true;
      return;
    }
    // both have the handles for a moment: what comes then is noted twice, in one bit
    this.tellWorker();
    this.poll();
    this.catcher?.close();
    this.catcher = undefined;
  }

  /** Whether the host's `sig` comes to the guest through us (followed): a child's end then sends us its SIGCHLD. */
  follows(sig: number): boolean {
    return (this.followed & bit(sig)) !== 0n;
  }

  /**
   * The process is about to make a child (before the spawn, so that the child's end cannot
   * come first): SIGCHLD, if the guest has a handler for it, ignores it or blocks it, is
   * followed from now on.
   */
  expectChildren(): void {
    childrenMade = true;
    if (!this.deferred) return;
    const set = this.deferred;
    this.deferred = 0n;
    this.follow(set);
  }

  /**
   * A host write for the guest failed with EPIPE: whether the host sent us SIGPIPE for it,
   * as Linux sends the writer for a pipe or a stream socket (not for a datagram socket, nor
   * with MSG_NOSIGNAL). Followed, SIGPIPE is blocked on this thread, and the write's waits
   * here: taken now, so that the worker never sees it. At its default action it would
   * have killed us: none came. Caught and dropped (the guest ignores it, or it could not
   * be followed): not known, so yes, as a pipe's write.
   */
  pipeSignalled(): boolean {
    if (this.pipeBlocked) return this.pipeBlocked.takePending(SIG.SIGPIPE);
    return this.dropping.has(SIG.SIGPIPE) || (this.hostIgnores & PIPE) !== 0n;
  }

  /**
   * The signals that arrived since the last call, lowest first (and forgets them). Called
   * at every doorbell and serving sleep: two loads when nothing arrived, nothing allocated.
   */
  take(): readonly number[] {
    if (this.handingOver) this.finishHandOver();
    if (this.catcher) this.poll();
    if (!(Atomics.load(this.ctl, CTL.ARRIVED) | Atomics.load(this.ctl, CTL.ARRIVED + 1))) return NONE_ARRIVED;
    const out: number[] = [];
    for (let w = 0; w < 2; w++) {
      let bits = Atomics.exchange(this.ctl, CTL.ARRIVED + w, 0);
      for (let i = 0; bits; i++, bits >>>= 1) if (bits & 1) out.push(w * 32 + i + 1);
    }
    return out;
  }

  /** Waits up to `ms` for host signal `sig` (followed) to arrive; it stays to be taken. */
  awaitArrival(sig: number, ms: number): void {
    if (!(this.followed & bit(sig))) return;
    this.endCatching();
    if (this.handingOver) {
      Atomics.wait(this.ctl, CTL.STATE, STATE.STARTING, START_MS);
      this.finishHandOver();
    }
    const word = CTL.ARRIVED + ((sig - 1) >> 5);
    const flag = 1 << ((sig - 1) & 31);
    const until = performance.now() + ms;
    for (let seen; !((seen = Atomics.load(this.ctl, word)) & flag); ) {
      const left = until - performance.now();
      if (left <= 0) return;
      Atomics.wait(this.ctl, word, seen, left);
    }
  }

  /**
   * Ends the worker, giving the host's default actions back (the process is about to exit),
   * and lets this thread take SIGPIPE again (a write's that was never taken is dropped first).
   * False when the worker did not say it stopped within STOP_MS (a host too loaded to run
   * it, or a process stopped and continued meanwhile): its handlers may still be in place.
   * `waitForStart`: a worker still starting is waited for (START_MS at most) and then
   * stopped; otherwise it stops by itself once started, meanwhile making its pipe and libuv
   * loop, whose fds a native execve's rearranging of fds must not meet (an abort).
   */
  stop(waitForStart = false): boolean {
    Atomics.store(this.ctl, CTL.STOP, 1);
    this.catchMode = false;
    this.handingOver = false;
    this.catcher?.close();
    this.catcher = undefined;
    let stopped = true;
    if (this.worker && waitForStart) Atomics.wait(this.ctl, CTL.STATE, STATE.STARTING, START_MS);
    if (this.worker && Atomics.load(this.ctl, CTL.STATE) === STATE.READY) {
      writeSync(this.ctl[CTL.PIPE], Uint8Array.of(0));
      stopped = Atomics.wait(this.ctl, CTL.STATE, STATE.READY, STOP_MS) !== 'timed-out';
    }
    if (this.pipeBlocked) {
      this.pipeBlocked.takePending(SIG.SIGPIPE);
      this.pipeBlocked.setBlocked(SIG.SIGPIPE, false);
      this.pipeBlocked = undefined;
    }
    return stopped;
  }

  /**
   * The program is replaced in this process (a guest's execve run in place): the worker
   * stops and every listener of drop() goes, so the next program's follower starts from
   * the host's actions as they were at start-up.
   */
  end(): void {
    void this.stop(true);
    for (const sig of [...this.dropping.keys()]) this.undrop(sig);
    // what Node ignores from its start (begin() gives SIGPIPE its default action), ignored again
    const lc = hostLibc();
    for (const sig of [SIG.SIGPIPE, SIG.SIGXFSZ]) if (!(this.hostIgnores & bit(sig)) && lc) lc.processes.setDisposition(sig, true);
    this.hostIgnores |= NODE_IGNORES;
  }

  /**
   * After end(): whether the host's signal actions are again as they were when this process
   * started (a recycled spare's next job begins from them, exit-report.ts): no worker ever
   * ran (its libuv handles leave their own actions behind), and no signal was made SIG_IGN.
   */
  leftAsStarted(): boolean {
    return this.worker === undefined && !this.ignoredOnHost;
  }

  /** The guest ignores `sig`: the host drops it, unless it is followed or ignored already. */
  private ignore(sig: number): void {
    const b = bit(sig);
    // an ignored SIGCHLD still tells us to reap the children (LinuxProcess.serveOthers)
    if (sig === SIG.SIGCHLD) return this.follow(b);
    if (this.followed & b || this.hostIgnores & b || SIG_DEFAULT_IGNORE.has(sig)) return;
    const name = HOST_SIGNAL_NAMES[sig];
    if (TERMINAL_STOPS.has(sig) && hostLibc()) {
      // ignored for real: the terminal lets a background process that ignores SIGTTOU set
      // its foreground group or write, where one that catches it gets the signal and EINTR
      hostLibc()!.processes.setDisposition(sig, true);
      this.hostIgnores |= b;
      this.ignoredOnHost = true;
    } else if (name === undefined) this.follow(b); // a real-time signal has no name in Node: only the worker can catch it
    else this.drop(sig, name);
  }

  /**
   * The guest's action for `sig` is the default: so is the host's, unless the worker
   * follows it (the guest's default action is then taken when it arrives).
   */
  private byDefault(sig: number): void {
    const b = bit(sig);
    if (this.followed & b) return;
    const name = HOST_SIGNAL_NAMES[sig];
    if (this.dropping.has(sig)) this.undrop(sig);
    else if (!(this.hostIgnores & b) || sig === SIG.SIGXFSZ) return; // SIGXFSZ: Node's, see above
    else if (name === undefined) this.follow(b); // one of the parent's real-time ones: no name in Node to give its default back by
    else {
      defaultOnHost(name);
      this.hostIgnores &= ~b;
    }
  }

  /** Keeps `sig` caught and dropped on the host: a Node listener, which never runs. */
  private drop(sig: number, name: NodeJS.Signals): void {
    if (this.dropping.has(sig)) return;
    const listener = (): void => {};
    process.on(name, listener);
    this.dropping.set(sig, () => process.removeListener(name, listener));
  }

  /** Takes drop()'s listener away: libuv leaves SIG_DFL behind, unless the worker has a handle for it. */
  private undrop(sig: number): void {
    this.dropping.get(sig)?.();
    this.dropping.delete(sig);
  }

  /** Starts the worker. */
  private start(): void {
    if (this.worker) return;
    this.worker = startWorker(SIGNAL_WORKER, {
      workerData: { control: this.control, koffi: this.koffiPath, memory: this.memory.buffer, exitRequest: ENV_AREA + ENV.EXIT_REQUEST, doorbell: THREAD_CONTROL },
    });
    process.on('exit', () => this.stop());
  }

  /** Starts the worker if need be, without waiting for it; false if it cannot be had. */
  private launch(): boolean {
    if (this.failed) return false;
    this.koffiPath ??= this.findKoffi();
    if (this.koffiPath === undefined) return !(this.failed = true);
    this.start();
    return true;
  }

  /** Starts the worker if need be and waits until it can follow signals; false if it cannot. */
  private ready(): boolean {
    if (!this.launch()) return false;
    Atomics.wait(this.ctl, CTL.STATE, STATE.STARTING, START_MS);
    this.failed = Atomics.load(this.ctl, CTL.STATE) !== STATE.READY;
    return !this.failed;
  }
}

declare const require: ((id: string) => unknown) | undefined;

/**
 * The host-signal follower for a run, or null off Linux, or running from the sources
 * (nothing of the host's is touched then). `req` resolves koffi's path (the bundle is given
 * the launcher's require, as host/libc.ts says); without koffi, nothing can be followed.
 */
export function hostSignals(memory: WebAssembly.Memory, req: unknown = typeof require === 'function' ? require : undefined): HostSignals | null {
  if (process.platform !== 'linux' || typeof req !== 'function') return null;
  const findKoffi = (): string | undefined => {
    try {
      return knownKoffiNative() ?? (req as NodeJS.Require).resolve('koffi');
    } catch {
      return undefined;
    }
  };
  return new HostSignals(findKoffi, memory);
}
