// The WebAssembly host backend: compiles a region of translated blocks into a wasm
// module (codegen.ts) whose exported function runs any of its blocks, instantiates
// it against the shared guest memory, the memory slow paths, the helpers it uses and the
// hub (hub.ts), and gives its blocks consecutive slots. A module made by the compile
// worker may hold several regions; each is instantiated on its own (`part`). Jumps inside a region are
// branches; a jump to another region tail-calls the hub, which follows the jump cache into
// the region holding the target, or returns LOOKUP to the CPU loop when it does not know
// it. Only the hub imports the funcref table of regions: in V8 11 (Node 20) every instance
// that imports a table pays for its whole size when instantiated and again whenever any
// entry changes (measured: 290 µs per instance with 4,096 entries).

import { memopSigned, memopSize } from '../../tcg/opcodes.js';
import { ENV, ExitReason } from '../../tcg/env.js';
import type { HelperContext, HelperRegistry } from '../../tcg/helpers.js';
import type { TranslatedBlock } from '../../tcg/ir.js';
import { JUMP_CACHE, JUMP_CACHE_ENTRIES } from '../../memory/layout.js';
import { GuestFault, type GuestMemory } from '../../memory/guest-memory.js';
import type { BackendCaps, BackendOptions, CompiledRegion, CompileOptions, HostBackend, RegionImage } from '../backend.js';
import type { CodegenOutput } from './codegen.js';
import { FAULT_EXIT, IMPORTS, baseSlotImport, regionExport } from './abi.js';
import { generateModule } from '../../tcg/translate-side.js';
import { wasmFeatures } from './features.js';
import { Hub, type RegionFn } from './hub.js';
import { nowMs } from '../../host-lazy.js';

type HelperImport = (...args: (number | bigint)[]) => number | bigint | void;
/** RegionImage.needs: the module uses relaxed_madd as a hardware FMA (features.ts). */
const NEEDS_FUSED_MADD = 1;
/** RegionImage.needs: the module counts guest instructions (BackendOptions.countInsns); loaded only by a backend that does. */
const NEEDS_INSN_COUNT = 2;

export class WasmBackend implements HostBackend {
  readonly name = 'wasm' as const;
  readonly caps: BackendCaps = { chaining: true, nativeI64: true };

