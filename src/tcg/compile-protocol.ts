// What the TB cache (through CompileQueue) and the compile worker say to each other: a
// request to form and compile one tier-1 region, and the compiled module that answers it
// (the worker compiles the requests waiting together into one module: then each answer
// names the same module and its own part of it, and the batch's answers come as one
// message, an array, sharing one copy of the module and its bytes).

import type { MessagePort } from 'node:worker_threads';

/** Set up once, as the worker's workerData. */
export interface CompileWorkerSetup {
  /** The guest memory (shared): the worker reads guest code and permissions from it. */
  readonly memory: WebAssembly.Memory;
  /** GuestArch.name of the guest. */
  readonly arch: string;
  /** The names of the helpers in id order, as the CPU's thread registered them: the worker's must match. */
  readonly helperNames: readonly string[];
  /** Compiled code counts guest instructions (BackendOptions.countInsns). */
  readonly countInsns: boolean;
  /** Int32Array word 0: messages of answers posted and not yet taken; the worker adds one per message (a batch's answers). */
  readonly ready: SharedArrayBuffer;
  /** Where answers go. */
  readonly port: MessagePort;
}

export interface CompileRequest {
  readonly id: number;
  /** The region's seeds (its entry first). */
  readonly seeds: readonly number[];
  readonly maxBlocks: number;
  readonly maxInsns: number;
  /**
   * What became of blocks since the last request, as pairs (pc, tier): 0 translated for
   * tier 0 (it has run), 1 compiled, -1 gone. The worker keeps the sum of them: a successor
   * compiled already never joins a region.
   */
  readonly tiers: readonly number[];
  /** Only successors that have run in tier 0 may join (a promotion). */
  readonly onlyRun: boolean;
  /** Return the module's bytes too (for the persistent translation cache). */
  readonly image: boolean;
  /**
   * The TB cache's epoch (it changes when guest code does). Within one epoch the worker
   * remembers what it compiled: those blocks join no later region, and a promotion whose
   * entry an earlier answer holds already is answered with no module.
   */
  readonly epoch: number;
}

/** A block of a compiled region: what the TB cache keeps of it. */
export interface CompiledBlockInfo {
  readonly pc: number;
  readonly size: number;
  /** Guest instructions in the block. */
  readonly insnCount: number;
}

export type CompileAnswer =
  | {
      readonly id: number;
      readonly ok: true;
      /** null: an earlier answer of the same epoch holds the entry block already. */
      readonly module: WebAssembly.Module | null;
      /** Which region of the module this request's is (regionExport). */
      readonly part: number;
      readonly blocks: readonly CompiledBlockInfo[];
      /** The module's bytes, when the request asked for its image. */
      readonly bytes: Uint8Array<ArrayBuffer> | null;
      readonly usesFusedMadd: boolean;
      /** The worker's milliseconds: translating and generating, then V8's compile (a module's compile counted with its first part). */
      readonly translateMs: number;
      readonly compileMs: number;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };
