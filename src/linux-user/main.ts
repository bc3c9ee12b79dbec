// linux-user's entry: load the program, build the process and its CPU, and run the
// CPU loop — serving system calls, turning exceptions into signals — until the guest
// exits or is killed. Returns the exit status; a guest killed by a signal kills us
// with the same signal, after QEMU's "uncaught target signal" line for core-dumping ones.

import { closeSync, constants as fsConstants, openSync, writeSync } from 'node:fs';
import { AddressSpace } from '../memory/address-space.js';
import { GuestMemory } from '../memory/guest-memory.js';
import { ENV_AREA, ENV_BLOCK_SIZE, envOfCpu } from '../memory/layout.js';
import { loadElf } from '../loader/elf.js';
import { loadProgram } from '../loader/load.js';
import { ENV, Excp, ExitReason } from '../tcg/env.js';
import { CpuExec } from '../tcg/exec.js';
import { HelperRegistry } from '../tcg/helpers.js';
import { writeLogText, type TcgLog, type TcgLogItem } from '../tcg/log.js';
import { TbCache } from '../tcg/tb.js';
import { TranslationStore, programKey } from '../tcg/persist.js';
import { CompileQueue, compileWorkerBundle } from '../tcg/compile-queue.js';
import type { HostBackend } from '../hostbackend/backend.js';
import { InterpBackend } from '../hostbackend/interp/interp.js';
import { WasmBackend } from '../hostbackend/wasm/backend.js';
import { Tier0Backend } from '../hostbackend/tier0/tier0.js';
import { ExecInPlace, GuestExit, GuestKilled, ThreadExit } from './guest-exit.js';
import { runOptionsOf } from './handover.js';
import { GuestThreads, ThreadWorkersAhead, threadWorkerBundle } from './threads.js';
import { setSleeper } from './vfs/host.js';
import type { RunOptions } from './options.js';
import { LinuxProcess } from './process.js';
import { aarch64Target } from './aarch64/target.js';
import { riscv64Target } from './riscv64/target.js';
import { HOST_SIGNAL_NAMES, uncaughtSignalMessage } from './signals.js';
import { runSyscall } from './syscalls/table.js';
import { deliverDue, deliverFault, exceptionFault, signalTrampoline } from './signal-delivery.js';
import { defaultOnHost, hostSignals } from './host/host-signals.js';
import { SyscallSite, type LinuxTarget } from './target.js';
import { lazyBuiltin, nowMs } from '../host-lazy.js';
import type { AuxEntry } from '../loader/stack.js';
import { childRegisters, restoreMemory, restoreProcess } from './fork.js';
import type { VforkEnd } from './vfork.js';
import { CLONE, SIG } from './generic/constants.js';
import { dropSpares } from './spare.js';
import { hostLibc } from './host/libc.js';
import { publishView, withdrawView } from './vfs/proc-peers.js';
import { reportExit } from './exit-report.js';

const hostOs = lazyBuiltin<typeof import('node:os')>('node:os');

const PROGRAM_NAME = 'qemu-user-ts';
/** The supported guests, with their syscall ABI. */
const TARGETS: readonly LinuxTarget[] = [riscv64Target, aarch64Target];
/** Blocks per region: how much code one backend compile (one wasm module) covers at most. */
const MAX_REGION_BLOCKS = 64;
const MAX_INSNS_PER_BLOCK = 512;
/** -d items that show translation as it happens: a run with any of them translates afresh. */
const TRANSLATION_LOGS: readonly TcgLogItem[] = ['in_asm', 'op', 'op_opt', 'out_asm'];

/**
 * Identifies the build for the persistent translation cache: a hash of the sources that
 * esbuild.config.mjs defines in the bundle. Running from the sources (tests) there is none,
 * and no cache.
 */
declare const QEMU_USER_TS_BUILD_ID: string | undefined;
const BUILD_ID: string | undefined = typeof QEMU_USER_TS_BUILD_ID === 'string' ? QEMU_USER_TS_BUILD_ID : undefined;

export function runGuest(opts: RunOptions): number {
  const log = openLog(opts);
  try {
    // a guest's execve run in place ends one run and starts the next (syscalls/exec.ts)
    for (let run = opts; ; ) {
      try {
        return runWithLog(run, log);
      } catch (e) {
        if (!(e instanceof ExecInPlace)) throw e;
        run = runOptionsOf(e.next, opts.selfCommand);
      }
    }
  } finally {
    log.close();
  }
}

