// A guest thread's Node worker (threads.ts starts one per thread after the first, or
// ahead of the thread: it then sets itself up and waits for it): runs the thread's CPU
// over the shared guest memory with a TB cache, backends and jump cache of its own, so
// that threads run in parallel. The system calls that concern this thread
// alone — futex, futex_waitv, sleeps, clocks, gettid, sched_yield — run here; everything
// else, faults and signals to take go to the first thread's Node thread through the control
// block's mailbox (thread-control.ts), which answers when the thread may go on, or that it
// has ended (or, for an own call a signal interrupted, whether it restarts). Built as its
// own bundle, dist/qemu-user-ts-thread.cjs (esbuild.config.mjs), which threads.ts's
// loader compiles with a V8 code cache.

import { writeSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { AddressSpace } from '../memory/address-space.js';
import { GuestMemory } from '../memory/guest-memory.js';
import { envOfCpu, jumpCacheOfCpu } from '../memory/layout.js';
import { ENV, ExitReason } from '../tcg/env.js';
import { CpuExec } from '../tcg/exec.js';
import { HelperRegistry } from '../tcg/helpers.js';
import { NO_LOG, writeLogText } from '../tcg/log.js';
import { TbCache } from '../tcg/tb.js';
import type { HostBackend } from '../hostbackend/backend.js';
import { InterpBackend } from '../hostbackend/interp/interp.js';
import { WasmBackend } from '../hostbackend/wasm/backend.js';
import { Tier0Backend } from '../hostbackend/tier0/tier0.js';
import { aarch64Target } from './aarch64/target.js';
import { riscv64Target } from './riscv64/target.js';
import { FutexTable } from './futex-table.js';
import { SyscallInterrupted } from './guest-exit.js';
import { NR } from './generic/syscall-numbers.js';
import { LinuxProcess } from './process.js';
import { runSyscall } from './syscalls/table.js';
import { SyscallSite } from './target.js';
import { LinuxThread } from './thread.js';
import { Answer, RequestKind, SAVE_CODE_CACHE, ThreadControl } from './thread-control.js';
import type { ThreadWorkerSetup } from './threads.js';
import { setSleeper } from './vfs/host.js';
import { hostLibc } from './host/libc.js';
import { nowMs } from '../host-lazy.js';

/** The system calls a thread runs on its own worker: they touch nothing of the process but memory. */
const OWN_SYSCALLS: ReadonlySet<number> = new Set([
  NR.futex, NR.futex_waitv, NR.nanosleep, NR.clock_nanosleep, NR.sched_yield, NR.gettid, NR.getpid,
  NR.getppid, NR.clock_gettime, NR.clock_getres, NR.gettimeofday,
]);

/** Writes the thread bundle's code cache, if the loader left the function to (threads.ts THREAD_WORKER_LOADER): once. */
function saveCodeCache(): void {
  const key = Symbol.for(SAVE_CODE_CACHE);
  const globals = globalThis as Record<symbol, unknown>;
  const save = globals[key];
  delete globals[key];
  if (typeof save === 'function') save();
}

/** How long one host poll of a thread's own wait lasts before it looks for a signal. */
const WAIT_SLICE_MS = 20;

/**
 * Answer.WAIT_FD: polls the host fd until it is ready, the deadline passes (the call is then
 * made again knowing it, setExpired), or a signal comes for the thread (the call made again
 * then ends with EINTR or restarts).
 */
function waitForFd(control: ThreadControl): void {
  const { fd, events, deadlineMs, signalsSeen } = control.waitFor();
  if (fd < 0) {
    // no fd: until a signal is sent to the thread after the call looked, or the deadline
    for (;;) {
      const seen = control.wakeSeen();
      if (control.signalWaiting() || control.signalsSent() !== signalsSeen) return;
      const left = deadlineMs === null ? Infinity : deadlineMs - nowMs();
      if (left <= 0) {
        control.setExpired(true);
        return;
      }
      control.sleep(seen, left);
    }
  }
  const lc = hostLibc();
  for (;;) {
    if (control.signalWaiting()) return;
    const left = deadlineMs === null ? WAIT_SLICE_MS : deadlineMs - nowMs();
    if (left <= 0) {
      control.setExpired(true);
      return;
    }
    const slice = Math.ceil(Math.min(left, WAIT_SLICE_MS));
    if (!lc) {
      control.sleep(control.wakeSeen(), slice);
      return;
    }
    if (lc.pollMany([{ fd, events }], slice)[0] !== 0) return;
  }
}

function runThread(setup: ThreadWorkerSetup): void {
  const target = [riscv64Target, aarch64Target].find((t) => t.arch.name === setup.arch);
  if (!target) throw new Error(`thread worker: unknown guest ${setup.arch}`);
  const mem = new GuestMemory(setup.memory);
  mem.topByteIgnore = setup.topByteIgnore;
  const buffer = setup.memory.buffer;
  const env = envOfCpu(setup.cpu);
  const control = new ThreadControl(buffer, setup.cpu);
  const server = new ThreadControl(buffer, 0);

  const helpers = new HelperRegistry();
  const translator = target.arch.createTranslator(helpers);
  const backendOpts = { mem, helpers, jumpCache: jumpCacheOfCpu(setup.cpu) };
  const backend: HostBackend = setup.backend === 'interp' ? new InterpBackend(backendOpts) : new WasmBackend(backendOpts);
  const tier0 = setup.tier0 && backend instanceof WasmBackend ? new Tier0Backend(backendOpts) : undefined;
  const tbs = new TbCache(mem, translator, backend, {
    tier0,
    maxInsns: setup.maxInsns,
    maxRegionBlocks: setup.maxRegionBlocks,
    log: NO_LOG,
    requestExit: () => mem.dv.setInt32(env + ENV.EXIT_REQUEST, 1, true),
    jumpCache: jumpCacheOfCpu(setup.cpu),
  });
  // an exit request with a signal waiting hands the signal to the loop below
  const cpu = new CpuExec(mem, tbs, backend, NO_LOG, () => control.signalWaiting());

  // The process as far as this thread's own system calls need it (memory, its tid, -strace).
  const own = new LinuxProcess(mem, new AddressSpace(mem), {
    abi: target.abi,
    stackSize: 0,
    inheritStdio: false,
    strace: setup.straceFd !== null ? (line) => writeLogText(setup.straceFd!, `${line}\n`) : undefined,
  });
  own.thread = new LinuxThread(setup.tid, setup.cpu, control);
  own.thread.env = env;
  // an own call interrupted by a signal (a futex wait): the first thread knows its action
  own.restartsAfterSignal = () => control.request(RequestKind.RESTARTS, server) === Answer.RESTART;
  own.waits = {
    cpu: setup.cpu,
    control,
    futexes: new FutexTable(buffer),
    sleep: (seen, ms) => control.sleep(seen, ms),
    interrupted: () => control.signalWaiting(),
  };
  // a signal for the thread ends its sleeps (EINTR, or a restart)
  setSleeper((ms) => {
    const seen = control.wakeSeen();
    if (control.signalWaiting()) throw new SyscallInterrupted();
    if (ms > 0) control.sleep(seen, ms);
    if (control.signalWaiting()) throw new SyscallInterrupted();
  });

  const site = new SyscallSite(buffer, env, target.syscall);
  const ask = (kind: number): void => {
    let answer;
    // a call that would block waits here, for its host fd, and is made again
    while ((answer = control.request(kind, server)) === Answer.WAIT_FD) waitForFd(control);
    if (answer !== Answer.END_THREAD) return;
    saveCodeCache(); // the first thread's end: the code a thread runs is compiled by now
    // the thread has ended: wait for the next one on this CPU (its env block is ready then)
    own.thread = new LinuxThread(control.awaitStart(), setup.cpu, control);
    own.thread.env = env;
  };
  if (setup.tid === 0) {
    // started ahead of its thread: ready now, it waits for it
    own.thread = new LinuxThread(control.awaitStart(), setup.cpu, control);
    own.thread.env = env;
  }
  for (;;) {
    const reason = cpu.run(env);
    if (reason === ExitReason.SYSCALL) {
      const nr = site.number();
      if (OWN_SYSCALLS.has(nr)) {
        if (!runSyscall(own, nr, site.args)) site.advancePc();
        if (control.signalWaiting()) ask(RequestKind.SIGNALS);
      } else {
        ask(RequestKind.SYSCALL);
      }
    } else if (reason === ExitReason.EXCEPTION) {
      ask(RequestKind.EXCEPTION);
    } else if (reason === ExitReason.INTERRUPT) {
      if (control.signalWaiting()) ask(RequestKind.SIGNALS);
    } else {
      throw new Error(`unexpected exit reason ${reason}`);
    }
  }
}

const setup = workerData as ThreadWorkerSetup;
try {
  runThread(setup);
} catch (e) {
  // a bug: say so, and have the first thread end the emulator
  writeSync(2, `qemu-user-ts: guest thread ${setup.tid}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  new ThreadControl(setup.memory.buffer, setup.cpu).request(RequestKind.FAILED, new ThreadControl(setup.memory.buffer, 0));
}
