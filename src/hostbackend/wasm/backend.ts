// The WebAssembly host backend: compiles a region of translated blocks into one wasm
// module (codegen.ts), instantiates it against the shared guest memory, one funcref
// table owned here, the memory slow paths and the helpers it uses, and places each
// block's function in a table slot. Blocks of one region call each other directly;
// blocks of different regions meet through the jump cache and the table. run() enters a
// block through a cached JS reference to its function.

import { memopSigned, memopSize } from '../../tcg/opcodes.js';
import type { ExitReason } from '../../tcg/env.js';
import type { HelperContext, HelperRegistry } from '../../tcg/helpers.js';
import type { TranslatedBlock } from '../../tcg/ir.js';
import { JUMP_CACHE, JUMP_CACHE_ENTRIES } from '../../memory/layout.js';
import type { GuestMemory } from '../../memory/guest-memory.js';
import type { BackendCaps, BackendOptions, CompiledRegion, HostBackend } from '../backend.js';
import { IMPORTS, generateModule, type CodegenOutput } from './codegen.js';

type BlockFn = (env: number) => ExitReason;
type HelperImport = (...args: (number | bigint)[]) => number | bigint | void;

const INITIAL_TABLE_SIZE = 256;

export class WasmBackend implements HostBackend {
  readonly name = 'wasm' as const;
  readonly caps: BackendCaps = { chaining: true, nativeI64: true };

  private readonly mem: GuestMemory;
  private readonly helpers: HelperRegistry;
  private readonly ctx: HelperContext;
  private readonly logOutAsm: ((text: string) => void) | undefined;
  /** Every compiled block's function, at its slot. */
  private readonly table: WebAssembly.Table;
  /** JS references to the table's functions, filled on first run() of a slot. */
  private readonly fns: (BlockFn | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;
  private readonly helperImports: (HelperImport | undefined)[] = [];
  private readonly runtimeImports: WebAssembly.ModuleImports;
  /** The jump cache as i32 words: entry i has pc at [4i, 4i+1] and slot at [4i+2]. */
  private readonly jumpCache: Int32Array;

  // --- statistics for -d stats ---
  private nModules = 0;
  private nBlocks = 0;
  private nBytes = 0;
  private codegenMs = 0;
  private totalMs = 0;

  constructor(opts: BackendOptions) {
    this.mem = opts.mem;
    this.helpers = opts.helpers;
    this.ctx = { mem: opts.mem };
    this.logOutAsm = opts.logOutAsm;
    this.table = new WebAssembly.Table({ element: 'anyfunc', initial: INITIAL_TABLE_SIZE });
    this.jumpCache = new Int32Array(this.mem.memory.buffer, JUMP_CACHE, JUMP_CACHE_ENTRIES * 4);
    const mem = this.mem;
    this.runtimeImports = {
      [IMPORTS.memory]: mem.memory,
      [IMPORTS.table]: this.table,
      // The slow paths: checked accesses that fault with the right address, note code writes.
      [IMPORTS.load]: (addr: bigint, memop: number): bigint => mem.load(addr, memopSize(memop), memopSigned(memop)),
      [IMPORTS.store]: (addr: bigint, value: bigint, size: number): void => mem.store(addr, size as 1 | 2 | 4 | 8, value),
    };
  }

  /** Everything `-d stats` prints for this backend. */
  get stats(): Readonly<Record<string, number>> {
    return {
      modules: this.nModules,
      blocks: this.nBlocks,
      wasmBytes: this.nBytes,
      codegenMs: this.codegenMs,
      compileMs: this.totalMs,
    };
  }

  /** Regions compiled so far (one wasm module each). */
  get modulesCompiled(): number {
    return this.nModules;
  }
  /** Blocks compiled so far. */
  get blocksCompiled(): number {
    return this.nBlocks;
  }
  /** Bytes of wasm generated so far. */
  get wasmBytes(): number {
    return this.nBytes;
  }
  /** Milliseconds spent generating wasm from IR. */
  get codegenTimeMs(): number {
    return this.codegenMs;
  }
  /** Milliseconds spent in compile() altogether: codegen, WebAssembly.Module and Instance. */
  get compileTimeMs(): number {
    return this.totalMs;
  }

  compile(blocks: TranslatedBlock[]): CompiledRegion {
    const t0 = performance.now();
    const slots = blocks.map(() => this.allocSlot());
    let out: CodegenOutput;
    let t1: number;
    try {
      out = generateModule({ blocks, slots, helpers: this.helpers, text: this.logOutAsm !== undefined });
      t1 = performance.now();
      const helperImports: WebAssembly.ModuleImports = {};
      for (const id of out.helperIds) helperImports[String(id)] = this.helperImport(id);
      const module = new WebAssembly.Module(out.bytes);
      new WebAssembly.Instance(module, { [IMPORTS.module]: this.runtimeImports, [IMPORTS.helperModule]: helperImports });
    } catch (e) {
      this.freeSlots.push(...slots); // a codegen bug: give the slots back and let it surface
      throw e;
    }
    const t2 = performance.now();

    this.nModules++;
    this.nBlocks += blocks.length;
    this.nBytes += out.bytes.length;
    this.codegenMs += t1 - t0;
    this.totalMs += t2 - t0;
    if (this.logOutAsm && out.text !== null) this.logOutAsm(out.text);
    return { slots };
  }

  run(slot: number, env: number): ExitReason {
    let f = this.fns[slot];
    if (f === undefined) {
      f = this.table.get(slot) as BlockFn | null ?? undefined;
      if (f === undefined) throw new Error(`wasm backend: slot ${slot} holds no block`);
      this.fns[slot] = f;
    }
    return f(env);
  }

  release(region: CompiledRegion): void {
    const released = new Set(region.slots);
    for (const slot of region.slots) {
      this.fns[slot] = undefined;
      this.table.set(slot, null);
      this.freeSlots.push(slot);
    }
    // Jump-cache entries that still lead to these slots become empty (pc = -1).
    const jc = this.jumpCache;
    for (let i = 0; i < jc.length; i += 4) {
      if ((jc[i] & jc[i + 1]) !== -1 && released.has(jc[i + 2])) {
        jc[i] = -1;
        jc[i + 1] = -1;
      }
    }
  }

  private allocSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    const slot = this.nextSlot++;
    if (slot >= this.table.length) this.table.grow(this.table.length);
    return slot;
  }

