// The threads of the guest process, as the first thread's Node thread keeps them: each
// thread after the first runs its CPU on a Node worker (thread-worker.ts) over the shared
// guest memory, in parallel with the others, and comes back here — through its control
// block's mailbox (thread-control.ts) — for whatever touches the process: most system
// calls, faults, signals to take, its end. The first thread serves those requests
// whenever its own guest code passes a block boundary (the doorbell sets its exit
// request) and while it sleeps or waits (LinuxProcess.sleepServing), and keeps serving once it has
// exited itself, until the last thread is gone. QEMU's TaskState / CPUState split: the
// LinuxThread objects all live here, the registers in each CPU's env block.

import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ENV } from '../tcg/env.js';
import { JUMP_CACHE, MAX_THREADS, SHARED_CODE_WORDS, envOfCpu, jumpCacheOfCpu } from '../memory/layout.js';
import { E } from './errno.js';
import { CLONE } from './generic/constants.js';
import { GuestExit, GuestKilled, ThreadExit, WouldBlock } from './guest-exit.js';
import type { LinuxProcess } from './process.js';
import { LinuxThread } from './thread.js';
import { Answer, RequestKind, SAVE_CODE_CACHE, ThreadControl } from './thread-control.js';
import { SyscallSite, type LinuxTarget } from './target.js';
import { runSyscall } from './syscalls/table.js';
import { deliverDue, deliverFault, exceptionFault, signalRestarts } from './signal-delivery.js';
import { startWorker } from '../worker-start.js';

/** The guest-thread worker's bundle, beside the main bundle (esbuild.config.mjs). */
const THREAD_BUNDLE = 'qemu-user-ts-thread.cjs';
declare const __dirname: string | undefined;

/**
 * What a thread's worker runs first: the thread bundle compiled through node:vm with a V8
 * code cache kept beside it (dist/qemu-user-ts-thread.v8cache, stamped as
 * bin/qemu-user-ts stamps the main bundle's), so that a worker skips parsing and compiling
 * what threads run (~20 ms of its ~90 ms start). A worker that found no valid cache, or was
 * asked to refresh it (QEMU_USER_TS_CODE_CACHE=refresh: the build does, running a threaded
 * program), writes one when its first thread ends (thread-worker.ts saveCodeCache), so that
 * it holds what a thread ran.
 */
const THREAD_WORKER_LOADER = `const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');
const bundle = require('node:worker_threads').workerData.bundle;
const cacheFile = bundle.replace(/[.]cjs$/, '.v8cache');
const st = statSync(bundle);
const stamp = Buffer.from(process.version + ' ' + st.size + ' ' + st.mtimeMs + '\\n');
let cachedData;
try {
  const file = readFileSync(cacheFile);
  if (file.subarray(0, stamp.length).equals(stamp)) cachedData = file.subarray(stamp.length);
} catch {}
const script = new vm.Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected || process.env.QEMU_USER_TS_CODE_CACHE === 'refresh') {
  globalThis[Symbol.for('${SAVE_CODE_CACHE}')] = () => {
    const partial = cacheFile + '.' + process.pid;
    try {
      writeFileSync(partial, Buffer.concat([stamp, script.createCachedData()]));
      renameSync(partial, cacheFile);
    } catch {}
  };
}
const bundleModule = { exports: {} };
// the bundle's require resolves from dist/ (koffi), not from the guest's working directory as this code's would
script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
`;

/** What a new thread's worker needs to run its CPU as the first thread runs its own. */
export interface ThreadWorkerSetup {
  memory: WebAssembly.Memory;
  arch: string;
  backend: 'wasm' | 'interp';
  tier0: boolean;
  maxInsns: number;
  maxRegionBlocks: number;
  topByteIgnore: boolean;
  /** The thread bundle (THREAD_WORKER_LOADER compiles it). */
  bundle: string;
  /** -strace: the log's fd (the -D file or stderr), where the worker writes the lines of the system calls it runs itself; null: none. */
  straceFd: number | null;
  pid: number;
  cpu: number;
  /** The thread's tid; 0 for a worker started ahead of its thread (ThreadWorkersAhead), which waits for ThreadControl.start. */
  tid: number;
}