function runWithLog(opts: RunOptions, log: TcgLog & { close(): void; fd(): number }): number {
  const { target, proc } = opts.forked ? resumeForked(opts, log) : loadNew(opts, log);
  const { mem } = proc;
  publishView(proc); // what /proc/<pid> shows other guest processes
  const arch = target.arch;
  const env = ENV_AREA;
  proc.thread.env = env;
  // a spare made the follower ahead (its worker started, if its parent had handlers)
  proc.hostSignals = opts.ahead ? opts.ahead.hostSignals : hostSignals(mem.memory);
  proc.hostSignals?.begin(opts.ignoredSignals ?? 0n);

  const helpers = new HelperRegistry();
  const translator = arch.createTranslator(helpers);
  const backendOpts = { mem, helpers, logOutAsm: log.has('out_asm') ? (t: string) => log.write(t) : undefined, countInsns: log.has('stats') };
  const backend: HostBackend = opts.backend === 'interp' ? new InterpBackend(backendOpts) : new WasmBackend(backendOpts);
  // Cold code is interpreted (tier 0) and only what runs often is compiled, unless the
  // interpreter is the backend anyway.
  const tier0 = opts.tier0 && backend instanceof WasmBackend ? new Tier0Backend(backendOpts) : undefined;
  const maxInsns = opts.oneInsnPerTb ? 1 : MAX_INSNS_PER_BLOCK;
  // Hot code is compiled on a worker thread while tier 0 goes on running it, unless the -d
  // log must show translation in order, or this is not a build with the worker's bundle.
  const workerBundle = tier0 && opts.compileThread && !TRANSLATION_LOGS.some((item) => log.has(item)) ? compileWorkerBundle() : undefined;
  const compileQueue = workerBundle
    ? new CompileQueue(workerBundle, { memory: mem.memory, arch: arch.name, helperNames: helpers.all.map((h) => h.name), countInsns: backendOpts.countInsns })
    : undefined;
  const store = tier0 ? openTranslationStore(opts, mem, arch.name, maxInsns, helpers, log, false) : undefined;
  // once the process has started a thread, its translations are kept in a file of their own
  let parallelStore: TranslationStore | undefined;
  const tbs = new TbCache(mem, translator, backend, {
    tier0,
    store,
    parallelStore: () => (parallelStore = store && openTranslationStore(opts, mem, arch.name, maxInsns, helpers, log, true)),
    compileQueue,
    maxInsns,
    maxRegionBlocks: MAX_REGION_BLOCKS,
    log,
    requestExit: () => mem.dv.setInt32(env + ENV.EXIT_REQUEST, 1, true),
  });
  // A forked child's handlers and ignored signals act on the host as they did on the
  // parent's: caught on this thread until the child waits, starts a thread or runs hot code
  // (host-signals.ts catchFirst), tier 0 meanwhile, so that every block comes back here; or
  // followed by the worker (the interpreter: a spare started it ahead, spare.ts).
  const follower = proc.hostSignals;
  if (opts.forked && follower) {
    if (tbs.holdTier0(() => follower.endCatching())) follower.catchFirst(() => tbs.releaseTier0());
    follower.guestActions([...proc.sigactions].map(([sig, action]) => [sig, action.handler] as const));
    follower.follow(proc.thread.sigmask); // a blocked host signal waits for the guest, as the parent's did
    if (!follower.catching) follower.endCatching();
  }
  // however the run ends: its translations and thread count kept for the next run, its
  // shared file mappings written to their files
  const keepWhatRan = (): void => {
    store?.recordThreads(proc.threads?.peak ?? 1, threadsKnown);
    store?.save();
    parallelStore?.save();
    proc.sharedMaps.flushAll();
  };
  // a host execve (of another emulator, or a native program) leaves nothing undone that exit would have done
  proc.beforeExec = () => {
    dropSpares(proc, hostLibc());
    workersAhead?.end();
    keepWhatRan();
    log.close();
  };
  // The process whose code the CPU runs: proc, or a vfork child of it until that execs or ends.
  let running = proc;
  // Other guest threads ring the first one's doorbell: its CPU stops at the next block and serves them.
  const cpu = new CpuExec(mem, tbs, backend, log, () => {
    running.serveOthers();
    return running.thread.deliveryDue;
  });
  // Its sleeps serve the other threads and fire timers, and end for a signal.
  setSleeper((ms) => running.sleepServing(ms));
  const bundle = threadWorkerBundle();
  // the most threads the program's runs have had at once: their workers start now, ahead
  // (not for a forked child, which most often execs at once)
  const threadsKnown = store?.threadsHint() ?? 1;
  let workersAhead: ThreadWorkersAhead | undefined;
  if (bundle) {
    const setup = {
      arch: arch.name,
      backend: opts.backend === 'interp' ? 'interp' : 'wasm',
      tier0: tier0 !== undefined,
      maxInsns,
      maxRegionBlocks: MAX_REGION_BLOCKS,
      topByteIgnore: mem.topByteIgnore,
      straceFd: proc.strace !== undefined ? log.fd() : null,
    } as const;
    if (threadsKnown > 1 && !opts.forked) workersAhead = new ThreadWorkersAhead(mem.memory, bundle, { ...setup, pid: proc.pid }, threadsKnown);
    proc.startThreads = () => new GuestThreads(proc, target, bundle, setup, workersAhead);
  }
  const started = nowMs();
  const timing = log.has('stats');
  const counts = { syscalls: 0, syscallMs: 0 };
  const site = new SyscallSite(mem.memory.buffer, env, target.syscall);
  // A vfork child runs on this CPU, its registers the calling thread's at the call, until it
  // execs or ends (vfork.ts); meanwhile the other threads' requests wait.
  proc.runVforkChild = (child, req) => {
    const parentRegs = mem.u8.slice(env, env + ENV_BLOCK_SIZE);
    const caller = envOfCpu(proc.thread.cpu);
    if (caller !== env) {
      // a thread on a worker called it (this Node thread serves its calls): the child starts
      // from that thread's registers, run on this CPU, whose header (jump cache) stays its own
      mem.u8.copyWithin(env + ENV.SIZE, caller + ENV.SIZE, caller + ENV_BLOCK_SIZE);
      mem.dv.setBigUint64(env + ENV.PC, mem.dv.getBigUint64(caller + ENV.PC, true), true);
    }
    childRegisters(mem.dv, target, env, req.stack, req.flags & CLONE.SETTLS ? req.tls : null);
    running = child;
    try {
      return runVforkChild(cpu, env, child, site, counts, timing);
    } finally {
      running = proc;
      mem.u8.set(parentRegs, env);
      mem.dv.setInt32(env + ENV.EXIT_REQUEST, 1, true); // host signals that came meanwhile are the parent's to take
    }
  };

  try {
    try {
      runProcess(cpu, env, proc, site, counts, timing);
    } catch (e) {
      // the first thread has ended and others run on: serve them until the last ends
      if (e instanceof ThreadExit && proc.threads) proc.threads.serveAfterLeader(proc, e.status);
      throw e;
    }
  } catch (e) {
    if (timing) {
      const counted = backend.name === 'wasm' ? { insns: Number(mem.dv.getBigInt64(env + ENV.INSN_COUNT, true)), hops: Number(mem.dv.getBigInt64(env + ENV.HUB_HOPS, true)) } : null;
      logStats(log, tbs, cpu, backend, counts.syscalls, nowMs() - started, counts.syscallMs, parallelStore ?? store, counted);
    }
    if (e instanceof GuestExit || e instanceof GuestKilled || e instanceof ExecInPlace) keepWhatRan();
    // this Node goes on with another program (an execve's, or a recycled spare's next job): what ran this one goes
    const endInPlace = (): void => {
      compileQueue?.close();
      workersAhead?.end();
      proc.hostSignals?.end();
      proc.as.releaseShared(); // the next program's memory is new: the host objects of this one's shared mappings close
      dropSpares(proc, hostLibc());
      for (const fd of proc.childPidfds.values()) closeSync(fd);
      // children whose exit the guest was shown are reaped now (the next program must not
      // see them); the others it waits for the host's way
      const lc = hostLibc();
      if (lc) proc.childExits.reapShown(lc, true);
      proc.childExits.closeAll();
    };
    if (e instanceof ExecInPlace) {
      endInPlace();
      throw e;
    }
    if (e instanceof GuestExit) {
      // the parent's wait returns now, not once this host process is down (a process that
      // started threads takes the host's way: they end with it); this host process may
      // serve its parent's next child, if nothing of the guest's is left in it
      if (!proc.threads) {
        const recycle = !opts.uniquePids && !proc.timers && (proc.hostSignals?.leftAsStarted() ?? true);
        if (reportExit(hostLibc(), e.status, () => closeGuestFiles(proc), recycle, proc.childrenUsage)) {
          endInPlace();
          withdrawView();
        }
      }
      return e.status & 0xff;
    }
    if (e instanceof GuestKilled) {
      // the host's default action back, to die of it: from libc itself if the follower did
      // not say its handler went (else the signal would reach it, and we would exit instead)
      if (proc.hostSignals?.stop() === false) hostLibc()?.processes.setDisposition(e.signal, false);
      return dieOfSignal(e.signal, log);
    }
    throw e;
  }
}