  /**
   * The JS function a module imports for helper `id`: the helper with its context bound.
   * wasm hands i32 values to JS as signed numbers; i32 arguments are passed on as
   * unsigned (>>> 0), as the interpreter passes them, so that the env pointer (above
   * 2^31) arrives as the address it is. Helpers wanting a signed i32 apply `| 0`.
   */
  private helperImport(id: number): HelperImport {
    let f = this.helperImports[id];
    if (f) return f;
    const def = this.helpers.get(id);
    const fn = def.fn as unknown as (ctx: HelperContext, ...args: (number | bigint)[]) => number | bigint | void;
    const ctx = this.ctx;
    const n = def.args.length;
    const i32Args = def.args.filter((t) => t === 'i32').length;
    if (i32Args === 0 || (i32Args === n && n <= 6)) {
      // The common shapes get straight-line wrappers: no i32 argument, or all i32 (env, register numbers).
      const u = i32Args > 0;
      switch (n) {
        case 0: f = () => fn(ctx); break;
        case 1: f = u ? (a) => fn(ctx, (a as number) >>> 0) : (a) => fn(ctx, a); break;
        case 2: f = u ? (a, b) => fn(ctx, (a as number) >>> 0, (b as number) >>> 0) : (a, b) => fn(ctx, a, b); break;
        case 3: f = u ? (a, b, c) => fn(ctx, (a as number) >>> 0, (b as number) >>> 0, (c as number) >>> 0) : (a, b, c) => fn(ctx, a, b, c); break;
        case 4: f = u
          ? (a, b, c, d) => fn(ctx, (a as number) >>> 0, (b as number) >>> 0, (c as number) >>> 0, (d as number) >>> 0)
          : (a, b, c, d) => fn(ctx, a, b, c, d); break;
        case 5: f = u
          ? (a, b, c, d, e) => fn(ctx, (a as number) >>> 0, (b as number) >>> 0, (c as number) >>> 0, (d as number) >>> 0, (e as number) >>> 0)
          : (a, b, c, d, e) => fn(ctx, a, b, c, d, e); break;
        case 6: f = u
          ? (a, b, c, d, e, g) => fn(ctx, (a as number) >>> 0, (b as number) >>> 0, (c as number) >>> 0, (d as number) >>> 0, (e as number) >>> 0, (g as number) >>> 0)
          : (a, b, c, d, e, g) => fn(ctx, a, b, c, d, e, g); break;
        default: f = (...args) => fn(ctx, ...args);
      }
    } else {
      const unsigned = def.args.map((t) => t === 'i32');
      const conv = (x: number | bigint, i: number): number | bigint => (unsigned[i] ? (x as number) >>> 0 : x);
      f = (...args) => fn(ctx, ...args.map(conv));
    }
    this.helperImports[id] = f;
    return f;
  }
}
