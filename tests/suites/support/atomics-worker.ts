// One guest thread for atomics-threads.test.ts, run in a worker_thread over the shared
// guest memory it is given: a small guest program (a loop of atomic updates) on one
// backend with an env block of its own, blocks translated and compiled as the CPU loop
// would (the optimizer before the wasm backend), run until the program's system call.
// It runs the program once (one iteration) to have its blocks compiled, says "ready",
// spins until the test's start signal (spinning, not sleeping, so that the threads start
// within microseconds of each other: a compiled loop of 100,000 iterations takes about a
// millisecond, less than a sleeping thread may take to wake), then runs it for real and
// answers with its registers.

import { parentPort, workerData } from 'node:worker_threads';
import { GuestMemory } from '../../../src/memory/guest-memory.js';
import { ENV_BLOCK_SIZE } from '../../../src/memory/layout.js';
import { ENV, ExitReason } from '../../../src/tcg/env.js';
import { HelperRegistry } from '../../../src/tcg/helpers.js';
import { optimize } from '../../../src/tcg/optimize.js';
import type { HostBackend } from '../../../src/hostbackend/backend.js';
import { InterpBackend } from '../../../src/hostbackend/interp/interp.js';
import { Tier0Backend } from '../../../src/hostbackend/tier0/tier0.js';
import { WasmBackend } from '../../../src/hostbackend/wasm/backend.js';
import { aarch64 } from '../../../src/cpu/aarch64/index.js';
import { A64, xOffset as a64X } from '../../../src/cpu/aarch64/state.js';
import { riscv64 } from '../../../src/cpu/riscv/index.js';
import { RV, xOffset as rvX } from '../../../src/cpu/riscv/state.js';

export interface AtomicsJob {
  memory: WebAssembly.Memory;
  /** Int32Array over a SharedArrayBuffer: word 0 becomes 1 when the threads may start. */
  start: Int32Array;
  arch: 'riscv64' | 'aarch64';
  backend: 'wasm' | 'tier0' | 'interp';
  /** The program's first instruction, and its env block. */
  pc: number;
  env: number;
  /** Registers at the start, by number (the iteration count among them: `countReg`). */
  regs: Record<number, bigint>;
  countReg: number;
  iterations: number;
}

const job = workerData as AtomicsJob;
const mem = new GuestMemory(job.memory);
const dv = mem.dv;
const helpers = new HelperRegistry();
const translator = (job.arch === 'riscv64' ? riscv64 : aarch64).createTranslator(helpers);
const xOffset = job.arch === 'riscv64' ? rvX : a64X;
const opts = { mem, helpers };
const backend: HostBackend = job.backend === 'wasm' ? new WasmBackend(opts) : job.backend === 'tier0' ? new Tier0Backend(opts) : new InterpBackend(opts);
const slots = new Map<number, number>();

/** Runs the program from its start with `iterations` in the count register, until it leaves for anything but a lookup. */
function run(iterations: number): ExitReason {
  const env = job.env;
  mem.rawFill(env, ENV_BLOCK_SIZE);
  dv.setBigInt64(env + (job.arch === 'riscv64' ? RV.RES_ADDR : A64.EXCL_ADDR), -1n, true);
  for (const [r, v] of Object.entries(job.regs)) dv.setBigUint64(env + xOffset(Number(r)), BigInt.asUintN(64, v), true);
  dv.setBigUint64(env + xOffset(job.countReg), BigInt(iterations), true);
  dv.setBigInt64(env + ENV.PC, BigInt(job.pc), true);
  for (;;) {
    const pc = Number(dv.getBigInt64(env + ENV.PC, true));
    let slot = slots.get(pc);
    if (slot === undefined) {
      const tb = translator.translate(mem, pc, { maxInsns: 64 });
      slot = backend.compile([job.backend === 'wasm' ? optimize(tb) : tb]).slots[0];
      slots.set(pc, slot);
    }
    const reason = backend.run(slot, env);
    if (reason === ExitReason.INTERRUPT) dv.setInt32(env + ENV.EXIT_REQUEST, 0, true);
    else if (reason !== ExitReason.LOOKUP) return reason;
  }
}

run(1);
parentPort!.postMessage('ready');
while (Atomics.load(job.start, 0) === 0);
const reason = run(job.iterations);
const regs = Array.from({ length: 32 }, (_, r) => dv.getBigUint64(job.env + xOffset(r), true));
parentPort!.postMessage({ reason, regs });
