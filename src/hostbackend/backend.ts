// The one interface every host backend implements: compile translated blocks (a whole
// region at a time), run from a compiled block until the guest needs the CPU loop, and
// drop regions whose guest code changed. The backend never knows which guest it runs.
//
// Contract shared by all backends:
//  - A compiled block is entered with the env pointer (the CPU's env block address).
//  - At each block entry, if the i32 at env+ENV.EXIT_REQUEST is non-zero, the block
//    stores its pc at env+ENV.PC and returns ExitReason.INTERRUPT without running.
//  - goto_tb/goto_ptr chain to the next block without returning when they can: a block
//    of the same region directly (goto_ptr finds it through the jump cache in guest
//    memory at env.JUMP_CACHE: entry pc → slot, filled by the TB cache); a backend may also
//    follow the jump cache into other regions (the interpreter does, the wasm backend
//    leaves that to the CPU loop). Otherwise they store the target at env+ENV.PC and
//    return ExitReason.LOOKUP.
//  - exit_tb stores its pc const at env+ENV.PC and returns its reason const.
//  - A qemu_ld/qemu_st that faults stores the pc of its guest instruction (the last
//    insn_start) at env+ENV.PC, with every guest register written so far in env, and
//    throws the GuestFault from GuestMemory.firstFault (out of run()).
//    A store to a page with PERM.CODE goes through GuestMemory.check (which invalidates
//    that page's translations) and then completes.
//  - atomic_rmw/atomic_cmpxchg are one host atomic operation on the shared memory each,
//    checked and faulting as a qemu_st is (GuestMemory.atomics does them for the backends
//    that run in JavaScript).

import type { ExitReason } from '../tcg/env.js';
import type { HelperRegistry } from '../tcg/helpers.js';
import type { TranslatedBlock } from '../tcg/ir.js';
import type { GuestMemory } from '../memory/guest-memory.js';

export interface BackendOptions {
  readonly mem: GuestMemory;
  readonly helpers: HelperRegistry;
  /** Receives the `-d out_asm` text of each compiled region when set. */
  readonly logOutAsm?: (text: string) => void;
  /** Compiled code adds the guest instructions it runs to env.INSN_COUNT (for -d stats). */
  readonly countInsns?: boolean;
  /** The jump cache of the CPU this backend runs (layout.ts: one per thread); JUMP_CACHE by default. */
  readonly jumpCache?: number;
}

/** What a backend can do natively (QEMU tcg-target-has.h style). */
export interface BackendCaps {
  /** Chains blocks without returning to the CPU loop. */
  readonly chaining: boolean;
  /** Native 64-bit integer arithmetic (no bigint). */
  readonly nativeI64: boolean;
}

export interface CompiledRegion {
  /** One slot per block, in the order given to compile(): the handle run() and the jump cache use. */
  readonly slots: number[];
  /** The compiled code in a form loadImage() takes back, in this run or another; only when asked for. */
  readonly image?: RegionImage;
}

/** A compiled region as bytes (for the wasm backend, the module). */
export interface RegionImage {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** What the code needs of the host beyond the backend's baseline (backend-defined bits); loadImage checks. */
  readonly needs: number;
  /** Which of the regions in `bytes` this one is (a module may hold several: backend-defined). */
  readonly part: number;
}

export interface CompileOptions {
  /** Return the region's image (backends with loadImage only). */
  readonly image?: boolean;
}

export interface HostBackend {
  readonly name: 'wasm' | 'interp' | 'tier0';
  readonly caps: BackendCaps;
  /** Compiles blocks together (one wasm module for the lot); they may call each other directly. */
  compile(blocks: TranslatedBlock[], opts?: CompileOptions): CompiledRegion;
  /**
   * A region again from the image compile() returned for `count` blocks, perhaps in another
   * run (the persistent translation cache); throws if it cannot (this host lacks what the
   * image needs, or the engine refuses it). Backends without images lack it.
   */
  loadImage?(image: RegionImage, count: number): CompiledRegion;
  /**
   * A region compiled elsewhere (the compile worker): region `part` of `module`, of
   * `count` blocks as compile() makes them; `made.bytes`, the module's bytes, when its
   * image is wanted. Only the wasm backend has it.
   */
  loadModule?(module: WebAssembly.Module, count: number, part: number, made: { bytes: Uint8Array<ArrayBuffer> | null; usesFusedMadd: boolean }): CompiledRegion;
  /** Runs from the block in `slot` with the CPU whose env block is at `env`. */
  run(slot: number, env: number): ExitReason;
  /** The region's blocks will never be entered again; their slots may be reused. */
  release(region: CompiledRegion): void;
}