/** Starts a thread's worker (tid 0: ahead of its thread, it waits for ThreadControl.start). */
function startThreadWorker(setup: ThreadWorkerSetup): Worker {
  return startWorker(THREAD_WORKER_LOADER, { workerData: setup, stdout: false, stderr: false });
}

/** The most workers started ahead (ThreadWorkersAhead), whatever the last run's thread count. */
const MAX_WORKERS_AHEAD = 4;

/**
 * Workers started ahead for a process's first threads, when its program's runs have had
 * several at once (main.ts; TranslationStore.threadsHint): each boots — Node's worker
 * start-up and the thread bundle, 60-100 ms — while the first thread runs, then waits on
 * its CPU's control block for the thread that clone gives it (GuestThreads.spawn), which
 * then starts at once.
 */
export class ThreadWorkersAhead {
  private readonly waiting: { cpu: number; worker: Worker }[] = [];

  /** `threads`: how many the program's runs have had at once, the first included (MAX_WORKERS_AHEAD workers at most). */
  constructor(memory: WebAssembly.Memory, bundle: string, setup: Omit<ThreadWorkerSetup, 'cpu' | 'tid' | 'memory' | 'bundle'>, threads: number) {
    for (let cpu = 1; cpu < Math.min(threads, MAX_WORKERS_AHEAD + 1); cpu++) {
      new ThreadControl(memory.buffer, cpu).reset();
      this.waiting.push({ cpu, worker: startThreadWorker({ ...setup, memory, cpu, tid: 0, bundle }) });
    }
  }

  /** The next worker started ahead (lowest CPU first), if one is left. */
  take(): { cpu: number; worker: Worker } | undefined {
    return this.waiting.shift();
  }

  /** Ends the workers no thread took (an execve replaces the program in this process). */
  end(): void {
    for (const { worker } of this.waiting.splice(0)) void worker.terminate();
  }
}

/** A new thread: where its registers come from and what clone asked for. */
export interface CloneRequest {
  flags: number;
  /** The new stack pointer (0: the parent's). */
  stack: bigint;
  parentTid: bigint;
  childTid: bigint;
  tls: bigint;
}

interface ThreadRecord {
  thread: LinuxThread;
  control: ThreadControl;
  site: SyscallSite;
}

/** The guest-thread worker's bundle if this is a built emulator (running from the sources there is none). */
export function threadWorkerBundle(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const file = join(__dirname, THREAD_BUNDLE);
  return existsSync(file) ? file : undefined;
}

export class GuestThreads {
  /** The live threads by CPU index; 0 is the first thread's (until it exits). */
  private readonly byCpu: (ThreadRecord | undefined)[] = [];
  /** Each CPU's worker, kept (parked) after its thread ends for the next thread on that CPU. */
  private readonly workers: (Worker | undefined)[] = [];
  private nextTid: number;
  /** The most threads alive at once so far, the first included (the next run's workers ahead). */
  peak = 1;
  /** The first thread's exit status once it has exited with others still running (the process's status when the last ends). */
  private leaderStatus: number | null = null;

  constructor(
    p: LinuxProcess,
    private readonly target: LinuxTarget,
    private readonly bundle: string,
    private readonly setup: Omit<ThreadWorkerSetup, 'cpu' | 'tid' | 'pid' | 'memory' | 'bundle'>,
    private readonly ahead?: ThreadWorkersAhead,
  ) {
    const leader = p.thread;
    this.byCpu[0] = { thread: leader, control: leader.control!, site: new SyscallSite(p.mem.memory.buffer, leader.env, target.syscall) };
    this.nextTid = p.pid + 1;
    // From now on a code change in one thread's TB cache flushes the others' (tb.ts), and
    // code is translated for several threads: the first thread's cache flushes once, as the
    // epoch moves (layout.ts parallelTranslation).
    const shared = new Int32Array(p.mem.memory.buffer, SHARED_CODE_WORDS, 2);
    Atomics.store(shared, 1, 1);
    Atomics.add(shared, 0, 1);
  }

  /** Live threads, the first included while it runs. */
  get count(): number {
    return this.byCpu.reduce((n, r) => (r ? n + 1 : n), 0);
  }

  byTid(tid: number): LinuxThread | undefined {
    return this.byCpu.find((r) => r?.thread.tid === tid)?.thread;
  }