/**
 * Runs `proc`'s code on the CPU, serving its system calls, faults and signals, until
 * something ends the run: the guest's exit, death or execve, thrown.
 */
function runProcess(cpu: CpuExec, env: number, proc: LinuxProcess, site: SyscallSite, counts: { syscalls: number; syscallMs: number }, timing: boolean): never {
  for (;;) {
    const reason = timing ? runTimed(cpu, env, proc, site, counts) : runServing(cpu, env, proc, site, counts);
    if (reason === ExitReason.EXCEPTION) {
      const fault = exceptionFault(proc.mem.dv, env);
      // A handler for it runs (the frame resumes at the faulting instruction), else it kills.
      if (deliverFault(proc, fault)) continue;
      throw new GuestKilled(fault.sig);
    }
    if (reason === ExitReason.INTERRUPT) {
      if (proc.thread.deliveryDue) deliverDue(proc);
      continue;
    }
    throw new Error(`unexpected exit reason ${reason}`);
  }
}

/** Runs a vfork child (vfork.ts) on the parent's CPU until it execs, exits or is killed. */
function runVforkChild(cpu: CpuExec, env: number, child: LinuxProcess, site: SyscallSite, counts: { syscalls: number; syscallMs: number }, timing: boolean): VforkEnd {
  try {
    runProcess(cpu, env, child, site, counts, timing);
  } catch (e) {
    if (e instanceof GuestExit || e instanceof ThreadExit) return { exit: e.status & 0xff };
    if (e instanceof GuestKilled) return { signal: e.signal };
    if (e instanceof ExecInPlace) return { exec: e };
    throw e;
  }
}

