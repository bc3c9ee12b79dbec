// The guest's atomic instructions are atomic across host threads: several worker_threads
// (support/atomics-worker.ts) share one guest memory, each running a guest loop of atomic
// increments on the same counter — RV64A AMOs, LR/SC and an AMOSWAP spinlock around plain
// loads and stores; AArch64 LSE (STADD, CAS), LDXR/STXR, and the 128-bit pairs (LDXP/STXP,
// CASP, and the two mixed on one pair) — on each backend, started together, and the
// counter must come out exact. With loads and stores in place of host atomic operations,
// increments made by one thread between another's load and store are lost.
// Programs were assembled with riscv64-linux-gnu-as / aarch64-linux-gnu-as (sources in
// the comments).

import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, ENV_BLOCK_SIZE, JUMP_CACHE, JUMP_CACHE_ENTRIES, JUMP_CACHE_ENTRY_SIZE, PAGE_SIZE } from '../../src/memory/layout.js';
import { ExitReason } from '../../src/tcg/env.js';
import type { AtomicsJob } from './support/atomics-worker.js';

type BackendName = AtomicsJob['backend'];

/** Guest threads per run: more than this machine's cores, so they also interleave by preemption. */
const THREADS = 3;
/**
 * Iterations of each thread's loop: a compiled loop runs 100,000 in a few milliseconds, about
 * what the threads take to get going, so the wasm backend's threads get thirty times as many
 * to overlap long enough (with loads and stores, they then lose thousands of updates).
 */
const ITERATIONS: Record<BackendName, number> = { wasm: 3_000_000, tier0: 100_000, interp: 100_000 };
/** The 128-bit loops call a helper each time (the pair lock): a million is as long. */
const PAIR_ITERATIONS: Record<BackendName, number> = { ...ITERATIONS, wasm: 1_000_000 };
/** How long the threads of one run may take (a few seconds on the slowest backend). */
const RUN_TIMEOUT_MS = 60_000;

const CODE = 0x10000;
const DATA = 0x40000;
const COUNTER = DATA + 0x100;
const LOCK = DATA + 0x200;

// The worker's TypeScript, bundled once: worker threads do not go through vitest's transform.
const workerCode = buildSync({
  entryPoints: [join(import.meta.dirname, 'support/atomics-worker.ts')],
  bundle: true,
  platform: 'node',
  format: 'iife', // a function scope: an eval'd worker script's top-level vars would be globals (crypto is a getter there)
  write: false,
  logLevel: 'warning',
}).outputFiles[0].text;

const mem = new GuestMemory();
const dv = mem.dv;
mem.setProt(CODE, PAGE_SIZE, 5);
mem.setProt(DATA, PAGE_SIZE, 3);
for (let i = 0; i < JUMP_CACHE_ENTRIES; i++) dv.setBigInt64(JUMP_CACHE + i * JUMP_CACHE_ENTRY_SIZE, -1n, true);

interface Program {
  arch: 'riscv64' | 'aarch64';
  words: number[];
  /** Registers at the start (the counter's address among them). */
  regs: Record<number, bigint>;
  countReg: number;
}

// --- riscv64: a0 = iterations, a1 = &counter, a2 = 1, a3 = &lock -------------------------
const A0 = 10;
const rv = (words: number[]): Program => ({ arch: 'riscv64', words, regs: { 11: BigInt(COUNTER), 12: 1n, 13: BigInt(LOCK) }, countReg: A0 });
const RV_PROGRAMS = {
  // 1: amoadd.d zero,a2,(a1); addi a0,a0,-1; bnez a0,1b; ecall
  'amoadd.d': rv([0x00c5b02f, 0xfff50513, 0xfe051ce3, 0x00000073]),
  // 1: amoadd.w zero,a2,(a1); addi a0,a0,-1; bnez a0,1b; ecall
  'amoadd.w': rv([0x00c5a02f, 0xfff50513, 0xfe051ce3, 0x00000073]),
  // 1: lr.d t0,(a1); addi t0,t0,1; sc.d t1,t0,(a1); bnez t1,1b; addi a0,a0,-1; bnez a0,1b; ecall
  'lr.d/sc.d': rv([0x1005b2af, 0x00128293, 0x1855b32f, 0xfe031ae3, 0xfff50513, 0xfe0516e3, 0x00000073]),
  // 1: lr.w t0,(a1); addiw t0,t0,1; sc.w t1,t0,(a1); bnez t1,1b; addi a0,a0,-1; bnez a0,1b; ecall
  'lr.w/sc.w': rv([0x1005a2af, 0x0012829b, 0x1855a32f, 0xfe031ae3, 0xfff50513, 0xfe0516e3, 0x00000073]),
  // 1: li t0,1; 2: amoswap.w.aq t1,t0,(a3); bnez t1,2b; ld t2,0(a1); addi t2,t2,1; sd t2,0(a1)
  //    amoswap.w.rl zero,zero,(a3); addi a0,a0,-1; bnez a0,1b; ecall
  'amoswap spinlock': rv([0x00100293, 0x0c56a32f, 0xfe031ee3, 0x0005b383, 0x00138393, 0x0075b023, 0x0a06a02f, 0xfff50513, 0xfe0510e3, 0x00000073]),
};

