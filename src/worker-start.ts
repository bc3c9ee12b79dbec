// Starting the emulator's Node workers (a guest thread's, the compile worker, the host-signal
// follower, the clock) sooner. bin/qemu-user-ts runs V8 with a large interrupt budget, so
// that translation code that runs once is not optimized; but the budget also keeps Node's
// own bootstrap of a worker in V8's interpreter longer: a worker reached its first line of
// ours ~85 ms after `new Worker` instead of ~45 (2-core machine). The budget is one flag of
// the whole process, read whenever a function's budget is reset, so startWorker lowers it to
// V8's default while the worker boots, and the worker's first line raises it again (the
// guest's own code runs on meanwhile: a few more of its functions may be optimized).

import type { Worker, WorkerOptions } from 'node:worker_threads';
import { lazyBuiltin } from './host-lazy.js';

const v8 = lazyBuiltin<typeof import('node:v8')>('node:v8');
const workerThreads = lazyBuiltin<typeof import('node:worker_threads')>('node:worker_threads');

/** Where bin/qemu-user-ts leaves the interrupt budget it runs V8 with (absent: the flag is not ours to change). */
const RUN_BUDGET = Symbol.for('qemu-user-ts.interruptBudget');
/** V8's own interrupt budget, for a worker's bootstrap. */
const BOOT_BUDGET = 67584;

/**
 * A new worker running `source` (CommonJS, with require) — or the file `source` names, with
 * `file` — unref'd: it never keeps the process alive.
 */
export function startWorker(source: string, options: WorkerOptions, file = false): Worker {
  const run = (globalThis as Record<symbol, unknown>)[RUN_BUDGET];
  const body = file ? `require(${JSON.stringify(source)});` : source;
  let code = body;
  if (typeof run === 'number') {
    v8().setFlagsFromString(`--interrupt-budget=${BOOT_BUDGET}`);
    code = `require('node:v8').setFlagsFromString('--interrupt-budget=${run}');\n${body}`;
  }
  try {
    const worker = new (workerThreads().Worker)(code, { ...options, eval: true });
    worker.unref();
    return worker;
  } catch (e) {
    if (typeof run === 'number') v8().setFlagsFromString(`--interrupt-budget=${run}`);
    throw e;
  }
}