/** Closes the guest's files (its exit report goes after: pipes reach EOF, record locks go, as Linux has it before the parent sees the exit). */
function closeGuestFiles(proc: LinuxProcess): void {
  for (const fd of proc.fds.numbers()) proc.fds.close(fd);
}

/** The program of `opts` loaded into a fresh process, its CPU at the entry point. */
function loadNew(opts: RunOptions, log: TcgLog): { target: LinuxTarget; proc: LinuxProcess } {
  const { image, arch } = loadElf(opts.program, TARGETS.map((t) => t.arch), opts.cpu);
  const target = TARGETS.find((t) => t.arch === arch)!;
  const mem = opts.ahead?.mem ?? new GuestMemory();
  mem.topByteIgnore = target.topByteIgnore ?? false;
  const as = new AddressSpace(mem);
  let loaded;
  try {
    loaded = loadProgram({
      mem, as, image,
      archAux: target.aux,
      argv: opts.argv,
      envp: opts.envp,
      execfn: opts.execfn ?? opts.program,
      stackSize: opts.stackSize,
      ldPrefix: opts.ldPrefix,
      prefixOnly: opts.prefixOnly,
    });
  } finally {
    image.bytes.close();
  }
  const proc = newProcess(mem, as, opts, target, log);
  proc.auxv = auxvBytes(loaded.auxv);
  proc.machine = image.machine;
  const { argStart, argEnd, envStart, envEnd } = loaded.stack;
  proc.layout = { startCode: loaded.startCode, endCode: loaded.endCode, startData: loaded.startData, endData: loaded.endData, startStack: loaded.sp, argStart, argEnd, envStart, envEnd };
  signalTrampoline(proc);
  target.initCpu(mem.dv, ENV_AREA, loaded.entry, loaded.sp);
  return { target, proc };
}

/** The child of a guest's fork (fork.ts): the parent's memory, state and registers, fork returning 0. */
function resumeForked(opts: RunOptions, log: TcgLog): { target: LinuxTarget; proc: LinuxProcess } {
  const { image, fd, bytesAt } = opts.forked!;
  const target = TARGETS.find((t) => t.arch.elfMachine === image.machine) ?? (() => { throw new Error(`fork image of machine ${image.machine}`); })();
  const mem = opts.ahead?.mem ?? new GuestMemory();
  mem.topByteIgnore = target.topByteIgnore ?? false;
  const as = new AddressSpace(mem);
  restoreMemory(as, mem, image, fd, bytesAt);
  const proc = newProcess(mem, as, opts, target, log);
  restoreProcess(proc, target, ENV_AREA, image);
  return { target, proc };
}

