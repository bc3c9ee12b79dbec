// The compile worker: a worker thread that forms and compiles tier-1 regions for the TB
// cache (compile-queue.ts), so that the CPU's thread goes on running the guest in tier 0
// meanwhile. It reads guest code from the shared guest memory, translates and optimizes
// with its own front end and helper registry (the same helpers in the same order as the
// CPU's thread, which it checks), generates the wasm module and has V8 compile it, and
// posts the module back; the CPU's thread only instantiates it. Built as its own bundle,
// dist/qemu-user-ts-worker.cjs (esbuild.config.mjs).

import { parentPort, workerData } from 'node:worker_threads';
import { riscv64 } from '../cpu/riscv/index.js';
import { aarch64 } from '../cpu/aarch64/index.js';
import { GuestMemory } from '../memory/guest-memory.js';
import { generateModule } from '../hostbackend/wasm/codegen.js';
import { HelperRegistry } from './helpers.js';
import { formRegion } from './region-form.js';
import type { CompileAnswer, CompileRequest, CompileWorkerSetup } from './compile-protocol.js';

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

function compile(req: CompileRequest): CompileAnswer {
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
  if (req.seeds.length === 1 && compiled.has(req.seeds[0])) {
    return { id: req.id, ok: true, module: null, blocks: [], bytes: null, usesFusedMadd: false, translateMs: performance.now() - t0, compileMs: 0 };
  }
  const blocks = formRegion(translator, mem, req.seeds, {
    maxBlocks: req.maxBlocks,
    maxInsns: req.maxInsns,
    admits: (pc) => {
      const tier = tierOf.get(pc);
      return tier !== 1 && !compiled.has(pc) && (!req.onlyRun || tier === 0);
    },
  });
  for (const b of blocks) compiled.add(b.pc);
  const out = generateModule({ blocks, baseSlot: 0, helpers, text: false, countInsns: setup.countInsns });
  const t1 = performance.now();
  const module = new WebAssembly.Module(out.bytes);
  return {
    id: req.id,
    ok: true,
    module,
    blocks: blocks.map((b) => ({ pc: b.pc, size: b.size, insnCount: b.insns.length })),
    bytes: req.image ? out.bytes : null,
    usesFusedMadd: out.usesFusedMadd,
    translateMs: t1 - t0,
    compileMs: performance.now() - t1,
  };
}

parentPort!.on('message', (req: CompileRequest) => {
  let answer: CompileAnswer;
  try {
    answer = compile(req);
  } catch (e) {
    answer = { id: req.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(answer);
  Atomics.add(ready, 0, 1);
});
