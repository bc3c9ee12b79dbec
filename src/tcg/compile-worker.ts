// The compile worker: a worker thread that forms and compiles tier-1 regions for the TB
// cache (compile-queue.ts), so that the CPU's thread goes on running the guest in tier 0
// meanwhile. It reads guest code from the shared guest memory, translates and optimizes
// with its own front end and helper registry (the same helpers in the same order as the
// CPU's thread, which it checks), generates the wasm module and has V8 compile it, and
// posts the module back; the CPU's thread only instantiates it. Requests that arrive while
// it works are compiled together, into one module: V8's cost per module is several times
// that of a small region's code. Built as its own bundle,
// dist/qemu-user-ts-worker.cjs (esbuild.config.mjs).

import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { riscv64 } from '../cpu/riscv/index.js';
import { aarch64 } from '../cpu/aarch64/index.js';
import { GuestMemory } from '../memory/guest-memory.js';
import { generateModule } from '../hostbackend/wasm/codegen.js';
import { HelperRegistry } from './helpers.js';
import { formRegion } from './region-form.js';
import type { CompileAnswer, CompileRequest, CompileWorkerSetup } from './compile-protocol.js';
import type { TranslatedBlock } from './ir.js';

const setup = workerData as CompileWorkerSetup;
const arch = [riscv64, aarch64].find((a) => a.name === setup.arch);
if (!arch) throw new Error(`compile worker: unknown guest ${setup.arch}`);
const mem = new GuestMemory(setup.memory);
const helpers = new HelperRegistry();
const translator = arch.createTranslator(helpers);
const names = helpers.all.map((h) => h.name);
if (names.length !== setup.helperNames.length || names.some((n, i) => n !== setup.helperNames[i])) {
  throw new Error('compile worker: its helpers are not numbered as the CPU thread\'s');
}
const ready = new Int32Array(setup.ready);
const port = setup.port;

/** Each block's tier as the CPU's thread last said (CompileRequest.tiers). */
const tierOf = new Map<number, number>();
/** The blocks this worker compiled in the current epoch (see CompileRequest.epoch). */
let epoch = -1;
const compiled = new Set<number>();

/** Most requests compiled into one module, and the blocks after which no more join it (the rest wait for the next). */
const BATCH_REQUESTS = 16;
const BATCH_BLOCKS = 160;

/** A request's region, formed and waiting for its batch's module (null: nothing to compile). */
interface Formed {
  readonly req: CompileRequest;
  readonly blocks: TranslatedBlock[] | null;
  readonly translateMs: number;
}

/** Forms the region a request asks for, or null if an earlier answer of its epoch holds its entry. */
function form(req: CompileRequest): Formed {
  const t0 = performance.now();
  const tiers = req.tiers;
  for (let i = 0; i < tiers.length; i += 2) {
    if (tiers[i + 1] < 0) tierOf.delete(tiers[i]);
    else tierOf.set(tiers[i], tiers[i + 1]);
  }
  if (req.epoch !== epoch) {
    epoch = req.epoch;
    compiled.clear();
  }
  if (req.seeds.length === 1 && compiled.has(req.seeds[0])) return { req, blocks: null, translateMs: performance.now() - t0 };
  const blocks = formRegion(translator, mem, req.seeds, {
    maxBlocks: req.maxBlocks,
    maxInsns: req.maxInsns,
    admits: (pc) => {
      const tier = tierOf.get(pc);
      return tier !== 1 && !compiled.has(pc) && (!req.onlyRun || tier === 0);
    },
  });
  for (const b of blocks) compiled.add(b.pc);
  return { req, blocks, translateMs: performance.now() - t0 };
}

/**
 * Posts a batch's answers as one message (so that they share one copy of the module and
 * its bytes on the other side) and counts the message in the ready word.
 */
function post(answers: CompileAnswer[]): void {
  if (answers.length === 0) return;
  port.postMessage(answers);
  Atomics.add(ready, 0, 1);
}

const errorText = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/**
 * Takes requests from the front of `queue` until a batch is full (BATCH_REQUESTS, or
 * BATCH_BLOCKS blocks formed), forms their regions, compiles them as one module and
 * answers each.
 */
function compileBatch(queue: CompileRequest[]): void {
  const answers: CompileAnswer[] = [];
  const answer = (a: CompileAnswer): number => answers.push(a);
  const formed: Formed[] = [];
  let blocks = 0;
  let taken = 0;
  while (taken < queue.length && taken < BATCH_REQUESTS && blocks < BATCH_BLOCKS) {
    const req = queue[taken++];
    try {
      const f = form(req);
      formed.push(f);
      blocks += f.blocks?.length ?? 0;
    } catch (e) {
      answer({ id: req.id, ok: false, error: errorText(e) });
    }
  }
  queue.splice(0, taken);
  const withCode = formed.filter((f) => f.blocks !== null);
  let module: WebAssembly.Module | null = null;
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  let usesFusedMadd = false;
  let generateMs = 0;
  let compileMs = 0;
  if (withCode.length > 0) {
    try {
      const t0 = performance.now();
      const out = generateModule({ regions: withCode.map((f) => f.blocks!), baseSlot: 0, helpers, text: false, countInsns: setup.countInsns });
      const t1 = performance.now();
      module = new WebAssembly.Module(out.bytes);
      compileMs = performance.now() - t1;
      generateMs = t1 - t0;
      bytes = out.bytes;
      usesFusedMadd = out.usesFusedMadd;
    } catch (e) {
      for (const f of withCode) answer({ id: f.req.id, ok: false, error: errorText(e) });
      post(answers);
      return;
    }
  }
  let part = 0;
  for (const f of formed) {
    const first = part === 0;
    answer({
      id: f.req.id,
      ok: true,
      module: f.blocks ? module : null,
      part: f.blocks ? part : 0,
      blocks: f.blocks ? f.blocks.map((b) => ({ pc: b.pc, size: b.size, insnCount: b.insns.length })) : [],
      bytes: f.blocks && f.req.image ? bytes : null,
      usesFusedMadd,
      translateMs: f.translateMs + (f.blocks && first ? generateMs : 0),
      compileMs: f.blocks && first ? compileMs : 0,
    });
    if (f.blocks) part++;
  }
  post(answers);
}

/** Requests received and not yet compiled. */
const waiting: CompileRequest[] = [];

// Each message wakes the worker; the requests that came while it compiled are taken with
// it, and compiled together (up to a batch's size).
parentPort!.on('message', (first: CompileRequest) => {
  waiting.push(first);
  for (let m; (m = receiveMessageOnPort(parentPort!)) !== undefined; ) waiting.push(m.message as CompileRequest);
  while (waiting.length > 0) {
    compileBatch(waiting);
    for (let m; (m = receiveMessageOnPort(parentPort!)) !== undefined; ) waiting.push(m.message as CompileRequest);
  }
});
