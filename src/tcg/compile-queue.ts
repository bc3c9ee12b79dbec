// The CPU thread's side of the compile worker (compile-worker.ts): starts it on first use,
// sends it region requests and hands back its answers when the TB cache polls — a read of
// one shared word, so polling at every entry from the CPU loop costs nothing. The CPU's
// thread never waits for the worker: it goes on running the code in tier 0.

import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { CompileAnswer, CompileRequest, CompileWorkerSetup } from './compile-protocol.js';
import { lazyBuiltin } from '../host-lazy.js';
import { startWorker } from '../worker-start.js';

/** Loaded when the first request starts the worker: most short runs never compile. */
const workerThreads = lazyBuiltin<typeof import('node:worker_threads')>('node:worker_threads');

/** The worker's bundle, beside the main bundle (built by esbuild.config.mjs). */
const WORKER_BUNDLE = 'qemu-user-ts-worker.cjs';

declare const __dirname: string | undefined;

/** The worker's bundle if this is a built emulator that has one (running from the sources, there is none). */
export function compileWorkerBundle(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const file = join(__dirname, WORKER_BUNDLE);
  return existsSync(file) ? file : undefined;
}

export class CompileQueue {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly ready = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;
  /** Requests sent and not answered. */
  pending = 0;

  constructor(
    private readonly bundle: string,
    private readonly setup: Omit<CompileWorkerSetup, 'ready' | 'port'>,
  ) {}

  /** Sends a request (starting the worker on the first); returns its id. */
  request(req: Omit<CompileRequest, 'id'>): number {
    if (this.worker === undefined) this.start();
    const id = this.nextId++;
    this.worker!.postMessage({ ...req, id } satisfies CompileRequest);
    this.pending++;
    return id;
  }

  /** Whether answers are waiting (one shared word read). */
  hasAnswers(): boolean {
    return this.ready[0] !== 0;
  }

  /** The answers waiting, in the order they came. */
  take(): CompileAnswer[] {
    const out: CompileAnswer[] = [];
    for (;;) {
      const m = workerThreads().receiveMessageOnPort(this.port!);
      if (m === undefined) break;
      // One message per batch the worker compiled (compile-worker.ts).
      const answers = m.message as CompileAnswer[];
      for (const a of answers) out.push(a);
      Atomics.sub(this.ready, 0, 1);
      this.pending -= answers.length;
    }
    return out;
  }

  /** Ends the worker (a guest's execve: the next program has a queue of its own). */
  close(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
  }

  private start(): void {
    const { MessageChannel } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    const workerData: CompileWorkerSetup = { ...this.setup, ready: this.ready.buffer as SharedArrayBuffer, port: port2 };
    // Neither keeps the process alive: the guest's exit ends it, whatever the worker is doing.
    this.worker = startWorker(this.bundle, { workerData, transferList: [port2] }, true);
    port1.unref();
    this.port = port1;
  }
}