// --- aarch64: x0 = iterations, x1 = &counter, x2 = 1 --------------------------------------
const a64 = (words: number[]): Program => ({ arch: 'aarch64', words, regs: { 1: BigInt(COUNTER), 2: 1n }, countReg: 0 });
const A64_PROGRAMS = {
  // 1: stadd x2,[x1]; subs x0,x0,#1; b.ne 1b; svc #0
  stadd: a64([0xf822003f, 0xf1000400, 0x54ffffc1, 0xd4000001]),
  // 1: ldxr x3,[x1]; add x3,x3,#1; stxr w4,x3,[x1]; cbnz w4,1b; subs x0,x0,#1; b.ne 1b; svc #0
  'ldxr/stxr': a64([0xc85f7c23, 0x91000463, 0xc8047c23, 0x35ffffa4, 0xf1000400, 0x54ffff61, 0xd4000001]),
  // 1: ldaxr w3,[x1]; add w3,w3,#1; stlxr w4,w3,[x1]; cbnz w4,1b; subs x0,x0,#1; b.ne 1b; svc #0
  'ldaxr/stlxr w': a64([0x885ffc23, 0x11000463, 0x8804fc23, 0x35ffffa4, 0xf1000400, 0x54ffff61, 0xd4000001]),
  // ldr x3,[x1]; 1: add x4,x3,#1; mov x5,x3; casal x5,x4,[x1]; cmp x5,x3; mov x3,x5; b.ne 1b
  // subs x0,x0,#1; b.ne 1b; svc #0
  casal: a64([0xf9400023, 0x91000464, 0xaa0303e5, 0xc8e5fc24, 0xeb0300bf, 0xaa0503e3, 0x54ffff61, 0xf1000400, 0x54ffff21, 0xd4000001]),
};
/** The 128-bit pair at COUNTER: each iteration adds 1 to the low word and 2 to the high one. */
const A64_PAIR_PROGRAMS = {
  // 1: ldxp x3,x4,[x1]; add x3,x3,#1; add x4,x4,#2; stxp w5,x3,x4,[x1]; cbnz w5,1b
  // subs x0,x0,#1; b.ne 1b; svc #0
  'ldxp/stxp': a64([0xc87f1023, 0x91000463, 0x91000884, 0xc8251023, 0x35ffff85, 0xf1000400, 0x54ffff41, 0xd4000001]),
  // ldp x4,x5,[x1]; 1: add x6,x4,#1; add x7,x5,#2; mov x8,x4; mov x9,x5; caspal x8,x9,x6,x7,[x1]
  // cmp x8,x4; ccmp x9,x5,#0,eq; mov x4,x8; mov x5,x9; b.ne 1b; subs x0,x0,#1; b.ne 1b; svc #0
  caspal: a64([0xa9401424, 0x91000486, 0x910008a7, 0xaa0403e8, 0xaa0503e9, 0x4868fc26, 0xeb04011f, 0xfa450120, 0xaa0803e4,
    0xaa0903e5, 0x54fffee1, 0xf1000400, 0x54fffea1, 0xd4000001]),
};

interface Done { reason: number; regs: bigint[] }