  private readonly mem: GuestMemory;
  private readonly helpers: HelperRegistry;
  private readonly ctx: HelperContext;
  private readonly logOutAsm: ((text: string) => void) | undefined;
  private readonly countInsns: boolean;
  /** Per slot: the region function holding it (the hub's table has them too; kept here so that run() can say a slot is empty). */
  private readonly slotFn: (RegionFn | undefined)[] = [];
  private nextSlot = 0;
  /** Owns the table of region functions by slot; regions jump to each other through it. */
  private readonly hub: Hub;
  private readonly helperImports: (HelperImport | undefined)[] = [];
  private readonly runtimeImports: WebAssembly.ModuleImports;
  /** The jump cache as i32 words: entry i has pc at [4i, 4i+1] and slot at [4i+2]. */
  private readonly jumpCache: Int32Array;
  /** The base slot of the regions of a module that a run did not load (see instantiate). */
  private readonly noSlots = new WebAssembly.Global({ value: 'i32', mutable: false }, 0);
  /** The fault a slow path caught, rethrown by run() once the region has left. */
  private pendingFault: GuestFault | null = null;

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
    this.countInsns = opts.countInsns ?? false;
    this.jumpCache = new Int32Array(this.mem.memory.buffer, opts.jumpCache ?? JUMP_CACHE, JUMP_CACHE_ENTRIES * 4);
    this.hub = new Hub(opts.mem.memory, this.countInsns);
    const mem = this.mem;
    const dv = mem.dv;
    // The slow paths: checked accesses, which note code writes; a fault is kept for run()
    // to throw and reported to the region through env.FAULT (it then leaves at once).
    const fault = (env: number, e: unknown): void => {
      if (!(e instanceof GuestFault)) throw e;
      this.pendingFault = e;
      dv.setInt32((env >>> 0) + ENV.FAULT, 1, true);
    };
    this.runtimeImports = {
      [IMPORTS.memory]: mem.memory,
      [IMPORTS.dispatch]: this.hub.dispatch,
      [IMPORTS.load]: (env: number, addr: bigint, memop: number): bigint => {
        try {
          return mem.load(addr, memopSize(memop), memopSigned(memop));
        } catch (e) {
          fault(env, e);
          return 0n;
        }
      },
      [IMPORTS.store]: (env: number, addr: bigint, value: bigint, size: number): void => {
        try {
          mem.store(addr, size as 1 | 2 | 4 | 8, value);
        } catch (e) {
          fault(env, e);
        }
      },
      [IMPORTS.check]: (env: number, addr: bigint, len: number, write: number): void => {
        try {
          mem.check(addr, len, write ? 'write' : 'read');
        } catch (e) {
          fault(env, e);
        }
      },
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

  compile(blocks: TranslatedBlock[], opts: CompileOptions = {}): CompiledRegion {
    const t0 = nowMs();
    const out: CodegenOutput = generateModule({ regions: [blocks], baseSlot: this.nextSlot, helpers: this.helpers, text: this.logOutAsm !== undefined, countInsns: this.countInsns });
    const t1 = nowMs();
    const region = this.instantiate(new WebAssembly.Module(out.bytes), blocks.length, 0);
    this.nBytes += out.bytes.length;
    this.codegenMs += t1 - t0;
    this.totalMs += nowMs() - t0;
    if (this.logOutAsm && out.text !== null) this.logOutAsm(out.text);
    return opts.image ? { slots: region.slots, image: { bytes: out.bytes, needs: this.imageNeeds(out.usesFusedMadd), part: 0 } } : region;
  }

  /**
   * A region from the image compile() made of `count` blocks (in another run: the
   * persistent translation cache). Throws if the engine does not take the module. (The
   * regions of one module share its bytes: V8 compiles bytes it has compiled before at once.)
   */
  loadImage(image: RegionImage, count: number): CompiledRegion {
    if (image.needs & ~(NEEDS_FUSED_MADD | NEEDS_INSN_COUNT)) throw new Error('wasm backend: an image needing what this build does not know');
    if (((image.needs & NEEDS_INSN_COUNT) !== 0) !== this.countInsns) throw new Error('wasm backend: an image counting instructions differently');
    // Asked only of images that use relaxed_madd (the probe also lets V8 compile it).
    if (image.needs & NEEDS_FUSED_MADD && !wasmFeatures().fusedMadd) throw new Error('wasm backend: the image needs a fused multiply-add');
    const t0 = nowMs();
    const region = this.instantiate(new WebAssembly.Module(image.bytes), count, image.part);
    this.nBytes += image.bytes.length;
    this.totalMs += nowMs() - t0;
    return region;
  }

  loadModule(module: WebAssembly.Module, count: number, part: number, made: { bytes: Uint8Array<ArrayBuffer> | null; usesFusedMadd: boolean }): CompiledRegion {
    const region = this.instantiate(module, count, part);
    if (!made.bytes) return region;
    this.nBytes += made.bytes.length;
    return { slots: region.slots, image: { bytes: made.bytes, needs: this.imageNeeds(made.usesFusedMadd), part } };
  }

  /** RegionImage.needs of a module this backend made. */
  private imageNeeds(usesFusedMadd: boolean): number {
    return (usesFusedMadd ? NEEDS_FUSED_MADD : 0) | (this.countInsns ? NEEDS_INSN_COUNT : 0);
  }

  /**
   * Instantiates region `part` of a module, of `count` blocks, which get consecutive slots
   * from nextSlot. The module's other regions (if any) get no slots: their base globals
   * say slot 0, and their functions are never put in the hub's table.
   */
  private instantiate(module: WebAssembly.Module, count: number, part: number): CompiledRegion {
    const baseSlot = this.nextSlot;
    const helperImports: WebAssembly.ModuleImports = {};
    const runtime: WebAssembly.ModuleImports = { ...this.runtimeImports };
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.module === IMPORTS.helperModule) helperImports[imp.name] = this.helperImport(Number(imp.name));
      else if (imp.kind === 'global') runtime[imp.name] = imp.name === baseSlotImport(part) ? new WebAssembly.Global({ value: 'i32', mutable: false }, baseSlot) : this.noSlots;
    }
    const instance = new WebAssembly.Instance(module, { [IMPORTS.module]: runtime, [IMPORTS.helperModule]: helperImports });
    const fn = instance.exports[regionExport(part)] as RegionFn;
    if (typeof fn !== 'function') throw new Error(`wasm backend: the module has no region ${part}`);
    const slots: number[] = [];
    for (let i = 0; i < count; i++) {
      slots.push(baseSlot + i);
      this.slotFn[baseSlot + i] = fn;
      this.hub.set(baseSlot + i, fn);
    }
    this.nextSlot += count;
    this.nModules++;
    this.nBlocks += count;
    return { slots };
  }

  /**
   * Runs from `slot` until translated code needs the CPU loop (LOOKUP: a jump to a pc the
   * jump cache does not know, whichever region it left from); a memory fault is thrown.
   */
  run(slot: number, env: number): ExitReason {
    const fn = this.slotFn[slot];
    if (fn === undefined) throw new Error(`wasm backend: slot ${slot} holds no block`);
    const reason = this.hub.enter(env, slot);
    if (reason === FAULT_EXIT) {
      const e = this.pendingFault as GuestFault;
      this.pendingFault = null;
      throw e;
    }
    return reason as ExitReason;
  }

  release(region: CompiledRegion): void {
    const released = new Set(region.slots);
    for (const slot of region.slots) {
      this.slotFn[slot] = undefined;
      this.hub.clear(slot);
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