  /** Every live thread. */
  all(): LinuxThread[] {
    return this.byCpu.flatMap((r) => (r ? [r.thread] : []));
  }

  /**
   * clone(CLONE_VM | CLONE_THREAD ...) by the calling thread: a new CPU with the caller's
   * registers, but a 0 return value, the new stack and thread pointer, starting after the
   * system call, on a worker of its own. Returns its tid or -errno.
   */
  spawn(p: LinuxProcess, req: CloneRequest): number {
    // a CPU whose thread has ended and whose worker waits for another, or one whose worker
    // was started ahead, or a new one
    const buffer = p.mem.memory.buffer;
    const parked = this.byCpu.findIndex((r, i) => i > 0 && !r && new ThreadControl(buffer, i).parked());
    const ahead = parked > 0 ? undefined : this.ahead?.take();
    const index = parked > 0 ? parked : (ahead?.cpu ?? Math.max(this.byCpu.length, 1));
    if (index >= MAX_THREADS) return -E.EAGAIN;
    if (ahead) this.workers[index] = ahead.worker;
    const tid = this.nextTid++;
    const dv = p.mem.dv;
    const parent = p.thread;
    const env = envOfCpu(index);
    p.mem.u8.copyWithin(env, parent.env, parent.env + this.envSize());
    dv.setInt32(env + ENV.EXIT_REQUEST, 0, true);
    dv.setInt32(env + ENV.JUMP_CACHE, jumpCacheOfCpu(index) - JUMP_CACHE, true);
    dv.setBigInt64(env + ENV.INSN_COUNT, 0n, true);
    dv.setBigInt64(env + ENV.HUB_HOPS, 0n, true);
    dv.setBigInt64(env + this.target.syscall.args, 0n, true);
    if (req.stack) dv.setBigUint64(env + this.target.threadRegs.sp, req.stack, true);
    if (req.flags & CLONE.SETTLS) dv.setBigUint64(env + this.target.threadRegs.tls, req.tls, true);
    dv.setBigUint64(env + ENV.PC, dv.getBigUint64(env + ENV.PC, true) + BigInt(this.target.syscall.insnLength), true);

    const control = new ThreadControl(buffer, index);
    const reuse = this.workers[index] !== undefined;
    if (!reuse) control.reset();
    const thread = new LinuxThread(tid, index, control);
    thread.env = env;
    thread.sigmask = parent.sigmask;
    thread.fault = parent.fault; // copy_process copies the task's thread_struct
    if (req.flags & CLONE.CHILD_CLEARTID) thread.clearChildTid = req.childTid;
    // as the kernel's put_user of these, a bad address is ignored
    const putTid = (addr: bigint): void => {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, tid, true);
      p.mem.writeBytes(addr, b);
    };
    if (req.flags & CLONE.PARENT_SETTID) putTid(req.parentTid);
    if (req.flags & CLONE.CHILD_SETTID) putTid(req.childTid);