/** A worker's two messages: "ready", then its result; an error or an early exit rejects both. */
function phasesOf(w: Worker): { ready: Promise<void>; done: Promise<Done> } {
  const settle = { ready: (): void => {}, done: (_d: Done): void => {}, failReady: (_e: unknown): void => {}, failDone: (_e: unknown): void => {} };
  const ready = new Promise<void>((res, rej) => Object.assign(settle, { ready: res, failReady: rej }));
  const done = new Promise<Done>((res, rej) => Object.assign(settle, { done: res, failDone: rej }));
  done.catch(() => {}); // awaited once every thread is ready; a failure before that is ready's
  const fail = (e: unknown): void => {
    settle.failReady(e);
    settle.failDone(e);
  };
  w.on('message', (m: unknown) => (m === 'ready' ? settle.ready() : settle.done(m as Done)));
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`worker exited (${code}) before answering`)));
  return { ready, done };
}

/**
 * Runs one program per thread (its own copy of the code, its own env block), all started
 * together; resolves when every thread has made its system call.
 */
async function runThreads(backend: BackendName, programs: Program[], iterations = ITERATIONS[backend]): Promise<bigint[][]> {
  const start = new Int32Array(new SharedArrayBuffer(4));
  const pcs = programs.map((p, k) => {
    const pc = CODE + 0x100 * k;
    p.words.forEach((w, i) => dv.setUint32(pc + 4 * i, w, true));
    return pc;
  });
  const workers = programs.map((p, k) => {
    const job: AtomicsJob = {
      memory: mem.memory, start, arch: p.arch, backend, pc: pcs[k], env: ENV_AREA + (k + 1) * ENV_BLOCK_SIZE,
      regs: p.regs, countReg: p.countReg, iterations,
    };
    return new Worker(workerCode, { eval: true, workerData: job });
  });
  const phases = workers.map(phasesOf);
  try {
    // Every thread has compiled its loop (one warm-up iteration); then zero the counters and go.
    await Promise.all(phases.map((p) => p.ready));
    dv.setBigUint64(COUNTER, 0n, true);
    dv.setBigUint64(COUNTER + 8, 0n, true);
    dv.setUint32(LOCK, 0, true);
    Atomics.store(start, 0, 1);
    // A guest spinlock whose lock word an update lost leaves held spins for ever: give up.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error('the guest threads did not finish')), RUN_TIMEOUT_MS)));
    const done = await Promise.race([Promise.all(phases.map((p) => p.done)), timeout]).finally(() => clearTimeout(timer));
    for (const d of done) expect(d.reason).toBe(ExitReason.SYSCALL);
    return done.map((d) => d.regs);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const counter = (): bigint => dv.getBigUint64(COUNTER, true);

describe.each(['wasm', 'tier0', 'interp'] as const)(`atomics across ${THREADS} threads on the %s backend`, (backend) => {
  const TOTAL = BigInt(THREADS * ITERATIONS[backend]);
  it.each(Object.entries(RV_PROGRAMS))('riscv64 %s', async (name, p) => {
    await runThreads(backend, Array(THREADS).fill(p));
    expect(name.endsWith('.w') ? counter() & 0xffffffffn : counter()).toBe(TOTAL);
  });
  it.each(Object.entries(A64_PROGRAMS))('aarch64 %s', async (name, p) => {
    await runThreads(backend, Array(THREADS).fill(p));
    expect(name.endsWith(' w') ? counter() & 0xffffffffn : counter()).toBe(TOTAL);
  });
  it.each([
    ...Object.entries(A64_PAIR_PROGRAMS).map(([name, p]) => [name, Array<Program>(THREADS).fill(p)] as const),
    ['ldxp/stxp and caspal mixed', [A64_PAIR_PROGRAMS['ldxp/stxp'], A64_PAIR_PROGRAMS.caspal, A64_PAIR_PROGRAMS['ldxp/stxp']]] as const,
  ])('aarch64 128-bit %s', async (_name, programs) => {
    await runThreads(backend, [...programs], PAIR_ITERATIONS[backend]);
    const total = BigInt(THREADS * PAIR_ITERATIONS[backend]);
    expect([counter(), dv.getBigUint64(COUNTER + 8, true)]).toEqual([total, 2n * total]);
  });
});