function newProcess(mem: GuestMemory, as: AddressSpace, opts: RunOptions, target: LinuxTarget, log: TcgLog): LinuxProcess {
  return LinuxProcess.fromOptions(mem, as, opts, target.abi, (line) => log.write(`${line}\n`), {
    cpuinfo: () => target.cpuinfo(hostOs().availableParallelism()),
    archSyscalls: target.archSyscalls,
    signals: { frames: target.signalFrames, syscallInsnLength: target.syscall.insnLength },
  });
}

/**
 * Runs the CPU and serves its system calls until it stops for something else (an
 * exception). A loop of its own, small enough for V8 to optimize on its own terms: a guest
 * making millions of system calls spends much of its time here.
 */
function runServing(cpu: CpuExec, env: number, proc: LinuxProcess, site: SyscallSite, counts: { syscalls: number }): ExitReason {
  const args = site.args;
  for (;;) {
    const reason = cpu.run(env);
    if (reason !== ExitReason.SYSCALL) return reason;
    if (signalCameFirst(proc)) continue;
    counts.syscalls++;
    if (!runSyscall(proc, site.number(), args)) site.advancePc();
    if (proc.thread.deliveryDue) deliverDue(proc);
  }
}

/**
 * Before a system call of a forked child whose host signals wait in the catcher
 * (host-signals.ts catchFirst): one that came is delivered now, with the call not made (the
 * pc still at it, as Linux delivers a signal that came just before), and true is returned.
 */
function signalCameFirst(proc: LinuxProcess): boolean {
  if (!proc.hostSignals?.catching || !proc.hostSignals.poll()) return false;
  proc.serveOthers();
  if (!proc.thread.deliveryDue) return false;
  deliverDue(proc);
  return true;
}

/** runServing, timing the system calls for -d stats. */
function runTimed(cpu: CpuExec, env: number, proc: LinuxProcess, site: SyscallSite, counts: { syscalls: number; syscallMs: number }): ExitReason {
  for (;;) {
    const reason = cpu.run(env);
    if (reason !== ExitReason.SYSCALL) return reason;
    if (signalCameFirst(proc)) continue;
    counts.syscalls++;
    const t0 = nowMs();
    try {
      if (!runSyscall(proc, site.number(), site.args)) site.advancePc();
      if (proc.thread.deliveryDue) deliverDue(proc);
    } finally {
      counts.syscallMs += nowMs() - t0;
    }
  }
}

/** The persistent translation cache for this program, unless disabled or translation is being logged. */
function openTranslationStore(
  opts: RunOptions, mem: GuestMemory, arch: string, maxInsns: number, helpers: HelperRegistry, log: TcgLog, parallel: boolean,
): TranslationStore | undefined {
  if (BUILD_ID === undefined || opts.translationCacheDir === undefined) return undefined;
  if (TRANSLATION_LOGS.some((item) => log.has(item))) return undefined;
  const program = programKey(opts.program);
  if (program === undefined) return undefined;
  return new TranslationStore(opts.translationCacheDir, mem, { build: BUILD_ID, arch, maxInsns, program, parallel, counting: log.has('stats') }, helpers);
}