    let worker = this.workers[index];
    if (reuse) {
      control.start(tid);
    } else {
      worker = startThreadWorker({ ...this.setup, memory: p.mem.memory, pid: p.pid, cpu: index, tid, bundle: this.bundle });
      this.workers[index] = worker;
    }
    this.byCpu[index] = { thread, control, site: new SyscallSite(p.mem.memory.buffer, env, this.target.syscall) };
    this.peak = Math.max(this.peak, this.count);
    return tid;
  }

  private envSize(): number {
    return this.target.arch.envSize;
  }

  /** Serves every request posted; true if there was one. Called on the first thread's Node thread only. */
  serve(p: LinuxProcess): boolean {
    let served = false;
    for (let cpu = 1; cpu < this.byCpu.length; cpu++) {
      const rec = this.byCpu[cpu];
      if (!rec) continue;
      const kind = rec.control.take();
      if (kind === 0) continue;
      served = true;
      this.handle(p, rec, kind);
    }
    return served;
  }

  /** One thread's request, run as that thread (p.thread is it meanwhile). */
  private handle(p: LinuxProcess, rec: ThreadRecord, kind: number): void {
    const caller = p.thread;
    p.thread = rec.thread;
    try {
      let answer: number = Answer.CONTINUE;
      switch (kind) {
        case RequestKind.SYSCALL:
          rec.thread.waitExpired = rec.control.takeExpired();
          try {
            if (!runSyscall(p, rec.site.number(), rec.site.args)) rec.site.advancePc();
          } finally {
            rec.thread.waitExpired = false;
          }
          if (rec.thread.deliveryDue) deliverDue(p);
          break;
        case RequestKind.EXCEPTION: {
          const f = exceptionFault(p.mem.dv, rec.thread.env);
          if (!deliverFault(p, f)) throw new GuestKilled(f.sig);
          break;
        }
        case RequestKind.SIGNALS:
          rec.control.setSignalWaiting(false);
          if (rec.thread.deliveryDue) deliverDue(p);
          break;
        case RequestKind.RESTARTS:
          if (signalRestarts(p)) answer = Answer.RESTART;
          break;
        case RequestKind.FAILED:
          throw new Error(`guest thread ${rec.thread.tid}: its worker failed`);
        default:
          throw new Error(`guest thread ${rec.thread.tid}: unknown request ${kind}`);
      }
      rec.control.answer(answer);
    } catch (e) {
      if (e instanceof WouldBlock) {
        rec.control.answerWait(e.hostFd, e.events, e.deadlineMs, e.signalsSeen);
        return;
      }
      if (!(e instanceof ThreadExit)) throw e;
      this.end(p, rec);
      rec.control.answer(Answer.END_THREAD);
      if (this.count === 0) throw new GuestExit(this.leaderStatus ?? e.status);
    } finally {
      p.thread = caller;
    }
  }

  /**
   * A thread's end (exit, or its worker's): clear_child_tid cleared and its futex woken
   * (pthread_join waits there), robust futexes it held marked OWNER_DIED and woken.
   */
  private end(p: LinuxProcess, rec: ThreadRecord): void {
    const t = rec.thread;
    this.releaseRobustList(p, t);
    if (t.clearChildTid && p.mem.writeBytes(t.clearChildTid, new Uint8Array(4))) p.waits.futexes.wake(Number(t.clearChildTid), 1);
    this.byCpu[t.cpu] = undefined;
  }

  /** exit_robust_list: each robust mutex the thread still owns gets FUTEX_OWNER_DIED and one waiter woken. */
  private releaseRobustList(p: LinuxProcess, t: LinuxThread): void {
    const head = t.robustList.head;
    if (!head) return;
    const read64 = (a: bigint): bigint | null => (p.mem.canAccess(a, 8, 'read') ? p.mem.dv.getBigUint64(Number(a), true) : null);
    const offset = read64(head + 8n);
    if (offset === null) return;
    const signedOffset = BigInt.asIntN(64, offset);
    const pending = read64(head + 16n);
    const handle = (entry: bigint): void => {
      const word = entry + signedOffset;
      if (word & 3n || !p.mem.canAccess(word, 4, 'write')) return;
      const value = p.mem.dv.getUint32(Number(word), true);
      if ((value & 0x3fff_ffff) !== t.tid) return;
      // FUTEX_OWNER_DIED, the waiters bit kept; one waiter woken to take it over
      p.mem.dv.setUint32(Number(word), (value & 0x8000_0000) | 0x4000_0000, true);
      if (value & 0x8000_0000) p.waits.futexes.wake(Number(word), 1);
    };
    let entry = read64(head);
    // ROBUST_LIST_LIMIT: a circular list that never returns to the head ends here
    for (let n = 0; entry !== null && entry !== head && n < 2048; n++) {
      const next = read64(entry & ~1n);
      if (entry !== pending) handle(entry & ~1n);
      entry = next;
    }
    if (pending) handle(pending & ~1n);
  }

  /** The first thread has exited (exit) while others run: from now on this Node thread only serves them, until the last ends. */
  serveAfterLeader(p: LinuxProcess, status: number): never {
    const leader = this.byCpu[0]!;
    this.leaderStatus = status;
    p.thread = leader.thread;
    this.end(p, leader);
    for (;;) {
      if (this.count === 0) throw new GuestExit(status);
      const seen = leader.control.wakeSeen();
      if (!p.serveOthers()) leader.control.sleep(seen, Infinity);
    }
  }
}