/** counted: the guest instructions compiled code counted and its jumps through the hub (null: its backend does not count). */
function logStats(
  log: TcgLog, tbs: TbCache, cpu: CpuExec, backend: HostBackend, syscalls: number, ms: number, syscallMs: number,
  store: TranslationStore | undefined, counted: { insns: number; hops: number } | null,
): void {
  const s = tbs.stats;
  const b = backend as Partial<{ stats: Record<string, number> }>;
  const backendStats = b.stats ? Object.entries(b.stats).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(1)}`).join(' ') : '';
  log.write(
    `stats: run ${ms.toFixed(1)} ms, blocks translated ${s.blocksTranslated} in ${s.regionsCompiled} regions ` +
      `(${s.translateMs.toFixed(1)} ms translating+compiling), dispatches ${cpu.dispatches}, syscalls ${syscalls}, ` +
      `invalidations ${s.invalidations}, flushes ${s.flushes}, merges ${s.merges}, ` +
      `tier-0 blocks ${s.tier0Blocks}, promotions ${s.promotions}${backendStats ? `; ${backend.name}: ${backendStats}` : ''}\n` +
      (s.workerRegions + s.workerDropped + s.workerErrors > 0
        ? `stats: compile worker: ${s.workerRegions} regions installed, ${s.workerDropped} dropped (code changed meanwhile), ` +
          `${s.workerErrors} failed; ${s.workerMs.toFixed(1)} ms on its thread\n` +
          (tbs.workerError ? `stats: compile worker failed, compiling on the CPU's thread from then on: ${tbs.workerError.split('\n')[0]}\n` : '')
        : '') +
      `stats: time: translated code ${cpu.codeMs.toFixed(1)} ms, translating+compiling ${s.translateMs.toFixed(1)} ms, ` +
      `syscalls ${syscallMs.toFixed(1)} ms, dispatcher and the rest ${(ms - cpu.codeMs - s.translateMs - syscallMs).toFixed(1)} ms\n` +
      // One line of key=value pairs for tools (bench/run.mjs). insns: every guest instruction run,
      // where the backend counts them (the wasm backend does under -d stats; tier 0's are counted here);
      // hub_hops: jumps from one compiled region to another that stayed in wasm (hub.ts).
      `stats: summary insns=${counted === null ? 'n/a' : cpu.tier0Insns + counted.insns} hub_hops=${counted === null ? 'n/a' : counted.hops} ` +
      `tier0_insns=${cpu.tier0Insns} dispatches=${cpu.dispatches} blocks_translated=${s.blocksTranslated} tier0_blocks=${s.tier0Blocks} ` +
      `translate_ms=${s.translateMs.toFixed(1)} worker_ms=${s.workerMs.toFixed(1)} tier0_ms=${cpu.tier0Ms.toFixed(1)} code_ms=${cpu.codeMs.toFixed(1)} run_ms=${ms.toFixed(1)}\n` +
      (store
        ? `stats: translation cache: ${store.stats.used} blocks taken of ${store.stats.loaded} kept, ${store.stats.recorded} recorded; ` +
          `${store.stats.regionsUsed} compiled regions taken of ${store.stats.regionsLoaded} kept, ${store.stats.regionsRecorded} recorded\n`
        : 'stats: translation cache: off\n'),
  );
}

/**
 * Ends the emulator the way the guest died: QEMU's message (core-dumping signals only), then
 * the same signal (also a vfork child's spare, of its child's: no log of its own to close).
 */
export function dieOfSignal(sig: number, log?: { close(): void }): number {
  withdrawView(); // no 'exit' listener runs when the signal kills us
  const message = uncaughtSignalMessage(PROGRAM_NAME, sig);
  if (message) writeSync(2, message);
  log?.close();
  const host = HOST_SIGNAL_NAMES[sig];
  if (host) {
    // Node may ignore it (SIGXFSZ), or start its inspector (SIGUSR1): the default action
    // back, so that it kills us as it did the guest
    try {
      defaultOnHost(host);
    } catch {
      // SIGKILL and SIGSTOP cannot be caught: their action is the default already
    }
    try {
      process.kill(process.pid, host);
    } catch {
      // fall through to the exit status a shell would show
    }
  }
  return 128 + sig;
}

/** The -d log: to -D file, or stderr. */
function openLog(opts: RunOptions): TcgLog & { close(): void; fd(): number } {
  // One log for every process of the run: the first emulator empties it, the ones a guest's
  // execve or fork starts add to it; all of them append (a write at our own offset would
  // land on another process's lines).
  const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fsConstants;
  const flags = O_WRONLY | O_CREAT | O_APPEND | (opts.handover || opts.forked ? 0 : O_TRUNC);
  let fd = opts.logFile ? openSync(opts.logFile, flags, 0o666) : 2;
  return {
    has: (item: TcgLogItem) => opts.log.has(item),
    write: (text: string) => writeLogText(fd, text),
    fd: () => fd,
    close: () => {
      if (fd !== 2) {
        closeSync(fd);
        fd = 2;
      }
    },
  };
}

/** The auxv as /proc/self/auxv gives it: (type, value) pairs of 64-bit words, AT_NULL last. */
function auxvBytes(auxv: readonly AuxEntry[]): Uint8Array {
  const out = new Uint8Array((auxv.length + 1) * 16);
  const dv = new DataView(out.buffer);
  auxv.forEach((e, i) => {
    dv.setBigUint64(i * 16, BigInt(e.type), true);
    dv.setBigUint64(i * 16 + 8, BigInt(e.value), true);
  });
  return out;
}
